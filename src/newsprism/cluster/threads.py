"""Threads: closed stories linked into the topics a wire follows for weeks or years.

A story is one event (days). Labelled sets disagree on what one "story" is: on AllSides two
events on one subject weeks apart are two stories, on DUC 2006 they are one topic, and the
two cases look the same in words, entities and time gaps (docs/clustering.md). So the engine
keeps events as stories and adds a second level: when a story closes, it is linked to the
earlier thread whose centroid is most similar (cosine at least ``thread_threshold``), or it
starts a thread. Earlier stories never change, so this works on a stream: memory is the
threads' small centroids, bounded in number and dropped after ``thread_window`` idle days.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass, field


@dataclass(slots=True)
class Thread:
    id: str
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 1.0
    last: float | None = None


_RERANK = 8  # threads scored exactly after the estimate from the postings read


class ThreadIndex:
    """Open threads, least recently extended first, with an inverted index over their terms."""

    def __init__(
        self,
        threshold: float,
        window: float,
        terms: int = 150,
        max_threads: int = 20_000,
        budget: int = 2_000,
    ) -> None:
        self.threshold = threshold
        self.window = window
        self.terms = terms
        self.max_threads = max_threads
        self.budget = budget
        self.threads: OrderedDict[str, Thread] = OrderedDict()
        self._holders: dict[str, set[str]] = {}  # term -> ids of threads whose centroid has it

    def link(self, story_id: str, centroid: dict[str, float], day: float | None) -> str:
        """The thread a closed story belongs to (its own id when it starts one)."""
        self._expire(day)
        vec = unit(top_terms(centroid, self.terms))
        thread, score = self._best(vec)
        if thread is None or score < self.threshold:
            thread = Thread(story_id)
            self.threads[story_id] = thread
        self._extend(thread, vec, day)
        self._expire(day)
        return thread.id

    def _best(self, vec: dict[str, float]) -> tuple[Thread | None, float]:
        """Candidates from the rarest shared terms first (the fewest threads hold them) until
        ``budget`` postings are read, so a common word never makes a story scan every thread;
        the best few by that estimate are scored exactly."""
        holders = self._holders
        estimate: dict[str, float] = {}
        read = 0
        for t in sorted((t for t in vec if t in holders), key=lambda t: (len(holders[t]), t)):
            if read >= self.budget:
                break
            w = vec[t]
            for tid in holders[t]:
                estimate[tid] = estimate.get(tid, 0.0) + w * self._weight(tid, t)
            read += len(holders[t])
        ranked = sorted(estimate, key=lambda tid: (-estimate[tid], tid))[:_RERANK]
        best, best_score = None, 0.0
        for tid in ranked:
            thread = self.threads[tid]
            c = thread.centroid
            score = sum(w * c.get(t, 0.0) for t, w in vec.items()) / thread.norm
            if score > best_score:
                best, best_score = thread, score
        return best, best_score

    def _weight(self, tid: str, term: str) -> float:
        thread = self.threads[tid]
        return thread.centroid[term] / thread.norm

    def _extend(self, thread: Thread, vec: dict[str, float], day: float | None) -> None:
        """Add a story's unit centroid, keeping the thread's heaviest terms."""
        c = dict(thread.centroid)
        for t, w in vec.items():
            c[t] = c.get(t, 0.0) + w
        kept = top_terms(c, self.terms)
        for t in thread.centroid.keys() - kept.keys():
            self._holders[t].discard(thread.id)
        for t in kept.keys() - thread.centroid.keys():
            self._holders.setdefault(t, set()).add(thread.id)
        thread.centroid = kept
        thread.norm = math.sqrt(sum(w * w for w in kept.values())) or 1.0
        if day is not None:
            thread.last = day if thread.last is None else max(thread.last, day)
        self.threads.move_to_end(thread.id)

    def _expire(self, day: float | None) -> None:
        """Drop threads idle past the window, and the least recent past ``max_threads``."""
        while self.threads:
            oldest = next(iter(self.threads.values()))
            idle = day is not None and oldest.last is not None and oldest.last < day - self.window
            if not idle and len(self.threads) <= self.max_threads:
                return
            self._drop(oldest)

    def _drop(self, thread: Thread) -> None:
        for t in thread.centroid:
            holders = self._holders[t]
            holders.discard(thread.id)
            if not holders:
                del self._holders[t]
        del self.threads[thread.id]


def top_terms(vec: dict[str, float], keep: int) -> dict[str, float]:
    """The ``keep`` heaviest terms; ties broken by term so the result never depends on order."""
    if len(vec) <= keep:
        return dict(vec)
    ranked = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(ranked[:keep])


def unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in vec.items()}
