"""Threads: events weeks apart on one topic stay separate stories but share a thread."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest

from newsprism.cluster import batch, parallel
from newsprism.cluster.batch import cluster_batch
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.stream import StreamClusterer
from newsprism.cluster.threads import ThreadIndex
from newsprism.eval.cluster_metrics import score_clusters
from newsprism.model import Article, Story

from .conftest import START, word


def topic_stream(topics: int = 6, events: int = 3, gap_days: int = 30, seed: int = 3):
    """Each topic has persistent names; each of its events adds its own words, ``gap_days``
    apart. Returns articles in date order with (topic, event) labels."""
    rng = random.Random(seed)
    background = [word(rng, rng.randint(2, 3)) for _ in range(3000)]
    rows: list[tuple[date, int, int, Article]] = []
    for t in range(topics):
        names = [word(rng, 4) for _ in range(8)]
        offset = rng.randrange(5)
        for e in range(events):
            own = [word(rng, 4) for _ in range(8)]
            day = START + timedelta(days=offset + e * gap_days)
            for i in range(rng.randint(3, 5)):
                text = " ".join(
                    rng.choice(names if rng.random() < 0.5 else own)
                    if rng.random() < 0.45
                    else rng.choice(background)
                    for _ in range(80)
                )
                title = " ".join(rng.choice(names + own) for _ in range(5))
                article = Article.create(text + ".", title=title, outlet=f"o{i}", date=day)
                rows.append((day, t, e, article))
    rows.sort(key=lambda r: r[0])
    return [r[3] for r in rows], [(r[1], r[2]) for r in rows]


def _scores(stories: list[Story], articles: list[Article], labels: list[tuple[int, int]]):
    story_of = {a.id: s.id for s in stories for a in s.articles}
    thread_of = {a.id: s.thread for s in stories for a in s.articles}
    events = score_clusters(labels, [story_of[a.id] for a in articles])
    topics = score_clusters([t for t, _ in labels], [thread_of[a.id] for a in articles])
    return events, topics


def test_online_keeps_events_apart_and_links_them_by_topic() -> None:
    articles, labels = topic_stream()
    stories = list(StreamClusterer().run(articles))
    events, topics = _scores(stories, articles, labels)
    assert events.bcubed.f1 >= 0.95
    assert topics.bcubed.f1 >= 0.95
    assert topics.clusters < events.clusters


def test_batch_threads_match_the_topics_too() -> None:
    articles, labels = topic_stream(seed=5)
    stories, _ = cluster_batch(articles)
    events, topics = _scores(stories, articles, labels)
    assert events.bcubed.f1 >= 0.95
    assert topics.bcubed.f1 >= 0.95


def test_a_thread_idle_past_its_window_is_not_continued() -> None:
    articles, labels = topic_stream(topics=2, events=2, gap_days=30, seed=7)
    stories = list(StreamClusterer(ClusterConfig(thread_window=10.0)).run(articles))
    _, topics = _scores(stories, articles, labels)
    assert topics.clusters == 4  # every event starts its own thread


def test_a_thread_id_is_its_first_story_id() -> None:
    articles, _ = topic_stream(topics=1, events=2)
    stories = list(StreamClusterer().run(articles))
    first = min(stories, key=lambda s: min(a.date or START for a in s.articles))
    assert {s.thread for s in stories} == {first.id}


def test_memory_keeps_at_most_max_threads() -> None:
    index = ThreadIndex(threshold=0.5, window=1000.0, max_threads=3)
    for i in range(10):
        index.link(f"s{i}", {f"term{i}": 1.0, f"other{i}": 0.5}, float(i))
    assert list(index.threads) == ["s7", "s8", "s9"]
    assert set(index.postings.terms) == {f"{p}{i}" for p in ("term", "other") for i in (7, 8, 9)}


def test_a_word_every_thread_shares_does_not_hide_the_matching_thread() -> None:
    index = ThreadIndex(threshold=0.6, window=1000.0, budget=5)  # "common" alone: 0.5
    for i in range(50):
        index.link(f"s{i}", {"common": 1.0, f"rare{i}": 1.0}, 0.0)
    assert index.link("late", {"common": 1.0, "rare17": 1.0}, 1.0) == "s17"


def test_threads_can_be_turned_off() -> None:
    articles, _ = topic_stream(topics=2, events=2)
    config = ClusterConfig(threads=False)
    assert all(s.thread is None for s in StreamClusterer(config).run(articles))
    assert all(s.thread is None for s in cluster_batch(articles, config)[0])


def test_refinement_moves_a_story_linked_before_its_topic_had_grown() -> None:
    """s2 arrived when nothing held its words, so it opened a thread; s3 then bridged both
    vocabularies into s1's thread. Offered again, s2 (alone in its thread, so staying scores 0)
    moves to s1's; a story no thread reaches stays where it is."""
    index = ThreadIndex(threshold=0.3, window=1000.0)
    stories = [
        ("s1", {"a": 1.0, "b": 1.0}),
        ("s2", {"c": 1.0, "d": 1.0}),
        ("s3", {"a": 1.0, "b": 1.0, "c": 1.0, "d": 1.0}),
        ("s4", {"x": 1.0, "y": 1.0}),
    ]
    linked = [(sid, c, index.link(sid, c, 1.0)) for sid, c in stories]
    assert [t for _, _, t in linked] == ["s1", "s2", "s1", "s4"]
    assert index.refine(linked) == {"s1": "s1", "s2": "s1", "s3": "s1", "s4": "s4"}
    assert set(index.threads) == {"s1", "s4"}  # s2's emptied thread was dropped


