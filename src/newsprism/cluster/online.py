"""Single-pass story clustering: each article joins the best active story or opens a new one.

A story is its centroid (the sum of its members' unit TF-IDF vectors, cut to the heaviest terms)
and its time span. An article's score for a story is the cosine to that centroid minus
``day_penalty`` per day between the article and the story's span (less for stories that already
span days). A story idle so long that no article could reach the threshold is closed, so memory
follows the window while an active story grows for as long as coverage continues.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.features import DocFrequency, Features, weigh
from newsprism.cluster.postings import Postings
from newsprism.cluster.semantic import StoryEmbeddings, rescale, top_slots

_RERANK = 8  # candidates scored exactly after the inverted-index pre-ranking


@dataclass(slots=True)
class StoryState:
    id: int
    centroid: dict[str, float]
    norm: float
    first: float | None
    last: float | None
    members: list[int] = field(default_factory=list)
    slot: int = -1  # position in the index's story table, reused after the story closes
    embedding: np.ndarray | None = None  # unit mean of members' embeddings, kept when it closes

    def gap(self, day: float | None) -> float:
        """Days between ``day`` and this story's span (0 inside it or without dates)."""
        if day is None or self.first is None or self.last is None:
            return 0.0
        return max(self.first - day, day - self.last, 0.0)

    def penalty(self, day: float | None, per_day: float, persistence: float) -> float:
        """Similarity an article ``day`` must make up for its distance in time to this story.

        A story that already spans days is an ongoing one: its penalty per day shrinks.
        """
        span = 0.0 if self.first is None or self.last is None else self.last - self.first
        return self.gap(day) * per_day / (1.0 + min(span, persistence))

    def stretch(self, day: float | None) -> None:
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)


