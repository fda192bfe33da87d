"""HTML rendering (owned by the render work; first version)."""

from __future__ import annotations

from html import escape

from newsprism.model import Brief


def render_html(brief: Brief) -> str:
    items = "".join(f"<li>{escape(s.text)}</li>" for s in brief.summary)
    return f"<!doctype html><meta charset=utf-8><title>{escape(brief.title or 'Brief')}</title><ul>{items}</ul>"
