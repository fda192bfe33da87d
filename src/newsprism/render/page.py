"""What the story page shows beyond the plain sections: the coverage-by-stance bar, disagreements
as a value-by-outlet table, "only in one outlet" grouped by outlet, and the citation-preview script.

Both the static HTML brief and the web app (`newsprism serve`) render through these, from the
shared `BriefView`, so the two pages can never disagree about what a brief says.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from newsprism.model import Discrepancy, UniqueItem
from newsprism.render.view import BriefView, CitationGroup, one_line

# The five leanings `Article.stance` may carry, left to right as the bar draws them.
STANCES: tuple[str, ...] = ("left", "lean left", "center", "lean right", "right")
UNKNOWN = "unknown"


@dataclass(frozen=True)
class CoverageSlice:
    stance: str  # one of STANCES, or UNKNOWN
    outlets: list[str]
    percent: float

    @property
    def css(self) -> str:
        """A class name for the slice's colour: 'st-lean-left', 'st-unknown'."""
        return "st-" + self.stance.replace(" ", "-")


@dataclass(frozen=True)
class DisagreementRow:
    """One outlet's side of a disagreement: what it says and where."""

    value: str
    group: CitationGroup


@dataclass(frozen=True)
class UniqueGroup:
    label: str
    slot: int
    items: list[tuple[UniqueItem, list[CitationGroup]]]


def normal_stance(stance: str | None) -> str:
    """The stance as one of STANCES, else UNKNOWN ('Lean-Left ' -> 'lean left')."""
    text = one_line((stance or "").replace("-", " ").replace("_", " ")).lower()
    return text if text in STANCES else UNKNOWN


def coverage_of(stances: dict[str, str | None]) -> list[CoverageSlice]:
    """Outlets (label -> stance) counted by stance; empty when no stance is known, since a bar
    that is all 'unknown' tells a reader nothing."""
    by_stance: dict[str, list[str]] = {}
    for outlet, stance in stances.items():
        by_stance.setdefault(normal_stance(stance), []).append(outlet)
    if set(by_stance) <= {UNKNOWN}:
        return []
    total = sum(len(v) for v in by_stance.values())
    return [
        CoverageSlice(s, by_stance[s], 100.0 * len(by_stance[s]) / total)
        for s in (*STANCES, UNKNOWN)
        if s in by_stance
    ]


def coverage(view: BriefView) -> list[CoverageSlice]:
    """The brief's outlets by stance (an outlet's first known stance counts)."""
    stances: dict[str, str | None] = {}
    for art in view.articles:
        if stances.get(art.label) is None:
            stances[art.label] = art.article.stance
    return coverage_of(stances)


def disagreement_rows(view: BriefView, item: Discrepancy) -> list[DisagreementRow]:
    """One row per (value, outlet), so the table reads as value by outlet."""
    rows = []
    for value in item.values:
        groups, _ = view.citations(value.citations)
        rows += [DisagreementRow(one_line(value.value), g) for g in groups]
    return rows


def unique_groups(view: BriefView) -> list[UniqueGroup]:
    """Unique items grouped by the outlet that reports them, in the order outlets first appear."""
    groups: dict[str, UniqueGroup] = {}
    slots = {a.label: a.slot for a in view.articles}
    for item in view.brief.unique:
        cites, _ = view.citations(item.citations)
        label = item.outlet or (cites[0].label if cites else "")
        slot = slots.get(label, cites[0].slot if cites else 0)
        group = groups.setdefault(label, UniqueGroup(label, slot, []))
        group.items.append((item, cites))
    return list(groups.values())


@cache
def script() -> str:
    """The page's one script (citation previews, folding sections), shipped inline."""
    return (files("newsprism.render") / "templates" / "page.js").read_text(encoding="utf-8")


def script_hash(source: str) -> str:
    """The CSP source that admits exactly this inline script and nothing else."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
