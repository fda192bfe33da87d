"""Batch threads by average linkage: groups by the mean cosine of their stories, in any order."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from newsprism.cluster import batch, thread_linkage
from newsprism.cluster.batch import cluster_batch
from newsprism.cluster.stream import StreamClusterer
from newsprism.cluster.thread_linkage import average_linkage
from newsprism.eval.cluster_metrics import score_clusters
from newsprism.model import Article, Story
from newsprism.text.sparse import weighted_rows

from .conftest import START, word


def _groups(labels: list[int]) -> list[set[int]]:
    by: dict[int, set[int]] = {}
    for i, label in enumerate(labels):
        by.setdefault(label, set()).add(i)
    return sorted(by.values(), key=min)


def test_groups_stories_that_share_words_and_keeps_others_apart() -> None:
    h = 0.5**0.5
    vecs = [
        {"a": h, "b": h},
        {"x": h, "y": h},
        {"b": h, "c": h},
        {"y": h, "z": h},
        {"c": h, "a": h},
    ]  # within a group every pair has cosine 0.5, across groups 0
    assert _groups(average_linkage(vecs, 0.3) or []) == [{0, 2, 4}, {1, 3}]
    assert _groups(average_linkage(vecs, 0.6) or []) == [{i} for i in range(5)]


def test_a_group_joins_on_the_mean_of_its_pairs_not_the_best_one() -> None:
    """v1-v2 and v2-v3 have cosine 0.5, v1-v3 none: {v1, v2} and v3 average 0.25."""
    h = 0.5**0.5
    vecs = [{"a": h, "b": h}, {"b": h, "c": h}, {"c": h, "d": h}]
    assert _groups(average_linkage(vecs, 0.3) or []) == [{0, 1}, {2}]
    assert _groups(average_linkage(vecs, 0.2) or []) == [{0, 1, 2}]


def test_the_order_of_the_stories_does_not_change_the_groups() -> None:
    rng = random.Random(4)
    vocab = [f"t{i}" for i in range(30)]
    vecs = []
    for _ in range(40):
        terms = rng.sample(vocab[:15] if rng.random() < 0.5 else vocab[15:], 5)
        vecs.append({t: 5**-0.5 for t in terms})
    order = list(range(40))
    rng.shuffle(order)
    labels = average_linkage(vecs, 0.1) or []
    shuffled = average_linkage([vecs[i] for i in order], 0.1) or []
    assert _groups(labels) == _groups([shuffled[order.index(i)] for i in range(40)])


def test_too_many_stories_are_left_to_the_sequential_link() -> None:
    vecs = [{"a": 1.0}] * 4
    assert average_linkage(vecs, 0.1, limit=3) is None
    assert average_linkage(vecs[:1], 0.1) == [0]
    assert average_linkage([], 0.1) == []


def test_linkage_in_blocks_of_rows_reads_every_pair_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cosines computed a few rows at a time give the groups of the whole square matrix."""
    rng = random.Random(9)
    vocab = [f"t{i}" for i in range(12)]
    vecs = []
    for _ in range(11):
        terms = rng.sample(vocab, 3)
        vecs.append({t: 3**-0.5 for t in terms})
    whole = average_linkage(vecs, 0.2)
    monkeypatch.setattr(thread_linkage, "_BLOCK", 3)
    assert average_linkage(vecs, 0.2) == whole
    exact = [
        1.0 - sum(w * b.get(t, 0.0) for t, w in a.items())
        for i, a in enumerate(vecs)
        for b in vecs[i + 1 :]
    ]
    matrix, _ = weighted_rows(vecs)
    assert thread_linkage._distances(matrix) == pytest.approx(exact)


def diffuse_stream(seed: int, topics: int = 5, events: int = 8):
    """Each topic is a pool of 40 words and each of its events (20 days apart) uses 10 of them
    and a few of its own: no story holds the topic's vocabulary, so a topic's first stories do
    not reach each other's threads. Returns articles in date order and their topics."""
    rng = random.Random(seed)
    background = [word(rng, rng.randint(2, 3)) for _ in range(3000)]
    rows: list[tuple[int, int, Article]] = []
    for t in range(topics):
        pool = [word(rng, 4) for _ in range(40)]
        for e in range(events):
            facet = rng.sample(pool, 10)
            own = [word(rng, 4) for _ in range(4)]
            day = START + timedelta(days=rng.randrange(5) + e * 20)
            text = " ".join(
                rng.choice(facet + own) if rng.random() < 0.4 else rng.choice(background)
                for _ in range(80)
            )
            title = " ".join(rng.choice(facet) for _ in range(5))
            article = Article.create(text + ".", title=title, outlet="o", date=day)
            rows.append((day.toordinal(), t, article))
    rows.sort(key=lambda r: r[0])
    return [r[2] for r in rows], [r[1] for r in rows]


def _topics_f1(stories: list[Story], articles: list[Article], topics: list[int]) -> float:
    thread_of = {a.id: s.thread for s in stories for a in s.articles}
    return score_clusters(topics, [thread_of[a.id] for a in articles]).bcubed.f1


@pytest.mark.parametrize("seed", [0, 1])
def test_batch_threads_hold_diffuse_topics_together_better_than_linking_in_order(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, topics = diffuse_stream(seed)
    grouped = _topics_f1(cluster_batch(articles)[0], articles, topics)
    online = _topics_f1(list(StreamClusterer().run(articles)), articles, topics)
    monkeypatch.setattr(batch, "average_linkage", lambda *args: None)  # link in order instead
    in_order = _topics_f1(cluster_batch(articles)[0], articles, topics)
    assert grouped >= in_order + 0.03
    assert grouped >= online + 0.05
