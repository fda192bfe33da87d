"""Whether a summary sentence can be read where it stands, and the full name at first mention.

An extractive summary lifts sentences out of their articles. One that opens with "He", "This",
"Those actions" or "The decision" points back at something its article said before; if the
summary has not said it, the reader cannot follow. A surname alone ("Barr said") needs the full
name the first time the summary mentions the person; we substitute it when the story names
exactly one person with that surname.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from newsprism.analysis.attribution import REPORTING
from newsprism.model import Article, Sentence
from newsprism.text.nlp import names, parse, parse_full
from newsprism.text.terms import STOP_WORDS, stem

_LEAD_SKIP = frozenset(["and", "but", "yet", "so", "also", "still", "however", "meanwhile", "then"])
_PERSONAL = frozenset(["he", "she", "they", "him", "her", "his", "their", "them", "it", "its"])
_DEMONSTRATIVE = frozenset(["this", "that", "these", "those", "such"])
_SPEAKERS = frozenset(["he", "she", "they"])
_SPEAKING = re.compile(REPORTING)
_EXTRAPOSED = re.compile(
    r"^it(?:'s|’s| is| was| has been| had been| will be| would be| seems| seemed| remains)\b"
    r".*\b(?:to|that|for|whether|how|why|what|when|if)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*")
_NAME = re.compile(
    r"\b([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)((?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)


_POSSESSIVE_S = re.compile(r"['’]s$")


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """Cached: the summary's checks ask again for the same article text before each candidate."""
    return frozenset(stem(_POSSESSIVE_S.sub("", w.lower())) for w in _TOKEN.findall(text))


@lru_cache(maxsize=4096)
def _forms(text: str) -> frozenset[str]:
    """Words as written (lower case, no possessive): 'those actions' needs 'actions' before it,
    not 'action' in another sense."""
    return frozenset(_POSSESSIVE_S.sub("", w.lower()) for w in _TOKEN.findall(text))


def dangling(text: str, before: str, previous: str, earlier: str, follows_source: bool) -> bool:
    """The sentence opens with a reference its article resolved (``before``: the article's earlier
    text) but the summary does not: a personal pronoun whose person is not in the ``previous``
    summary sentence, a demonstrative, or a definite noun its article used before and the summary
    (``earlier``) has not. ``follows_source``: the summary's previous sentence is the article's
    own previous sentence. A command ('Check out ...') cannot stand in a summary either."""
    doc = parse([text])[0]
    if _commands(doc):
        return True
    if follows_source:
        return False
    first = next((t for t in doc if t.is_alpha and t.lower_ not in _LEAD_SKIP), None)
    if first is None:
        return False
    return (
        _leading(first, text, before, previous, earlier)
        or _pointing_inside(doc, text, earlier, first.i)
        or _bare_speaker(doc, before, earlier)
    )


def _bare_speaker(doc: Any, before: str, earlier: str) -> bool:
    """'"...," she said.': the quotation's speaker is a pronoun, and none of the people its
    article named just before appears earlier in the summary, so the reader cannot tell who
    spoke. A name earlier in the same sentence is taken as the speaker."""
    token = _speaker_pronoun(doc)
    return token is not None and not (_capitalised(_last_sentences(before)) & _stems(earlier))


def _speaker_pronoun(doc: Any) -> Any | None:
    """The pronoun that is the subject of a verb of saying, unless a name precedes it."""
    for token in doc:
        if token.lower_ not in _SPEAKERS or token.dep_ != "nsubj":
            continue
        if not _SPEAKING.fullmatch(token.head.lower_):
            continue
        return None if any(t.pos_ == "PROPN" for t in doc[: token.i]) else token
    return None


def resolve_speaker(text: str, before: str) -> str | None:
    """The sentence with its pronoun speaker ('..., she said.') replaced by the one person its
    article named in the two sentences before, when nothing there points at anyone else: no other
    person, and no pronoun of the other gender. None when that is not plain."""
    token = _speaker_pronoun(parse([text])[0])
    if token is None or token.lower_ not in _GENDER:
        return None
    previous = _last_sentences(before)
    people = {e.text for e in names([previous])[0].ents if e.label_ == "PERSON"}
    used = {_GENDER[w] for w in re.findall(r"[a-z]+", previous.lower()) if w in _GENDER}
    if len(people) != 1 or not used <= {_GENDER[token.lower_]}:
        return None
    name = re.sub(r"['’]s?$", "", people.pop())
    return text[: token.idx] + name + text[token.idx + len(token.text) :]


