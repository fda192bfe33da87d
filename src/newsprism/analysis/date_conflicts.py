"""Events that outlets date differently, as rows of the discrepancy table (kind: date).

The timeline stage finds them while merging one event told by several outlets (``date_conflicts``);
here they become discrepancies, unless another finder already reported the same sentences (a date
figure). Two days both written out ("March 3" against "March 4") are surer than days resolved from
relative words ("Sunday"), which depend on each article's date.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.analysis.sources import Sources
from newsprism.model import Article, Discrepancy, DiscrepancyValue

STATED_CONFIDENCE = 0.6  # both days written out with month and day
RELATIVE_CONFIDENCE = 0.45  # a day resolved from "Sunday" or "yesterday" against an article date
WHAT_WORDS = 14
_STATED_DAY = re.compile(r"\b\d{1,2}\b")


def date_discrepancies(
    conflicts: list[dict[str, Any]],
    articles: list[Article],
    sources: Sources,
    found: list[Discrepancy],
) -> list[Discrepancy]:
    """Discrepancies for the timeline's date conflicts not already among ``found``."""
    cited = [{c for v in d.values for c in v.citations} for d in found]
    result = []
    for conflict in conflicts:
        values = conflict["values"]
        mine = {c for v in values for c in v["citations"]}
        if any(len(mine & other) >= 2 for other in cited):
            continue
        groups = {sources.group_of[k] for v in values for k in v["articles"]}
        stated = all(_STATED_DAY.search(v["text"]) for v in values)
        result.append(
            Discrepancy(
                what=_what(conflict["what"]),
                kind="date",
                values=[_value(v, articles) for v in values],
                confidence=STATED_CONFIDENCE if stated else RELATIVE_CONFIDENCE,
                importance=round(len(groups) / max(1, sources.count), 3),
                basis="one event matched across outlets by the sentence alignment; the days "
                + ("they state" if stated else "their relative dates resolve to")
                + " differ",
            )
        )
    return result


def _what(sentence: str) -> str:
    words = sentence.split()
    short = " ".join(words[:WHAT_WORDS]) + (" …" if len(words) > WHAT_WORDS else "")
    return f"date of: {short}"


def _value(value: dict[str, Any], articles: list[Article]) -> DiscrepancyValue:
    text, day = value["text"], value["value"]
    dates = [articles[k].date for k in value["articles"]]
    return DiscrepancyValue(
        value=text if text == day else f"{text} ({day})",
        citations=list(value["citations"]),
        outlets=list(value["outlets"]),
        dates=[d.isoformat() for d in dates if d],
    )
