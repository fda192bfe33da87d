"""Clustering quality against gold labels: pairwise and B-cubed precision, recall and F1.

Pairwise scores count pairs of items put together; B-cubed scores average, per item, how much of
its predicted cluster is correct (precision) and how much of its gold cluster it found (recall),
so one huge cluster cannot dominate. Both are computed from the contingency table in O(n).
"""

from __future__ import annotations

import re
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


def score_by_group(
    gold: Sequence[Hashable], predicted: Sequence[Hashable], groups: Sequence[str]
) -> dict[str, ClusterScores]:
    """Scores of each group's items within the whole run, so merges across groups count.

    B-cubed averages the per-item scores over the group's items; pairwise counts the pairs that
    hold at least one of the group's items (a story mixing two sources costs both precision).
    """
    cells = Counter(zip(gold, predicted, strict=True))
    gold_sizes, pred_sizes = Counter(gold), Counter(predicted)
    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    return {
        name: _group_scores(items, gold, predicted, cells, gold_sizes, pred_sizes)
        for name, items in sorted(members.items())
    }


def _group_scores(
    items: list[int],
    gold: Sequence[Hashable],
    predicted: Sequence[Hashable],
    cells: Counter[tuple[Hashable, Hashable]],
    gold_sizes: Counter[Hashable],
    pred_sizes: Counter[Hashable],
) -> ClusterScores:
    inside = set(items)
    n = len(items)
    b_prec = sum(cells[gold[i], predicted[i]] / pred_sizes[predicted[i]] for i in items) / n
    b_rec = sum(cells[gold[i], predicted[i]] / gold_sizes[gold[i]] for i in items) / n
    # Pairs touching the group: all pairs of its items' clusters minus the pairs wholly outside.
    pred_out = Counter(p for i, p in enumerate(predicted) if i not in inside)
    gold_out = Counter(g for i, g in enumerate(gold) if i not in inside)
    cell_out = Counter(
        c for i, c in enumerate(zip(gold, predicted, strict=True)) if i not in inside
    )
    mine_p = {predicted[i] for i in items}
    mine_g = {gold[i] for i in items}
    mine_c = {(gold[i], predicted[i]) for i in items}
    pred_pairs = sum(_pairs(pred_sizes[p]) - _pairs(pred_out[p]) for p in mine_p)
    gold_pairs = sum(_pairs(gold_sizes[g]) - _pairs(gold_out[g]) for g in mine_g)
    together = sum(_pairs(cells[c]) - _pairs(cell_out[c]) for c in mine_c)
    pairwise = PRF.of(
        together / pred_pairs if pred_pairs else 1.0,
        together / gold_pairs if gold_pairs else 1.0,
    )
    return ClusterScores(pairwise, PRF.of(b_prec, b_rec), len(mine_p), len(mine_g), n)


_GROUP_FIELDS = ("corpus", "dataset", "collection")
_LABEL_PREFIX = re.compile(r"[A-Za-z]+")


def source_of(record: dict[str, Any], cluster: str) -> str:
    """Which labelled source a row comes from: a ``corpus``/``dataset``/``collection`` field, else
    the letters its cluster label starts with ("allsides-5607" -> "allsides")."""
    for name in _GROUP_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    m = _LABEL_PREFIX.match(cluster)
    return m.group(0).lower() if m else "(unlabelled)"


@dataclass(frozen=True)
class LabeledArticles:
    """Articles in replay order with their gold story labels, position for position, and the
    labelled source each row came from (for per-source scores when a file mixes sources)."""

    articles: list[Article]
    gold: list[str]
    sources: list[str] | None = None


def load_labeled(path: str | Path) -> LabeledArticles:
    """Rows {id, cluster, title, text, source, date}, replayed in date order (stable; undated first).

    Each article keeps the row's id, so predictions map back to gold even for identical texts.
    """
    p = Path(path)
    if not p.exists():
        raise NewsprismError("input-not-found", source=str(p))
    rows: list[tuple[Article, str, str]] = []
    for location, record in iter_records(decode(p.read_bytes(), str(p)), str(p)):
        if isinstance(record, NewsprismError):
            raise record
        if not isinstance(record, dict) or "cluster" not in record:
            raise NewsprismError("input-format", source=location, detail="row has no 'cluster'")
        article = articles_from_record(record, location)[0]
        rid = str(record.get("id") or location)
        label = str(record["cluster"])
        rows.append((article.model_copy(update={"id": rid}), label, source_of(record, label)))
    rows.sort(key=lambda r: (r[0].date is not None, r[0].date or Date.min))
    return LabeledArticles([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])


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
    predicted = [story_of[a.id] for a in data.articles]
    scores = score_clusters(data.gold, predicted)
    thread_of = {a.id: s.thread or s.id for s in stories for a in s.articles}
    by_thread = [thread_of[a.id] for a in data.articles]
    threads = score_clusters(data.gold, by_thread)
    n = len(data.articles)
    report: dict[str, Any] = {
        "mode": mode,
        "features": _features(config),
        **scores.to_dict(),
        "seconds": round(seconds, 3),
        "articles_per_second": round(n / seconds, 1) if seconds > 0 else None,
        "threads": threads.to_dict(),  # the same run scored by thread (topic) instead of story
    }
    if data.sources is not None and len(set(data.sources)) > 1:
        by_source = score_by_group(data.gold, predicted, data.sources)
        thread_source = score_by_group(data.gold, by_thread, data.sources)
        report["by_source"] = {
            name: {**s.to_dict(), "threads": thread_source[name].to_dict()}
            for name, s in by_source.items()
        }
    return report


def _features(config: ClusterConfig | None) -> str:
    if config is None:
        return "lexical"
    features = "lexical + embeddings" if config.semantic else "lexical"
    return features + (", threads with embeddings" if config.thread_semantic else "")
