"""The sides of a figure discrepancy: which stated values stand together.

Two approximate values that each fall within the other's hedge ('about 11:45 a.m.' / 'around 11:40
a.m.') are one estimate told twice, so they form one side against a value outside both. Every other
value is a side of its own: floors, caps and exact figures that differ are different statements
('more than 1,100' / 'more than 1,140'), and a reader should see each with its sources.
"""

from __future__ import annotations

from newsprism.analysis.figures import Mention
from newsprism.model import DiscrepancyValue
from newsprism.text.quantities import Quantity, describe, tolerance


def same_estimate(a: Quantity, b: Quantity) -> bool:
    """Both hedged as approximate, each inside the other's tolerance."""
    if a.bound != "approx" or b.bound != "approx":
        return False
    (lo_a, hi_a), (lo_b, hi_b) = tolerance(a), tolerance(b)
    return lo_a <= b.low and b.high <= hi_a and lo_b <= a.low and a.high <= hi_b


def estimate_sides(by_value: list[list[Mention]]) -> list[list[Mention]]:
    """Values grouped into sides: an approximate value joins a side whose every value is the
    same estimate as it; the order of first appearance is kept."""
    sides: list[list[list[Mention]]] = []
    for mentions in by_value:
        q = mentions[0].quantity
        home = next((s for s in sides if all(same_estimate(q, ms[0].quantity) for ms in s)), None)
        if home is None:
            sides.append([mentions])
        else:
            home.append(mentions)
    return [[m for ms in side for m in ms] for side in sides]


def side_value(side: list[Mention]) -> str:
    """'about 11:45 a.m. / around 11:40 a.m.': each distinct value of the side as shown."""
    return " / ".join(dict.fromkeys(describe(m.quantity) for m in side))


def one_estimate_note(values: list[DiscrepancyValue]) -> str | None:
    """Say why one side shows two values: they are one approximate figure."""
    joined = [v.value for v in values if " / " in v.value]
    if not joined:
        return None
    return "; ".join(f"'{v}' is one approximate figure: each lies within the other's hedge"
                     for v in joined)  # fmt: skip


def join_notes(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None
