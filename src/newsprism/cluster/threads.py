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
from newsprism.cluster.semantic import FLOOR, StoryEmbeddings, top_slots

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
        semantic_weight: float = 0.0,
    ) -> None:
        self.threshold = threshold
        self.window = window
        self.terms = terms
        self.max_threads = max_threads
        self.budget = budget
        # With embeddings a link scores lexical + semantic_weight x (cosine - FLOOR): meaning
        # adds to words where a topic's vocabulary drifts, and subtracts where it differs.
        self.semantic_weight = semantic_weight
        self.embeddings: StoryEmbeddings | None = None  # sum of story embeddings per slot
        self.threads: OrderedDict[str, Thread] = OrderedDict()
        self.postings = Postings()
        self._slots: list[Thread | None] = []
        self._free: list[int] = []

    def link(
        self,
        story_id: str,
        centroid: dict[str, float],
        day: float | None,
        emb: np.ndarray | None = None,
    ) -> str:
        """The thread a closed story belongs to (its own id when it starts one); ``emb``, the
        story's unit mean embedding, counts when the index has a ``semantic_weight``."""
        self._expire(day)
        vec = unit(top_terms(centroid, self.terms))
        emb = self._usable(emb)
        thread, score = self._best(vec, emb)
        if thread is None or score < self.threshold:
            thread = self._open(story_id)
        self._extend(thread, vec, day, emb)
        self._expire(day)
        return thread.id

    def place(
        self, story_id: str, centroid: dict[str, float], thread_id: str, day: float | None
    ) -> None:
        """Batch: add a story to the thread ``thread_id`` grouped it into (opened if new), as
        `link` would have; `refine` can follow."""
        thread = self.threads.get(thread_id) or self._open(thread_id)
        self._extend(thread, unit(top_terms(centroid, self.terms)), day, None)

    def _usable(self, emb: np.ndarray | None) -> np.ndarray | None:
        if emb is None or not self.semantic_weight:
            return None
        if self.embeddings is None:
            self.embeddings = StoryEmbeddings(len(emb))
        return emb

    def refine(
        self,
        linked: Sequence[tuple[str, dict[str, float], str]],
        embs: Sequence[np.ndarray | None] | None = None,
    ) -> dict[str, str]:
        """Batch: one sweep offering each linked story (id, centroid, thread id), in link order,
        to the threads as they ended up; it moves when another thread now scores better than its
        own without it (leave-one-out) and at least ``threshold``. A story linked early, when its
        topic's thread did not exist yet or held little, finds it. Returns story id -> thread id."""
        thread_of = {sid: tid for sid, _, tid in linked}
        for n, (sid, centroid, tid) in enumerate(linked):
            own = self.threads.get(tid)
            if own is None:  # expired during the pass: nothing to compare against
                continue
            vec = unit(top_terms(centroid, self.terms))
            emb = self._usable(embs[n]) if embs is not None else None
            self._take(own, vec, emb)
            stay = self._score(own, vec, emb) if own.size else 0.0
            other, score = self._best(vec, emb)
            if other is None or other is own or score < self.threshold or score <= stay:
                other = own
            self._extend(other, vec, None, emb)
            if not own.size:
                self._drop(own)
            thread_of[sid] = other.id
        return thread_of

    def _take(self, thread: Thread, vec: dict[str, float], emb: np.ndarray | None) -> None:
        """Take a story's vector (and embedding) back out of a thread's (pruned) centroid."""
        if emb is not None and self.embeddings is not None:
            self.embeddings.add(thread.slot, emb, sign=-1.0)
        c = thread.centroid
        emptied = []
        for t, w in vec.items():
            if t in c:
                c[t] -= w
                if c[t] <= 1e-9:
                    del c[t]
                    emptied.append(t)
        self.postings.remove_all(thread.slot, emptied)
        thread.size -= 1
        self._repost(thread, vec)

    def _repost(self, thread: Thread, vec: dict[str, float]) -> None:
        c = thread.centroid
        thread.norm = norm = math.sqrt(sum(w * w for w in c.values())) or 1.0
        self.postings.repost(thread.slot, vec, c, norm)

    def _score(self, thread: Thread, vec: dict[str, float], emb: np.ndarray | None) -> float:
        c = thread.centroid
        lexical = sum(w * c.get(t, 0.0) for t, w in vec.items()) / thread.norm
        if emb is None or self.embeddings is None:
            return lexical
        return lexical + self.semantic_weight * (self.embeddings.cosine(thread.slot, emb) - FLOOR)

    def _best(
        self, vec: dict[str, float], emb: np.ndarray | None = None
    ) -> tuple[Thread | None, float]:
        """Candidates from the rarest shared terms first until ``budget`` postings are read, so
        a common word never makes a story scan every thread; the best few are scored exactly."""
        held = self.postings.terms
        rarest = sorted([(len(held[t]), t) for t in vec if t in held])
        estimate = self.postings.estimate([(t, vec[t]) for _, t in rarest], self.budget)
        candidates: list[int] = []
        if estimate is not None:
            found = np.flatnonzero(estimate)
            if len(found) > _RERANK:
                found = found[np.argpartition(estimate[found], -_RERANK)[-_RERANK:]]
            candidates = found.tolist()
        if emb is not None and self.embeddings is not None:  # the closest by meaning too
            near = top_slots(self.embeddings.cosines(emb), _RERANK, None)
            candidates = [s for s in near if s < len(self._slots)] + candidates
        best, best_score = None, 0.0
        for slot in sorted(set(candidates)):
            thread = self._slots[slot]
            if thread is None:
                continue
            score = self._score(thread, vec, emb)
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

    def _extend(
        self, thread: Thread, vec: dict[str, float], day: float | None, emb: np.ndarray | None
    ) -> None:
        """Add a story's unit centroid; past four times ``terms`` keep the heaviest ``terms``
        (pruning less often: it costs as much as the rest of linking)."""
        c = thread.centroid
        for t, w in vec.items():
            c[t] = c.get(t, 0.0) + w
        if len(c) > 4 * self.terms:
            kept = top_terms(c, self.terms)
            self.postings.remove_all(thread.slot, c.keys() - kept.keys())
            thread.centroid = c = kept
        thread.size += 1
        self._repost(thread, vec)
        if emb is not None and self.embeddings is not None:
            self.embeddings.add(thread.slot, emb)
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
        self.postings.remove_all(thread.slot, thread.centroid)
        if self.embeddings is not None:
            self.embeddings.clear(thread.slot)
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
