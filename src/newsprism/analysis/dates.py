"""Times as articles state them, resolved to days with ``dateparser`` against a base date.

spaCy marks the candidate spans (DATE, TIME). We keep those that name a point in time (a month, a
weekday, a year, or a relative word such as "last week", "yesterday", "ago") and drop durations
("nine-year", "three to four years"). Parsing and relative resolution are dateparser's; we only
choose the base (the article's date, the story's, or one estimated from the text) and the direction:
tense cues ("scheduled", "will", "next", "for Tuesday") look forward, everything else back. A month
and day without a year take the year that puts them nearest the base. "Hours after ..." is kept as
text: its order comes from what it follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

Precision = Literal["day", "week", "month", "year", "relative"]

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_RELATIVE = r"today|tonight|yesterday|tomorrow|ago|last|next|this|earlier|later|previous"
_ANCHOR = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY}|{_RELATIVE}|1[6-9]\d\d|20\d\d)\b", re.I)
_WEEKDAY_ONLY = re.compile(rf"^{_WEEKDAY}\b", re.I)
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_DAY_AND_MONTH = re.compile(rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH})\b", re.I)
_HEDGE = re.compile(r"^(?:(?:early|late|mid|about|around|approximately|just|only|since|until|by|"
                    r"before|after|on|in|from|as of|the)\s+|mid-)+", re.I)  # fmt: skip
_HOURS_AFTER = re.compile(
    r"\b(?:within\s+(?:hours|minutes|days)\b|(?:(?:a few|few|several|\d+|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|twelve|24|48)\s+)?(?:hours|minutes|days|weeks)\s+"
    r"(?:after|later|before|earlier)\b)",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:scheduled|slated|will|shall|is to|are to|set to|expected to|due to|plans? to|"
    r"planned|upcoming|next|to be held|to appear|to testify)\b",
    re.I,
)
FUTURE_REACH = 60  # characters before the date in which a tense cue counts


@dataclass(frozen=True)
class DateRef:
    """A stated time, resolved or not."""

    text: str
    date: Date | None
    precision: Precision
    basis: str | None  # what a relative time was resolved against: article, story or text

    @property
    def resolved(self) -> bool:
        return self.date is not None


@lru_cache(maxsize=256)
def _parser(base: Date, prefer: str) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def looks_ahead(sentence: str, start: int) -> bool:
    """A tense cue shortly before the date, or 'for' right before it ('a meeting for Tuesday')."""
    before = sentence[max(0, start - FUTURE_REACH) : start]
    return bool(_FUTURE.search(before) or re.search(r"\bfor\s+$", before, re.I))


def relative_phrase(sentence: str) -> tuple[str, int] | None:
    """('hours after Trump tweeted', where it starts): an order without a date."""
    hit = _HOURS_AFTER.search(sentence)
    if not hit:
        return None
    rest = re.match(r"[^,.;:—]{0,40}", sentence[hit.end() :])
    phrase = sentence[hit.start() : hit.end()] + (rest.group() if rest else "")
    return phrase.strip(), hit.start()


def _nearest_year(day: Date, base: Date, direction: str) -> Date:
    """The same month and day in the year that puts it nearest the base, respecting tense."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    if direction == "future":
        options = [d for d in options if d >= base] or options
    elif direction == "past":
        options = [d for d in options if d <= base + timedelta(days=1)] or options
    return min(options, key=lambda d: abs((d - base).days))


def _start_of(value: datetime, period: str) -> tuple[Date, Precision]:
    day = value.date()
    if period == "year":
        return day.replace(month=1, day=1), "year"
    if period == "month":
        return day.replace(day=1), "month"
    if period == "week":
        return day - timedelta(days=day.weekday()), "week"
    return day, "day"


def resolve(text: str, base: Date | None, basis: str | None, ahead: bool) -> DateRef | None:
    """The stated time resolved against ``base``; None for durations and vague spans."""
    cleaned = _HEDGE.sub("", text.strip()).strip(" ,.")
    if not cleaned or not _ANCHOR.search(cleaned):
        return None
    has_year = bool(_YEAR.search(cleaned))
    if base is None and not has_year:
        return DateRef(text, None, "relative", None)
    anchor = base or Date(int(_YEAR.search(cleaned).group(1)), 1, 1)  # type: ignore[union-attr]
    direction = "future" if ahead else "past"
    found = _parser(anchor, direction).get_date_data(cleaned)
    if found.date_obj is None:
        year = _YEAR.search(cleaned)
        if not year:
            return DateRef(text, None, "relative", None)
        return DateRef(text, Date(int(year.group(1)), 1, 1), "year", None)
    day, precision = _start_of(found.date_obj, found.period or "day")
    if precision == "day" and not has_year and _DAY_AND_MONTH.search(cleaned) and base:
        day = _nearest_year(day, base, direction if ahead else "nearest")
    relative = not has_year and not _DAY_AND_MONTH.search(cleaned)
    if precision == "day" and _WEEKDAY_ONLY.match(cleaned) and base is None:
        return DateRef(text, None, "relative", None)
    return DateRef(text, day, precision, basis if (relative or not has_year) else None)
