"""Recognise and normalise quantities in news sentences: counts, ranges, durations, money, dates.

Outlets write the same figure many ways ("more than 1,100", "1 100" in degraded text, "seven to
nine years", "a nine-year sentence", "$2.3 billion", "March 31"); comparing figures across outlets
needs one normal form: an interval ``[low, high]``, a kind, a unit and a bound qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from dateutil import parser as date_parser
from text_to_num import text2num

from newsprism.text.calendar_names import WEEKDAYS
from newsprism.text.measures import find_measures, unit_name
from newsprism.text.terms import FUNCTION_WORDS

UNIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_WORD = "|".join(sorted([*UNIT_WORDS, *_SCALES], key=len, reverse=True))
_WORDS = rf"(?:(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?(?:{_NUMBER_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SPACED = r"\d{1,3}(?: \d{3})+(?!\d)"  # '1 100': degraded text lost the thousands comma
_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR", "us$": "USD"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP"} | {
    "euro": "EUR", "euros": "EUR"
}  # fmt: skip
_SCALE_SUFFIX = {"k": 1e3, "m": 1e6, "bn": 1e9, "b": 1e9, "mn": 1e6, "tn": 1e12}
_TIME_UNITS = {
    "year": 1.0, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25, "decade": 10.0,
    "hour": 1 / 8766, "minute": 1 / 525960,
}  # fmt: skip
_BOUNDS = [
    ("min", r"more than|over|at least|upwards of|in excess of|above|no fewer than|no less than"),
    ("max", r"up to|as many as|as much as|fewer than|less than|under|at most|no more than|below"),
    ("approx", r"about|around|nearly|almost|roughly|approximately|some|an estimated|close to"),
]
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = tuple(day.lower() for day in WEEKDAYS)

_NUM = rf"(?:{_SPACED}|{_DIGITS}|{_WORDS})"
_SCALE_WORD = "|".join(_SCALES)
_BOUND = "|".join(f"(?P<{name}>{words})" for name, words in _BOUNDS)
_QUANTITY = re.compile(
    rf"(?<![\w.,$£€])(?:(?:{_BOUND})\s+)?(?:between\s+)?"
    rf"(?P<cur>us\$|[$£€])?\s?(?P<a>{_NUM})(?:(?P<suf>bn|mn|tn|[kmb])|\s+(?P<scale>{_SCALE_WORD}))?"
    rf"(?!\w|,\d)"
    rf"(?:\s*(?:-|–|—|to|and|or)\s*(?P=cur)?\s?(?P<b>{_NUM})(?!\w|,\d))?"
    rf"(?:(?P<hyph>-)|\s*(?P<pct>%|per\s?cent\b))?",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b(?P<month>{_MONTHS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<month2>{_MONTHS})\.?\s+(?P<year2>(?:19|20)\d\d)\b"
    rf"|\b(?P<weekday>{'|'.join(_WEEKDAYS)})\b",
    re.IGNORECASE,
)
_FOLLOW = re.compile(r"[\s-]*([A-Za-z](?:[A-Za-z'’]|\.(?=[A-Za-z]))*)")
_VERBISH = re.compile(r".{3,}(?:ed|ing)$")


@dataclass(frozen=True)
class Quantity:
    """One figure in one sentence, normalised to an interval with a kind and a unit."""

    low: float
    high: float
    kind: str  # count | duration | percent | money | date | year | time | ordinal | measure
    unit: str = ""
    bound: str = "exact"  # exact | min | max | approx
    text: str = ""
    start: int = 0
    end: int = 0
    noun: str = ""  # the word the figure counts ('officials'), or what a duration belongs to
    phrase: tuple[str, ...] = field(default=(), compare=False)  # 'former', 'department', ...
    converted: bool = field(default=False, compare=False)  # '(6.5 ft)' after '2 m': a restatement

    @property
    def key(self) -> tuple[str, str, str, float, float]:
        """Equal keys mean the same stated figure (bound included: 'up to 9' differs from '9')."""
        return (self.kind, self.unit, self.bound, round(self.low, 6), round(self.high, 6))


def parse_number(text: str) -> float | None:
    """'1,140' / '1 100' / '2.5' / 'seven' / 'one thousand one hundred' -> a float."""
    cleaned = text.strip().lower()
    digits = cleaned.replace(",", "").replace(" ", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    words = re.sub(r"[\s-]+", " ", cleaned.replace(" and ", " "))
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


def _unit_after(sentence: str, end: int) -> tuple[str, str, int]:
    """(kind, unit, new end) from the word after a figure: 'years', 'percent', 'dollars'."""
    m = _FOLLOW.match(sentence, end)
    if not m:
        return "count", "", end
    word = m.group(1).lower()
    singular = word[:-1] if word.endswith("s") else word
    if singular in _TIME_UNITS:
        return "duration", singular, m.end()
    if word in _CURRENCY_WORDS:
        return "money", _CURRENCY_WORDS[word], m.end()
    return "count", "", end


def _noun_phrase(sentence: str, end: int, limit: int = 4) -> list[str]:
    """The counted phrase: the run of content words after the figure; its last word is the noun."""
    run: list[str] = []
    pos = end
    for i in range(limit):
        m = _FOLLOW.match(sentence, pos)
        if not m or sentence[pos : m.start(1)].strip(" -") or m.group(1).lower() in FUNCTION_WORDS:
            break
        word = m.group(1).lower()
        if i and _VERBISH.match(word):
            break
        run.append(word)
        pos = m.end()
        if sentence[pos : pos + 1] in ",;:)":
            break
    return run


_OF = re.compile(r"([A-Za-z]+)\s+of\s+(?:between\s+)?$")


def _noun_before(sentence: str, start: int) -> list[str]:
    """'a sentence of 7 to 9 years' -> 'sentence': what a measured amount belongs to."""
    m = _OF.search(sentence[max(0, start - 40) : start])
    return [m.group(1).lower()] if m and m.group(1).lower() not in FUNCTION_WORDS else []


def _one(match: re.Match[str]) -> bool:
    """A lone 'one' is nearly always a pronoun or determiner, not a figure."""
    return match.group("b") is None and (match.group("a") or "").lower() in {"one", "a", "an"}


def _is_year(value: float, match: re.Match[str], text: str) -> bool:
    raw = match.group("a")
    return (
        raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100
        and not match.group("cur") and not match.group("pct") and "," not in text
    )  # fmt: skip


_PHONE = re.compile(r"\(?\b\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b|\b\d{3}-\d{4}\b")
_TIME = re.compile(
    rf"(?:\b(?P<bound>{_BOUNDS[2][1]}|shortly (?:before|after)|just (?:before|after))\s+)?"
    r"\b(?P<h>\d{1,2})(?::(?P<m>\d\d))?(?:\s*(?:-|–|to)\s*(?P<h2>\d{1,2})(?::(?P<m2>\d\d))?)?"
    r"\s*(?P<ampm>[ap])\.?\s?m\b\.?",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(?P<n>\d{1,4})(?:st|nd|rd|th)[\s-]+(?P<noun>[a-z]{3,})\b")
APPROX_MINUTES = 10  # 'around 9:30 p.m.' allows 9:20 to 9:40


def find_quantities(sentence: str, spaced_thousands: bool = False) -> list[Quantity]:
    """Every figure in a sentence, dates, clock times and ordinals included, in text order.

    ``spaced_thousands`` reads '1 100' as 1,100 (for degraded text that lost its punctuation).
    Phone numbers are not figures.
    """
    found = [q for q in _dates(sentence)]
    taken = [(q.start, q.end) for q in found]
    taken += [(m.start(), m.end()) for m in _PHONE.finditer(sentence)]
    for measure in _measures(sentence):  # conversions lie inside their measure's span
        if not any(measure.start < e and s < measure.end for s, e in taken):
            found.append(measure)
    taken += [(q.start, q.end) for q in found if q.kind == "measure"]
    for special in [*_times(sentence), *_ordinals(sentence)]:
        if not any(special.start < e and s < special.end for s, e in taken):
            found.append(special)
            taken.append((special.start, special.end))
    for m in _QUANTITY.finditer(sentence):
        if any(m.start() < e and s < m.end() for s, e in taken) or _one(m):
            continue
        if not spaced_thousands and re.fullmatch(_SPACED, m.group("a")):
            continue
        q = _from_match(sentence, m)
        if q is not None:
            found.append(q)
    return sorted(found, key=lambda q: q.start)


# '1bn yen ($8.3m, £5.6m)': an amount in parentheses after an amount is its conversion.
_AMOUNT_THEN_PAREN = re.compile(
    rf"(?:\d|\b(?:{_SCALE_WORD}|bn|m)\b)[^\s(]*(?:\s+[A-Za-z]+)?\s*\((?:[^()]*,\s*)?$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s")
_PLUS = re.compile(r"-?plus\b|\+", re.IGNORECASE)
_CLOCK = re.compile(r":\d\d|\s*(?:a\.?m\b|p\.?m\b|o'clock)", re.IGNORECASE)


def _from_match(sentence: str, m: re.Match[str]) -> Quantity | None:
    a = parse_number(m.group("a"))
    b = parse_number(m.group("b")) if m.group("b") else a
    if a is None or b is None or a > b:
        return None  # '2-1' is a score, not a range
    if _CLOCK.match(sentence, m.end()) or sentence[max(0, m.start() - 1) : m.start()] == ":":
        return None  # clock times
    if m.group("a").lower() in _SCALES:
        return None  # 'billion' alone is not a figure
    item = _LIST_ITEM.match(sentence)
    if item and m.start() == item.start(1):
        return None  # '8. A headline': a list number, not a figure
    suffix = (m.group("suf") or "").lower()
    scale = _SCALE_SUFFIX.get(suffix) or _SCALES.get((m.group("scale") or "").lower(), 1.0)
    low, high = sorted((a * scale, b * scale))
    bound = next((name for name, _ in _BOUNDS if m.group(name)), "exact")
    if bound == "exact" and _PLUS.match(sentence, m.end()):
        bound = "min"  # "1,300-plus survivors" is a floor
    end = m.end()
    if m.group("pct"):
        kind, unit = "percent", "%"
    elif m.group("cur"):
        kind, unit = "money", _CURRENCY[m.group("cur").lower()]
    elif _is_year(low, m, m.group(0)) and (m.group("b") is None or _is_year(high, m, "")):
        kind, unit = "year", ""
    else:
        kind, unit, end = _unit_after(sentence, end)
    text = sentence[m.start() : end].rstrip("- ")
    phrase = _noun_phrase(sentence, end)
    if not phrase and unit:
        phrase = _noun_before(sentence, m.start())
    noun = phrase[-1] if phrase else ""
    converted = kind == "money" and bool(_AMOUNT_THEN_PAREN.search(sentence[: m.start()]))
    return Quantity(
        low,
        high,
        kind,
        unit,
        bound,
        text,
        m.start(),
        m.start() + len(text),
        noun,
        tuple(phrase),
        converted,
    )


def _times(sentence: str) -> list[Quantity]:
    """Clock times as minutes after midnight: '9:19 p.m.', 'about 11:40-11:45 a.m.'."""
    out = []
    for m in _TIME.finditer(sentence):
        pm = m.group("ampm").lower() == "p"
        first = _minutes(m.group("h"), m.group("m"), pm)
        last = _minutes(m.group("h2"), m.group("m2"), pm) if m.group("h2") else first
        if first is None or last is None or first > last:
            continue
        bound = "approx" if m.group("bound") else "exact"
        out.append(Quantity(first, last, "time", "clock", bound, m.group(0).strip(), m.start(),
                            m.end()))  # fmt: skip
    return out


_BOUND_BEFORE = re.compile(rf"(?:{_BOUND})\s+$", re.IGNORECASE)


def _measures(sentence: str) -> list[Quantity]:
    """Lengths, masses and areas in their own unit, with a hedge written before them; a
    conversion in parentheses takes its measure's hedge."""
    out: list[Quantity] = []
    bound = "exact"
    for m in find_measures(sentence):
        start, text = m.start, m.text
        phrase: tuple[str, ...] = ()
        if not m.converted:
            hedge = _BOUND_BEFORE.search(sentence[max(0, m.start - 25) : m.start])
            bound = next((n for n, _ in _BOUNDS if hedge and hedge.group(n)), "exact")
            if hedge:
                start -= len(hedge.group(0))
                text = sentence[start : m.start] + text
            if re.search(r"\d-[a-z]", text, re.IGNORECASE):  # 'a 27-foot boat': what it measures
                phrase = tuple(_noun_phrase(sentence, m.end))
        out.append(Quantity(m.low, m.high, "measure", m.unit, bound, text, start, m.end,
                            phrase[-1] if phrase else "", phrase, m.converted))  # fmt: skip
    return out


