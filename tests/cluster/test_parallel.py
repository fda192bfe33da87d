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
        assert x.terms == y.terms
        assert x.signature is not None and y.signature is not None
        assert np.array_equal(x.signature, y.signature)