def _capitalised(text: str) -> set[str]:
    """Stems of the capitalised words that are not function words: the names a text gives."""
    return {
        stem(re.sub(r"['’]s$", "", w.lower()))
        for w in _TOKEN.findall(text)
        if w[0].isupper() and len(w) > 1 and w.lower() not in STOP_WORDS
    }


def _leading(first: Any, text: str, before: str, previous: str, earlier: str) -> bool:
    """The opening word (a pronoun, a demonstrative, a definite noun) points back unresolved."""
    low = first.lower_
    if low in _PERSONAL and first.pos_ == "PRON":
        if low in {"it", "its"}:
            if _EXTRAPOSED.search(text.lstrip(' "“')):
                return False
            nouns = _stems(_last_sentences(before, 1)) - {stem(w) for w in STOP_WORDS}
            return not (nouns & _stems(previous))
        return not (_capitalised(_last_sentences(before)) & _stems(previous))
    if low in _DEMONSTRATIVE:
        head = first.head if first.dep_ in {"det", "amod", "predet"} else first
        return head is first or head.lower_ not in _forms(earlier)
    if first.lower_ == "the" or (first.pos_ == "PROPN" and first.head.pos_ == "NOUN"):
        head = first.head
        if head.pos_ == "NOUN" and not _self_identifying(head):
            lemma = stem(head.lemma_.lower())
            return lemma in _stems(before) and lemma not in _stems(earlier)
    return False


def _pointing_inside(doc: Any, text: str, earlier: str, lead: int) -> bool:
    """'She repeated that feat': a demonstrative later in the sentence, in the outlet's own words,
    naming a thing the summary has not mentioned. Times ('this year') point at the calendar."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    known = _forms(earlier)
    for token in doc:
        if token.lower_ not in _DEMONSTRATIVE or token.dep_ != "det" or token.i <= lead:
            continue
        noun = next(
            (t for t in doc[token.i + 1 : token.i + 4] if t.pos_ in {"NOUN", "PROPN"}), None
        )
        if noun is None or noun.pos_ == "PROPN" or any(a <= token.idx < b for a, b in quoted):
            continue
        if noun.lower_ in _TIME_WORDS or noun.lower_ in known:
            continue
        if any(c.dep_ in {"relcl", "acl", "appos"} or c.lower_ == "of" for c in noun.children):
            continue  # 'those residents who live nearby' says which ones
        return True
    return False


_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
# Nouns after 'this'/'that' that place a passage in time, not point back at a thing.
_TIME_TEXT = (
    "time times moment day days night week weeks weekend month months year years season morning "
    "afternoon evening summer winter spring autumn fall century decade hour hours minute minutes "
    "point stage"
)
_TIME_WORDS = frozenset(_TIME_TEXT.split())


# ---- resolving an opening pronoun -------------------------------------------------------------

_AGREES = {"he": "person", "she": "person", "it": "thing", "they": "group"}
_POSSESSIVE = {"his": "person", "her": "person", "its": "thing", "their": "group"}
_PHRASE_DEPS = frozenset(["det", "amod", "compound", "nummod", "poss", "case", "punct", "advmod"])


def resolve_lead(text: str, previous_source: str) -> str | None:
    """The sentence with its opening subject or possessive pronoun replaced by the antecedent a
    reader of its article takes it to continue: the subject of the article's previous sentence,
    when that subject agrees with the pronoun (a person for 'he'/'she', a thing for 'it', a plural
    for 'they') and is the only person named there. None when there is nothing to replace or the
    antecedent is not that plain."""
    match = re.match(r"([A-Za-z]+)\b(?![’'])", text)  # not a contraction ("It's", "He'd")
    if match is None or not previous_source.strip() or _EXTRAPOSED.search(text):
        return None
    low = match.group(1).lower()
    kind = _AGREES.get(low) or _POSSESSIVE.get(low)
    first = parse([text])[0][0]
    wanted = {"nsubj", "nsubjpass"} if low in _AGREES else {"poss"}
    if kind is None or first.dep_ not in wanted or first.pos_ != "PRON":
        return None
    phrase = _antecedent(parse_full(previous_source), kind)
    if phrase is None or (kind == "person" and not _same_gender(low, previous_source)):
        return None
    if low in _POSSESSIVE:
        phrase += "’" if phrase.endswith("s") and kind == "group" else "’s"
    return phrase[:1].upper() + phrase[1:] + text[match.end() :]


_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}


def _same_gender(pronoun: str, previous: str) -> bool:
    """The previous sentence refers to its person with the pronoun's gender ('Trained by her
    father, X ...' before 'She ...') and never with the other: a name alone does not say it."""
    used = {_GENDER[w] for w in re.findall(r"[a-z]+", previous.lower()) if w in _GENDER}
    return used == {_GENDER[pronoun]}


