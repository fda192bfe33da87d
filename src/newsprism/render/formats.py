"""How single items read: tones with their sign, an outlet's shown terms, event dates.

Kept apart from the view model so `view.py` stays about the brief's structure; the renderers and
the view import these helpers from here.
"""

from __future__ import annotations

import re

from newsprism.model import LoadedTerm, OutletFraming, TimelineEvent

_SPACE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Collapse whitespace so a text can never break out of a list item or table cell."""
    return _SPACE.sub(" ", text).strip()


TERMS_SHOWN = 8
QUOTED_SHOWN = 5


def shown_terms(outlet: OutletFraming, quoted: bool) -> list[LoadedTerm]:
    """An outlet's best terms of one voice, each wording once (the list is ranked already)."""
    seen: set[str] = set()
    out = []
    for term in outlet.loaded_terms:
        key = one_line(term.text).lower()
        if term.quoted == quoted and key not in seen:
            seen.add(key)
            out.append(term)
    return out[: QUOTED_SHOWN if quoted else TERMS_SHOWN]


def signed(value: float) -> str:
    """'+0.12', '−0.30', '0.00': a tone with its sign, so outlets compare at a glance."""
    if abs(value) < 0.005:
        return "0.00"
    return f"+{value:.2f}" if value > 0 else f"−{abs(value):.2f}"


ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "LAW": "law or document",
    "EVENT": "event",
}


def format_event_date(event: TimelineEvent) -> str:
    """'16 February 2020', 'week of 10 February 2020', 'November 2019', '2009'; '' unresolved."""
    day = event.date
    if day is None or not event.resolved:
        return ""
    if event.precision == "year":
        return str(day.year)
    if event.precision == "month":
        return f"{day:%B %Y}"
    if event.precision == "week":
        return f"week of {day.day} {day:%B %Y}"
    return f"{day.day} {day:%B %Y}"
