"""JSON rendering: the Brief model itself."""

from __future__ import annotations

from newsprism.model import Brief


def render_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2, exclude_none=False)
