"""Quantity recognition and normal forms."""

from __future__ import annotations

import pytest

from newsprism.text.quantities import describe, find_quantities, parse_number


def only(text: str, spaced: bool = False):
    found = find_quantities(text, spaced_thousands=spaced)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1,140", 1140), ("2.5", 2.5), ("seven", 7), ("twenty-one", 21), ("1 100", 1100)],
)
def test_parse_number(raw: str, value: float) -> None:
    assert parse_number(raw) == value


def test_bound_and_counted_noun() -> None:
    q = only("More than 1,100 former city employees signed the letter.")
    assert (q.low, q.high, q.bound, q.kind, q.noun) == (1100, 1100, "min", "count", "employees")
    assert q.phrase == ("former", "city", "employees")
    assert describe(q) == "more than 1,100"


def test_spaced_thousands_only_when_degraded() -> None:
    assert only("more than 1 100 former officials", spaced=True).low == 1100
    assert {q.low for q in find_quantities("more than 1 100 former officials")} <= {1, 100}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("a sentence of 7 to 9 years", "7 to 9 years"),
        ("recommended three to four years", "3 to 4 years"),
        ("between 7 and 9 years", "7 to 9 years"),
        ("up to nine years in prison", "up to 9 years"),
        ("the proposed nine-year sentence", "9 years"),
    ],
)
def test_ranges_and_durations(text: str, label: str) -> None:
    q = only(text)
    assert q.kind == "duration" and q.unit == "year"
    assert describe(q) == label


def test_duration_takes_its_owner_noun() -> None:
    assert only("a sentence of 7 to 9 years").noun == "sentence"
    assert only("the proposed nine-year sentence").noun == "sentence"


def test_percent_money_and_scale() -> None:
    pct, money = find_quantities("Shares fell 3.5 percent, wiping out $2.3 billion.")
    assert (pct.kind, pct.low) == ("percent", 3.5)
    assert (money.kind, money.unit, money.low) == ("money", "USD", 2.3e9)


def test_dates_weekdays_and_years() -> None:
    kinds = [(q.kind, q.unit) for q in find_quantities("On March 31, 2020, a Sunday, and in 2017")]
    assert kinds == [("date", "ymd"), ("date", "weekday"), ("year", "")]


@pytest.mark.parametrize("text", ["they won 2-1 at home", "at 11:21 p.m.", "one of them resigned"])
def test_not_figures(text: str) -> None:
    assert all(q.low not in {1, 2, 11, 21} or q.kind != "count" for q in find_quantities(text))


def test_same_figure_different_hedges_share_numbers_not_keys() -> None:
    a, b = only("about 12,400 homes"), only("12,400 homes")
    assert a.key != b.key and (a.low, a.high) == (b.low, b.high)


def test_clock_times_ordinals_floors_and_what_is_not_a_figure() -> None:
    (t,) = find_quantities("A crew spotted him around 9:30 p.m. off the point.")
    assert (t.kind, t.bound, t.low) == ("time", "approx", 21 * 60 + 30)
    (r,) = find_quantities("It happened about 11:40-11:45 a.m. near the dock.")
    assert (r.low, r.high) == (11 * 60 + 40, 11 * 60 + 45)
    (o,) = find_quantities("She was rescued from the 17th floor of the tower.")
    assert (o.kind, o.unit, o.low) == ("ordinal", "floor", 17)
    (hyphen,) = find_quantities("He pulled her from the 15th-floor shaft.")
    assert (hyphen.kind, hyphen.unit, hyphen.low) == ("ordinal", "floor", 15)
    (plus,) = find_quantities("The 1,300-plus survivors were taken aboard.")
    assert plus.bound == "min" and plus.noun == "survivors"
    assert find_quantities("Call the tip line at 800-555-0199.") == []
    assert find_quantities("8. A list entry that is a headline") == []
