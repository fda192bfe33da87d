"""Clustering quality against gold labels: pairwise and B-cubed precision, recall and F1.

Pairwise scores count pairs of items put together; B-cubed scores average, per item, how much of
its predicted cluster is correct (precision) and how much of its gold cluster it found (recall),
so one huge cluster cannot dominate. Both are computed from the contingency table in O(n).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from typing import Any


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