def _antecedent(doc: Any, kind: str) -> str | None:
    sentences = list(doc.sents)
    if not sentences:
        return None
    root = sentences[-1].root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    people = {e.text.split()[-1] for e in doc.ents if e.label_ == "PERSON"}
    if kind == "person":
        name = next((e for e in doc.ents if e.label_ == "PERSON" and subject in e), None)
        return re.sub(r"['’]s?$", "", name.text) if name is not None and len(people) == 1 else None
    if subject.ent_type_ or subject.pos_ != "NOUN":
        return None  # a named thing ('McDonald's') may be a person or a company
    if (kind == "group") != (subject.tag_ == "NNS"):
        return None
    left = [t for t in doc[subject.left_edge.i : subject.i] if t.dep_ not in _PHRASE_DEPS]
    if left:
        return None  # a clause before the noun: no short phrase to lift
    words = [t.text_with_ws for t in doc[subject.left_edge.i : subject.i + 1]]
    return re.sub(r"(?i)^an?\s+", "the ", "".join(words).strip())


def _self_identifying(head: Any) -> bool:
    """'The Bay Park complex', 'the causes of death', 'Hayes' lawyer, John Fuller': a name, an
    appositive or an 'of' complement says which one is meant."""
    return any(
        c.dep_ in {"appos", "compound"} or (c.dep_ == "prep" and c.lower_ == "of")
        for c in head.children
    )


def _commands(doc: Any) -> bool:
    """A sentence opening with a bare verb and no subject: an instruction to the reader."""
    root = next(iter(doc.sents)).root if len(doc) else None
    if root is None or root.tag_ != "VB":
        return False
    subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in root.children)
    first = next((t for t in doc if t.is_alpha), None)
    return not subject and first is not None and first.i == root.i


def _last_sentences(before: str, n: int = 2) -> str:
    parts = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+", before.strip())
    return " ".join(parts[-n:])


def source_before(article: Article, sentence: Sentence) -> str:
    return " ".join(s.text for s in article.sentences[: sentence.index])


# ---- full names ------------------------------------------------------------------------------


def full_names(articles: Sequence[Article]) -> dict[str, tuple[str, str]]:
    """Surname -> (the one full name 'First Last' the story uses for it, a sentence using it);
    ambiguous surnames (two first names) are left out."""
    seen: dict[str, dict[str, str]] = {}
    for article in articles:
        if article.degraded:
            continue
        for sentence in article.sentences:
            for match in _NAME.finditer(sentence.text):
                first, rest = match.group(1), match.group(2)
                if first.lower() in STOP_WORDS or first.lower() in _TITLE_WORDS:
                    continue
                last = rest.split()[-1]
                seen.setdefault(last, {}).setdefault(f"{first}{rest}", sentence.text)
    return {last: next(iter(n.items())) for last, n in seen.items() if len(n) == 1}


# Words that capitalise before a name without being one ('President Trump', 'Judge Amy Berman').
_TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "senator",
        "sen",
        "rep",
        "representative",
        "governor",
        "gov",
        "judge",
        "justice",
        "mayor",
        "secretary",
        "attorney",
        "general",
        "chief",
        "minister",
        "prime",
        "king",
        "queen",
        "prince",
        "pope",
        "sir",
        "lord",
        "lady",
        "former",
        "said",
        "says",
        "told",
        "when",
        "after",
        "before",
        "while",
        "during",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "the",
        "a",
        "an",
        "new",
        "north",
        "south",
        "east",
        "west",
        "united",
    ]
)


def is_person(full: str, sentence: str) -> bool:
    """spaCy's entity recogniser reads the full name as a person in the sentence that uses it."""
    doc = names([sentence])[0]  # the recogniser alone: its names do not need the parse
    return any(e.label_ == "PERSON" and e.text.endswith(full.split()[-1]) for e in doc.ents)


def with_full_name(
    text: str, names: dict[str, tuple[str, str]], mentioned: set[str]
) -> tuple[str, set[str]]:
    """The text with the first bare surname of each not-yet-mentioned person given in full, and
    the surnames now mentioned."""
    mentioned = set(mentioned)
    out = text
    for last, (full, example) in names.items():
        match = re.search(rf"\b{re.escape(last)}\b", out)
        if last in mentioned or match is None:
            continue
        mentioned.add(last)
        if full in out or _after_capital(out, match.start()) or not is_person(full, example):
            continue
        out = out[: match.start()] + full + out[match.end() :]
    return out, mentioned


def _after_capital(text: str, start: int) -> bool:
    """The surname follows another capitalised word (a title or first name already there)."""
    before = text[:start].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    return bool(word) and word[0].isupper() and not before.endswith((",", ":", ";"))
