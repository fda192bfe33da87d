"""A faithfulness checker for briefs: does every statement read true to the sentences it cites?

The checker is a test tool, written apart from the analysis it checks: it parses with spaCy and
uses its own rules, never the selection code's predicates. For one Brief it flags

- ``unbalanced_quotes``: summary or agreed text whose quotation marks do not pair up;
- ``unresolved_reference``: a summary sentence opening with a pronoun, a demonstrative or a
  definite noun phrase whose antecedent sits in its source article but not earlier in the summary,
  or whose quotation's speaker is a bare pronoun ('"...," she said.') that nothing before names;
- ``unattributed_opinion``: a summary sentence that carries quotation, a reprinted statement or
  advocacy in the tool's own voice (first or second person outside quotation marks, an obligation
  modal, a quotation without a speaker, words that some article prints inside quotation marks)
  with no attribution ("said", "according to", "the letter says");
- ``unsupported_agreed``: an agreed item credited to an outlet whose cited sentences lack the
  item's figures or names, most of its content words, or state it with the opposite polarity;
- ``wrong_omitted_by``: an outlet listed as not reporting an item whose text reports it;
- ``count_label``: an item's outlet count that does not match the outlets it cites;
- ``quote_not_verbatim``: a merged quotation whose shown text no variant's outlet printed;
- ``agreed_reference``: an agreed item (read on its own) opening with a pronoun, a demonstrative
  or a part of a set named before ('One of these', 'It', 'This');
- ``agreed_fragment``: an agreed item that is not a whole sentence: no finite main verb with a
  subject, or a clause it opens ('was that ...') left without its verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from newsprism.eval.faithfulness_agreed import check_agreed
from newsprism.eval.faithfulness_base import (
    CATEGORIES,
    REPORTING,
    Finding,
    counts,
    tokens,
    unbalanced,
)
from newsprism.eval.faithfulness_quotes import check_quotes
from newsprism.model import Article, Brief, Sentence
from newsprism.text.nlp import parse

__all__ = [
    "CATEGORIES",
    "Finding",
    "check_agreed",
    "check_brief",
    "check_quotes",
    "check_summary",
    "counts",
    "unbalanced",
]

_FIRST_PERSON = frozenset(
    ["i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"]
)
_SECOND_PERSON = frozenset(["you", "your", "yours", "yourself", "yourselves"])
_OBLIGATION = frozenset(["must", "should", "ought"])
_PERSONAL = frozenset(["he", "him", "his", "she", "her", "they", "them", "their", "it", "its"])
_DEMONSTRATIVE = frozenset(["this", "that", "these", "those", "such"])
_SPEAKER_PRONOUNS = frozenset(["he", "she", "they"])
_NOMINAL = frozenset(["PROPN", "NOUN"])
_POINTED = frozenset(["this", "that", "these", "those", "which"])
_PARTS = frozenset(
    ["one", "some", "many", "most", "all", "each", "none", "several", "any", "both", "either",
     "neither", "few", "half", "much"]
)  # fmt: skip
_SKIP_LEAD = frozenset(["and", "but", "yet", "so", "also", "still", "however", "meanwhile", "then"])
_QUOTE_CHARS = '"“”'
QUOTED_SHARE = 0.5  # share of a sentence's word 4-grams printed inside quotation marks somewhere
_GRAM = 4


# ---- quotation marks --------------------------------------------------------------------------


def quoted_mask(text: str) -> list[bool]:
    """Per character: inside quotation marks. A straight quote after a space (or at the start)
    opens, after a word it closes; an unclosed quote runs to the end of the text, a close with
    no open covers everything before it."""
    mask = [False] * len(text)
    inside = False
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([")):
            inside = True
        elif ch in '"”':
            if not inside:
                mask[:i] = [True] * i
            inside = False
        mask[i] = inside or ch in _QUOTE_CHARS
    return mask


def outside_quotes(text: str) -> str:
    mask = quoted_mask(text)
    return "".join(" " if m else ch for ch, m in zip(text, mask, strict=True))


def inside_quotes(text: str) -> list[str]:
    """The quoted spans of a text, in order."""
    mask = quoted_mask(text)
    spans, current = [], []
    for ch, m in zip(text, mask, strict=True):
        if m and ch not in _QUOTE_CHARS:
            current.append(ch)
        elif current:
            spans.append("".join(current))
            current = []
    if current:
        spans.append("".join(current))
    return spans


def _grams(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + _GRAM]) for i in range(len(tokens) - _GRAM + 1)}


def quoted_grams(articles: Iterable[Article]) -> set[tuple[str, ...]]:
    """Word 4-grams that some article prints inside quotation marks (quotes may span sentences)."""
    out: set[tuple[str, ...]] = set()
    for article in articles:
        for paragraph in re.split(r"\n\s*\n|\n", article.text):
            for span in inside_quotes(paragraph):
                out |= _grams(tokens(span))
    return out


# ---- attribution and opinion ------------------------------------------------------------------


def attributed(doc: Any, outside: str) -> bool:
    """A reporting verb or 'according to' outside quotation marks names who says it."""
    free = set(tokens(outside))
    if "according" in free:
        return True
    return any(
        _reporting(t) and t.lower_ in free and (t.pos_ in {"VERB", "AUX"} or _introduces_quote(t))
        for t in doc
    )


_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""))


def _reporting(token: Any) -> bool:
    """A reporting word by its lemma, or by its regular base form when the tagger lemmatised an
    inflected verb as a name ('Added Lesh: "..."' opening a sentence: lemma 'Added')."""
    if token.lemma_.lower() in REPORTING:
        return True
    word = token.lower_
    bases = {word[: -len(end)] + base for end, base in _INFLECTIONS if word.endswith(end)}
    bases |= {b[:-1] for b in bases if len(b) > 2 and b[-1] == b[-2]}  # 'admitted' -> 'admit'
    return bool(bases & REPORTING)


def _introduces_quote(token: Any) -> bool:
    """'... states, "...', 'Added Lesh: "...': a reporting word the tagger read as a noun or
    adjective, right before the colon or comma that opens a quotation."""
    rest = token.doc.text[token.idx + len(token.text) :].lstrip()
    return bool(re.match(r"^(?:[A-Z][\w.'’-]*\s+){0,3}(?:[A-Z][\w.'’-]*)?\s*[,:]\s*[\"“]", rest))


def opinion_signals(text: str, doc: Any, quoted: set[tuple[str, ...]]) -> list[str]:
    """Why a sentence reads as someone's statement rather than reporting; empty when it does not."""
    outside = outside_quotes(text)
    # Capitalised inside a sentence, 'Us', 'US', 'You', 'Our', 'We' are names ('Us Weekly').
    free = tokens(re.sub(r"(?<=\S\s)(?:U[sS]|Y[oO][uU]\w*|O[uU][rR]\w*|W[eE])\b", " ", outside))
    signals = []
    if _FIRST_PERSON & set(free):
        signals.append("first person outside quotation marks")
    if _SECOND_PERSON & set(free):
        signals.append("second person outside quotation marks")
    if _imperative(doc):
        signals.append("imperative")
    if _OBLIGATION & set(free):
        signals.append("obligation modal in the tool's voice")
    words = tokens(text)
    inside = len(words) - len(free)
    if words and inside >= 0.5 * len(words):
        signals.append("mostly quotation")
    grams = _grams(tokens(outside))
    if grams and len(grams & quoted) >= QUOTED_SHARE * len(grams):
        signals.append("words an article prints as a quotation")
    if signals and attributed(doc, outside):
        return []
    return signals