def test_batch_threads_are_named_after_the_first_story_they_hold() -> None:
    articles, _ = topic_stream(seed=5)
    stories, _ = cluster_batch(articles)
    first: dict[str, str] = {}
    for story in sorted(stories, key=lambda s: min(a.date or START for a in s.articles)):
        assert story.thread is not None
        first.setdefault(story.thread, story.id)
    assert all(first[s.thread] == s.thread for s in stories if s.thread)


def _unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_embeddings_link_a_story_whose_words_drifted() -> None:
    for weight, expect in ((0.0, "s2"), (0.2, "s1")):
        index = ThreadIndex(threshold=0.1, window=1000.0, semantic_weight=weight)
        index.link("s1", {"a": 1.0, "b": 1.0}, 0.0, _unit(1.0, 0.0))
        assert index.link("s2", {"c": 1.0, "d": 1.0}, 30.0, _unit(1.0, 0.0)) == expect


def test_embeddings_keep_apart_a_story_sharing_a_word_but_not_the_meaning() -> None:
    near = {"a": 1.0, **{f"x{i}": 1.0 for i in range(20)}}  # lexical cosine 0.15 to s1
    for weight, expect in ((0.0, "s1"), (0.2, "s2")):
        index = ThreadIndex(threshold=0.1, window=1000.0, semantic_weight=weight)
        index.link("s1", {"a": 1.0, "b": 1.0}, 0.0, _unit(1.0, 0.0))
        assert index.link("s2", near, 30.0, _unit(0.0, 1.0)) == expect


def _drifting_topics() -> tuple[list[Article], dict[str, np.ndarray]]:
    """Topic 0 covered twice, 40 days apart, in disjoint words; topic 1 once, on day 40.
    Returns the articles and the fake embedding of each text (its topic's direction)."""
    rng = random.Random(11)
    events = [(0, 0), (0, 40), (1, 40)]  # (topic, day)
    articles, meaning = [], {}
    for topic, day in events:
        words = [word(rng, 3) for _ in range(12)]
        for i in range(3):
            text = " ".join(rng.choice(words) for _ in range(40)) + "."
            articles.append(Article.create(text, outlet=f"o{i}", date=START + timedelta(days=day)))
            meaning[text] = _unit(1.0, 0.0) if topic == 0 else _unit(0.0, 1.0)
    return articles, meaning


@pytest.mark.parametrize("engine", ["online", "batch"])
def test_thread_semantic_links_topics_by_meaning_and_leaves_stories_lexical(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, meaning = _drifting_topics()

    def fake(texts: list[tuple[str, str | None]]) -> np.ndarray:
        return np.stack([meaning[t] for t, _ in texts])

    monkeypatch.setattr(parallel, "embed_articles", fake)
    monkeypatch.setattr(batch, "embed_articles", fake)

    def run(config: ClusterConfig) -> list[Story]:
        if engine == "batch":
            return cluster_batch(articles, config)[0]
        return list(StreamClusterer(config).run(articles))

    lexical = run(ClusterConfig())
    linked = run(ClusterConfig(thread_semantic=True))
    stories = sorted(linked, key=lambda s: min(a.date or START for a in s.articles))
    assert sorted(len(s.articles) for s in linked) == [3, 3, 3]
    assert {frozenset(a.id for a in s.articles) for s in linked} == {
        frozenset(a.id for a in s.articles) for s in lexical
    }
    assert len({s.thread for s in lexical}) == 3  # no words shared: three threads
    first = stories[0]
    topic0 = [s for s in stories if meaning[s.articles[0].text][0] > 0.5]
    assert {s.thread for s in topic0} == {first.id}
    assert len({s.thread for s in linked}) == 2
