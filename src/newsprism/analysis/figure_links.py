"""Which figure mentions link, without scoring every candidate pair one at a time.

Blocking by shared words leaves millions of candidate pairs in a 1,000-article story, and a link
score costs microseconds in Python. Most candidates share only a common word and cannot reach the
link threshold, so every candidate first gets an upper bound on its score from sparse products
(``text/sparse.py``): the context part from each context's weight per 4-letter prefix (derived
forms match only within one), the noun, closeness and same-figure parts from arrays. Only pairs
whose bound reaches the threshold are scored exactly. Weaker links matter only inside a connected
component of threshold links, where the clustering reads them, and are then scored when first read.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from newsprism.text.sparse import csr_rows, weighted_rows
from newsprism.text.terms import stem

if TYPE_CHECKING:
    from newsprism.analysis.figures import Mention, _Bag, _Bags

EPS = 1e-9  # bounds are computed in another order of additions than the exact score
CHUNK = 200_000  # pairs per batch of row products, to bound memory
ZERO_WHEN_FAR = ("count", "money", "percent")  # kinds whose score is 0 at closeness 0


class Links:
    """Link scores read by the clustering: the pairs with a positive score, each with an upper
    bound on it, and the score itself, computed once when first read (as (lower, higher))."""

    def __init__(self, score: Callable[[int, int], float]) -> None:
        self.near: dict[int, dict[int, float]] = {}
        self._score = score
        self._known: dict[tuple[int, int], float] = {}

    def add(self, i: int, j: int, bound: float, value: float | None = None) -> None:
        """A pair with a positive score: its exact ``value`` if known, else at most ``bound``."""
        if value is not None:
            self._known[(min(i, j), max(i, j))] = bound = value
        self.near.setdefault(i, {})[j] = bound
        self.near.setdefault(j, {})[i] = bound

    def neighbours(self, i: int) -> dict[int, float]:
        """Mention -> upper bound on its score with ``i`` (exact once known)."""
        return self.near.get(i, {})

    def value(self, i: int, j: int) -> float:
        """The pair's score; 0 when it has none (one source, or figures that cannot match)."""
        if j not in self.neighbours(i):
            return 0.0
        key = (min(i, j), max(i, j))
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._score(*key)
            self.near[i][j] = self.near[j][i] = known
        return known


def mean(values: list[float]) -> float:
    """``np.mean`` of a short list, bit for bit, without its per-call overhead: numpy adds fewer
    than 8 numbers one by one from 0, as ``sum`` does; longer lists go to numpy."""
    return sum(values) / len(values) if len(values) < 8 else float(np.mean(values))