def _imperative(doc: Any) -> bool:
    """A main verb in the base form with no subject ('Call your representative.')."""
    for sent in doc.sents:
        root = sent.root
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in root.children)
        if root.tag_ == "VB" and not has_subject and root.i == _first_word(sent):
            return True
    return False


def _first_word(span: Any) -> int:
    for t in span:
        if t.is_alpha and t.lower_ not in _SKIP_LEAD:
            return int(t.i)
    return int(span.start)


# ---- leading references -----------------------------------------------------------------------


def _lemma_set(docs: Iterable[Any]) -> set[str]:
    return {t.lemma_.lower() for d in docs for t in d if t.is_alpha} | {
        t.lower_ for d in docs for t in d if t.is_alpha
    }


def leading_reference(doc: Any) -> tuple[str, Any] | None:
    """('pronoun' | 'demonstrative' | 'definite', head token) when the sentence opens with one."""
    first = next((t for t in doc if t.is_alpha and t.lower_ not in _SKIP_LEAD), None)
    if first is None:
        return None
    low = first.lower_
    part = _part_of_earlier(first)
    if part is not None:
        return "demonstrative", part
    if low in _PERSONAL and first.pos_ == "PRON" and first.dep_ != "expl":
        if low == "it" and _extraposed(first):
            return None
        return "pronoun", first
    if low in _DEMONSTRATIVE:
        if first.pos_ == "PRON" or first.dep_ not in {"det", "amod", "predet"}:
            return "demonstrative", first
        return "demonstrative", first.head
    if low == "the" and first.dep_ == "det" and first.head.pos_ == "NOUN":
        head = first.head
        if not _self_identifying(head):
            return "definite", head
    if first.pos_ == "PROPN" and any(c.dep_ == "case" for c in first.children):
        head = first.head  # "Barr's decision"
        if head.pos_ == "NOUN" and head.i > first.i and not _self_identifying(head):
            return "definite", head
    return None


def speaker_reference(doc: Any) -> tuple[str, Any] | None:
    """('speaker', token) when a quotation's speaker is a bare pronoun: '"...," she said.' names
    nobody, so the summary must name the person before it. A proper name earlier in the same
    sentence is taken as the pronoun's antecedent."""
    for t in doc:
        if t.lower_ in _SPEAKER_PRONOUNS and t.dep_ == "nsubj" and t.head.lemma_ in REPORTING:
            named = any(p.pos_ == "PROPN" for p in doc[: t.i])
            return None if named else ("speaker", t)
    return None


