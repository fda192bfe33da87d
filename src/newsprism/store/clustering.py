"""The online engine kept alive across runs: stored stories that are still open are rebuilt from
their members, so an article ingested tomorrow joins the story it belongs to, not a new one.

Placement reuses the project's engine (`OnlineClusterer`) and duplicate finder (`Deduplicator`);
this module only maps engine stories to stored story ids.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dedupe import Deduplicator
from newsprism.cluster.features import Features, Featurizer
from newsprism.cluster.online import OnlineClusterer, StoryState
from newsprism.cluster.stream import day_of
from newsprism.model import Article, story_id
from newsprism.store.base import Placed


class StoreClusterer:
    """Places articles into stored stories; ids of new stories derive from their first article."""

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self.featurizer = Featurizer(self.config)
        self.dedup = Deduplicator(self.config.dedup_threshold, self.config.num_perm)
        self.engine = OnlineClusterer(self.config)
        self._stored_id: dict[int, str] = {}  # engine story id -> stored story id
        self._story_of: dict[int, StoryState] = {}  # key of an open canonical -> its story
        self._article_id: dict[int, str] = {}  # key of an open canonical -> article id
        self._next = 0
        self.duplicates = 0

    def warm(self, stored: Iterable[tuple[Article, str]]) -> int:
        """Rebuild open stories from (article, stored story id), oldest first; returns how many
        articles were replayed. Each joins the story it is stored in: no re-clustering."""
        states: dict[str, StoryState] = {}
        n = 0
        for article, sid in stored:
            n += 1
            if article.duplicate_of is not None:
                continue
            key, features = self._key(), self.featurizer.features(article)
            self.dedup.check(key, features.signature)
            vec, day = self.engine.vector(features), day_of(article)
            if day is not None:
                self.engine.now = day if self.engine.now is None else max(self.engine.now, day)
            state = states.get(sid)
            if state is None or state.id not in self.engine.index.stories:
                state = states[sid] = self.engine.index.open(vec, day, key)
                self._stored_id[state.id] = sid
            else:
                self.engine.index.join(state, vec, day, key)
            self._remember(key, article, state)
        self._expire()
        return n

    def place(self, article: Article, features: Features | None = None) -> Placed:
        """The article's story (and its original when it is a copy of an open article)."""
        key = self._key()
        if features is None:
            features = self.featurizer.features(article)
        original = self.dedup.check(key, features.signature)
        if original is not None and original in self._story_of:
            self.duplicates += 1
            state = self._story_of[original]
            article = article.model_copy(update={"duplicate_of": self._article_id[original]})
            placed = Placed(article, self._stored_id[state.id])
        else:
            state = self.engine.add(key, features, day_of(article))
            self._remember(key, article, state)
            if state.id not in self._stored_id:
                self._stored_id[state.id] = story_id([article.id])
            placed = Placed(article, self._stored_id[state.id], story_title=article.title)
        self._expire()
        return placed

    def _key(self) -> int:
        self._next += 1
        return self._next

    def _remember(self, key: int, article: Article, state: StoryState) -> None:
        self._story_of[key] = state
        self._article_id[key] = article.id

    def _expire(self) -> None:
        """Forget stories no new article could reach; they stay in the store, closed."""
        for done in self.engine.expire():
            self._stored_id.pop(done.id, None)
            for member in done.members:
                self._story_of.pop(member, None)
                self._article_id.pop(member, None)
                self.dedup.forget(member)

    @property
    def open_stories(self) -> int:
        return len(self.engine.index.stories)
