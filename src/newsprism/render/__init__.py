"""Renderings of a Brief. JSON, Markdown and HTML all read the same Brief object.

They are the built-in renderers of the one registry (``newsprism.registry.RENDERERS``); a plugin
adds a format with the ``renderer`` decorator in a module named in the ``newsprism.renderers``
entry points.
"""

from __future__ import annotations

from newsprism.errors import NewsprismError
from newsprism.model import Brief
from newsprism.registry import RENDERERS
from newsprism.render.html import render_html
from newsprism.render.json import render_json
from newsprism.render.markdown import render_markdown

RENDERERS.add("json", render_json)
RENDERERS.add("md", render_markdown)
RENDERERS.add("html", render_html)


def render(brief: Brief, fmt: str) -> str:
    if fmt not in RENDERERS:
        raise NewsprismError(
            "option-invalid", detail=f"unknown format '{fmt}' (use {', '.join(RENDERERS)})"
        )
    return RENDERERS.get(fmt)(brief)
