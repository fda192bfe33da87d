"""Coverage by stance: who covers the story, which side reports each fact, how each side tells it.

Stances come from the articles (metadata or a ratings file applied before the brief). Sides group
them: left and lean left are the left, lean right and right the right. A story is one-sided (a
blindspot for the other side) when at least two rated outlets cover it, none from the other side,
and one side has at least two thirds of them. Ground News flags stories at the outlet level; here
each agreed fact and disputed value also says which sides report it.
"""

from __future__ import annotations

from newsprism.analysis.framing_ratings import SIDE, STANCES
from newsprism.model import (
    AgreedFact,
    Coverage,
    Discrepancy,
    FactSides,
    OutletFraming,
    SideTelling,
)

MIN_RATED = 2
ONE_SIDED = 2 / 3
TERMS_PER_SIDE = 6
_OTHER = {"left": "right", "right": "left"}


def _sides_of(outlets: list[str], stance_of: dict[str, str]) -> dict[str, list[str]]:
    sides: dict[str, list[str]] = {}
    for outlet in outlets:
        if outlet in stance_of:
            sides.setdefault(SIDE[stance_of[outlet]], []).append(outlet)
    return sides


def blindspot(stance_of: dict[str, str]) -> tuple[str | None, str | None]:
    """The side that alone covers the story, and a sentence saying so; (None, None) if balanced."""
    if len(stance_of) < MIN_RATED:
        return None, None
    sides = [SIDE[s] for s in stance_of.values()]
    for side, other in _OTHER.items():
        share = sides.count(side) / len(sides)
        if share >= ONE_SIDED and other not in sides:
            note = (
                f"{sides.count(side)} of the {len(sides)} rated outlets lean {side} and none "
                f"leans {other}: a blindspot for the {other}."
            )
            return side, note
    return None, None


def fact_sides(
    agreed: list[AgreedFact], discrepancies: list[Discrepancy], stance_of: dict[str, str]
) -> list[FactSides]:
    """Per agreed fact and per disputed value, the sides whose outlets report it."""
    present = sorted({SIDE[s] for s in stance_of.values()}, key=["left", "center", "right"].index)
    rows = []
    for i, fact in enumerate(agreed):
        sides = _sides_of(fact.outlets, stance_of)
        rows.append(FactSides(ref=f"agreed:{i}", text=fact.text, sides=sides,
                              missing=[p for p in present if p not in sides]))  # fmt: skip
    for j, disc in enumerate(discrepancies):
        for k, value in enumerate(disc.values):
            sides = _sides_of(value.outlets, stance_of)
            rows.append(FactSides(ref=f"discrepancies:{j}:{k}", text=f"{disc.what}: {value.value}",
                                  sides=sides, missing=[p for p in present if p not in sides]))  # fmt: skip
    return rows if stance_of else []


def side_tellings(outlets: list[OutletFraming]) -> list[SideTelling]:
    """Per side: its outlets' lead sentences and their most distinctive loaded terms."""
    out = []
    for side in ("left", "center", "right"):
        mine = [o for o in outlets if o.stance and SIDE[o.stance] == side]
        if not mine:
            continue
        terms = sorted(
            (t for o in mine for t in o.loaded_terms if not t.quoted), key=lambda t: -t.score
        )
        seen: set[str] = set()
        top = []
        for t in terms:
            if t.text.lower() not in seen:
                seen.add(t.text.lower())
                top.append(t)
        out.append(
            SideTelling(
                stance=side,
                outlets=[o.outlet for o in mine],
                lead_sentence_ids=[o.lead_sentence_id for o in mine if o.lead_sentence_id],
                loaded_terms=top[:TERMS_PER_SIDE],
            )
        )
    return out


def coverage(
    outlets: list[OutletFraming], agreed: list[AgreedFact], discrepancies: list[Discrepancy]
) -> Coverage:
    stance_of = {o.outlet: o.stance for o in outlets if o.stance}
    counts = {s: sum(1 for v in stance_of.values() if v == s) for s in STANCES}
    side, note = blindspot(stance_of)
    return Coverage(
        by_stance={s: n for s, n in counts.items() if n},
        unrated=[o.outlet for o in outlets if not o.stance],
        blindspot=side,
        note=note,
        facts=fact_sides(agreed, discrepancies, stance_of),
        sides=side_tellings(outlets) if stance_of else [],
    )
