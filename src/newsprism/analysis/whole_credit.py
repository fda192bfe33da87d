"""An outlet is credited with an agreed fact only when its sentence states the whole fact.

Most of a fact's words in common is not the fact: 'the inspectorate opened an investigation into
the leak' is not stated by a sentence without 'the leak', and 'X was shot, his family said' is not
stated by a sentence that names no family. So a crediting sentence must hold every word of the
shown text that says something (by word form or lemma; a hyphenated word's parts count, so
'public-school' states 'public' and 'school'), every figure, and every source the text names,
named as a source there too (the subject of a verb of saying, or 'according to' it). The claim and
support checks keep only such credits, so a cut of a sentence that every crediting sentence
states whole wins over a longer one that some state in part (agreed_check.whole_credits drops any
credit left; issue 9, docs/faithfulness.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsprism.analysis.support import doc_of, figures, states
from newsprism.analysis.voice import outside_quotes, quote_spans
from newsprism.text.terms import STOP_WORDS

# Parts of speech that carry no claim of their own; every other word of the fact must be stated.
_FUNCTION_POS = frozenset(
    {"AUX", "PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "SPACE", "SYM"}
)
# Verbs that only attribute: who says it is checked as the source instead.
_SAYING_LEMMAS = frozenset(
    {"say", "tell", "add", "accord", "according", "state", "report", "write", "note"}
)
_SAYS = frozenset(
    {"say", "tell", "add", "state", "report", "write", "note", "claim", "announce", "tweet",
     "post", "explain", "argue", "insist", "warn", "declare", "confirm", "testify", "allege",
     "acknowledge", "conclude", "accuse", "describe", "recall", "reply", "respond", "ask"}
)  # fmt: skip
_SPLIT = re.compile(r"[-‐‑–/]")
_SOMEONE = "\x00someone"  # among a text's speaker words when it names any source


def _parts(word: str) -> list[str]:
    return [p for p in _SPLIT.split(word) if p]


@lru_cache(maxsize=8192)
def _said_words(text: str, own_voice: bool) -> tuple[frozenset[str], frozenset[str]]:
    """(every word form, lemma and hyphen part of the text, only those outside quotation marks
    when ``own_voice``; the words naming whoever it says speaks, with a mark when anyone does)."""
    doc = doc_of(text)
    quoted = quote_spans(text) if own_voice else []
    forms: set[str] = set()
    for t in doc:
        if any(a <= t.idx < b for a, b in quoted):
            continue
        for form in (t.lower_, t.lemma_.lower()):
            forms.add(form)
            forms.update(_parts(form))
    sources = _sources(doc)
    named = [*sources, *_said_through(doc)]
    speakers = {w for s in named for t in s.subtree for w in (t.lower_, t.lemma_.lower())}
    return frozenset(forms), frozenset(speakers) | ({_SOMEONE} if sources else set())


@lru_cache(maxsize=4096)
def _claim(text: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, bool], ...]]:
    """(the words that say something, as (form, lemma); its sources, as (lemma, is a pronoun))."""
    doc = doc_of(text)
    words = tuple(
        (t.lower_, t.lemma_.lower())
        for t in doc
        if t.pos_ not in _FUNCTION_POS and not t.is_stop and t.lower_ not in STOP_WORDS
        and t.lemma_.lower() not in _SAYING_LEMMAS and any(c.isalnum() for c in t.text)
    )  # fmt: skip
    return words, tuple((s.lemma_.lower(), s.pos_ == "PRON") for s in _sources(doc))


def sources_named(text: str) -> tuple[str, ...]:
    """Lemmas of who the text says states it."""
    return tuple(lemma for lemma, _ in _claim(text)[1])


def _sources(doc: Any) -> list[Any]:
    """Who the text says states it: the subject of a verb of saying, the object of 'according to'."""
    out = []
    for t in doc:
        if t.lemma_.lower() in _SAYS and t.pos_ in {"VERB", "AUX"}:
            out += [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if t.lower_ == "according":
            out += [c for to in t.children if to.lower_ == "to" for c in to.children
                    if c.dep_ == "pobj"]  # fmt: skip
    return out


def _said_through(doc: Any) -> list[Any]:
    """Where a verb of saying says its words come from ('the tribe said in a written statement'
    names the statement as a source too)."""
    return [
        c for t in doc if t.lemma_.lower() in _SAYS and t.pos_ in {"VERB", "AUX"}
        for c in t.children if c.dep_ == "prep" and c.lower_ in {"in", "through", "via"}
    ]  # fmt: skip


def states_whole(shown: str, other: str) -> bool:
    """``other`` states every word, figure and source of ``shown`` (see the module docstring)."""
    # a fact the shown text states in its own voice is not stated by a speaker quoted in the other
    own_voice = not quote_spans(shown)
    values = figures(outside_quotes(other) if own_voice else other)
    if not figures(shown) <= values:
        return False
    theirs, speakers = _said_words(other, own_voice)
    words, sources = _claim(shown)
    for form, lemma in words:
        if form in theirs or lemma in theirs:
            continue
        parts = _parts(form)
        if len(parts) > 1 and all(p in theirs or {p} <= values for p in parts):
            continue
        if figures(form) and figures(form) <= values:
            continue  # 'seven' states '7'
        return False
    # a source is named as one: 'Colbert' in 'the Colbert Report' is no one speaking
    return all((_SOMEONE if pronoun else lemma) in speakers for lemma, pronoun in sources)


def credits(shown: str, other: str) -> bool:
    """``other`` is a sentence an outlet may be credited with ``shown`` for: the cheap checks of
    `support.states` (figures, names, polarity, frame, counts, subject; most words, so most pairs
    are refused before any parse) and then the whole fact (`states_whole`)."""
    return states(shown, other) and states_whole(shown, other)
