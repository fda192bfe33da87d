"""The online engine end to end: stories out as they close, copies folded in."""

from __future__ import annotations

from datetime import date

from newsprism.cluster.stream import StreamClusterer
from newsprism.eval.cluster_metrics import score_clusters

from .conftest import Stream, synthetic_stream


def test_stories_carry_every_article_once_and_mark_copies(stream: Stream) -> None:
    clusterer = StreamClusterer()
    stories = list(clusterer.run(stream.articles))
    ids = [a.id for s in stories for a in s.articles]
    assert sorted(ids) == sorted(a.id for a in stream.articles)
    marked = {a.id: a.duplicate_of for s in stories for a in s.articles if a.duplicate_of}
    assert marked == stream.copies
    story_of = {a.id: s.id for s in stories for a in s.articles}
    assert all(story_of[c] == story_of[o] for c, o in stream.copies.items())
    assert clusterer.stats.duplicates == len(stream.copies)
    assert clusterer.stats.articles == len(stream.articles)
    assert clusterer.stats.stories == len(stories)
    labels = stream.label_of()
    assert score_clusters([labels[i] for i in ids], [story_of[i] for i in ids]).bcubed.f1 >= 0.95


def test_closed_stories_are_yielded_before_the_stream_ends() -> None:
    stream = synthetic_stream(stories=40, days=40, seed=2)
    clusterer = StreamClusterer()
    early = []
    for article in stream.articles:
        early.extend(clusterer.add(article))
    rest = list(clusterer.finish())
    assert len(early) > len(rest) > 0
    assert len(clusterer._held) == 0


def test_same_input_gives_same_stories(stream: Stream) -> None:
    first = [s.model_dump() for s in StreamClusterer().run(stream.articles)]
    again = [s.model_dump() for s in StreamClusterer().run(stream.articles)]
    assert first == again


def test_a_stream_newest_first_is_put_back_in_date_order(stream: Stream) -> None:
    newest_first = stream.articles[::-1]
    by_date = sorted(newest_first, key=lambda a: a.date or date.min)  # stable: same-day order kept
    expected = [s.model_dump() for s in StreamClusterer().run(by_date)]
    clusterer = StreamClusterer()
    stories = [s.model_dump() for s in clusterer.run(newest_first, reorder=len(newest_first))]
    assert stories == expected
    assert clusterer.stats.extra["late_articles"] == 0


def test_articles_later_than_the_buffer_can_repair_are_counted(stream: Stream) -> None:
    clusterer = StreamClusterer()
    list(clusterer.run(stream.articles[::-1], reorder=5))
    assert clusterer.stats.extra["late_articles"] > len(stream.articles) // 2
