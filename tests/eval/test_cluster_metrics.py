"""Pairwise and B-cubed scores on hand-worked examples, and the allsides goal."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.eval.cluster_metrics import evaluate_clustering, load_labeled, score_clusters


def test_perfect_and_worst_cases() -> None:
    gold = ["a", "a", "b", "b", "c"]
    perfect = score_clusters(gold, [1, 1, 2, 2, 3])
    assert perfect.bcubed.f1 == perfect.pairwise.f1 == 1.0
    lumped = score_clusters(gold, [0] * 5)
    assert lumped.bcubed.recall == 1.0
    assert lumped.pairwise.precision == pytest.approx(2 / 10)
    split = score_clusters(gold, list(range(5)))
    assert split.bcubed.precision == 1.0
    assert split.pairwise.recall == 0.0
    assert split.clusters == 5 and split.gold_clusters == 3


def test_hand_worked_example() -> None:
    # gold {0,1,2} {3,4}; predicted {0,1} {2,3,4}
    s = score_clusters(["g", "g", "g", "h", "h"], ["p", "p", "q", "q", "q"])
    assert s.pairwise.precision == pytest.approx(2 / 4)  # (0,1) and (3,4) of 1 + 3 pairs
    assert s.pairwise.recall == pytest.approx(2 / 4)  # of 3 + 1 gold pairs
    assert s.bcubed.precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert s.bcubed.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score_clusters(["a"], [1, 2])


def test_allsides_goal_online(shared_dir: Path) -> None:
    data = load_labeled(shared_dir / "eval" / "allsides-articles.jsonl")
    assert len(data.articles) == 1479 and len(set(data.gold)) == 505
    dates = [a.date for a in data.articles]
    assert dates == sorted(dates)  # type: ignore[type-var]
    report = evaluate_clustering(data, "online")
    assert report["bcubed"]["f1"] >= 0.90