class Bounds:
    """Per-mention arrays and sparse rows from which a candidate pair's score bound is read."""

    def __init__(self, mentions: list[Mention], bags: _Bags) -> None:
        vocab: dict[object, int] = {}
        weights = [_prefix_weights(bags.of(m.context)) for m in mentions]
        self.prefixes, vocab = weighted_rows(weights, vocab)
        self.present = self.prefixes.copy()
        self.present.data[:] = 1.0
        bag = [bags.of(m.context) for m in mentions]
        self.norm = np.array([b[1] for b in bag])
        self.total = np.array([b[2] for b in bag])
        self.noun = np.array([vocab.setdefault(m.noun[:4], len(vocab)) if m.noun else -1
                              for m in mentions], dtype=np.int64)  # fmt: skip
        rows = np.repeat(np.arange(len(mentions)), np.diff(self.prefixes.indptr))
        self.width = len(vocab) + 1
        self.context_keys = np.sort(rows * self.width + self.prefixes.indices)
        self.phrase, _ = csr_rows(({stem(w) for w in m.quantity.phrase} for m in mentions),
                                  binary=True)  # fmt: skip
        self.phrase_size = np.asarray(self.phrase.sum(axis=1)).ravel()
        self.anchors, _ = csr_rows((m.anchors for m in mentions), binary=True)
        keys: dict[object, int] = {}
        self.key = np.array([keys.setdefault(m.quantity.key, len(keys)) for m in mentions], int)
        self.low = np.array([m.quantity.low for m in mentions], dtype=float)
        self.high = np.array([m.quantity.high for m in mentions], dtype=float)
        self.calendar = np.array([m.quantity.kind in {"date", "time"} for m in mentions], bool)
        self.group = np.array([m.group for m in mentions], dtype=np.int64)
        self.weekday = np.array([m.quantity.unit == "weekday" for m in mentions], bool)
        self.zero_when_far = np.array([m.quantity.kind in ZERO_WHEN_FAR for m in mentions], bool)

    def scores(self, rows: np.ndarray, cols: np.ndarray, meaning: np.ndarray | None = None
               ) -> np.ndarray:  # fmt: skip
        """An upper bound on ``link_score`` of each pair (rows[k], cols[k]), all of one kind and
        unit block at a time or mixed; pairs from one source are not passed in."""
        out = np.zeros(len(rows))
        for start in range(0, len(rows), CHUNK):
            r, c = rows[start : start + CHUNK], cols[start : start + CHUNK]
            sem = meaning[r, c] if meaning is not None else None
            out[start : start + CHUNK] = self._chunk(r, c, sem)
        return out

    def positive(self, r: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pairs of one kind and unit whose link score is above 0 (other sources; a count, sum or
        share within a factor of three), and those too near that factor to tell in numpy's
        floating point, which the caller decides with ``closeness`` itself."""
        apart = self.group[r] != self.group[c]
        lo_a, hi_a, lo_b, hi_b = self.low[r], self.high[r], self.low[c], self.high[c]
        overlap = (lo_a <= hi_b) & (lo_b <= hi_a)
        mid_a, mid_b = (lo_a + hi_a) / 2, (lo_b + hi_b) / 2
        signed = (mid_a > 0) & (mid_b > 0)
        ratio = np.divide(mid_a, mid_b, out=np.ones(len(r)), where=signed)
        factor = np.abs(np.log(ratio)) / math.log(3)
        far = self.zero_when_far[r] & ~overlap
        unsure = apart & far & signed & (np.abs(factor - 1) < 1e-6)
        return apart & ~(far & ~(signed & (factor < 1))), unsure

    def _chunk(self, r: np.ndarray, c: np.ndarray, meaning: np.ndarray | None) -> np.ndarray:
        context = self._context(r, c)
        if meaning is not None:
            context = np.maximum(context, meaning)
        noun = self._noun(r, c)
        near = self._near(r, c)
        same = 0.15 * ((self.key[r] == self.key[c]) | (self.low[r] == self.low[c])
                       | (self.high[r] == self.high[c]))  # fmt: skip
        same += 0.1 * (_row_dot(self.anchors, r, c) > 0)
        score = 0.55 * context + 0.3 * noun + 0.15 * near + same
        score = np.where((noun <= 0.2) & (context < 0.5), score / 2, score)
        return np.where(self.zero_when_far[r] & (near == 0.0), 0.0, score)

    def _context(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        """Matched terms share a prefix, each used once: the dot product is at most that of the
        prefix sums, and the overlap at most the sum over shared prefixes of the smaller one."""
        left, right = self.prefixes[r], self.prefixes[c]
        dot = np.asarray(left.multiply(right).sum(axis=1)).ravel()
        mine = left.multiply(self.present[c])  # a's prefix sums where b has the prefix too
        theirs = right.multiply(self.present[r])
        shared = np.asarray(mine.minimum(theirs).sum(axis=1)).ravel()
        smaller = np.minimum(self.total[r], self.total[c])
        product = self.norm[r] * self.norm[c]
        overlap = np.divide(shared, smaller, out=np.zeros(len(r)), where=smaller > 0)
        cosine = np.divide(dot, product, out=np.zeros(len(r)), where=product > 0)
        bound = 0.5 * np.minimum(overlap, 1.0) + 0.5 * np.minimum(cosine, 1.0)
        return np.where(dot > 0, bound + EPS, 0.0)

    def _noun(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        """1 where the nouns may be related or one may echo in the other's context (a shared
        4-letter prefix), 0.5 without a noun, else the Dice overlap of the counted phrases."""
        a, b = self.noun[r], self.noun[c]
        both = (a >= 0) & (b >= 0)
        echo = _among(c * self.width + a, self.context_keys)
        echo |= _among(r * self.width + b, self.context_keys)
        sizes = self.phrase_size[r] + self.phrase_size[c]
        shared = 2 * _row_dot(self.phrase, r, c)
        dice = np.divide(shared, sizes, out=np.ones(len(r)), where=sizes > 0)
        agree = np.where((a == b) | echo, 1.0, np.maximum(0.2, dice + EPS))
        return np.where(both, agree, 0.5)

    def _near(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        """An upper bound on ``closeness`` (every pair is of one kind and unit): 1 for dates and
        times (weekdays wrap), else the ratio rule loosened by EPS, so it is 0 only where
        closeness surely is."""
        lo_a, hi_a, lo_b, hi_b = self.low[r], self.high[r], self.low[c], self.high[c]
        overlap = (lo_a <= hi_b) & (lo_b <= hi_a)
        mid_a, mid_b = (lo_a + hi_a) / 2, (lo_b + hi_b) / 2
        positive = (mid_a > 0) & (mid_b > 0)
        ratio = np.divide(mid_a, mid_b, out=np.ones(len(r)), where=positive)
        far = np.where(positive, 1.0 - np.abs(np.log(ratio)) / math.log(3) + EPS, 0.0)
        gap = np.abs(lo_a - lo_b)
        weekday = np.maximum(1.0, 1.0 - np.minimum(gap, 7 - gap) / 4 + EPS)  # > 1 past 7 days
        calendar = np.where(self.weekday[r], weekday, 1.0)
        bound = np.where(self.calendar[r], calendar, np.clip(far, 0.0, 1.0))
        return np.where(overlap, 1.0, bound)


def _prefix_weights(bag: _Bag) -> dict[str, float]:
    """A weighted context's total weight per 4-letter prefix."""
    weighted, _, _, buckets, _ = bag
    return {p: sum(weighted[t] for t in terms) for p, terms in buckets.items()}


def _row_dot(left: sparse.csr_matrix, r: np.ndarray, c: np.ndarray,
             right: sparse.csr_matrix | None = None) -> np.ndarray:  # fmt: skip
    """Dot products of row r[k] of ``left`` with row c[k] of ``right`` (``left`` if None)."""
    other = left if right is None else right
    return np.asarray(left[r].multiply(other[c]).sum(axis=1)).ravel()


def _among(values: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """``np.isin`` for a sorted right side (a binary search; isin re-sorts it every call)."""
    if not len(ordered):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    return ordered[at] == values
