"""Batch mode: global IDF and a refinement sweep; at least as good as online on a known stream."""

from __future__ import annotations

import random

from newsprism.cluster.batch import cluster_batch, time_order
from newsprism.cluster.stream import StreamClusterer
from newsprism.eval.cluster_metrics import score_clusters

from .conftest import synthetic_stream


def score(stories: list, labels: dict[str, int]) -> float:  # type: ignore[type-arg]
    pairs = [(labels[a.id], s.id) for s in stories for a in s.articles]
    return score_clusters([g for g, _ in pairs], [p for _, p in pairs]).bcubed.f1


def test_batch_recovers_stories_in_any_input_order() -> None:
    stream = synthetic_stream(seed=11)
    shuffled = list(stream.articles)
    random.Random(0).shuffle(shuffled)
    stories, stats = cluster_batch(shuffled)
    labels = stream.label_of()
    assert score(stories, labels) >= 0.95
    assert (
        score(stories, labels) >= score(list(StreamClusterer().run(stream.articles)), labels) - 0.01
    )
    assert stats.duplicates == len(stream.copies)
    assert stats.stories == len(stories)


def test_time_order_puts_undated_first_and_is_stable() -> None:
    assert time_order([3.0, None, 1.0, None, 1.0]) == [1, 3, 2, 4, 0]
