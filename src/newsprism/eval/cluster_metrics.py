"""Clustering quality against gold labels: pairwise and B-cubed precision, recall and F1.

Pairwise scores count pairs of items put together; B-cubed scores average, per item, how much of
its predicted cluster is correct (precision) and how much of its gold cluster it found (recall),
so one huge cluster cannot dominate. Both are computed from the contingency table in O(n).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from newsprism.cluster.batch import cluster_batch
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.stream import StreamClusterer
from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode
from newsprism.ingest.jsonl import articles_from_record, iter_records
from newsprism.model import Article


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1)


@dataclass(frozen=True)
class ClusterScores:
    pairwise: PRF
    bcubed: PRF
    clusters: int
    gold_clusters: int
    items: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_clusters(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> ClusterScores:
    """Compare two labelings of the same items (position i is item i in both)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted labels")
    n = len(gold)
    cells = Counter(zip(gold, predicted, strict=True))
    gold_sizes = Counter(gold)
    pred_sizes = Counter(predicted)
    together = sum(_pairs(c) for c in cells.values())
    pred_pairs = sum(_pairs(c) for c in pred_sizes.values())
    gold_pairs = sum(_pairs(c) for c in gold_sizes.values())
    pairwise = PRF.of(
        together / pred_pairs if pred_pairs else 1.0,
        together / gold_pairs if gold_pairs else 1.0,
    )
    # Each of the c items in cell (g, p) sees c correct items in a predicted cluster of size |p|.
    b_prec = sum(c * c / pred_sizes[p] for (_, p), c in cells.items()) / n if n else 1.0
    b_rec = sum(c * c / gold_sizes[g] for (g, _), c in cells.items()) / n if n else 1.0
    return ClusterScores(pairwise, PRF.of(b_prec, b_rec), len(pred_sizes), len(gold_sizes), n)


@dataclass(frozen=True)
class LabeledArticles:
    """Articles in replay order with their gold story labels, position for position."""

    articles: list[Article]
    gold: list[str]


def load_labeled(path: str | Path) -> LabeledArticles:
    """Rows {id, cluster, title, text, source, date}, replayed in date order (stable; undated first).

    Each article keeps the row's id, so predictions map back to gold even for identical texts.
    """
    p = Path(path)
    if not p.exists():
        raise NewsprismError("input-not-found", source=str(p))
    rows: list[tuple[Article, str]] = []
    for location, record in iter_records(decode(p.read_bytes(), str(p)), str(p)):
        if isinstance(record, NewsprismError):
            raise record
        if not isinstance(record, dict) or "cluster" not in record:
            raise NewsprismError("input-format", source=location, detail="row has no 'cluster'")
        article = articles_from_record(record, location)[0]
        rid = str(record.get("id") or location)
        rows.append((article.model_copy(update={"id": rid}), str(record["cluster"])))
    rows.sort(key=lambda r: (r[0].date is not None, r[0].date or Date.min))
    return LabeledArticles([a for a, _ in rows], [g for _, g in rows])


def evaluate_clustering(
    data: LabeledArticles, mode: str = "online", config: ClusterConfig | None = None
) -> dict[str, Any]:
    """Cluster the replayed stream and score it; throughput counts clustering, not file reading."""
    start = time.perf_counter()
    if mode == "batch":
        stories, _ = cluster_batch(data.articles, config)
    else:
        stories = list(StreamClusterer(config).run(data.articles))
    seconds = time.perf_counter() - start
    story_of = {a.id: s.id for s in stories for a in s.articles}
    scores = score_clusters(data.gold, [story_of[a.id] for a in data.articles])
    n = len(data.articles)
    return {
        "mode": mode,
        "features": "lexical + embeddings" if config and config.semantic else "lexical",
        **scores.to_dict(),
        "seconds": round(seconds, 3),
        "articles_per_second": round(n / seconds, 1) if seconds > 0 else None,
    }
