"""Sentence-boundary evidence from spaCy's parse of lowercase, unpunctuated text.

spaCy parses run-on text as one sentence, but its tags and subjects are still informative: a
sentence usually starts where a subject phrase begins whose verb is not a complement of the word
just before it ("barr said | it would" continues; "published sunday | it comes after" starts
anew), and never after a determiner, preposition or conjunction. ``gap_syntax`` turns this into
cues that ``syntax_log_odds`` weighs by hand (weights set on Multi-News dev clusters; a model
learning them from siblings did worse, see ``boundaries.BoundaryModel``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsprism.text import nlp
from newsprism.text.nlp import MODEL

BASE = -3.0  # about one boundary in twenty gaps
SUBJECT_START = 4.0
EMBEDDED = -2.5
CANNOT_END = -4.0
CANNOT_START = -2.0
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
_EMBEDDING = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "prep", "dobj"}
_NO_END_POS = {"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"}
_NO_END_WORDS = {"that", "which", "who", "whom", "whose", "his", "her", "their", "its", "our"}
_NO_START_WORDS = {"said", "says", "told", "added", "to", "of", "than", "who", "whom", "whose"}
_NO_START_WORDS |= {"which"}


def spacy_pipeline() -> Any:
    """The process's one spaCy pipeline (``nlp.load``); parses here leave out the lemmatizer."""
    return nlp.load(MODEL)


def parse_words(words: Sequence[str], names: bool = True) -> Any:
    """spaCy Doc over exactly these words, so token i is word i; ``names`` runs NER too."""
    return parse_word_lists([words], names)[0]


def parse_word_lists(texts: Sequence[Sequence[str]], names: bool = False) -> list[Any]:
    from spacy.tokens import Doc

    pipeline = spacy_pipeline()
    docs = [Doc(pipeline.vocab, words=list(words)) for words in texts]
    disable = ["lemmatizer"] if names else ["lemmatizer", "ner"]
    return list(pipeline.pipe(docs, disable=disable))


def _subject_starts(doc: Any) -> dict[int, Any]:
    """Word index where a subject phrase begins -> the verb it is the subject of."""
    starts: dict[int, Any] = {}
    for token in doc:
        if token.dep_ in _SUBJECTS and token.head.i > token.i:
            starts.setdefault(token.left_edge.i, token.head)
    return starts


def _embedded(verb: Any, start: int) -> bool:
    """The clause hangs off a word right before it, as in 'said it would', 'so that he'."""
    head = verb.head
    return verb.dep_ in _EMBEDDING and head.i < start and start - head.i <= 2


def gap_syntax(doc: Any) -> list[dict[str, float]]:
    """Syntactic cues at the gap before each word (index 0, the text start, is empty)."""
    subjects = _subject_starts(doc)
    rows: list[dict[str, float]] = [{}]
    for g in range(1, len(doc)):
        prev, word = doc[g - 1], doc[g]
        row: dict[str, float] = {}
        verb = subjects.get(g)
        if verb is not None:
            row["embedded" if _embedded(verb, g) else "subject"] = 1.0
        if prev.pos_ in _NO_END_POS or prev.lower_ in _NO_END_WORDS:
            row["cannot_end"] = 1.0
        if word.lower_ in _NO_START_WORDS:
            row["cannot_start"] = 1.0
        rows.append(row)
    return rows


_HAND_WEIGHTS = {
    "subject": SUBJECT_START,
    "embedded": EMBEDDED,
    "cannot_end": CANNOT_END,
    "cannot_start": CANNOT_START,
}


def syntax_log_odds(doc: Any) -> np.ndarray:
    """Hand-weighted boundary log-odds before each word (index 0, the text start, is unused)."""
    odds = np.zeros(len(doc))
    for g, row in enumerate(gap_syntax(doc)):
        if g:
            odds[g] = BASE + sum(_HAND_WEIGHTS.get(name, 0.0) for name in row)
    return odds
