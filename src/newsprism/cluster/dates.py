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

import numpy as np

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
    parts = dateline_parts(text)
    return None if parts is None else _believed(parts, near, within)


def _believed(parts: tuple[int, int, int], near: float | None, within: float) -> float | None:
    day = _resolve(parts, near)
    if day is None or near is None or abs(day - near) <= within:
        return day
    return None


def dateline_parts(text: str) -> tuple[int, int, int] | None:
    """(year or 0, month, day) of the text's dateline, or None: what a Dask worker, which does
    not know the stream's current day, sends the client to resolve (`estimate_days`)."""
    m = _DATELINE.match(text[:_HEAD])
    if m is None:
        return None
    return int(m.group(3) or 0), _MONTHS[m.group(1)[:3].lower()], int(m.group(2))


def _resolve(parts: tuple[int, int, int], near: float | None) -> float | None:
    year, month, day = parts
    if year:
        return _ordinal(year, month, day)
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


def estimate_days(
    days: np.ndarray, datelines: np.ndarray, within: float
) -> tuple[np.ndarray, np.ndarray]:
    """Days in input order (NaN when undated) and each undated article's dateline parts ((n, 3),
    zeros when none) -> (days with estimates, known): as `batch.article_days` does with texts."""
    given: list[float | None] = [None if np.isnan(d) else float(d) for d in days]
    out = np.array(days, dtype=np.float64)
    for i, (around, known) in enumerate(fill_days(given)):
        if known:
            continue
        year, month, day = (int(x) for x in datelines[i])
        found = _believed((year, month, day), around, within) if month else None
        estimate = found if found is not None else around
        out[i] = np.nan if estimate is None else estimate
    return out, ~np.isnan(days)