def _minutes(hour: str, minute: str | None, pm: bool) -> float | None:
    h, mins = int(hour), int(minute or 0)
    if not 1 <= h <= 12 or mins > 59:
        return None
    return float((h % 12 + (12 if pm else 0)) * 60 + mins)


def _ordinals(sentence: str) -> list[Quantity]:
    """'the 17th floor': an ordinal whose unit is the noun it ranks (floors with floors only)."""
    out = []
    for m in _ORDINAL.finditer(sentence):
        n, noun = float(m.group("n")), m.group("noun").lower()
        if noun in FUNCTION_WORDS:
            continue
        out.append(Quantity(n, n, "ordinal", noun, "exact", m.group(0), m.start(), m.end(), noun,
                            (noun,)))  # fmt: skip
    return out


def tolerance(q: Quantity) -> tuple[float, float]:
    """The values a hedged figure allows: 'about' +-10% (+-10 minutes for clock times),
    'more than/at least' up to half as much again, 'up to/below' anything under the figure; exact
    figures allow only what they state."""
    if q.bound == "approx":
        if q.kind == "time":
            return q.low - APPROX_MINUTES, q.high + APPROX_MINUTES
        return q.low * 0.9, q.high * 1.1
    if q.bound == "min":
        return q.low, q.high * 1.5
    if q.bound == "max":
        return 0.0, q.high
    return q.low, q.high


