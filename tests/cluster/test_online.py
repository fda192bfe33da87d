"""Online assignment: right stories on a known stream, bounded memory, stories that grow for days."""

from __future__ import annotations

import random
from datetime import date, timedelta

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.features import Featurizer
from newsprism.cluster.online import OnlineClusterer
from newsprism.eval.cluster_metrics import score_clusters

from .conftest import Stream, make_article, synthetic_stream, word


def run(stream: Stream, config: ClusterConfig | None = None) -> list[int]:
    featurizer, clusterer = Featurizer(config), OnlineClusterer(config)
    return [
        clusterer.add(i, featurizer.features(a), a.date.toordinal() if a.date else None).id
        for i, a in enumerate(stream.articles)
    ]


def test_known_stream_is_recovered(stream: Stream) -> None:
    scores = score_clusters(stream.gold, run(stream))
    assert scores.bcubed.f1 >= 0.95
    assert abs(scores.clusters - scores.gold_clusters) <= 3


def test_a_higher_threshold_splits_more() -> None:
    stream = synthetic_stream(seed=3)
    loose = score_clusters(stream.gold, run(stream, ClusterConfig(threshold=0.1)))
    strict = score_clusters(stream.gold, run(stream, ClusterConfig(threshold=0.9)))
    assert strict.clusters > loose.clusters
    assert strict.bcubed.recall < loose.bcubed.recall


def test_story_keeps_growing_while_coverage_continues() -> None:
    rng = random.Random(5)
    background = [word(rng, 3) for _ in range(500)]
    topic = [word(rng, 4) for _ in range(10)]
    clusterer, featurizer = OnlineClusterer(), Featurizer()
    stories = set()
    for i in range(48):  # six articles a day for eight days: far longer than the window
        day = date(2024, 1, 1) + timedelta(days=i // 6)
        article = make_article(rng, topic, background, day, f"outlet{i % 3}")
        stories.add(clusterer.add(2 * i, featurizer.features(article), day.toordinal()).id)
        other = make_article(rng, [word(rng, 4) for _ in range(10)], background, day, "other")
        clusterer.add(2 * i + 1, featurizer.features(other), day.toordinal())  # unrelated news
        assert all(s.id not in stories for s in clusterer.expire())
    assert len(stories) == 1


def test_idle_stories_close_and_same_topic_later_is_a_new_story() -> None:
    rng = random.Random(6)
    topic, background = [word(rng, 4) for _ in range(10)], [word(rng, 3) for _ in range(500)]
    clusterer, featurizer = OnlineClusterer(), Featurizer()
    first = date(2024, 1, 1)
    a = clusterer.add(
        0, featurizer.features(make_article(rng, topic, background, first, "x")), first.toordinal()
    )
    later = first + timedelta(days=30)
    b = clusterer.add(
        1, featurizer.features(make_article(rng, topic, background, later, "y")), later.toordinal()
    )
    assert a.id != b.id
    closed = list(clusterer.expire())
    assert [s.id for s in closed] == [a.id]
    assert list(clusterer.index.stories) == [b.id]
    assert all(a.slot not in post.where for post in clusterer.index.postings.terms.values())


def peak_active(stream: Stream) -> int:
    featurizer, clusterer = Featurizer(), OnlineClusterer()
    peak = 0
    for i, a in enumerate(stream.articles):
        clusterer.add(i, featurizer.features(a), a.date.toordinal() if a.date else None)
        list(clusterer.expire())
        peak = max(peak, len(clusterer.index.stories))
    return peak


def test_active_stories_follow_the_window_not_the_stream_length() -> None:
    short = peak_active(synthetic_stream(stories=100, days=50, seed=7))
    long = peak_active(synthetic_stream(stories=400, days=200, seed=7))
    assert long < 50  # two stories a day, 400 in all: only those within the window stay open
    assert long < 1.6 * short


def test_max_active_caps_undated_streams() -> None:
    stream = synthetic_stream(stories=20, seed=8)
    featurizer, clusterer = Featurizer(), OnlineClusterer(ClusterConfig(max_active=5))
    for i, a in enumerate(stream.articles):
        clusterer.add(i, featurizer.features(a), None)
        list(clusterer.expire())
        assert len(clusterer.index.stories) <= 5


def test_pruned_terms_leave_no_postings_behind() -> None:
    config = ClusterConfig(centroid_terms=4, threshold=0.01)
    index = OnlineClusterer(config).index
    story = index.open({"shared": 0.9, "a0": 0.4}, 1.0, 0)
    for i in range(1, 12):
        index.join(story, {"shared": 0.9, f"a{i}": 0.4, f"b{i}": 0.1}, 1.0, i)
        posted = {t for t, post in index.postings.terms.items() if story.slot in post.where}
        assert posted <= set(story.centroid)
    index.close(story)
    assert len(index.postings) == 0


def dense_index(config: ClusterConfig) -> tuple[OnlineClusterer, int]:
    """A dense moment of a stream: 1,600 open stories share the article's four rarest terms
    (400 each, more postings than the default budget), and the one story that shares its heavy
    terms holds only terms read after them. Returns the clusterer and that story's id."""
    clusterer = OnlineClusterer(config)
    index = clusterer.index
    for i in range(1600):
        index.open({f"r{i % 4}": 0.3, f"own{i}": 0.954}, 1.0, i)
    target = index.open({"m1": 0.7, "m2": 0.7, "u": 0.14}, 1.0, 1600)
    return clusterer, target.id


DENSE_ARTICLE = {"r0": 0.15, "r1": 0.15, "r2": 0.15, "r3": 0.15, "m1": 0.68, "m2": 0.67}


def test_on_a_dense_stream_the_right_story_is_found_beyond_the_old_budget() -> None:
    clusterer, target = dense_index(ClusterConfig())
    assert clusterer.place(9999, dict(DENSE_ARTICLE), 1.0).id == target


def test_reading_past_the_budget_is_what_finds_it() -> None:
    """With the budget alone (no reach) the estimate stops before the story's terms: the failure
    the rule fixes, and proof that the test above can fail."""
    clusterer, target = dense_index(ClusterConfig())
    index = clusterer.index
    slot = index.stories[target].slot
    budget = index.config.posting_budget
    alone = index.postings.estimate(DENSE_ARTICLE.items(), budget)
    assert alone is not None and (slot >= len(alone) or alone[slot] == 0.0)
    estimate = index.postings.estimate(DENSE_ARTICLE.items(), budget, index.config.threshold)
    assert estimate is not None and int(estimate.argmax()) == slot
