"""Markdown rendering of a Brief: one function per section, all reading the shared BriefView.

Citations are links to anchors in the article appendix, where every sentence of every article is
listed. All input text is escaped so it can never become Markdown links, emphasis or raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsprism.model import Brief
from newsprism.render.view import (
    SECTION_TITLES,
    ArticleView,
    BriefView,
    CitationGroup,
    ParagraphView,
    notice_source,
    one_line,
    problem_text,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_BLOCK_START = re.compile(r"^(\d+)([.)])(\s)|^([-+])(\s)")


def md(text: str) -> str:
    """Input text made inert: one line, Markdown and HTML punctuation backslash-escaped."""
    escaped = _SPECIAL.sub(r"\\\1", one_line(text))
    # A leading "- ", "+ " or "1. " would start a list inside the list item that shows the text.
    return _BLOCK_START.sub(
        lambda m: f"{m[1]}\\{m[2]}{m[3]}" if m[1] else f"\\{m[4]}{m[5]}", escaped
    )


def _heading(section: str) -> str:
    return f"## {SECTION_TITLES[section]}"


def cite(groups: list[CitationGroup]) -> str:
    """'([Outlet ¶1](#s-..), [¶4](#s-..); [Other ¶2](#s-..))': outlet named once per group."""
    parts = []
    for group in groups:
        links = [
            f"[{md(group.label) + ' ' if i == 0 else ''}{link.locator}](#{link.anchor})"
            for i, link in enumerate(group.links)
        ]
        parts.append(", ".join(links))
    return f"({'; '.join(parts)})" if parts else ""


def _header(view: BriefView) -> list[str]:
    lines = [f"# {md(view.title)}", "", f"*{md(view.story_line)}.*"]
    if view.outlets:
        lines += ["", "Outlets: " + ", ".join(md(o) for o in view.outlets)]
    return lines


def _problems(view: BriefView) -> list[str]:
    return [f"> **Warning:** {md(problem_text(run))}" for run in view.problems]


def _summary(view: BriefView) -> list[str]:
    lines = [_heading("summary"), ""]
    for item in view.summary:
        note = " *(restored from a transcript without punctuation)*" if item.repaired else ""
        missing = f" *({item.unresolved} citation(s) not found)*" if item.unresolved else ""
        disputed = f" *({md(item.note)})*" if item.note else ""
        lines.append(f"- {md(item.text)} {cite(item.groups)}{note}{missing}{disputed}".rstrip())
    return lines


def _cites(view: BriefView, ids: list[str], first: str | None = None) -> str:
    return cite(view.citations(ids, first=first)[0])


def _agreed(view: BriefView) -> list[str]:
    lines = [_heading("agreed"), ""]
    for fact in view.brief.agreed:
        omitted = f" *Not reported by: {', '.join(md(o) for o in fact.omitted_by)}.*"
        lines.append(
            f"- {md(fact.text)} — {fact.support} outlets "
            f"{_cites(view, fact.citations, fact.source or None)}"
            + (omitted if fact.omitted_by else "")
        )
    return lines


def _discrepancies(view: BriefView) -> list[str]:
    lines = [_heading("discrepancies"), ""]
    for d in view.brief.discrepancies:
        kind = "claims" if d.kind == "claim" else "figures"
        lines.append(f"- **{md(d.what)}** ({kind}, confidence {d.confidence:.2f})")
        lines += [f"  - {md(v.value)} {_cites(view, v.citations)}" for v in d.values]
        if d.note:
            lines.append(f"  - *{md(d.note)}*")
    return lines


def _quotes(view: BriefView) -> list[str]:
    lines = [_heading("quotes"), ""]
    for q in view.brief.quotes:
        speaker = f" — {md(q.speaker)}" if q.speaker else ""
        variants = f" *({len(q.variants)} versions)*" if len(q.variants) > 1 else ""
        lines.append(f"- “{md(q.text)}”{speaker} {_cites(view, q.citations)}{variants}")
    return lines


def _unique(view: BriefView) -> list[str]:
    lines = [_heading("unique"), ""]
    for item in view.brief.unique:
        lines.append(f"- **{md(item.outlet)}:** {md(item.text)} {_cites(view, item.citations)}")
    return lines


def _notices(view: BriefView) -> list[str]:
    lines = [_heading("notices"), ""]
    for n in view.notices:
        source = notice_source(n)
        where = f" ({md(source)})" if source else ""
        lines.append(f"- **{md(n.code)}**: {md(n.message)}{where}")
    return lines


def _articles(view: BriefView) -> list[str]:
    lines = [_heading("articles"), ""]
    for art in view.articles:
        lines += _article(art)
    return lines


def _article(art: ArticleView) -> list[str]:
    heading = md(art.label) + (f": {md(art.article.title)}" if art.article.title else "")
    meta = [md(m) for m in art.meta]
    if art.url:
        meta.append(f"<{art.url}>")
    meta.append(f"source: {md(art.source_name)}")
    lines = [f'<a id="{art.anchor}"></a>', "", f"### {art.number}. {heading}", "", " · ".join(meta)]
    if art.duplicate_of:
        lines += ["", f"*A copy of {md(art.duplicate_of)}.*"]
    if art.article.degraded:
        lines += [
            "",
            "*Arrived without punctuation or capitals; sentence breaks and case restored.*",
        ]
    for para in art.paragraphs:
        lines += ["", _paragraph(para, art.by_paragraph)]
    return [*lines, ""]


def _paragraph(para: ParagraphView, by_paragraph: bool) -> str:
    if by_paragraph:
        body = " ".join(f'<a id="{s.anchor}"></a>{md(s.text)}' for s in para.sentences)
        return f"**¶{para.number}** {body}"
    # One block of text: cited by sentence number, so list the sentences one per line.
    return "\n".join(
        f'<a id="{s.anchor}"></a>**s.{s.number}** {md(s.text)}  ' for s in para.sentences
    )


def _provenance(view: BriefView) -> list[str]:
    lines = [
        _heading("provenance"),
        "",
        "| Stage | Version | Status | Seconds |",
        "|---|---|---|---|",
    ]
    for run in view.brief.stages:
        status = run.status if run.status == "ok" else f"{run.status}: {md(run.error or '')}"
        lines.append(f"| {md(run.name)} | {md(run.version)} | {status} | {run.seconds:.2f} |")
    versions = " · ".join(f"{name} {md(version)}" for name, version in view.versions)
    lines += [
        "",
        f"{versions} · story {md(view.brief.story_id)} · {view.total_seconds:.2f} s in all",
    ]
    if view.settings:
        lines += ["", f"Settings: {md(view.settings)}"]
    return lines


SECTIONS: dict[str, Callable[[BriefView], list[str]]] = {
    "problems": _problems,
    "summary": _summary,
    "agreed": _agreed,
    "discrepancies": _discrepancies,
    "quotes": _quotes,
    "unique": _unique,
    "notices": _notices,
    "articles": _articles,
    "provenance": _provenance,
}


def render_markdown(brief: Brief) -> str:
    view = BriefView(brief)
    blocks = [_header(view)] + [SECTIONS[name](view) for name in view.sections]
    return "\n\n".join("\n".join(block).rstrip() for block in blocks) + "\n"
