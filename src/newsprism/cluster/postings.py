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

    def repost(
        self, slot: int, terms: Iterable[str], centroid: dict[str, float], norm: float
    ) -> None:
        """Post ``centroid[t] / norm`` for ``slot`` under each of ``terms`` still in the centroid.

        One call per story update, the per-term work inline: a story or thread update posts
        about fifty terms, and two method calls per term were a fifth of linking's cost.
        """
        index, spare = self.terms, self._spare
        for term in terms:
            w = centroid.get(term)
            if w is None:
                continue
            post = index.get(term)
            if post is None:
                post = index[term] = spare.pop() if spare else TermPostings()
            where = post.where
            i = where.get(slot)
            if i is None:
                where[slot] = len(post.slots)
                post.slots.append(slot)
                post.weights.append(w / norm)
            else:
                post.weights[i] = w / norm

    def remove_all(self, slot: int, terms: Iterable[str]) -> None:
        """Take ``slot`` out of each term's postings (a closing story's, a pruned term's)."""
        index, spare = self.terms, self._spare
        for term in terms:
            post = index.get(term)
            if post is None:
                continue
            i = post.where.pop(slot, None)
            if i is None:
                continue
            slots, weights = post.slots, post.weights
            last_slot, last_weight = slots.pop(), weights.pop()
            if i < len(slots):
                slots[i], weights[i] = last_slot, last_weight
                post.where[last_slot] = i
            elif not slots:
                del index[term]
                if len(spare) < _SPARE_LIMIT:
                    spare.append(post)

    def estimate(
        self, weighted: Iterable[tuple[str, float]], budget: int, reach: float = 0.0
    ) -> np.ndarray | None:
        """Estimated cosine per story slot (indexable by slot), or None when nothing is shared.

        ``weighted``: (term, weight) pairs, read in their order (`weigh` makes a vector's items
        rarest first) until ``budget`` postings have been read: rare terms tell stories apart,
        and skipping the common ones keeps the cost flat as stories accumulate. Past the budget,
        terms are still read while the unread ones' norm is at least ``reach``: against a unit
        centroid they could add up to that norm (Cauchy-Schwarz), so with ``reach`` the
        threshold no story they alone could lift to it is left out. The postings' arrays are
        joined as bytes and viewed by numpy once: converting each small array to numpy
        separately cost more than the sum itself.
        """
        terms = self.terms
        slots: list[array[int]] = []
        weights: list[array[float]] = []
        scales: list[float] = []
        lengths: list[int] = []
        pending = iter(weighted)
        for term, w in pending:
            post = terms.get(term)
            if post is None:
                continue
            n = len(post.slots)
            budget -= n
            if budget < 0:
                if reach > 0.0:
                    read = self._past_budget([(term, w), *pending], reach * reach)
                    for post, w in read:
                        slots.append(post.slots)
                        weights.append(post.weights)
                        scales.append(w)
                        lengths.append(len(post.slots))
                break
            slots.append(post.slots)
            weights.append(post.weights)
            scales.append(w)
            lengths.append(n)
        if not slots:
            return None
        scaled = np.frombuffer(b"".join(weights), dtype=np.float64) * np.repeat(scales, lengths)
        return np.bincount(np.frombuffer(b"".join(slots), dtype=np.int64), weights=scaled)

    def _past_budget(
        self, rest: list[tuple[str, float]], limit: float
    ) -> list[tuple[TermPostings, float]]:
        """``rest``'s postings, in order, while the squared weight still unread exceeds
        ``limit`` (a term no story holds counts as read: its part, zero, is known)."""
        terms, read = self.terms, []
        unread = sum(w * w for _, w in rest)
        for term, w in rest:
            if unread <= limit:
                break
            unread -= w * w
            post = terms.get(term)
            if post is not None:
                read.append((post, w))
        return read

    def __len__(self) -> int:
        return len(self.terms)
