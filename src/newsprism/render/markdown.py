"""Markdown rendering (owned by the render work; first version)."""

from __future__ import annotations

from newsprism.model import Brief


def render_markdown(brief: Brief) -> str:
    index = brief.sentence_index()
    lines = [f"# {brief.title or 'Story brief'}", "", "## Summary", ""]
    for s in brief.summary:
        refs = ", ".join(f"{index[c][0].label}:{index[c][1].index}" for c in s.citations if c in index)
        lines.append(f"- {s.text} [{refs}]")
    return "\n".join(lines) + "\n"