def _dates(sentence: str) -> list[Quantity]:
    out = []
    for m in _DATE.finditer(sentence):
        if m.group("weekday"):
            day = _WEEKDAYS.index(m.group("weekday").lower())
            out.append(Quantity(day, day, "date", "weekday", text=m.group(0), start=m.start(),
                                end=m.end()))  # fmt: skip
            continue
        try:
            when = date_parser.parse(m.group(0), default=datetime(1, 1, 1))
        except (ValueError, OverflowError):
            continue
        has_year = bool(m.group("year") or m.group("year2"))
        unit = "ymd" if has_year and m.group("day") else ("ym" if has_year else "md")
        value = when.toordinal() if has_year else when.month * 100 + when.day
        if unit == "ym":
            value = when.year * 100 + when.month
        out.append(Quantity(value, value, "date", unit, text=m.group(0), start=m.start(),
                            end=m.end()))  # fmt: skip
    return out


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}


def _money(value: float) -> str:
    """'$4.2 million' rather than 'USD 4,200,000'."""
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if value >= scale:
            return f"{_fmt(round(value / scale, 2))} {word}"
    return _fmt(value)


_BOUND_WORDS = {"min": "more than ", "max": "up to ", "approx": "about ", "exact": ""}


def describe(q: Quantity) -> str:
    """Normal form for display, independent of how the outlet wrote it."""
    if q.kind in {"date", "year", "time", "ordinal"}:
        return q.text
    number = _fmt(q.low) if q.low == q.high else f"{_fmt(q.low)} to {_fmt(q.high)}"
    if q.kind == "percent":
        number += "%"
    elif q.kind == "money":
        symbol = _SYMBOLS.get(q.unit, q.unit + " ")
        number = symbol + (
            _money(q.low) if q.low == q.high else f"{_money(q.low)} to {_money(q.high)}"
        )
    elif q.kind == "duration":
        plural = "" if q.low == q.high == 1 else "s"
        number += f" {q.unit}{plural}"
    elif q.kind == "measure":
        number += " " + unit_name(q.unit, q.high)
    hedge = _BOUND_WORDS[q.bound]
    if q.bound == "min" and q.text.lower().startswith(("at least", "no fewer", "no less")):
        hedge = "at least "  # a floor that includes the figure, unlike 'more than'
    return hedge + number


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same kind and unit: only such figures can measure the same thing."""
    return a.kind == b.kind and a.unit == b.unit
