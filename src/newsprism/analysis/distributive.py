"""'Each' against one sum: '$3,000 each to the victim and the witness' / 'offered the couple $3,000'.

Figure alignment finds outlets agreeing on one amount; whether it was given to every one of
several people or once in all changes the total. An outlet says 'each' (or 'apiece', 'per person')
right after the figure while naming two or more receivers ('X and Y', 'both', a count); another
outlet gives the same figure and never says so. Prices ('cost $50 each') name no receivers and
stay agreement. An outlet counts on one side only: its other mentions of the figure restate it.
"""

from __future__ import annotations

import re

from newsprism.analysis.figures import FigureGroup, Mention
from newsprism.analysis.pairs import slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy
from newsprism.text.quantities import describe

_EACH_AFTER = re.compile(
    r"\s*(?:each|apiece|a piece|per (?:person|head|family|victim)|a head)\b", re.IGNORECASE
)
_EACH_ANYWHERE = re.compile(r"\b(?:each|apiece|per)\b", re.IGNORECASE)
_SEVERAL = re.compile(
    r"\b(?:and|both|two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.IGNORECASE
)
_CLAUSE = re.compile(r"[,;:.!?]\s")


def distributive(mention: Mention) -> bool:
    """'offering the victim and the witness $3,000 each': per receiver, several receivers."""
    q, text = mention.quantity, mention.sentence.text
    if not _EACH_AFTER.match(text, q.end):
        return False
    before = text[: q.start]
    clause = before[max((m.end() for m in _CLAUSE.finditer(before)), default=0) :]
    return bool(_SEVERAL.search(clause))


def each_or_in_all(brief: Brief, sources: Sources, group: FigureGroup) -> Discrepancy | None:
    """One amount per receiver in some independent outlets, one sum in others."""
    if len(group.by_value()) != 1 or group.mentions[0].quantity.kind not in {"money", "count"}:
        return None
    each = {m.group for m in group.mentions if distributive(m)}
    if not each:
        return None
    per = [m for m in group.mentions if m.group in each and distributive(m)]
    whole = [
        m
        for m in group.mentions
        if m.group not in each and not _EACH_ANYWHERE.search(m.sentence.text)
    ]
    if not whole:
        return None
    shown = describe(per[0].quantity)
    sides = [
        (f"{shown} each", list(dict.fromkeys(m.sentence.id for m in per))),
        (f"{shown}, one sum", list(dict.fromkeys(m.sentence.id for m in whole))),
    ]
    return slot_discrepancy(brief, f"{shown}: to each, or in all", sides, sources,
        "the same aligned amount is given per receiver ('each', naming several receivers) by "
        "some independent outlets and as a single amount by others, so the totals differ")  # fmt: skip
