"""Online engine: articles in time order in, finished stories out, duplicates folded in.

Only the articles of stories that are still open are held, so a day-long stream runs in the
memory of its time window. Closed stories are yielded at once for the caller to write.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dates import dateline_day
from newsprism.cluster.dedupe import Deduplicator
from newsprism.cluster.features import Features, Featurizer
from newsprism.cluster.online import OnlineClusterer, StoryState
from newsprism.cluster.parallel import featurized
from newsprism.cluster.threads import ThreadIndex
from newsprism.model import Article, Story


@dataclass
class ClusterStats:
    """What the CLI summary and the benchmarks report."""

    articles: int = 0
    stories: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


def day_of(article: Article) -> float | None:
    return float(article.date.toordinal()) if article.date else None


def make_story(members: list[Article]) -> Story:
    """A Story from its members in arrival order; titled after its first canonical article."""
    title = next((a.title for a in members if a.title and a.duplicate_of is None), None)
    return Story.from_articles(members, title=title)


def thread_index(config: ClusterConfig) -> ThreadIndex | None:
    if not config.threads:
        return None
    return ThreadIndex(
        config.thread_threshold,
        config.thread_window,
        max_threads=config.thread_memory,
        semantic_weight=config.thread_semantic_weight if config.thread_semantic else 0.0,
    )


class StreamClusterer:
    """Feed articles with `add` (yields stories that closed), then `finish` for the rest."""

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self.featurizer = Featurizer(self.config)
        self.dedup = Deduplicator(self.config.dedup_threshold, self.config.num_perm)
        self.clusterer = OnlineClusterer(self.config)
        self.threads = thread_index(self.config)
        self.stats = ClusterStats()
        self._held: dict[int, Article] = {}
        self._story_of: dict[int, StoryState] = {}
        self._copies: dict[int, list[int]] = {}
        self._next = 0

    def add(self, article: Article, features: Features | None = None) -> Iterator[Story]:
        """Place one article (features computed here unless given); yields stories that closed."""
        key = self._next
        self._next += 1
        self.stats.articles += 1
        if features is None:
            features = self.featurizer.features(article)
        original = self.dedup.check(key, features.signature)
        if original is not None and original in self._story_of:
            self._fold_copy(key, original, article)
        else:
            self._held[key] = article
            day, known = self._day(article)
            story = self.clusterer.add(key, features, day, known)
            self._story_of[key] = story
        for done in self.clusterer.expire():
            yield self._emit(done)

    def _day(self, article: Article) -> tuple[float | None, bool]:
        """The article's day, known; without one, an estimate (see `cluster.dates`): its
        dateline's, else the stream's current day. Estimates never move the stream's clock."""
        day = day_of(article)
        if day is not None:
            return day, True
        now = self.clusterer.now
        found = dateline_day(article.text, now, self.config.window)
        return (found, False) if found is not None else (now, False)

    def _fold_copy(self, key: int, original: int, article: Article) -> None:
        self.stats.duplicates += 1
        self._held[key] = article.model_copy(update={"duplicate_of": self._held[original].id})
        self._copies.setdefault(original, []).append(key)

    def finish(self) -> Iterator[Story]:
        for done in self.clusterer.close_all():
            yield self._emit(done)

    def _emit(self, state: StoryState) -> Story:
        keys: list[int] = []
        for member in state.members:
            keys.append(member)
            keys.extend(self._copies.pop(member, ()))
            self._story_of.pop(member, None)
            self.dedup.forget(member)
        self.stats.stories += 1
        story = make_story([self._held.pop(k) for k in sorted(keys)])
        if self.threads is not None:
            emb = state.embedding if self.config.thread_semantic else None
            story.thread = self.threads.link(story.id, state.centroid, state.last, emb)
        return story

    def run(self, articles: Iterable[Article], jobs: int = 0, reorder: int = 0) -> Iterator[Story]:
        """Cluster a whole stream, timing it into ``stats``; ``jobs`` helper processes featurise.

        ``reorder``: how many articles to hold back to put a stream that arrives roughly, not
        strictly, in date order back in order (feeds, files sorted newest first).
        """
        start = time.perf_counter()
        # Through the buffer even when it holds nothing (0), so late arrivals are always counted.
        articles = self._reordered(articles, reorder)
        for article, features in featurized(articles, self.config, jobs):
            yield from self.add(article, features)
        yield from self.finish()
        self.stats.seconds += time.perf_counter() - start

    def _reordered(self, articles: Iterable[Article], size: int) -> Iterator[Article]:
        """Date order within a buffer of ``size``; counts articles that still come out late.

        An undated article sorts with the latest date seen, so it keeps its arrival position.
        """
        held: list[tuple[float, int, Article]] = []
        latest = released = float("-inf")
        late = 0

        def release(keep: int) -> Iterator[Article]:
            nonlocal released, late
            while len(held) > keep:
                day, _, out = heapq.heappop(held)
                late += day < released
                released = max(released, day)
                yield out

        for seq, article in enumerate(articles):
            day = day_of(article)
            latest = max(latest, day) if day is not None else latest
            heapq.heappush(held, (latest if day is None else day, seq, article))
            yield from release(size)
        yield from release(0)
        self.stats.extra["late_articles"] = late
