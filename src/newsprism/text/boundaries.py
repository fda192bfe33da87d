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
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from newsprism.text.siblings import RefToken

MAX_WORDS = 50
MIN_WORDS = 3
MIN_TRAINING_SENTENCES = 8
TYPICAL_WORDS = 22.0
LENGTH_SPREAD = 0.6
LENGTH_WEIGHT = 1.0
_EPS = 1e-4


def _shape(word: str) -> str:
    return "NUM" if word.isdigit() else ("SHORT" if len(word) <= 2 else word[-2:])


def gap_features(words: Sequence[str], g: int) -> dict[str, float]:
    """Features of the gap before ``words[g]``: the words around it and their shapes."""
    left = words[g - 1]
    right = words[g]
    left2 = words[g - 2] if g >= 2 else "<s>"
    right2 = words[g + 1] if g + 1 < len(words) else "</s>"
    return {
        f"l={left}": 1.0,
        f"r={right}": 1.0,
        f"ll={left2}_{left}": 1.0,
        f"rr={right}_{right2}": 1.0,
        f"lr={left}_{right}": 1.0,
        f"ls={_shape(left)}": 1.0,
        f"rs={_shape(right)}": 1.0,
        f"r2={right2}": 1.0,
    }


def _matrix(vectorizer: DictVectorizer, rows: list[dict[str, float]], fit: bool = False) -> Any:
    """Sparse features with 32-bit indices, which liblinear requires."""
    matrix = vectorizer.fit_transform(rows) if fit else vectorizer.transform(rows)
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


class BoundaryModel:
    """Gap classifier learned from punctuated references with their punctuation removed."""

    def __init__(self, vectorizer: DictVectorizer, classifier: LogisticRegression) -> None:
        self.vectorizer = vectorizer
        self.classifier = classifier

    @classmethod
    def train(
        cls, references: Sequence[Sequence[RefToken]], C: float = 1.0
    ) -> BoundaryModel | None:
        """None when the references hold too few sentences to learn from."""
        rows: list[dict[str, float]] = []
        labels: list[int] = []
        for tokens in references:
            words = [t.low for t in tokens]
            for g in range(1, len(words)):
                rows.append(gap_features(words, g))
                labels.append(int(tokens[g].sentence_start))
        if sum(labels) < MIN_TRAINING_SENTENCES or sum(labels) == len(labels):
            return None
        vectorizer = DictVectorizer()
        classifier = LogisticRegression(C=C, solver="liblinear")
        classifier.fit(_matrix(vectorizer, rows, fit=True), labels)
        return cls(vectorizer, classifier)

    def log_odds(self, words: Sequence[str]) -> np.ndarray:
        """Boundary log-odds before each word (index 0, the text start, is unused)."""
        odds = np.zeros(len(words))
        if len(words) > 1:
            rows = [gap_features(words, g) for g in range(1, len(words))]
            odds[1:] = self.classifier.decision_function(_matrix(self.vectorizer, rows))
        return odds


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
    best = np.full(n + 1, -np.inf)
    back = np.zeros(n + 1, dtype=int)
    best[0] = 0.0
    for end in range(1, n + 1):
        shortest = 1 if end == n else min_words
        for start in range(max(0, end - max_words), end - shortest + 1):
            if best[start] == -np.inf:
                continue
            inside = keep_before[end] - keep_before[start + 1]
            score = best[start] + (cut[start] if start else 0.0) + inside + prior[end - start]
            if score > best[end]:
                best[end], back[end] = score, start
    starts, end = [], n
    while end > 0:
        end = int(back[end])
        starts.append(end)
    return sorted(starts)