class StoryIndex:
    """Active stories, least recently updated first, and an inverted index over their centroids.

    Postings hold term weight / centroid norm as of the story's last update of that term: a cheap
    cosine estimate to pre-rank candidates, which are then scored exactly.
    """

    def __init__(self, config: ClusterConfig) -> None:
        self.config = config
        self.stories: dict[int, StoryState] = {}
        self.postings = Postings()  # term -> {story slot: weight / norm}
        self._slots: list[StoryState | None] = []
        self._free: list[int] = []
        self._next_id = 0
        self.embeddings: StoryEmbeddings | None = None  # with the semantic extra
        self._member_emb: dict[int, np.ndarray] = {}

    def remember(self, member: int, emb: np.ndarray) -> None:
        """An article's embedding, used when it is scored, joins, leaves or its story closes."""
        if self.embeddings is None:
            self.embeddings = StoryEmbeddings(len(emb))
        self._member_emb[member] = emb

    def embedding_of(self, member: int) -> np.ndarray | None:
        """A member's embedding where stories are scored with embeddings (else None)."""
        return self._member_emb.get(member) if self.config.semantic else None

    def mean_embedding(self, story: StoryState) -> np.ndarray | None:
        """The unit mean of a story's member embeddings (None without the semantic extra)."""
        store = self.embeddings
        if store is None or story.slot >= len(store.norms) or store.norms[story.slot] <= 0:
            return None
        return store.sums[story.slot] / store.norms[story.slot]

    def best(
        self,
        vec: dict[str, float],
        day: float | None,
        exclude: int | None = None,
        emb: np.ndarray | None = None,
    ) -> tuple[StoryState | None, float]:
        """The story (other than ``exclude``) with the highest time-penalised cosine to ``vec``.

        Candidates come from the inverted index, rarest shared terms first (fewest open stories
        hold them, so they tell stories apart best), until ``posting_budget`` postings have been
        read and the terms left unread are too light to matter (`_lexical_candidates`). The
        postings are summed with numpy (a Python loop over them was most of the cost).
        """
        skip = self.stories[exclude].slot if exclude in self.stories else None
        candidates = self._lexical_candidates(vec, skip)
        store = self.embeddings if emb is not None else None
        if store is not None and emb is not None:
            more = top_slots(store.cosines(emb), _RERANK, skip)
            candidates = sorted(set(candidates).union(more))
        best: StoryState | None = None
        best_score = 0.0
        mix = self.config.semantic_weight
        for slot in candidates:
            story = self._slots[slot]
            assert story is not None
            c = story.centroid
            score = sum(w * c.get(t, 0.0) for t, w in vec.items()) / story.norm
            if store is not None and emb is not None:
                score = (1.0 - mix) * score + mix * rescale(store.cosine(slot, emb))
            score -= self.penalty(story, day)
            if score > best_score:
                best, best_score = story, score
        return best, best_score

    def _lexical_candidates(self, vec: dict[str, float], skip: int | None) -> list[int]:
        """The ``_RERANK`` open stories with the highest cosine estimated from the postings.

        On a sparse stream the budget covers every term. On a dense one (tens of thousands of
        open stories) the common terms' postings are long, and a fixed budget stopped after a
        few rare terms: the story an article belonged to, found through its mid-frequency
        terms, was often never estimated (16% of placements at 50,000 articles a day). So past
        the budget, terms are still read while the unread ones' norm reaches the threshold: by
        Cauchy-Schwarz they could add at most that norm to any story's cosine, so a story
        sharing none of the terms read cannot reach the threshold. The reading grows with
        density, and only as far as needed.
        """
        cfg = self.config
        estimate = self.postings.estimate(vec.items(), cfg.posting_budget, cfg.threshold)
        if estimate is None:
            return []
        if skip is not None and skip < len(estimate):
            estimate[skip] = 0.0
        candidates = np.flatnonzero(estimate)
        if len(candidates) > _RERANK:
            top = np.argpartition(estimate[candidates], -_RERANK)[-_RERANK:]
            candidates = np.sort(candidates[top])
        return candidates.tolist()

    def penalty(self, story: StoryState, day: float | None) -> float:
        return story.penalty(day, self.config.day_penalty, self.config.persistence)

    def open(self, vec: dict[str, float], day: float | None, member: int) -> StoryState:
        slot = self._free.pop() if self._free else len(self._slots)
        story = StoryState(self._next_id, {}, 1.0, None, None, slot=slot)
        if slot == len(self._slots):
            self._slots.append(story)
        else:
            self._slots[slot] = story
        self._next_id += 1
        self.stories[story.id] = story
        self.join(story, vec, day, member)
        return story

    def join(
        self,
        story: StoryState,
        vec: dict[str, float],
        day: float | None,
        member: int,
        known: bool = True,
    ) -> None:
        """Add a member; an estimated day (``known`` False) does not stretch the story's span."""
        c, sid, slot = story.centroid, story.id, story.slot
        sq = story.norm * story.norm if c else 0.0
        for t, w in vec.items():
            old = c.get(t, 0.0)
            c[t] = new = old + w
            sq += new * new - old * old
        if len(c) > 2 * self.config.centroid_terms:
            c = self._prune(story)
            sq = sum(w * w for w in c.values())
        story.norm = norm = math.sqrt(sq) if sq > 0.0 else 1.0
        self.postings.repost(slot, vec, c, norm)
        story.members.append(member)
        if known:
            story.stretch(day)
        emb = self._member_emb.get(member)
        if emb is not None and self.embeddings is not None:
            self.embeddings.add(slot, emb)
        del self.stories[sid]
        self.stories[sid] = story

    def leave(self, story: StoryState, vec: dict[str, float], member: int) -> None:
        """Take a member's vector back out of its story (batch refinement moves it elsewhere)."""
        c, slot = story.centroid, story.slot
        emptied = []
        for t, w in vec.items():
            if t in c:
                c[t] -= w
                if c[t] <= 1e-9:
                    del c[t]
                    emptied.append(t)
        self.postings.remove_all(slot, emptied)
        story.norm = norm = math.sqrt(sum(w * w for w in c.values())) or 1.0
        self.postings.repost(slot, vec, c, norm)
        story.members.remove(member)
        emb = self._member_emb.get(member)
        if emb is not None and self.embeddings is not None:
            self.embeddings.add(slot, emb, sign=-1.0)
        if not story.members:
            self.close(story)

    def _prune(self, story: StoryState) -> dict[str, float]:
        """Keep the heaviest centroid terms; returns the new centroid (a new dict)."""
        ranked = sorted(story.centroid.items(), key=lambda kv: kv[1], reverse=True)
        story.centroid = dict(ranked[: self.config.centroid_terms])
        self.postings.remove_all(story.slot, [t for t, _ in ranked[self.config.centroid_terms :]])
        return story.centroid

    def close(self, story: StoryState) -> StoryState:
        self.postings.remove_all(story.slot, story.centroid)
        del self.stories[story.id]
        self._slots[story.slot] = None
        if self.embeddings is not None:
            story.embedding = self.mean_embedding(story)  # for its thread link
            self.embeddings.clear(story.slot)
            for member in story.members:
                self._member_emb.pop(member, None)
        self._free.append(story.slot)
        return story

    def expire(self, now: float | None) -> Iterator[StoryState]:
        """Close stories no article can reach any more, least recently updated first.

        Stories are kept in update order, so the sweep stops at the first one updated within the
        shortest window; long-running stories (longer reach) are stepped over until their own
        window passes. Past ``max_active`` the least recent stories close regardless (undated).
        """
        cfg = self.config
        while len(self.stories) > cfg.max_active:
            yield self.close(next(iter(self.stories.values())))
        if now is None:
            return
        horizon = now - cfg.window
        for story in list(self._idle(horizon)):
            if story.last is not None and story.last < now - self._window(story):
                yield self.close(story)

    def _idle(self, horizon: float) -> Iterator[StoryState]:
        for story in self.stories.values():
            if story.last is None or story.last >= horizon:
                return
            yield story

    def _window(self, story: StoryState) -> float:
        """Days after its last article at which even an identical article could not join."""
        span = 0.0 if story.first is None or story.last is None else story.last - story.first
        return self.config.window * (1.0 + min(span, self.config.persistence))

    def close_all(self) -> Iterator[StoryState]:
        while self.stories:
            yield self.close(next(iter(self.stories.values())))


