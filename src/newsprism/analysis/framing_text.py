"""Loaded words in one article, each placed in its sentence and marked as the outlet's or a speaker's.

Quotation marks are paired per paragraph (a quotation may span sentences; an unclosed one runs to
the paragraph end), so a word inside them is the speaker's and is kept apart from the outlet's own
voice. Categories come from position, not from word lists about a story:

* emotive verb: a verb that introduces speech ('..., Smith fumed') other than the neutral ones;
* labelling: a loaded modifier right before a name ('radical senator Smith') or a partisan prefix;
* scare quotes: a quotation of one to three words nobody is said to have spoken;
* intensifier and speculation: from VADER's boosters and the grammar of hedging.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsprism.analysis.attribution import REPORTING
from newsprism.analysis.framing_lexicon import (
    HEDGES,
    NEUTRAL_REPORTING,
    WordLoad,
    vader,
    word_load,
)
from newsprism.model import Article, Sentence
from newsprism.text.tokens import GENERAL_STOP_WORDS

_QUOTE = re.compile(r"[\"“”]")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_CLOSE_THEN = re.compile(r"[,!?]\s*[\"”]\s*(?:(?:[A-Z][\w.'’-]*|he|she|they|it|we)\s+){1,4}$")
_OPENS_SPEECH = re.compile(r"^\s*(?:,?\s*[\"“]|:|\s+that\b)")
_NAME_AHEAD = re.compile(r"^((?:\s+[a-z][\w'’-]*){0,2})\s+(?:[A-Z][a-z]+)")
_OF_PHRASE = re.compile(r"^\s+of\s+([A-Za-z][a-z-]+)")
_NOUN_AFTER = re.compile(r"^((?:\s+[a-z][a-z-]+){1,2}?)(?=\s+[A-Z][a-z])")
_ATTRIBUTED = re.compile(
    rf"\b(?:{REPORTING}|saying|telling|adding|calling|calls|called|call|dubbed|termed|according)\b",
    re.IGNORECASE,
)
SCARE_MAX_WORDS = 3
TITLE_CASE = 0.6  # share of capitalised words that makes a line a headline
_SUFFIXES = (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
             ("es", ""), ("s", ""), ("d", ""))  # fmt: skip


@dataclass
class TermHit:
    """One loaded word or phrase in one sentence."""

    sentence: Sentence
    start: int
    end: int
    key: str  # the lexicon form, so inflections of one word count as one term
    load: float
    polarity: float
    category: str | None
    quoted: bool

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


@lru_cache(maxsize=65536)
def lookup(token: str) -> tuple[str, WordLoad] | None:
    """The token or its base form ('slammed' -> 'slam') as the lexicons know it."""
    word = token.lower().replace("’", "'")
    found = word_load(word)
    if found:
        return word, found
    valences = vader()[0]  # only VADER rates verbs and nouns; Pattern's adjectives do not inflect
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            candidates = [base]
            if len(base) > 3 and base[-1] == base[-2]:
                candidates.append(base[:-1])  # slammed -> slamm -> slam
            for cand in candidates:
                found = word_load(cand) if cand in valences else None
                if found and found.category is None:  # closed-class words do not inflect
                    return cand, found
    return None


def quoted_ranges(article: Article) -> dict[str, list[tuple[int, int]]]:
    """Sentence id -> character ranges (within the sentence) inside quotation marks."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    paragraphs: dict[int, list[Sentence]] = {}
    for s in article.sentences:
        paragraphs.setdefault(s.paragraph, []).append(s)
    for para in paragraphs.values():
        offsets, pos = [], 0
        for s in para:
            offsets.append(pos)
            pos += len(s.text) + 1
        text = " ".join(s.text for s in para)
        marks = [m.start() for m in _QUOTE.finditer(text)]
        pairs = list(zip(marks[0::2], marks[1::2], strict=False))
        if len(marks) % 2:
            pairs.append((marks[-1], len(text)))
        for lo, hi in pairs:
            for s, off in zip(para, offsets, strict=True):
                a, b = max(lo, off), min(hi + 1, off + len(s.text))
                if a < b:
                    ranges.setdefault(s.id, []).append((a - off, b - off))
    return ranges


def _inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(lo <= start and end <= hi for lo, hi in ranges)


def _reporting(text: str, start: int, end: int) -> bool:
    """The word is a verb that introduces speech: it follows a closed quotation and its speaker
    ('..., Smith fumed'), or, in the past tense, a name and opens the speech ('Smith insisted that')."""
    word = text[start:end]
    if not word.endswith(("ed", "s")):
        return False
    if _CLOSE_THEN.search(text[:start]):
        return True
    before = text[max(0, start - 40) : start]
    opens = _OPENS_SPEECH.match(text[end:])
    return word.endswith("ed") and bool(opens) and bool(re.search(r"[A-Z][a-z]+\s*$", before))