def _part_of_earlier(first: Any) -> Any | None:
    """'One of these', 'Some of them': a part of a set the reader was told of before."""
    window = first.doc[first.i : first.i + 3]
    words = [t.lower_ for t in window]
    if len(words) < 3 or not (first.lower_ in _PARTS or first.pos_ == "NUM") or words[1] != "of":
        return None
    pointer = window[2]
    if words[2] not in _POINTED | {"them", "it"}:
        return None
    noun = pointer.head  # 'One of these mandrills': the summary may have named the mandrills
    return noun if pointer.dep_ == "det" and noun.pos_ in {"NOUN", "PROPN"} else pointer


def _self_identifying(head: Any) -> bool:
    """A compound name, an appositive or an 'of' complement identifies the referent."""
    return any(
        c.dep_ in {"compound", "appos"} or (c.dep_ == "prep" and c.lower_ == "of")
        for c in head.children
    )


def _extraposed(it: Any) -> bool:
    """'It is unheard of for ...', 'It was not clear whether ...': 'it' anticipates a clause."""
    head = it.head
    clauses = {"ccomp", "xcomp", "csubj", "advcl"}
    return any(c.dep_ in clauses for c in head.children) or any(
        g.dep_ in clauses for c in head.children if c.dep_ in {"acomp", "attr"} for g in c.children
    )


def unresolved(
    kind: str,
    head: Any,
    earlier: set[str],
    source_before: set[str],
    previous_is_source: bool,
    antecedents: set[str] = frozenset(),  # type: ignore[assignment]
    previous: set[str] = frozenset(),  # type: ignore[assignment]
    names: set[str] = frozenset(),  # type: ignore[assignment]
) -> bool:
    """Whether the summary so far lacks what the reference points back to. A personal pronoun
    needs one of its possible ``antecedents`` (names and nouns of the two source sentences before
    it) in the ``previous`` summary sentence."""
    if previous_is_source:
        return False  # the summary keeps the article's own preceding sentence
    if kind == "pronoun":
        if head.lower_ in {"it", "its"}:
            return not earlier
        return not (antecedents & previous)
    if kind == "speaker":  # a person: one of the source's preceding names, earlier in the summary
        return not (names & earlier)
    lemma = head.lemma_.lower()
    if kind == "demonstrative" and head.pos_ in {"PRON", "DET"}:
        return True  # 'This came after ...': a whole proposition the summary does not hold
    if lemma in earlier or head.lower_ in earlier:
        return False
    return kind == "demonstrative" or lemma in source_before or head.lower_ in source_before


# ---- the summary ------------------------------------------------------------------------------


def check_summary(brief: Brief) -> list[Finding]:
    index = brief.sentence_index()
    quoted = quoted_grams(brief.articles)
    docs = parse([s.text for s in brief.summary])
    findings = []
    for k, (item, doc) in enumerate(zip(brief.summary, docs, strict=True)):
        if unbalanced(item.text):
            findings.append(Finding("unbalanced_quotes", "summary", k, item.text, "quotes"))
        signals = opinion_signals(item.text, doc, quoted)
        if signals:
            detail = "; ".join(signals)
            findings.append(Finding("unattributed_opinion", "summary", k, item.text, detail))
        ref = leading_reference(doc) or speaker_reference(doc)
        if ref is None:
            continue
        kind, head = ref
        earlier = _lemma_set(docs[:k])
        article, sentence = index.get(item.source, (None, None))
        before = _source_before(article, sentence)
        previous_ids = set(brief.summary[k - 1].citations) if k else set()
        own_previous = _previous_id(article, sentence)
        antecedents = _antecedents(article, sentence)
        previous = _lemma_set(docs[k - 1 : k]) if k else set()
        follows = own_previous in previous_ids
        names = _antecedents(article, sentence, {"PROPN"})
        if unresolved(kind, head, earlier, before, follows, antecedents, previous, names):
            detail = f"{kind} '{head.text}' without an antecedent in the summary"
            findings.append(Finding("unresolved_reference", "summary", k, item.text, detail))
    return findings


def _source_before(article: Article | None, sentence: Sentence | None) -> set[str]:
    if article is None or sentence is None:
        return set()
    earlier = [s.text for s in article.sentences[: sentence.index]]
    return _lemma_set(parse(earlier)) if earlier else set()


def _antecedents(
    article: Article | None, sentence: Sentence | None, kinds: AbstractSet[str] = _NOMINAL
) -> set[str]:
    """Names and nouns (or the given parts of speech) of the two sentences before this one in its
    article."""
    if article is None or sentence is None:
        return set()
    texts = [s.text for s in article.sentences[max(0, sentence.index - 2) : sentence.index]]
    return {
        w for d in parse(texts) for t in d if t.pos_ in kinds for w in (t.lower_, t.lemma_.lower())
    }


def _previous_id(article: Article | None, sentence: Sentence | None) -> str | None:
    if article is None or sentence is None or sentence.index == 0:
        return None
    return article.sentences[sentence.index - 1].id


def check_brief(brief: Brief) -> list[Finding]:
    """Every finding for one brief, summary first."""
    return check_summary(brief) + check_agreed(brief) + check_quotes(brief)
