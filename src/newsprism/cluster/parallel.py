"""Features for an ordered stream, computed by helper processes while the main one clusters.

Online clustering is sequential, but tokenising, stemming and MinHash signing are not, and they
are about half the work: on two cores one helper process roughly doubles the rate. Order is kept
and only a few batches are in flight, so memory stays bounded on endless streams.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.features import Features, Featurizer
from newsprism.model import Article

BATCH = 256
_worker: Featurizer | None = None


def default_jobs() -> int:
    """Helper processes worth starting: one per spare core."""
    return max(0, (os.cpu_count() or 1) - 1)


def _init(config: ClusterConfig) -> None:
    global _worker
    _worker = Featurizer(config)


def _featurize(texts: list[tuple[str, str | None]]) -> list[Features]:
    assert _worker is not None
    return [_worker.of_text(text, title) for text, title in texts]


def featurized(
    articles: Iterable[Article], config: ClusterConfig, jobs: int = 0
) -> Iterator[tuple[Article, Features]]:
    """(article, features) in input order; ``jobs`` helper processes (0: compute inline)."""
    if jobs <= 0:
        featurizer = Featurizer(config)
        for article in articles:
            yield article, featurizer.features(article)
        return
    it = iter(articles)
    inflight: deque[tuple[list[Article], AsyncResult[list[Features]]]] = deque()
    with multiprocessing.Pool(jobs, initializer=_init, initargs=(config,)) as pool:
        while True:
            batch = list(islice(it, BATCH))
            if batch:
                texts = [(a.text, a.title) for a in batch]
                inflight.append((batch, pool.apply_async(_featurize, (texts,))))
            while inflight and (not batch or len(inflight) > 2 * jobs + 1):
                done, result = inflight.popleft()
                yield from zip(done, result.get(), strict=True)
            if not batch:
                return
