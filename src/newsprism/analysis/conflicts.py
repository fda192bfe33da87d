"""Conflicting claims about one group of actors (e.g. 'resigned' vs 'withdrew from the case')."""

from __future__ import annotations

from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy


def claim_conflicts(brief: Brief, sources: Sources) -> list[Discrepancy]:
    """Predicate conflicts on a shared subject; see the module docstring."""
    return []
