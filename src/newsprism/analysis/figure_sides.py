"""The sides of a figure discrepancy: which stated values stand together.

Two approximate values that each fall within the other's hedge ('about 11:45 a.m.' / 'around 11:40
a.m.') are one estimate told twice, so they form one side against a value outside both. Every other
value is a side of its own: floors, caps and exact figures that differ are different statements
('more than 1,100' / 'more than 1,140'), and a reader should see each with its sources.
"""

from __future__ import annotations

from newsprism.analysis.figures import FigureGroup, Mention
from newsprism.model import DiscrepancyValue
from newsprism.text.quantities import Quantity, describe, find_quantities, tolerance


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


def without_restated_conversions(groups: list[FigureGroup]) -> list[FigureGroup]:
    """Leave out a conversion ('(6.5 ft)') whose own measure ('2 m', written before
    it) is already compared: the same statement in another unit would report one difference
    twice. Groups with the most measures as written go first; one left with one source is dropped."""
    measured: dict[str, list[tuple[int, int]]] = {}  # sentence id -> (start, group) of originals
    kept: dict[int, FigureGroup] = {}
    for n in sorted(range(len(groups)), key=lambda n: -_originals(groups[n])):
        g = groups[n]
        mentions = [m for m in g.mentions if not _restated(m, measured)]
        if len({m.group for m in mentions}) < 2:
            continue
        kept[n] = g if len(mentions) == len(g.mentions) else FigureGroup(mentions, g.cohesion)
        for m in mentions:
            if m.quantity.kind == "measure":
                measured.setdefault(m.sentence.id, []).append((m.quantity.start, n))
    return [kept[n] for n in sorted(kept)]


def _originals(group: FigureGroup) -> int:
    return sum(not m.quantity.converted for m in group.mentions)


def _restated(mention: Mention, measured: dict[str, list[tuple[int, int]]]) -> bool:
    """A conversion after a measure of its sentence that a kept group already compares."""
    if not mention.quantity.converted:
        return False
    here = measured.get(mention.sentence.id, [])
    return any(s < mention.quantity.start for s, _ in here)


def shared_anchor(group: FigureGroup) -> str:
    """', and every source's sentence also states '23rd floor'': another specific figure that
    ties the sentences to one scene, for the basis; empty when there is none."""
    firsts: dict[int, Mention] = {}
    for m in group.mentions:
        firsts.setdefault(m.group, m)
    common = frozenset.intersection(*(m.anchors for m in firsts.values()))
    if not common:
        return ""
    first = next(iter(firsts.values())).sentence.text
    shown = [q.text for q in find_quantities(first) if q.key in common]
    return f", and every source's sentence also states '{shown[0]}'" if shown else ""
