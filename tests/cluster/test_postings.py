"""The inverted index over story centroids: estimates, removal, and reuse of emptied postings."""

from __future__ import annotations

import numpy as np

from newsprism.cluster.postings import Postings


def test_estimate_sums_weight_times_posting_per_slot() -> None:
    p = Postings()
    p.set("a", 0, 0.5)
    p.set("a", 2, 0.25)
    p.set("b", 2, 1.0)
    est = p.estimate({"a": 2.0, "b": 1.0}.items(), budget=10)
    assert est is not None
    assert np.allclose(est, [1.0, 0.0, 1.5])


def test_the_budget_stops_before_common_terms() -> None:
    p = Postings()
    p.set("rare", 1, 1.0)
    for slot in range(5):
        p.set("common", slot, 1.0)
    est = p.estimate([("rare", 1.0), ("common", 1.0)], budget=3)
    assert est is not None and est.tolist() == [0.0, 1.0]


def test_emptied_postings_are_reused_without_stale_entries() -> None:
    p = Postings()
    for slot in range(3):
        p.set("old", slot, 1.0)
    for slot in range(3):
        p.remove("old", slot)
    assert "old" not in p.terms and len(p) == 0
    p.set("new", 7, 0.5)
    post = p.terms["new"]
    assert list(post.slots) == [7] and list(post.weights) == [0.5] and post.where == {7: 0}
    assert p.estimate([("old", 1.0)], budget=10) is None
    est = p.estimate([("new", 2.0)], budget=10)
    assert est is not None and est[7] == 1.0 and est.sum() == 1.0
