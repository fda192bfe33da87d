"""The inverted index over open stories' centroids, laid out for numpy.

Scoring an article against the open stories means summing a thousand or so postings. As Python
dict operations that was most of the cost of clustering; here each term's postings are two
typed arrays (story slots and weights) that numpy reads through the buffer protocol without a
Python loop, while updates stay O(1): a dict finds a slot's position, removal swaps in the last.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

import numpy as np


class TermPostings:
    """One term's postings: parallel arrays of story slots and weights."""

    __slots__ = ("slots", "weights", "where")

    def __init__(self) -> None:
        self.slots = array("q")
        self.weights = array("d")
        self.where: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self.slots)

    def set(self, slot: int, weight: float) -> None:
        i = self.where.get(slot)
        if i is None:
            self.where[slot] = len(self.slots)
            self.slots.append(slot)
            self.weights.append(weight)
        else:
            self.weights[i] = weight

    def remove(self, slot: int) -> None:
        i = self.where.pop(slot, None)
        if i is None:
            return
        last_slot, last_weight = self.slots.pop(), self.weights.pop()
        if i < len(self.slots):
            self.slots[i], self.weights[i] = last_slot, last_weight
            self.where[last_slot] = i


_SPARE_LIMIT = 100_000


class Postings:
    """term -> TermPostings, with the budgeted cosine estimate the candidate search needs.

    Most terms are rare: they get postings when a story takes them and lose them when it closes.
    Emptied postings are kept on a spare list and reused, since building two arrays and a dict
    per rare term was the largest single cost of clustering long wire articles.
    """

    def __init__(self) -> None:
        self.terms: dict[str, TermPostings] = {}
        self._spare: list[TermPostings] = []

    def set(self, term: str, slot: int, weight: float) -> None:
        post = self.terms.get(term)
        if post is None:
            post = self.terms[term] = self._spare.pop() if self._spare else TermPostings()
        post.set(slot, weight)

    def remove(self, term: str, slot: int) -> None:
        post = self.terms.get(term)
        if post is not None:
            post.remove(slot)
            if not post.slots:
                del self.terms[term]
                if len(self._spare) < _SPARE_LIMIT:
                    self._spare.append(post)

    def estimate(self, weighted: Iterable[tuple[str, float]], budget: int) -> np.ndarray | None:
        """Estimated cosine per story slot (indexable by slot), or None when nothing is shared.

        ``weighted``: (term, weight) pairs, read in their order (`weigh` makes a vector's items
        rarest first) until ``budget`` postings have been read: rare terms tell stories apart,
        and skipping the common ones keeps the cost flat as stories accumulate. The postings'
        arrays are joined as bytes and viewed by numpy once: converting each small array to
        numpy separately cost more than the sum itself.
        """
        terms = self.terms
        slots: list[array[int]] = []
        weights: list[array[float]] = []
        scales: list[float] = []
        lengths: list[int] = []
        for term, w in weighted:
            post = terms.get(term)
            if post is None:
                continue
            n = len(post.slots)
            budget -= n
            if budget < 0:
                break
            slots.append(post.slots)
            weights.append(post.weights)
            scales.append(w)
            lengths.append(n)
        if not slots:
            return None
        scaled = np.frombuffer(b"".join(weights), dtype=np.float64) * np.repeat(scales, lengths)
        return np.bincount(np.frombuffer(b"".join(slots), dtype=np.int64), weights=scaled)

    def __len__(self) -> int:
        return len(self.terms)
