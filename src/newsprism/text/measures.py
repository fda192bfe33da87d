"""Lengths, masses and areas in news text: '2 to 16 metres', 'between 2 m (6.5 ft) and 16 m',
'a 27-foot boat', 'from 2m to 15m (6.5ft to 50ft) in size'.

A measure's unit is its own (miles are not compared with kilometres), and a conversion that
follows it in parentheses ('(6.5 ft)') restates it rather than adding a figure. A bare 'm' after a
number is usually 'million' in news ('£2m', '5m viewers'); it is read as metres only when the figure
is converted to another length unit or is followed by a word of size ('long', 'in size').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Written unit -> the unit's name (singular). Only units of one name are ever compared.
_UNITS = {
    "kilometre": ("kilometres", "kilometers", "kilometre", "kilometer", "km"),
    "metre": ("metres", "meters", "metre", "meter", "m"),
    "centimetre": ("centimetres", "centimeters", "centimetre", "centimeter", "cm"),
    "millimetre": ("millimetres", "millimeters", "millimetre", "millimeter", "mm"),
    "mile": ("miles", "mile"),
    "yard": ("yards", "yard", "yds", "yd"),
    "foot": ("feet", "foot", "ft"),
    "inch": ("inches", "inch"),
    "kilogram": ("kilograms", "kilogram", "kilos", "kilo", "kg"),
    "tonne": ("tonnes", "tonne", "tons", "ton"),
    "acre": ("acres", "acre"),
    "hectare": ("hectares", "hectare", "ha"),
}
UNIT_OF = {written: name for name, forms in _UNITS.items() for written in forms}
_UNIT = "|".join(sorted(UNIT_OF, key=len, reverse=True))
_LENGTH = {"kilometre", "metre", "centimetre", "millimetre", "mile", "yard", "foot", "inch"}
_SHORT = {"m", "ha"}  # read as a unit only with support (see module docstring)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CONVERSION = rf"\s*\(\s*(?:about\s+|around\s+)?[\d.,]+\s*-?\s*(?:{_UNIT})\b[^)]*\)"
_MEASURE = re.compile(
    rf"(?<![\w.,$£€])(?:(?P<range>between|from)\s+)?(?P<a>{_NUM})[\s-]?(?P<ua>{_UNIT})?\b"
    rf"(?P<ca>{_CONVERSION})?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<b>{_NUM})[\s-]?(?P<ub>{_UNIT})\b(?P<cb>{_CONVERSION})?)?",
    re.IGNORECASE,
)
_SIZE_AFTER = re.compile(
    r"\s*(?:in (?:size|length|diameter|height|width|depth)|long|tall|high|deep|wide|across|"
    r"away|apart)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Measure:
    low: float
    high: float
    unit: str  # the unit's name: 'metre', 'mile'
    start: int
    end: int  # conversions included: their span is not read again
    text: str  # as written, conversions left out
    converted: bool = False  # a conversion in parentheses: the same measure in another unit


def unit_name(unit: str, value: float) -> str:
    """'metre' -> 'metres', 'foot' -> 'feet' (one foot stays singular)."""
    if value == 1:
        return unit
    return {"foot": "feet", "inch": "inches"}.get(unit, unit + "s")


def find_measures(sentence: str, converting: bool = False) -> list[Measure]:
    """Every measure with a unit in a sentence, a range as one figure, then its conversions.

    ``converting``: the text is a conversion's parentheses, where 'm' is surely metres."""
    out = []
    pos = 0
    while m := _MEASURE.search(sentence, pos):
        pos = m.end()
        unit_a, unit_b = (m.group("ua") or "").lower(), (m.group("ub") or "").lower()
        if unit_a and unit_b and UNIT_OF[unit_a] != UNIT_OF[unit_b]:
            pos = m.end("ca") if m.group("ca") else m.end("ua")  # two measures, not a range
            unit_b = ""
        measure = _measure(sentence, m, unit_a, unit_b, pos, converting)
        if measure is not None:
            out.append(measure)
            out += _conversions(sentence, m, pos)
    return out


def _conversions(sentence: str, m: re.Match[str], end: int) -> list[Measure]:
    """The conversions of a measure, each in its own unit ('8,000 m (26,247 ft)'): outlets that
    give the other unit are compared with them; '(2 ft) and ... (9 ft)' is a range."""
    spans = [m.span(c) for c in ("ca", "cb") if m.group(c) and m.end(c) <= end]
    found = [[_shift(x, s) for x in find_measures(sentence[s:e], True)] for s, e in spans]
    if len(found) == 2 and all(len(f) == 1 for f in found):
        (a,), (b,) = found
        if a.unit == b.unit and a.low == a.high and b.low == b.high and a.low < b.low:
            return [Measure(a.low, b.low, a.unit, a.start, b.end, f"{a.text} to {b.text}", True)]
    return [x for f in found for x in f]


def _shift(x: Measure, offset: int) -> Measure:
    return Measure(x.low, x.high, x.unit, x.start + offset, x.end + offset, x.text, True)


def _measure(
    sentence: str, m: re.Match[str], unit_a: str, unit_b: str, end: int, converting: bool
) -> Measure | None:
    written = unit_a or unit_b
    if not written:
        return None
    unit = UNIT_OF[written]
    if written in _SHORT and not (converting or _supported(sentence, m, unit)):
        return None
    low = float(m.group("a").replace(",", ""))
    high = float(m.group("b").replace(",", "")) if unit_b and m.group("b") else low
    if low > high:
        return None
    text = sentence[m.start() : end]
    for conv in ("cb", "ca"):
        if m.group(conv) and m.end(conv) <= end:
            s, e = m.span(conv)
            text = text[: s - m.start()] + text[e - m.start() :]
    return Measure(low, high, unit, m.start(), end, " ".join(text.split()))


def _supported(sentence: str, m: re.Match[str], unit: str) -> bool:
    """'2m (6.5ft)' or '2m long': a short unit read as a measure, not a scale ('2m people')."""
    converted = any(m.group(c) for c in ("ca", "cb"))
    return (converted and unit in _LENGTH) or bool(_SIZE_AFTER.match(sentence, m.end()))
