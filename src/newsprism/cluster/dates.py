"""Days for articles that came without a date: from a dateline, else from their place in the stream.

Without a day an article pays no time penalty, so it joins whatever same-topic story scores best,
from any day. Wire copy often carries its date in the dateline ("BEIJING, June 12 (Xinhua) --",
"NEW YORK, March 3, 2024 --"); when the year is missing it is the one that puts the date nearest
the stream's current day. Failing that, the article is taken to be from the day of the articles
around it, an estimate used to score it but never to stretch a story's span, so an article whose
true date is unknown cannot split a story or keep one open. (HTML pages get their date from their
metadata when they are read, through trafilatura's htmldate.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# PLACE[, Region], Month D[, YYYY] at the very start of the text (the dateline; the place in
# capitals, as wire services write it).
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?,\s+"
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})"
    r"(?:,?\s+(\d{4}))?\b"
)
_HEAD = 160  # a dateline sits in the first line


def dateline_day(text: str, near: float | None, within: float) -> float | None:
    """The dateline's day (a proleptic ordinal), or None. ``near``: the stream's current day,
    which supplies a missing year (the year putting the date closest to it); a dateline further
    than ``within`` days from it is not believed (reprinted text keeps its old dateline)."""
    day = _parse(text, near)
    if day is None or near is None or abs(day - near) <= within:
        return day
    return None


def _parse(text: str, near: float | None) -> float | None:
    m = _DATELINE.match(text[:_HEAD])
    if m is None:
        return None
    month, day = _MONTHS[m.group(1)[:3].lower()], int(m.group(2))
    if m.group(3):
        return _ordinal(int(m.group(3)), month, day)
    if near is None:
        return None
    year = date.fromordinal(int(near)).year
    options = [d for y in (year - 1, year, year + 1) if (d := _ordinal(y, month, day)) is not None]
    return min(options, key=lambda d: abs(d - near)) if options else None


def _ordinal(year: int, month: int, day: int) -> float | None:
    try:
        return float(date(year, month, day).toordinal())
    except ValueError:
        return None


def fill_days(days: Sequence[float | None]) -> list[tuple[float | None, bool]]:
    """(day, known) per position: unknown days take the nearest earlier known day (None before
    the first, as in a stream); ``known`` is False for these estimates."""
    out: list[tuple[float | None, bool]] = []
    last: float | None = None
    for d in days:
        if d is None:
            out.append((last, False))
        else:
            last = d
            out.append((d, True))
    return out
