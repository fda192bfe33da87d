"""Metadata fields: each coerced or dropped with a notice naming the record and the field."""

from __future__ import annotations

import math
from datetime import date

import pytest

from newsprism.ingest.fields import HugeNumber, coerce_meta, parse_date


@pytest.mark.parametrize(
    "value", [123, 1.5, math.nan, True, ["a"], {"a": 1}, HugeNumber("9" * 5000)]
)
def test_wrong_types_are_dropped_with_a_notice(value: object) -> None:
    meta, problems = coerce_meta({"title": value, "outlet": "Harbor Daily"}, "feed.jsonl:3")
    assert meta == {"outlet": "Harbor Daily"}
    assert len(problems) == 1
    message = problems[0].message
    assert "feed.jsonl:3" in message and "'title'" in message


@pytest.mark.parametrize("value", [123, "123", "Monday", "March 5", "0001-01-01", "9999-12-31", ""])
def test_dates_without_a_plausible_year_are_rejected(value: object) -> None:
    meta, problems = coerce_meta({"date": value}, "x")
    assert "date" not in meta
    assert len(problems) == (0 if value == "" else 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-04", date(2024, 3, 4)),
        ("2021-10-18T16:15:00-07:00", date(2021, 10, 18)),
        ("March 5, 2025", date(2025, 3, 5)),
        ("5 March 2025 10:00", date(2025, 3, 5)),
        ("20240304", date(2024, 3, 4)),
    ],
)
def test_real_dates_parse(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_stance_is_normalised_or_refused() -> None:
    assert coerce_meta({"stance": "Lean-Left"}, "x")[0] == {"stance": "lean left"}
    meta, problems = coerce_meta({"stance": "sideways"}, "x")
    assert meta == {} and "'stance'" in problems[0].message
