"""Record metadata coerced field by field: a bad field is dropped with a notice, never fatal.

JSON, YAML, CSV and front matter all hand over untyped values (numbers, lists, NaN, huge
integers, nested objects); only what is plainly the right kind of value reaches an Article.
"""

from __future__ import annotations

import math
import re
from datetime import date as Date
from datetime import datetime
from functools import lru_cache

from newsprism.clean import clean_line
from newsprism.errors import NewsprismError

TEXT_FIELDS = ("title", "outlet", "author", "url", "stance")
MAX_FIELD_CHARS = 2000  # a title or outlet name longer than this is not one
STANCES = ("left", "lean left", "center", "lean right", "right")
_STANCE_ALIASES = {"centre": "center", "lean-left": "lean left", "lean-right": "lean right"}
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
EARLIEST, LATEST = 1800, 2100


class HugeNumber(str):
    """A JSON integer too long to be a value (Python refuses ints over 4,300 digits)."""


def describe(value: object) -> str:
    """'a list', 'a number': what a wrongly typed value is, for the notice."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, HugeNumber):
        return f"a {len(value):,}-digit number"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN or infinity"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def coerce_meta(
    raw: dict[str, object], source: str
) -> tuple[dict[str, object], list[NewsprismError]]:
    """Cleaned metadata and one error per field that was dropped (naming source and field)."""
    meta: dict[str, object] = {}
    problems: list[NewsprismError] = []
    for key, value in raw.items():
        if value is None or value == "":
            continue
        try:
            meta[key] = _coerce(key, value)
        except ValueError as exc:
            problems.append(
                NewsprismError("input-field", source=source, field=key, detail=str(exc))
            )
    return meta, problems


def _coerce(key: str, value: object) -> object:
    if key == "date":
        return _date(value)
    if not isinstance(value, str) or isinstance(value, HugeNumber):
        raise ValueError(f"is {describe(value)}, not text")
    text = clean_line(value)
    if len(text) > MAX_FIELD_CHARS:
        raise ValueError(f"is {len(text):,} characters long")
    if key == "stance":
        return _stance(text)
    return text


def _stance(text: str) -> str:
    stance = _STANCE_ALIASES.get(text.lower(), text.lower())
    if stance not in STANCES:
        raise ValueError(f"'{text[:40]}' is not one of: {', '.join(STANCES)}")
    return stance


def _date(value: object) -> Date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    if not isinstance(value, str) or isinstance(value, HugeNumber):
        raise ValueError(f"is {describe(value)}, not a date")
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError(f"'{clean_line(value)[:40]}' is not a date with a year")
    return parsed


def parse_date(value: object) -> Date | None:
    """A calendar date with a plausible year, or None: '123' or 'Monday' are not dates."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    return _date_of_text(value.strip()[:100])


@lru_cache(maxsize=4096)
def _date_of_text(text: str) -> Date | None:
    """Cached: a stream repeats a few date strings, and dateutil costs more than the record."""
    try:  # ISO 8601, what feeds and exports mostly carry: the stdlib parses it 20x faster
        found: Date | None = datetime.fromisoformat(text).date()
    except ValueError:
        found = _free_text_date(text)
    if found is None or not EARLIEST <= found.year <= LATEST:
        return None
    return found


def _free_text_date(text: str) -> Date | None:
    """dateutil fills a missing year, month or day from today: require the year in the text."""
    from dateutil import parser as dateparser  # imported on first use: it costs start-up time

    year = _YEAR.search(text)
    if year is None:
        return None
    try:
        found = dateparser.parse(text, fuzzy=False, default=datetime(int(year.group()), 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date() if found.year == int(year.group()) else None
