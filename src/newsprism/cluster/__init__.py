"""Story clustering: group a stream of articles into stories, folding duplicates into one source.

Engines: `stream` (online, bounded memory), `batch` (whole collection, one refinement sweep) and
`dask_engine` (partitioned, for corpora beyond one process). `run_clustering` picks one and writes
stories.jsonl.
"""

from __future__ import annotations

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
