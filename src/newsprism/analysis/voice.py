"""Whose voice a sentence is in: the outlet reporting, or someone it quotes or reprints.

A summary speaks in the tool's voice, so it may only show sentences in which an outlet reports.
Quotations, statements and letters reprinted without quotation marks, and advocacy read as
newsprism's own claims unless they carry their attribution ("..., the letter said"). The signals
are structural, so they hold on any story: the sentence sits inside a quotation its article opened
earlier; it speaks in the first or second person outside quotation marks; it tells someone what
they must do; most of it is quotation with no speaker; or its words are printed inside quotation
marks by some article (a reprinted statement). A paragraph whose sentences speak as "we" with no
attribution is a reprinted statement as a whole, and so is a paragraph introduced by a colon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsprism.model import Article, Sentence
from newsprism.text.tokens import word_tokens

_FIRST_SECOND = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "i'm",
        "i've",
        "we're",
        "we've",
        "we'll",
        "you're",
        "you've",
        "you'll",
    ]
)
_MUST = frozenset(["must", "should", "ought"])
_REPORTING = re.compile(  # not after an article: 'the saying', 'the reports', 'a call'
    r"(?<!\bthe )(?<!\ban )(?<!\ba )\b(?:said|says|say|saying|told|tells|tell|wrote|writes|write"
    r"|written|stated|states|added|adds"
    r"|argued|argues|claimed|claims|according|asserted|asserts|alleged|alleges|insisted|insists"
    r"|noted|notes|warned|warns|declared|declares|announced|announces|tweeted|tweets|posted"
    r"|reads|read|urged|urges|accused|accuses|called|calls|demanded|demands|described|describes"
    r"|explained|explains|acknowledged|admitted|denied|denies|suggested|suggests|complained"
    r"|asked|asks|replied|responded|testified|reported|reports|concluded|contended|maintained"
    r"|confirmed|confirms|continued|continues|recalled|recalls)\b"
)
GRAM = 4
_QUOTE_MARK = re.compile(r"[\"“”]")
QUOTED_SHARE = 0.5


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks. A straight quote opens after a space or at the
    start and closes after a word; an unclosed quote runs to the end, an unopened close from the
    start."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        opening = ch == "“" or (ch == '"' and (i == 0 or text[i - 1] in " \t([{—–-:"))
        closing = ch == "”" or (ch == '"' and not opening)
        if opening and start is None:
            start = i
        elif closing:
            spans.append((start if start is not None else 0, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def outside_quotes(text: str) -> str:
    chars = list(text)
    for a, b in quote_spans(text):
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _words(text: str) -> list[str]:
    return word_tokens(
        text.replace("’", "'"), ascii_only=True, apostrophes=True, contraction_tail=True
    )


def grams(text: str) -> set[tuple[str, ...]]:
    tokens = _words(text)
    return {tuple(tokens[i : i + GRAM]) for i in range(len(tokens) - GRAM + 1)}


def printed_as_quotation(articles: Iterable[Article]) -> set[tuple[str, ...]]:
    """Word 4-grams some article prints inside quotation marks."""
    out: set[tuple[str, ...]] = set()
    for article in articles:
        for line in article.text.splitlines():
            for a, b in quote_spans(line):
                out |= grams(line[a:b])
    return out


def attributed(text: str) -> bool:
    """A reporting verb outside quotation marks says whose words these are."""
    return bool(_REPORTING.search(outside_quotes(text).lower()))


def _person_words(text: str) -> set[str]:
    """Lower-cased words, leaving out a capitalised 'Us', 'US', 'You' inside the sentence: names
    ('Us Weekly', 'the US'), not persons."""
    return set(_words(re.sub(r"(?<=\S\s)(?:U[sS]|Y[oO][uU]\w*|O[uU][rR]\w*|W[eE])\b", " ", text)))


def speaks_as_someone(text: str) -> bool:
    """First or second person, or an obligation, outside quotation marks."""
    free = _person_words(outside_quotes(text))
    return bool(free & _FIRST_SECOND or free & _MUST)


def balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def mostly_quoted(text: str) -> bool:
    total = len(_words(text))
    return total > 0 and len(_words(outside_quotes(text))) <= 0.5 * total


def reprinted(text: str, quoted: set[tuple[str, ...]]) -> bool:
    """Most of the sentence's own words are printed inside quotation marks somewhere."""
    own = grams(outside_quotes(text))
    return bool(own) and len(own & quoted) >= QUOTED_SHARE * len(own)


def statement_sentences(article: Article) -> set[str]:
    """Ids of sentences inside a quotation opened earlier, or in a reprinted-statement paragraph
    (first person with no attribution anywhere in it, or introduced by a colon)."""
    out: set[str] = set()
    open_quote = False
    paragraph: list[Sentence] = []
    after_colon = False
    for k, sentence in enumerate(article.sentences):
        if k and sentence.paragraph != article.sentences[k - 1].paragraph:
            after_colon = _closes_with_colon(paragraph)
            _mark_statement(paragraph, out, colon=False)
            paragraph = []
            open_quote = open_quote and sentence.text.lstrip()[:1] in '"“'
        paragraph.append(sentence)
        if open_quote or (after_colon and not attributed(sentence.text)):
            out.add(sentence.id)
        open_quote = _still_open(sentence.text, open_quote) and _closes_soon(article.sentences, k)
    _mark_statement(paragraph, out, colon=False)
    return out


