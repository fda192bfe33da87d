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
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from newsprism.cluster.postings import Postings

_RERANK = 8  # threads scored exactly after the estimate from the postings read


@dataclass(slots=True)
class Thread:
    id: str
    slot: int
    centroid: dict[str, float] = field(default_factory=dict)
    norm: float = 1.0
    last: float | None = None
    size: int = 0  # stories linked (batch refinement drops a thread its last story leaves)


class ThreadIndex:
    """Open threads, least recently extended first, with numpy postings over their centroids
    (the same budgeted, rarest-first candidate search as the story index)."""

    def __init__(
        self,
        threshold: float,
        window: float,
        terms: int = 50,
        max_threads: int = 20_000,
        budget: int = 1_500,
    ) -> None:
        self.threshold = threshold
        self.window = window
        self.terms = terms
        self.max_threads = max_threads
        self.budget = budget
        self.threads: OrderedDict[str, Thread] = OrderedDict()
        self.postings = Postings()
        self._slots: list[Thread | None] = []
        self._free: list[int] = []

    def link(self, story_id: str, centroid: dict[str, float], day: float | None) -> str:
        """The thread a closed story belongs to (its own id when it starts one)."""
        self._expire(day)
        vec = unit(top_terms(centroid, self.terms))
        thread, score = self._best(vec)
        if thread is None or score < self.threshold:
            thread = self._open(story_id)
        self._extend(thread, vec, day)
        self._expire(day)
        return thread.id

    def refine(self, linked: Sequence[tuple[str, dict[str, float], str]]) -> dict[str, str]:
        """Batch: one sweep offering each linked story (id, centroid, thread id), in link order,
        to the threads as they ended up; it moves when another thread now scores better than its
        own without it (leave-one-out) and at least ``threshold``. A story linked early, when its
        topic's thread did not exist yet or held little, finds it. Returns story id -> thread id."""
        thread_of = {sid: tid for sid, _, tid in linked}
        for sid, centroid, tid in linked:
            own = self.threads.get(tid)
            if own is None:  # expired during the pass: nothing to compare against
                continue
            vec = unit(top_terms(centroid, self.terms))
            self._take(own, vec)
            stay = self._score(own, vec) if own.size else 0.0
            other, score = self._best(vec)
            if other is None or other is own or score < self.threshold or score <= stay:
                other = own
            self._extend(other, vec, None)
            if not own.size:
                self._drop(own)
            thread_of[sid] = other.id
        return thread_of

    def _take(self, thread: Thread, vec: dict[str, float]) -> None:
        """Take a story's vector back out of a thread's (pruned) centroid."""
        c = thread.centroid
        for t, w in vec.items():
            if t in c:
                c[t] -= w
                if c[t] <= 1e-9:
                    del c[t]
                    self.postings.remove(t, thread.slot)
        thread.size -= 1
        self._repost(thread, vec)

    def _repost(self, thread: Thread, vec: dict[str, float]) -> None:
        c = thread.centroid
        thread.norm = norm = math.sqrt(sum(w * w for w in c.values())) or 1.0
        for t in vec:
            if t in c:
                self.postings.set(t, thread.slot, c[t] / norm)

    @staticmethod
    def _score(thread: Thread, vec: dict[str, float]) -> float:
        c = thread.centroid
        return sum(w * c.get(t, 0.0) for t, w in vec.items()) / thread.norm

    def _best(self, vec: dict[str, float]) -> tuple[Thread | None, float]:
        """Candidates from the rarest shared terms first until ``budget`` postings are read, so
        a common word never makes a story scan every thread; the best few are scored exactly."""
        held = self.postings.terms
        rarest = sorted((t for t in vec if t in held), key=lambda t: (len(held[t]), t))
        estimate = self.postings.estimate({t: vec[t] for t in rarest}, self.budget)
        if estimate is None:
            return None, 0.0
        candidates = np.flatnonzero(estimate)
        if len(candidates) > _RERANK:
            candidates = candidates[np.argpartition(estimate[candidates], -_RERANK)[-_RERANK:]]
        best, best_score = None, 0.0
        for slot in sorted(candidates.tolist()):
            thread = self._slots[slot]
            assert thread is not None
            score = self._score(thread, vec)
            if score > best_score:
                best, best_score = thread, score
        return best, best_score

    def _open(self, story_id: str) -> Thread:
        slot = self._free.pop() if self._free else len(self._slots)
        thread = Thread(story_id, slot)
        if slot == len(self._slots):
            self._slots.append(thread)
        else:
            self._slots[slot] = thread
        self.threads[story_id] = thread
        return thread

    def _extend(self, thread: Thread, vec: dict[str, float], day: float | None) -> None:
        """Add a story's unit centroid; past four times ``terms`` keep the heaviest ``terms``
        (pruning less often: it costs as much as the rest of linking)."""
        c = thread.centroid
        for t, w in vec.items():
            c[t] = c.get(t, 0.0) + w
        if len(c) > 4 * self.terms:
            kept = top_terms(c, self.terms)
            for t in c.keys() - kept.keys():
                self.postings.remove(t, thread.slot)
            thread.centroid = c = kept
        thread.size += 1
        self._repost(thread, vec)
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
            self.postings.remove(t, thread.slot)
        del self.threads[thread.id]
        self._slots[thread.slot] = None
        self._free.append(thread.slot)


def top_terms(vec: dict[str, float], keep: int) -> dict[str, float]:
    """The ``keep`` heaviest terms; ties broken by term so the result never depends on order."""
    if len(vec) <= keep:
        return dict(vec)
    ranked = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(ranked[:keep])


def unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in vec.items()}
