"""Features from a helper process equal the inline ones, in input order."""

from __future__ import annotations

import numpy as np

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.parallel import BATCH, featurized

from .conftest import synthetic_stream


def test_helper_processes_keep_order_and_values() -> None:
    articles = synthetic_stream(stories=60, seed=13).articles
    assert len(articles) > BATCH  # several batches in flight
    inline = list(featurized(articles, ClusterConfig(), jobs=0))
    helped = list(featurized(articles, ClusterConfig(), jobs=1))
    assert [a.id for a, _ in helped] == [a.id for a in articles]
    for (_, x), (_, y) in zip(inline, helped, strict=True):
        assert x.vector == y.vector
        assert x.signature is not None and y.signature is not None
        assert np.array_equal(x.signature, y.signature)


def test_several_helpers_give_the_same_features_every_run() -> None:
    articles = synthetic_stream(stories=60, seed=14).articles
    runs = [list(featurized(articles, ClusterConfig(), jobs=2)) for _ in range(2)]
    assert [a.id for a, _ in runs[0]] == [a.id for a in articles]
    assert [f.vector for _, f in runs[0]] == [f.vector for _, f in runs[1]]


def test_vectors_are_weighted_with_the_idf_seen_so_far() -> None:
    articles = synthetic_stream(stories=10, seed=15).articles
    (_, first), *_ = featurized(articles, ClusterConfig(), jobs=0)
    assert first.vector is not None and first.terms == {}
    assert abs(sum(w * w for w in first.vector.values()) - 1.0) < 1e-9