QUOTE_REACH = 4  # sentences within which a quotation opened mid-paragraph closes


def _closes_soon(sentences: Sequence[Sentence], k: int) -> bool:
    """A quotation left open by sentence k is real if a quotation mark follows within a few
    sentences of its paragraph, or the paragraph ends first (a quotation running on into the next
    paragraph). A mark never answered in a long paragraph is a stray, and must not turn the rest
    of the article into someone's words."""
    paragraph = sentences[k].paragraph
    for sentence in sentences[k + 1 : k + 1 + QUOTE_REACH]:
        if sentence.paragraph != paragraph or _QUOTE_MARK.search(sentence.text):
            return True
    return k + 1 + QUOTE_REACH > len(sentences)


def _closes_with_colon(paragraph: Sequence[Sentence]) -> bool:
    return bool(paragraph) and paragraph[-1].text.rstrip(" \"“”'").endswith(":")


STATEMENT_PARAGRAPH = 4  # longer 'paragraphs' are often whole unbroken articles


def _mark_statement(paragraph: Sequence[Sentence], out: set[str], colon: bool) -> None:
    """A short paragraph speaking as 'we' throughout, with no attribution, is a statement."""
    if len(paragraph) > STATEMENT_PARAGRAPH:
        return
    speaking = [s for s in paragraph if speaks_as_someone(s.text) and not attributed(s.text)]
    if len(speaking) == len(paragraph) or colon:
        out.update(s.id for s in paragraph if not attributed(s.text))


def _still_open(text: str, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence."""
    spans = quote_spans(text)
    if not spans:
        return was_open
    _last_a, last_b = spans[-1]
    return last_b == len(text) and text[last_b - 1] not in '"”'


def own_voice(sentence: Sentence, statements: set[str], quoted: set[tuple[str, ...]]) -> bool:
    """The sentence can stand in the tool's voice: it reports, or says whose words it gives."""
    text = sentence.text
    if not balanced(text) or sentence.id in statements:
        return False
    if speaks_as_someone(text) or mostly_quoted(text) or reprinted(text, quoted):
        return attributed(text)
    return True


def whole_quotation(sentence: Sentence, statements: set[str], quoted: set[tuple[str, ...]]) -> bool:
    """Every word of the sentence is someone's quoted or reprinted words: it sits inside a
    quotation or reprinted statement, or is a quotation with nothing outside its marks."""
    text = sentence.text
    if sentence.id in statements or reprinted(text, quoted):
        return not _words(outside_quotes(text)) or not quote_spans(text) or reprinted(text, quoted)
    return mostly_quoted(text) and len(_words(outside_quotes(text))) == 0


def as_quotation(text: str, speaker: str) -> str:
    """'<Speaker> said: "<the sentence without its own marks>"'; a speaker given as
    '<outlet> writes' keeps its verb."""
    inner = re.sub(r"[\"“”]", "", text).strip()
    who = _indefinite(speaker)
    who = who[:1].upper() + who[1:]
    verb = "" if who.endswith(" writes") else " said"
    return f"{who}{verb}: “{inner}”"


def _indefinite(speaker: str) -> str:
    """'the letter' -> 'a letter', 'the former officials' -> 'former officials': a summary that
    has not introduced the speaker cannot point back at it; a name stays as it is."""
    match = re.match(r"(?i)the\s+(?=[a-z])", speaker)
    if match is None:
        return speaker
    rest = speaker[match.end() :]
    if rest.split()[-1].endswith("s"):
        return rest
    return ("an " if rest[0] in "aeiou" else "a ") + rest


def writers_voice(sentence: Sentence, statements: set[str], quoted: set[tuple[str, ...]]) -> bool:
    """The article's own writer speaks ('the women on our list', 'we tested'): first or second
    person with no quotation marks, outside any quotation or reprinted statement. Shown only as
    the outlet's words."""
    text = sentence.text
    return (
        speaks_as_someone(text)
        and not quote_spans(text)
        and sentence.id not in statements
        and not reprinted(text, quoted)
    )


def closed(text: str) -> str | None:
    """A sentence whose quotation runs on into the next one ('Lee continued, "The band was ...')
    with its closing mark added, when it names the speaker before the quotation; None otherwise."""
    spans = quote_spans(text)
    if balanced(text) or not spans or spans[-1][1] != len(text):
        return None
    start = spans[-1][0]
    if not _REPORTING.search(text[:start].lower()) or text[start] not in '"“':
        return None
    fixed = text.rstrip() + ("”" if text[start] == "“" else '"')
    return fixed if balanced(fixed) else None


def reopened(sentence: Sentence, statements: set[str]) -> str | None:
    """A sentence that closes a quotation opened in an earlier sentence ('... item," the usher
    said.') with its opening mark restored, so it can be shown balanced; None otherwise."""
    text = sentence.text
    if sentence.id not in statements or balanced(text):
        return None
    first_close = min((i for i in (text.find("”"), text.find('"')) if i >= 0), default=-1)
    if first_close < 0 or text.find("“", 0, first_close) >= 0:
        return None
    mark = "“" if text[first_close] == "”" else '"'
    fixed = mark + text
    return fixed if balanced(fixed) else None
