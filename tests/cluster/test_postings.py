"""The inverted index over story centroids: estimates, removal, and reuse of emptied postings."""

from __future__ import annotations

import numpy as np

from newsprism.cluster.postings import Postings


def test_estimate_sums_weight_times_posting_per_slot() -> None:
    p = Postings()
    p.repost(0, ["a"], {"a": 0.5}, 1.0)
    p.repost(2, ["a"], {"a": 0.25}, 1.0)
    p.repost(2, ["b"], {"b": 1.0}, 1.0)
    est = p.estimate({"a": 2.0, "b": 1.0}.items(), budget=10)
    assert est is not None
    assert np.allclose(est, [1.0, 0.0, 1.5])


def test_the_budget_stops_before_common_terms() -> None:
    p = Postings()
    p.repost(1, ["rare"], {"rare": 1.0}, 1.0)
    for slot in range(5):
        p.repost(slot, ["common"], {"common": 1.0}, 1.0)
    est = p.estimate([("rare", 1.0), ("common", 1.0)], budget=3)
    assert est is not None and est.tolist() == [0.0, 1.0]


def test_emptied_postings_are_reused_without_stale_entries() -> None:
    p = Postings()
    for slot in range(3):
        p.repost(slot, ["old"], {"old": 1.0}, 1.0)
    for slot in range(3):
        p.remove_all(slot, ["old"])
    assert "old" not in p.terms and len(p) == 0
    p.repost(7, ["new"], {"new": 0.5}, 1.0)
    post = p.terms["new"]
    assert list(post.slots) == [7] and list(post.weights) == [0.5] and post.where == {7: 0}
    assert p.estimate([("old", 1.0)], budget=10) is None
    est = p.estimate([("new", 2.0)], budget=10)
    assert est is not None and est[7] == 1.0 and est.sum() == 1.0


def test_batched_updates_match_a_dict_of_dicts_oracle() -> None:
    """`repost` and `remove_all` (a story's or thread's update in one call) keep the index equal
    to the plain {term: {slot: weight}} it stands for, through many updates and reuses."""
    import random

    rng = random.Random(5)
    p = Postings()
    oracle: dict[str, dict[int, float]] = {}
    vocab = [f"t{i}" for i in range(30)]
    for _ in range(600):
        slot = rng.randrange(12)
        terms = rng.sample(vocab, rng.randrange(1, 8))
        if rng.random() < 0.6:
            centroid = {t: rng.random() for t in terms if rng.random() < 0.8}
            norm = rng.uniform(0.5, 2.0)
            p.repost(slot, terms, centroid, norm)
            for t, w in centroid.items():
                oracle.setdefault(t, {})[slot] = w / norm
        else:
            p.remove_all(slot, terms)
            for t in terms:
                oracle.get(t, {}).pop(slot, None)
                if t in oracle and not oracle[t]:
                    del oracle[t]
    assert set(p.terms) == set(oracle)
    for t, post in p.terms.items():
        assert dict(zip(post.slots, post.weights, strict=True)) == oracle[t]
        assert post.where == {s: i for i, s in enumerate(post.slots)}
    query = [(t, 1.0 + i / 10) for i, t in enumerate(vocab)]
    est = p.estimate(query, budget=10_000)
    assert est is not None
    expected = np.zeros(len(est))
    for t, scale in query:
        for s, w in oracle.get(t, {}).items():
            expected[s] += w * scale
    assert np.allclose(est, expected)


def test_past_the_budget_terms_are_read_while_the_unread_norm_reaches_reach() -> None:
    p = Postings()
    for slot in range(5):
        p.repost(slot, ["common"], {"common": 1.0}, 1.0)
    p.repost(6, ["heavy"], {"heavy": 1.0}, 1.0)
    p.repost(7, ["last"], {"last": 1.0}, 1.0)
    vec = [("absent", 0.3), ("common", 0.1), ("heavy", 0.9), ("last", 0.1)]
    assert p.estimate(vec, budget=3) is None  # the common term alone overruns the budget
    # unread after common 0.82, after heavy 0.01 <= 0.45² (0.2025): stops before "last"
    est = p.estimate(vec, budget=3, reach=0.45)
    assert est is not None and np.allclose(est, [0.1] * 5 + [0.0, 0.9])