class OnlineClusterer:
    """Assign articles one at a time; IDF grows with the stream unless a fixed table is given."""

    def __init__(self, config: ClusterConfig | None = None, df: DocFrequency | None = None) -> None:
        self.config = config or ClusterConfig()
        self.index = StoryIndex(self.config)
        self.df = df if df is not None else DocFrequency()
        self._learn_idf = df is None
        self.now: float | None = None

    def vector(self, features: Features) -> dict[str, float]:
        """The article's unit TF-IDF vector (already computed when a helper process featurised)."""
        if features.vector is not None:
            return features.vector
        if self._learn_idf:
            self.df.add(features.terms)
        return weigh(features.terms, self.df, self.config.article_terms)

    def add(
        self, member: int, features: Features, day: float | None, known: bool = True
    ) -> StoryState:
        """Place one article; returns its story. ``known`` False: ``day`` is an estimate."""
        return self.place(member, self.vector(features), day, features.embedding, known)

    def place(
        self,
        member: int,
        vec: dict[str, float],
        day: float | None,
        emb: np.ndarray | None = None,
        known: bool = True,
    ) -> StoryState:
        """Join the best story or open one. An estimated day scores the article like a dated
        one but never stretches a story it joins (a story it opens starts on that day)."""
        if day is not None and known:
            self.now = day if self.now is None else max(self.now, day)
        if emb is not None:
            self.index.remember(member, emb)
        story, score = self.index.best(vec, day, emb=emb if self.config.semantic else None)
        if story is not None and score >= self.config.threshold:
            self.index.join(story, vec, day, member, known)
            return story
        return self.index.open(vec, day, member)

    def expire(self) -> Iterator[StoryState]:
        return self.index.expire(self.now)

    def close_all(self) -> Iterator[StoryState]:
        return self.index.close_all()
