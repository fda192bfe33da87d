"""Articles -> placed in stories -> committed in batches. A batch is acknowledged (``on_commit``)
only after its transaction commits, so whatever a caller saw acknowledged survives a crash."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from newsprism.cluster.config import ClusterConfig
from newsprism.model import Article
from newsprism.store.base import Placed, Store, iter_chunks, unique
from newsprism.store.clustering import StoreClusterer

BATCH = 200
WARM_LIMIT = 20_000  # newest stored articles replayed to reopen stories (about 10 s at most)


@dataclass
class IngestStats:
    read: int = 0
    stored: int = 0
    already: int = 0
    duplicates: int = 0
    stories_touched: int = 0
    seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0


class Ingester:
    """One store, one warm clusterer; `ingest` may be called again and again (watch)."""

    def __init__(self, store: Store, config: ClusterConfig | None = None) -> None:
        self.store = store
        self.clusterer = StoreClusterer(config)
        latest = store.latest_date()
        reach = self.clusterer.config.window * (1.0 + self.clusterer.config.persistence)
        since = latest - timedelta(days=reach + 1) if latest else None
        self.clusterer.warm(store.recent_articles(since, WARM_LIMIT))

    def ingest(
        self,
        articles: Iterable[Article],
        on_commit: Callable[[list[Placed]], None] | None = None,
        batch: int = BATCH,
    ) -> IngestStats:
        """Store and place ``articles`` batch by batch; ``on_commit`` hears of each batch only
        once it is committed."""
        stats = IngestStats()
        start = time.perf_counter()
        touched: set[str] = set()
        for chunk in iter_chunks(articles, batch):
            stats.read += len(chunk)
            known = self.store.known(a.id for a in chunk)
            fresh = unique((a for a in chunk if a.id not in known), lambda a: a.id)
            stats.already += len(chunk) - len(fresh)
            placed = [self.clusterer.place(a) for a in fresh]
            stats.stored += self.store.write_batch(placed)
            stats.duplicates += sum(p.article.duplicate_of is not None for p in placed)
            touched.update(p.story_id for p in placed)
            if on_commit is not None:
                on_commit(placed)
        stats.stories_touched = len(touched)
        stats.seconds = time.perf_counter() - start
        return stats
