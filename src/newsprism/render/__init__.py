"""Renderings of a Brief. JSON, Markdown and HTML all read the same Brief object."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.errors import NewsprismError
from newsprism.model import Brief
from newsprism.render.html import render_html
from newsprism.render.json import render_json
from newsprism.render.markdown import render_markdown

RENDERERS: dict[str, Callable[[Brief], str]] = {
    "json": render_json,
    "md": render_markdown,
    "html": render_html,
}


def render(brief: Brief, fmt: str) -> str:
    if fmt not in RENDERERS:
        raise NewsprismError(
            "option-invalid", detail=f"unknown format '{fmt}' (use {', '.join(RENDERERS)})"
        )
    return RENDERERS[fmt](brief)
