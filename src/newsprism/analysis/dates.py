"""Times as articles state them, resolved to days with ``dateparser`` against a base date.

spaCy marks the candidate spans (DATE, TIME). We keep those that name a point in time (a month, a
weekday, a year, or a relative word such as "last week", "yesterday", "ago") and drop durations
("nine-year", "three to four years"). Parsing and relative resolution are dateparser's; we only
choose the base (the article's date, the story's, or one estimated from the text) and the direction:
tense cues ("scheduled", "will", "for Tuesday") look forward, everything else back. A month
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
_RELATIVE = r"today|tonight|yesterday|tomorrow|ago|last|next|this|previous"
_ANCHOR = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY}|{_RELATIVE}|1[6-9]\d\d|20\d\d)\b", re.I)
_FULL_DATE = re.compile(
    rf"\b(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+(?:{_MONTH})),?\s+(?:1[6-9]|20)\d\d\b",
    re.I,
)
_MONTH_NAME = re.compile(rf"\b(?:{_MONTH})\b", re.I)
_RELATIVE_WORD = re.compile(rf"\b(?:{_RELATIVE}|{_WEEKDAY})\b", re.I)
WEEKDAY = re.compile(rf"\b{_WEEKDAY}\b", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
# 'Nov. 14-17': a range of days, whose second day a date parser would take for a two-digit year.
_DAY_RANGE = re.compile(r"(?<![\d/-])\b(\d{1,2})\s*[-–]\s*\d{1,2}\b(?![\d/-])")
_DAY_AND_MONTH = re.compile(rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH})\b", re.I)
_HEDGE = re.compile(r"^(?:(?:early|late|mid|about|around|approximately|just|only|since|until|by|"
                    r"before|after|on|in|from|as of|the)\s+|mid-)+", re.I)  # fmt: skip
_HOURS_AFTER = re.compile(
    r"\b(?:within\s+(?:hours|minutes|days)\b|(?:(?:a few|few|several|\d+|an?|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|twelve)\s+)?(?:hours?|minutes?|days?|weeks?)\s+"
    r"(?:after|later|before|earlier)\b)",
    re.I,
)
_RECENT = re.compile(
    r"\b(?:today|tonight|yesterday|this (?:week|morning|afternoon|evening)|last (?:week|night))\b",
    re.I,
)
_CLOCK = re.compile(
    r"\b(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<half>[ap]\.?m\b\.?)|"
    r"(?P<word>noon|midnight))",
    re.I,
)
_DAY_PARTS = (  # the most specific first
    (("early", "hours"), 180), (("overnight",), 180), (("before", "dawn"), 240),
    (("early", "morning"), 360), (("late", "morning"), 660), (("morning",), 540),
    (("midday",), 720), (("late", "afternoon"), 1020), (("afternoon",), 900),
    (("evening",), 1140), (("night",), 1320),
)  # fmt: skip
_RECENT_RANKS = (
    (("last week", "last month", "previous week"), -1),
    (("this week",), 0),
    (("today", "tonight", "this morning", "this afternoon", "this evening"), 8),
)
_FRAME_START = re.compile(r"(?:in|within|over|during)\s", re.I)
_FRAME_WORD = re.compile(r"\b(in|within|over|during)\s+$", re.I)
_FRAME_SPAN = re.compile(
    r"(?:(?:just|only)\s+)?(?:the\s+(?:past|last)\s+)?(?:(?:a|an|one|two|three|\d+)\s+)?"
    r"(?:days?|weeks?|months?)",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:scheduled|slated|will|shall|(?:is|are|was|were) (?:to|due)|set to|expected to|due to|plans? to|"
    r"planned|upcoming|to be held|to appear|to testify)\b",
    re.I,
)
DATELINE_LAG = 2  # days a dateline read in the text may precede the writing
FUTURE_REACH = 60  # characters before the date in which a tense cue counts


@dataclass(frozen=True)
class DateRef:
    """A stated time, resolved or not."""

    text: str
    date: Date | None
    precision: Precision
    basis: str | None  # what a relative time was resolved against: article, story or text
    guessed: bool = False  # the year is the story's latest: good for ordering, not for showing

    @property
    def resolved(self) -> bool:
        return self.date is not None and not self.guessed


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


def time_frame(sentence: str, start: int, text: str) -> str | None:
    """'In just one week', 'over the past month': a span of time the sentence's events fall in,
    told as a duration after 'in', 'within', 'over' or 'during'. Kept as text."""
    before = _FRAME_WORD.search(sentence[:start])
    if before is None or not _FRAME_SPAN.fullmatch(text.strip()):
        return None
    return (before.group(1) + " " + text.strip()).strip()


def part_of_day(text: str) -> int | None:
    """Rough minutes after midnight for the part of the day a time names ('late Saturday
    morning' 660, 'the early hours of Saturday' 180), else None."""
    lower = text.lower()
    for words, minutes in _DAY_PARTS:
        if all(w in lower for w in words):
            return minutes
    return None


def clock_time(sentence: str) -> tuple[str, int] | None:
    """('7:23 p.m.', minutes after midnight) for the first clock time in the sentence."""
    hit = _CLOCK.search(sentence)
    if hit is None:
        return None
    if hit.group("word"):
        return hit.group(), 720 if hit.group("word").lower() == "noon" else 0
    hour, minute = int(hit.group("hour")) % 12, int(hit.group("minute") or 0)
    afternoon = hit.group("half").lower().startswith("p")
    return hit.group().strip(), (hour + 12 * afternoon) * 60 + minute


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


@lru_cache(maxsize=4096)
def _parse(cleaned: str, anchor: Date, direction: str) -> tuple[Date, Precision] | None:
    """dateparser on the whole span, else on its day-and-month core ('16 March - first');
    cached, as one span is resolved several times (bases, datelines, events)."""
    texts = [cleaned]
    core = _FULL_DATE.search(cleaned) or _DAY_AND_MONTH.search(cleaned)
    if core and core.group() != cleaned:
        texts.append(core.group())
    for text in texts:
        found = _parser(anchor, direction).get_date_data(text)
        if found.date_obj is not None:
            return _start_of(found.date_obj, found.period or "day")
    return None


def names_a_day(text: str) -> bool:
    """The text names a weekday or a month ('early Saturday afternoon', 'March 3 at noon')."""
    return bool(WEEKDAY.search(text) or _MONTH_NAME.search(text))


def names_a_year(text: str) -> bool:
    return bool(_YEAR.search(text))


def names_recent_days(text: str) -> bool:
    """A weekday, 'today', 'yesterday', 'last week', 'in just one week': days around the writing."""
    return bool(WEEKDAY.search(text) or _RECENT.search(text) or _FRAME_START.match(text))


def recent_rank(text: str) -> int:
    """Where a recent time falls against the weekdays of the latest week (0-6): 'last week' or
    'in just one week' -1, 'this week' 0, 'today' or 'tonight' 8, anything else 7."""
    lower = text.lower()
    if _FRAME_START.match(lower):
        return -1
    for words, rank in _RECENT_RANKS:
        if any(w in lower for w in words):
            return rank
    return 7


def weekday_of(text: str) -> int | None:
    """Monday = 0 ... Sunday = 6 for the first weekday the text names, else None."""
    named = WEEKDAY.search(text)
    return _WEEKDAYS.index(named.group().lower()[:3]) if named else None


def weekday_matches(text: str, day: Date) -> bool:
    """The span names a weekday and it is the weekday of ``day`` ('Tuesday, June 23, 2015')."""
    return weekday_of(text) == day.weekday()


def resolve(
    text: str, base: Date | None, basis: str | None, ahead: bool, year: int | None = None
) -> DateRef | None:
    """The stated time resolved against ``base``; None for durations and vague spans.

    Without a base, a month (and day) without a year takes ``year``, the latest the story states,
    and weekdays or "last week" stay unresolved: nothing says which week they mean.
    """
    cleaned = _HEDGE.sub("", text.strip()).strip(" ,.")
    cleaned = _DAY_RANGE.sub(r"\1", cleaned)  # a range of days starts on its first
    if not cleaned or not _ANCHOR.search(cleaned):
        return None
    has_year = bool(_YEAR.search(cleaned))
    year_only = base is None  # the base is only the story's latest year: keep the day's year
    if base is None and not has_year:
        dated_weekday = WEEKDAY.search(cleaned) and _DAY_AND_MONTH.search(cleaned)
        vague = _RELATIVE_WORD.search(cleaned) and not dated_weekday
        if year is None or not _MONTH_NAME.search(cleaned) or vague:
            return DateRef(text, None, "relative", None)
        base, basis, ahead = Date(year, 12, 31), "text", False
    stated_year = _YEAR.search(cleaned)
    anchor = base or Date(int(stated_year.group(1)) if stated_year else 1, 1, 1)
    direction = "future" if ahead else "past"
    parsed = _parse(cleaned, anchor, direction)
    if parsed is None:
        if not stated_year:
            return DateRef(text, None, "relative", None)
        return DateRef(text, Date(int(stated_year.group(1)), 1, 1), "year", None)
    day, precision = parsed
    if stated_year and day.year != int(stated_year.group(1)):  # "2022, a year": the year stands
        return DateRef(text, Date(int(stated_year.group(1)), 1, 1), "year", None)
    if precision == "day" and not has_year and _DAY_AND_MONTH.search(cleaned) and not year_only:
        day = _nearest_year(day, anchor, direction if ahead else "nearest")
    elif precision == "day" and base and WEEKDAY.fullmatch(cleaned.split()[0]):
        day = _weekday(cleaned, day, base, basis, ahead)
    guessed = year_only and not has_year
    return DateRef(text, day, precision, None if has_year or guessed else basis, guessed)


def _weekday(cleaned: str, day: Date, base: Date, basis: str | None, ahead: bool) -> Date:
    """A bare weekday: the base day itself when it names it, else the one before, unless the base
    is a date read in the text (a dateline or caption may be a day or two older than the writing)
    and the next such day falls within that lag."""
    if weekday_matches(cleaned, base):
        return base
    if basis != "text" or ahead:
        return day
    other = _parse(cleaned, base, "future")
    if other and (other[0] - base).days <= DATELINE_LAG:
        return other[0]
    return day
