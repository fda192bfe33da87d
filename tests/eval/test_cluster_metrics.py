"""Pairwise and B-cubed scores on hand-worked examples, and the allsides goal."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.eval.cluster_metrics import (
    evaluate_clustering,
    load_labeled,
    score_by_group,
    score_clusters,
    source_of,
)


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


def test_scores_by_group_count_merges_across_groups() -> None:
    # gold: x={0,1} (source A), y={2,3} (source B); predicted: {0,1,2} {3}
    gold = ["x", "x", "y", "y"]
    predicted = [1, 1, 1, 2]
    by = score_by_group(gold, predicted, ["A", "A", "B", "B"])
    assert set(by) == {"A", "B"}
    a, b = by["A"], by["B"]
    assert a.items == b.items == 2
    # A's items sit in a 3-item cluster holding 2 of theirs: precision 2/3 each, recall 1.
    assert a.bcubed.precision == pytest.approx(2 / 3) and a.bcubed.recall == 1.0
    # B: item 2 (1/3 precision, 1/2 recall), item 3 (1, 1/2).
    assert b.bcubed.precision == pytest.approx((1 / 3 + 1) / 2)
    assert b.bcubed.recall == pytest.approx(0.5)
    # Pairs touching A: predicted (0,1) (0,2) (1,2); together (0,1); gold (0,1).
    assert a.pairwise.precision == pytest.approx(1 / 3) and a.pairwise.recall == 1.0
    # Pairs touching B: predicted (0,2) (1,2); none together; gold (2,3).
    assert b.pairwise.precision == 0.0 and b.pairwise.recall == 0.0


def test_scores_by_group_agree_with_whole_scores_for_one_group() -> None:
    gold = ["g", "g", "g", "h", "h"]
    predicted = ["p", "p", "q", "q", "q"]
    whole = score_clusters(gold, predicted)
    alone = score_by_group(gold, predicted, ["only"] * 5)["only"]
    for part in ("bcubed", "pairwise"):
        got, want = getattr(alone, part), getattr(whole, part)
        assert (got.precision, got.recall, got.f1) == pytest.approx(
            (want.precision, want.recall, want.f1)
        )


def test_source_of_prefers_a_field_then_the_label_prefix() -> None:
    assert source_of({"corpus": "wire"}, "D0601A") == "wire"
    assert source_of({}, "allsides-5607") == "allsides"
    assert source_of({}, "mn-12") == "mn"
    assert source_of({"dataset": " "}, "42") == "(unlabelled)"
