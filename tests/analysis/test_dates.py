"""Stated times resolved with dateparser against a base date."""

from __future__ import annotations

from datetime import date

from newsprism.analysis.dates import looks_ahead, relative_phrase, resolve

BASE = date(2021, 3, 10)  # a Wednesday


def test_relative_and_partial_dates_resolve_against_the_base() -> None:
    assert resolve("Sunday", BASE, "article", False).date == date(2021, 3, 7)  # type: ignore[union-attr]
    assert resolve("last week", BASE, "article", False).precision == "week"  # type: ignore[union-attr]
    month = resolve("in November", BASE, "article", False)
    assert month is not None and (month.date, month.precision) == (date(2020, 11, 1), "month")


def test_a_month_and_day_without_year_take_the_nearest_year() -> None:
    assert resolve("Feb. 27", BASE, "article", False).date == date(2021, 2, 27)  # type: ignore[union-attr]
    assert resolve("Dec. 30", BASE, "article", False).date == date(2020, 12, 30)  # type: ignore[union-attr]


def test_a_year_alone_is_a_year() -> None:
    ref = resolve("2005", None, None, False)
    assert ref is not None and (ref.date, ref.precision) == (date(2005, 1, 1), "year")


def test_durations_and_vague_spans_are_dropped() -> None:
    assert resolve("nine-year", BASE, "article", False) is None
    assert resolve("three to four years", BASE, "article", False) is None


def test_tense_cues_look_ahead() -> None:
    text = "She is scheduled to speak on Tuesday."
    assert looks_ahead(text, text.index("Tuesday"))
    assert resolve("Tuesday", BASE, "article", True).date == date(2021, 3, 16)  # type: ignore[union-attr]
    said = "She spoke on Tuesday."
    assert not looks_ahead(said, said.index("Tuesday"))


def test_hours_after_is_an_order_without_a_date() -> None:
    found = relative_phrase("The change came hours after the tweet, officials said.")
    assert found == ("hours after the tweet", 16)


def test_clock_times_and_time_frames() -> None:
    from newsprism.analysis.dates import clock_time, time_frame

    assert clock_time("Crews arrived at about 7:23 p.m. on Tuesday.") == ("7:23 p.m.", 1163)
    assert clock_time("They met at noon.") == ("noon", 720)
    assert clock_time("Room 7 was closed.") is None
    text = "In just one week, three ministers resigned."
    assert time_frame(text, 3, "just one week") == "In just one week"
    assert time_frame("He faces one week in jail.", 9, "one week") is None


def test_a_range_of_days_starts_on_its_first_and_is_not_read_as_a_year() -> None:
    """'Oct. 3-19': the 19 is a day, not 1919."""
    stated = resolve("Oct. 3-19", None, None, False, 2031)
    assert stated is not None and stated.date == date(2031, 10, 3)
    dated = resolve("Oct. 3-19", date(2031, 10, 25), "article", False)
    assert dated is not None and dated.date == date(2031, 10, 3)
    assert resolve("2031-10-03", None, None, False).date == date(2031, 10, 3)  # type: ignore[union-attr]