def _extend(text: str, start: int, end: int, load: WordLoad) -> int:
    """End of the phrase a loaded word heads: 'waste of money', 'reckless spending plan'."""
    rest = text[end:]
    of = _OF_PHRASE.match(rest)
    if of and not load.adjective:
        return end + of.end()
    if load.adjective:
        noun = _NOUN_AFTER.match(rest)
        nouns = noun.group(1).split() if noun else []
        if noun and all(w not in GENERAL_STOP_WORDS for w in nouns):
            return end + noun.end(1)
    return end


def _category(text: str, start: int, end: int, load: WordLoad) -> str | None:
    if load.category:
        return load.category
    word = text[start:end].lower()
    if word not in NEUTRAL_REPORTING and _reporting(text, start, end):
        return "emotive verb"
    ahead = _NAME_AHEAD.match(text[end:]) if load.adjective else None
    if ahead and not any(w in GENERAL_STOP_WORDS for w in ahead.group(1).split()):
        return "labelling"
    return None


def sentence_terms(sentence: Sentence, quoted: list[tuple[int, int]]) -> list[TermHit]:
    """Loaded words and phrases of one sentence, plus its short scare-quoted phrases."""
    text, hits = sentence.text, []
    skip = _function_words()
    tokens = list(_TOKEN.finditer(text))
    headline = sum(t.group(0)[0].isupper() for t in tokens) >= TITLE_CASE * len(tokens)
    for n, m in enumerate(tokens):
        word = m.group(0)
        if word in skip:
            continue  # most words: no lexicon rates them and they cannot be speech verbs
        start, end = m.span()
        if word[0].isupper() and not headline and _name_like(tokens, n):
            continue  # names and titles are labels, read from the parse, not loaded words
        found = lookup(word)
        if found is None:
            if _emotive_verb(word) and _reporting(text, start, end):
                hits.append(_hit(sentence, start, end, word.lower(), 0.5, 0.0,
                                 "emotive verb", quoted))  # fmt: skip
            continue
        key, load = found
        category = _category(text, start, end, load)
        if category == "emotive verb":
            load = WordLoad(max(load.load, 0.5), load.polarity, category, load.adjective)
        stop = _extend(text, start, end, load) if category != "emotive verb" else end
        hits.append(_hit(sentence, start, stop, key, load.load, load.polarity, category, quoted))
    hits += _scare_quotes(sentence, quoted)
    return hits


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Lower-case stop words that are neither hedges nor intensifiers: skipped without a lookup."""
    return frozenset(GENERAL_STOP_WORDS - HEDGES - vader()[1])


def _emotive_verb(word: str) -> bool:
    """A past or present verb form the lexicons miss ('fumed', 'quipped'): judged by position."""
    return (
        word.islower() and word.endswith(("ed", "es")) and len(word) > 4
        and word not in NEUTRAL_REPORTING
    )  # fmt: skip


def _name_like(tokens: list[re.Match[str]], n: int) -> bool:
    """A capitalised word inside a sentence, or opening one as part of a longer name."""
    if tokens[n].start() > 1:
        return True
    return n + 1 < len(tokens) and tokens[n + 1].group(0)[0].isupper()


def _hit(sentence: Sentence, start: int, end: int, key: str, load: float, polarity: float,
         category: str | None, quoted: list[tuple[int, int]]) -> TermHit:  # fmt: skip
    return TermHit(sentence, start, end, key, load, polarity, category,
                   _inside(start, end, quoted))  # fmt: skip


def _scare_quotes(sentence: Sentence, quoted: list[tuple[int, int]]) -> list[TermHit]:
    """Short quotations with no speaker nearby: the outlet distancing itself from a word.

    The quotation marks are the outlet's choice, so the scare-quoted phrase counts in its own
    voice (``quoted`` False), while the words inside stay the speaker's.
    """
    out = []
    text = sentence.text
    for lo, hi in quoted:
        if not (_QUOTE.match(text, lo) and _QUOTE.match(text, hi - 1)):
            continue  # part of a quotation that runs over several sentences
        inner = text[lo:hi].strip(' "“”,.:;')
        words = inner.split()
        if not words or len(words) > SCARE_MAX_WORDS or not any(c.isalpha() for c in inner):
            continue
        around = text[max(0, lo - 40) : lo] + " " + text[hi : hi + 40]
        if _ATTRIBUTED.search(around):
            continue  # someone is said to have used the words: a quotation, not scare quotes
        start = text.find(inner, lo)
        out.append(TermHit(sentence, start, start + len(inner), inner.lower(), 0.5, 0.0,
                           "scare quotes", False))  # fmt: skip
    return out


def article_terms(
    article: Article, ranges: dict[str, list[tuple[int, int]]] | None = None
) -> list[TermHit]:
    """Every loaded word or phrase in the article, in text order."""
    ranges = quoted_ranges(article) if ranges is None else ranges
    return [h for s in article.sentences for h in sentence_terms(s, ranges.get(s.id, []))]


def own_voice(sentence: Sentence, quoted: list[tuple[int, int]]) -> str:
    """The sentence with quotations removed: what the outlet says in its own words."""
    text, out, pos = sentence.text, [], 0
    for lo, hi in sorted(quoted):
        out.append(text[pos:lo])
        pos = max(pos, hi)
    out.append(text[pos:])
    return " ".join(p.strip() for p in out if p.strip())
