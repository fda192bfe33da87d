"""Sentence-boundary probabilities from spaCy's parse of lowercase, unpunctuated text.

Used when a degraded article has no punctuated sibling to learn from. spaCy parses the run-on
text as one sentence, but its subjects are still found: a sentence usually starts where a
subject phrase begins whose verb is not a complement of the word just before it ("barr said |
it would" continues; "published sunday | it comes after" starts anew). Words that cannot end a
sentence (determiners, prepositions, conjunctions) and speech verbs after a name lower the odds.
"""

from __future__ import annotations

from typing import Any

import numpy as np

BASE = -3.0  # about one boundary in twenty gaps
SUBJECT_START = 4.0
EMBEDDED = -2.5
CANNOT_END = -4.0
CANNOT_START = -2.0
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
_EMBEDDING = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "prep", "dobj"}
_NO_END_POS = {"DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"}
_NO_END_WORDS = {"that", "which", "who", "whom", "whose", "his", "her", "their", "its", "our"}
_NO_START_WORDS = {"said", "says", "told", "added", "s", "to", "of", "than"}


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


def syntax_log_odds(doc: Any) -> np.ndarray:
    """Boundary log-odds before each word of a spaCy Doc (index 0, the text start, is unused)."""
    odds = np.zeros(len(doc))
    subjects = _subject_starts(doc)
    for g in range(1, len(doc)):
        prev, word = doc[g - 1], doc[g]
        x = BASE
        verb = subjects.get(g)
        if verb is not None:
            x += EMBEDDED if _embedded(verb, g) else SUBJECT_START
        if prev.pos_ in _NO_END_POS or prev.lower_ in _NO_END_WORDS:
            x += CANNOT_END
        if word.lower_ in _NO_START_WORDS:
            x += CANNOT_START
        odds[g] = x
    return odds
