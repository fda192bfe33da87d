"""Markdown rendering of a Brief: one function per section, all reading the shared BriefView.

Citations are links to anchors in the article appendix, where every sentence of every article is
listed. All input text is escaped so it can never become Markdown links, emphasis or raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsprism.model import Brief, LoadedTerm, OutletFraming
from newsprism.render.formats import shown_terms, signed
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
        kind = {"claim": "claims", "date": "dates", "quote": "quote wording"}.get(d.kind, "figures")
        timing = ", possibly an update over time" if d.timing else ""
        lines.append(f"- **{md(d.what)}** ({kind}{timing}, confidence {d.confidence:.2f})")
        lines += [f"  - {md(v.value)} {_cites(view, v.citations)}" for v in d.values]
        if d.note:
            lines.append(f"  - *{md(d.note)}*")
        if d.basis:
            lines.append(f"  - Confidence: {md(d.basis)}")
    return lines


def _quotes(view: BriefView) -> list[str]:
    lines = [_heading("quotes"), ""]
    for q in view.brief.quotes:
        speaker = f" — {md(q.speaker)}" if q.speaker else ""
        variants = f" *({len(q.variants)} versions)*" if len(q.variants) > 1 else ""
        lines.append(f"- “{md(q.text)}”{speaker} {_cites(view, q.citations)}{variants}")
        if len(q.variants) > 1:  # expandable where the Markdown viewer supports <details>
            lines.append("  <details><summary>How each outlet quotes it</summary>\n")
            for v in q.variants:
                said = f" ({md(v.speaker)})" if v.speaker else ""
                lines.append(f"  - **{md(view.outlet_of(v.article_id))}**{said}: “{md(v.text)}”")
            lines.append("\n  </details>")
    return lines


def _entities(view: BriefView) -> list[str]:
    lines = [
        _heading("entities"),
        "",
        "| Name | Kind | Roles given | Mentions | First mentions |",
        "|---|---|---|---|---|",
    ]
    for row in view.key_players:
        aka = f" (also: {', '.join(md(a) for a in row.aliases[:4])})" if row.aliases else ""
        roles = "; ".join(md(r) for r in row.roles) or "—"
        lines.append(
            f'| <a id="{row.anchor}"></a>**{md(row.name)}**{aka} | {row.kind} | {roles} '
            f"| {row.mentions} in {row.outlets} outlet{'s' * (row.outlets != 1)} "
            f"| {cite(row.groups)} |"
        )
    if view.players_left_out:
        lines += ["", f"*{view.players_left_out} less prominent names are in the JSON brief.*"]
    return lines


def _timeline(view: BriefView) -> list[str]:
    lines = [_heading("timeline"), ""]
    for item in view.timeline:
        stated = f" (“{md(item.stated)}”)" if item.stated else ""
        upcoming = " *(upcoming)*" if item.upcoming else ""
        note = f" *{md(item.note)}*" if item.note else ""
        lines.append(
            f"- **{md(item.when)}**{stated}{upcoming}: {md(item.text)} {cite(item.groups)}{note}"
        )
    return lines


def _unique(view: BriefView) -> list[str]:
    lines = [_heading("unique"), ""]
    for item in view.brief.unique:
        topic = f" · *{md(item.topic)}*" if item.topic else ""
        lines.append(
            f"- **{md(item.outlet)}**{topic}: {md(item.text)} {_cites(view, item.citations)}"
        )
    return lines


def _framing(view: BriefView) -> list[str]:
    framing = view.brief.framing
    if framing is None:
        return []
    lines = [_heading("framing"), "", f"*{md(framing.method)}*"]
    lines += ["", "| Outlet | Stance | Tone of its own words | Quotation | Attribution | Opinion |",
              "|---|---|---:|---:|---:|---:|"]  # fmt: skip
    for o in framing.outlets:
        t = o.tone
        lines.append(
            f"| {md(o.outlet)} | {md(o.stance or 'unknown')} | {signed(t.overall)} | "
            f"{t.quotation_share:.0%} | {t.attribution_share:.0%} | {t.opinion_share:.0%} |"
        )
    if framing.outlets:
        lines += ["", f"Tone scale: {md(framing.outlets[0].tone.scale)}."]
    for o in framing.outlets:
        lines += ["", f"**{md(o.outlet)}**", "", *_outlet_framing(view, o)]
    lines += _contrasts(view) + _coverage(view)
    return lines


def _terms(view: BriefView, terms: list[LoadedTerm]) -> str:
    return "; ".join(
        f"**{md(t.text)}**" + (f" *{md(t.category)}*" if t.category else "")
        + f" {_cites(view, [t.sentence_id])}"
        for t in terms
    )  # fmt: skip


def _outlet_framing(view: BriefView, o: OutletFraming) -> list[str]:
    lines = []
    if o.headline:
        lines.append(f"- Headline: “{md(o.headline)}”")
    if o.lead_sentence_id:
        lead = view.sentence_text(o.lead_sentence_id)
        lines.append(f"- Leads with: “{md(lead)}” {_cites(view, [o.lead_sentence_id])}")
    own, quoted = shown_terms(o, quoted=False), shown_terms(o, quoted=True)
    lines.append(f"- Loaded terms in its own voice: {_terms(view, own) if own else 'none found'}")
    if quoted:
        lines.append(f"- In quotations (the speakers' words): {_terms(view, quoted)}")
    for label in o.labels:
        lines.append(
            f"- Calls {md(label.entity)}: “{md(label.text)}” ({md(label.kind)}) "
            f"{_cites(view, [label.sentence_id])}"
        )
    toward = ", ".join(f"{md(e)} {signed(v)}" for e, v in o.tone.toward.items())
    if toward:
        lines.append(f"- Tone where it names: {toward}")
    if o.omits:
        left_out = "; ".join(md(view.omission_text(ref)) for ref in o.omits)
        lines.append(f"- Leaves out: {left_out}")
    return lines


def _contrasts(view: BriefView) -> list[str]:
    framing = view.brief.framing
    if framing is None or not framing.contrasts:
        return []
    lines = ["", "**Same fact, different words**", ""]
    for c in framing.contrasts:
        variants = " / ".join(
            f"“{md(v.text)}” — {', '.join(md(o) for o in v.outlets)} {_cites(view, v.citations)}"
            for v in c.variants
        )
        lines.append(f"- {md(c.concept)}: {variants}")
    return lines


def _coverage(view: BriefView) -> list[str]:
    framing = view.brief.framing
    if framing is None:
        return []
    cov = framing.coverage
    lines = ["", "**Coverage by stance**", ""]
    if not cov.by_stance:
        return [*lines, "No outlet's stance is known (add `stance` metadata or `--ratings FILE`)."]
    counts = ", ".join(f"{md(s)} {n}" for s, n in cov.by_stance.items())
    unrated = f"; unrated: {', '.join(md(o) for o in cov.unrated)}" if cov.unrated else ""
    lines.append(f"- Outlets by stance: {counts}{unrated}")
    if cov.note:
        lines.append(f"- **Blindspot:** {md(cov.note)}")
    for fact in cov.facts:
        sides = "; ".join(
            f"{md(s)}: {', '.join(md(o) for o in outs)}" for s, outs in fact.sides.items()
        )
        missing = (
            f" — *not reported by the {', '.join(md(m) for m in fact.missing)}*"
            if fact.missing
            else ""
        )
        lines.append(f"- {md(fact.text)} — {sides}{missing}")
    for side in cov.sides:
        lines += [
            "",
            f"**How the {md(side.stance)} tells it** ({', '.join(md(o) for o in side.outlets)})",
        ]
        lines += [
            f"- “{md(view.sentence_text(sid))}” {_cites(view, [sid])}"
            for sid in side.lead_sentence_ids
        ]
        if side.loaded_terms:
            lines.append(f"- Loaded terms: {_terms(view, side.loaded_terms)}")
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
    "entities": _entities,
    "timeline": _timeline,
    "unique": _unique,
    "framing": _framing,
    "notices": _notices,
    "articles": _articles,
    "provenance": _provenance,
}


def render_markdown(brief: Brief) -> str:
    view = BriefView(brief)
    blocks = [_header(view)] + [SECTIONS[name](view) for name in view.sections]
    return "\n\n".join("\n".join(block).rstrip() for block in blocks) + "\n"
