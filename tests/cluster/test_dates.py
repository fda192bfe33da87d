"""Days for undated articles: datelines, and estimates from the stream around them."""

from __future__ import annotations

import random
from datetime import date

import numpy as np

from newsprism.cluster.batch import article_days
from newsprism.cluster.dates import dateline_day, dateline_parts, estimate_days, fill_days
from newsprism.cluster.stream import StreamClusterer
from newsprism.model import Article

from .conftest import make_article, word


def day(y: int, m: int, d: int) -> float:
    return float(date(y, m, d).toordinal())


def test_a_dateline_with_a_year_gives_that_day() -> None:
    text = "NEW YORK, March 3, 2024 -- Officials said on Sunday that the bridge reopened."
    assert dateline_day(text, None, 4.0) == day(2024, 3, 3)


def test_a_dateline_without_a_year_takes_the_nearest_year() -> None:
    text = "BEIJING, Dec. 30 (Xinhua) -- The council met."
    assert dateline_day(text, day(2025, 1, 2), 4.0) == day(2024, 12, 30)
    assert dateline_day(text, None, 4.0) is None  # no year and nothing to take it from


def test_a_dateline_far_from_the_stream_is_not_believed() -> None:
    text = "PARIS, Feb. 25, 2017 (AP) -- A reprint of an old report."
    assert dateline_day(text, day(2024, 1, 1), 4.0) is None


def test_only_a_leading_capitalised_place_is_a_dateline() -> None:
    assert dateline_day("In this Saturday, July 1, 2017, photo, people wait.", None, 4.0) is None
    assert dateline_day("The vote on June 4, 2024 was close.", None, 4.0) is None


def test_unknown_days_take_the_last_known_day_before_them() -> None:
    assert fill_days([None, 5.0, None, None, 7.0, None]) == [
        (None, False),
        (5.0, True),
        (5.0, False),
        (5.0, False),
        (7.0, True),
        (7.0, False),
    ]


def test_batch_days_use_the_dateline_then_the_neighbours() -> None:
    dated = Article.create("Plain text here.", date=date(2024, 5, 1))
    wire = Article.create("LONDON, May 2 (Reuters) - Markets rose.")
    plain = Article.create("No date and no dateline in this one.")
    days, known = article_days([dated, wire, plain], within=4.0)
    assert days == [day(2024, 5, 1), day(2024, 5, 2), day(2024, 5, 1)]
    assert known == [True, False, False]


def test_an_undated_article_is_placed_as_if_dated_the_day_it_arrives() -> None:
    """A story from days before matches its words as well, but a day-old story is not where
    an article arriving with today's coverage belongs: undated, it goes where it would go dated
    today (without a day it paid no time penalty and joined the older, larger story)."""
    rng = random.Random(5)
    background = [word(rng, 3) for _ in range(2000)]
    topic = [word(rng, 4) for _ in range(10)]
    early = [make_article(rng, topic, background, date(2024, 3, 1), "a") for _ in range(6)]
    late = [make_article(rng, topic, background, date(2024, 3, 3), "b") for _ in range(2)]
    dated = make_article(rng, topic, background, date(2024, 3, 3), "c")
    undated = dated.model_copy(update={"date": None})

    def partition(last: Article) -> list[list[int]]:
        stories = StreamClusterer().run([*early, *late, last])
        names = {a.id: i for i, a in enumerate([*early, *late, last])}
        return sorted(sorted(names[a.id] for a in s.articles) for s in stories)

    assert partition(undated) == partition(dated)
    assert [0, 1, 2, 3, 4, 5] in partition(undated)  # the early story did not take it


def test_estimated_days_for_dask_follow_the_input_and_believe_near_datelines() -> None:
    """Worker-side dateline parts resolved on the client as the local engines resolve texts."""
    day = float(date(2024, 6, 10).toordinal())
    days = np.array([np.nan, day, np.nan, np.nan, np.nan])
    lines = np.zeros((5, 3), dtype=np.int32)
    lines[2] = (0, 6, 12)  # "June 12", no year: the year nearest the stream's day
    lines[3] = (2019, 6, 12)  # far from the stream's day: a reprint, not believed
    out, known = estimate_days(days, lines, within=4.1)
    assert np.isnan(out[0])  # before any dated article there is nothing to estimate from
    assert out[1:].tolist() == [day, day + 2, day, day]
    assert known.tolist() == [False, True, False, False, False]
    text = "PARIS, June 12 (AP) -- Words."
    assert dateline_parts(text) == (0, 6, 12)
    assert dateline_day(text, day, 4.1) == day + 2
