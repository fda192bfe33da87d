"""Where sentences end in text that lost its punctuation.

Each gap between two words gets a boundary probability; a dynamic program then picks the
segmentation with the highest joint probability in which no sentence exceeds ``MAX_WORDS``.

The probabilities come from a logistic regression trained at run time on punctuated text of the
same story (its sibling articles, stripped the same way), so it learns this story's sentence
openers and closers ("... the letter states | the four ..."). Without siblings, a syntactic
scorer reads spaCy's parse of the lowercase text: a new sentence tends to start where a subject
opens a clause that is not embedded in the words before it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from newsprism.text.siblings import RefToken

MAX_WORDS = 50
MIN_WORDS = 3
MIN_TRAINING_SENTENCES = 8
REGULARISATION = 1.0  # liblinear's C
TYPICAL_WORDS = 22.0
LENGTH_SPREAD = 0.6
LENGTH_WEIGHT = 1.0
_EPS = 1e-4


def _shape(word: str) -> str:
    return "NUM" if word.isdigit() else ("SHORT" if len(word) <= 2 else word[-2:])


def gap_features(words: Sequence[str], g: int) -> list[str]:
    """Features of the gap before ``words[g]``: the words around it and their shapes."""
    left = words[g - 1]
    right = words[g]
    left2 = words[g - 2] if g >= 2 else "<s>"
    right2 = words[g + 1] if g + 1 < len(words) else "</s>"
    return [
        f"l={left}",
        f"r={right}",
        f"ll={left2}_{left}",
        f"rr={right}_{right2}",
        f"lr={left}_{right}",
        f"ls={_shape(left)}",
        f"rs={_shape(right)}",
        f"r2={right2}",
    ]


def _matrix(rows: list[list[str]], vocabulary: dict[str, int], grow: bool = False) -> Any:
    """Binary sparse features with the 32-bit indices liblinear needs; unseen features dropped.

    Built by hand: sklearn's DictVectorizer took most of the repair's time on 3,000 gaps.
    """
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        for name in row:
            column = vocabulary.get(name)
            if column is None and grow:
                column = vocabulary[name] = len(vocabulary)
            if column is not None:
                indices.append(column)
        indptr.append(len(indices))
    data = np.ones(len(indices))
    shape = (len(rows), max(len(vocabulary), 1))
    return sparse.csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int32)), shape
    )


class BoundaryModel:
    """Gap classifier learned from punctuated references with their punctuation removed."""

    def __init__(self, classifier: LogisticRegression, vocabulary: dict[str, int]) -> None:
        self.classifier = classifier
        self.vocabulary = vocabulary

    @classmethod
    def train(cls, references: Sequence[Sequence[RefToken]]) -> BoundaryModel | None:
        """Learn from references; None when they hold too few sentences.

        Only word features: given the parse too, the model (trained on a few siblings) did worse
        than the parse's hand weights added on top (Multi-News dev F1 0.38 vs 0.41).
        """
        rows: list[list[str]] = []
        labels: list[int] = []
        for tokens in references:
            rows += _rows([t.low for t in tokens])
            labels += [int(t.sentence_start) for t in tokens[1:]]
        if sum(labels) < MIN_TRAINING_SENTENCES or sum(labels) == len(labels):
            return None
        vocabulary: dict[str, int] = {}
        # The dual solver needs no BLAS: the primal one took 3.5 s on 8,000 gaps on a busy machine.
        classifier = LogisticRegression(
            C=REGULARISATION, solver="liblinear", dual=True, max_iter=1000
        )
        classifier.fit(_matrix(rows, vocabulary, grow=True), labels)
        return cls(classifier, vocabulary)

    def log_odds(self, words: Sequence[str]) -> np.ndarray:
        """Boundary log-odds before each word (index 0, the text start, is unused)."""
        odds = np.zeros(len(words))
        if len(words) > 1:
            matrix = _matrix(_rows(words), self.vocabulary)
            odds[1:] = self.classifier.decision_function(matrix)
        return odds


def _rows(words: Sequence[str]) -> list[list[str]]:
    return [gap_features(words, g) for g in range(1, len(words))]


def logit(p: float) -> float:
    p = min(max(p, _EPS), 1 - _EPS)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def length_prior(max_words: int) -> np.ndarray:
    """Log-probability of a sentence of n words: log-normal around news' typical length."""
    n = np.arange(1, max_words + 1, dtype=float)
    density = -((np.log(n) - math.log(TYPICAL_WORDS)) ** 2) / (2 * LENGTH_SPREAD**2) - np.log(n)
    return np.concatenate([[-np.inf], LENGTH_WEIGHT * (density - density.max())])


def decode(probs: np.ndarray, max_words: int = MAX_WORDS, min_words: int = MIN_WORDS) -> list[int]:
    """Sentence start indices maximising gap probabilities times a sentence-length prior."""
    prior = length_prior(max_words)
    n = len(probs)
    if n == 0:
        return []
    p = np.clip(probs, _EPS, 1 - _EPS)
    cut, keep = np.log(p), np.log(1 - p)
    keep_before = np.concatenate([[0.0], np.cumsum(keep)])  # keep_before[k] = sum keep[0:k]
    cut[0] = 0.0  # the text start is a boundary for free
    best = np.full(n + 1, -np.inf)
    back = np.zeros(n + 1, dtype=int)
    best[0] = 0.0
    for end in range(1, n + 1):
        shortest = 1 if end == n else min_words
        starts = np.arange(max(0, end - max_words), end - shortest + 1)
        if not len(starts):
            continue
        inside = keep_before[end] - keep_before[starts + 1]
        scores = best[starts] + cut[starts] + inside + prior[end - starts]
        k = int(np.argmax(scores))
        best[end], back[end] = scores[k], starts[k]
    chosen, end = [], n
    while end > 0:
        end = int(back[end])
        chosen.append(end)
    return sorted(chosen)
