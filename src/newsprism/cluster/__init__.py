"""Story clustering: group a stream of articles into stories, folding duplicates into one source.

Engines: `stream` (online, bounded memory), `batch` (whole collection, one refinement sweep) and
`dask_engine` (partitioned, for corpora beyond one process). `run_clustering` picks one and writes
stories.jsonl. Names are imported on first use: the engines pull in scikit-learn and datasketch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.lazy import lazy_exports

_EXPORTS = {
    "ClusterConfig": "newsprism.cluster.config",
    "ClusterStats": "newsprism.cluster.stream",
    "Deduplicator": "newsprism.cluster.dedupe",
    "StreamClusterer": "newsprism.cluster.stream",
    "cluster_batch": "newsprism.cluster.batch",
    "find_story": "newsprism.cluster.io",
    "iter_articles": "newsprism.ingest",
    "read_stories": "newsprism.cluster.io",
    "run_clustering": "newsprism.cluster.runner",
    "source_groups": "newsprism.cluster.dedupe",
    "write_stories": "newsprism.cluster.io",
}

if TYPE_CHECKING:
    from newsprism.cluster.batch import cluster_batch
    from newsprism.cluster.config import ClusterConfig
    from newsprism.cluster.dedupe import Deduplicator, source_groups
    from newsprism.cluster.io import find_story, read_stories, write_stories
    from newsprism.cluster.runner import run_clustering
    from newsprism.cluster.stream import ClusterStats, StreamClusterer
    from newsprism.ingest import iter_articles

__all__ = [
    "ClusterConfig",
    "ClusterStats",
    "Deduplicator",
    "StreamClusterer",
    "cluster_batch",
    "find_story",
    "iter_articles",
    "read_stories",
    "run_clustering",
    "source_groups",
    "write_stories",
]


__getattr__ = lazy_exports("newsprism.cluster", globals(), _EXPORTS)
