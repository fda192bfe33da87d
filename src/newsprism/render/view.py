"""View logic shared by the Markdown and HTML renderings, so both show exactly the same brief.

Everything a reader sees that is derived rather than copied from the Brief lives here: citation
labels ("Outlet ¶3"), anchors, article order and numbering, outlet colours, the story line, which
sections have content, and which stages failed. Renderers only lay these out.

To add a brief section: add its name to ``SECTIONS`` and to ``_HAS`` (when it has content), then
one Markdown function (render/markdown.py) and one template partial (templates/_<name>.html.j2).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date as Date
from urllib.parse import urlsplit

from newsprism import __version__
from newsprism.model import (
    AgreedFact,
    Article,
    Brief,
    Discrepancy,
    Entity,
    Notice,
    StageRun,
    TimelineEvent,
    content_hash,
)
from newsprism.render.formats import (
    ENTITY_KINDS,
    format_event_date,
    one_line,
)

# Render order. The header (title and story line) is always shown and is not a section.
SECTIONS: tuple[str, ...] = (
    "problems", "summary", "agreed", "discrepancies", "quotes", "entities", "timeline", "unique",
    "framing", "notices", "articles", "provenance",
)  # fmt: skip
SECTION_TITLES: dict[str, str] = {
    "problems": "Missing from this brief",
    "summary": "Summary",
    "agreed": "What the outlets agree on",
    "discrepancies": "Where they differ",
    "quotes": "Quotations",
    "entities": "Key players",
    "timeline": "Timeline",
    "unique": "Only in one outlet",
    "framing": "How each outlet tells it",
    "notices": "Notices",
    "articles": "Articles",
    "provenance": "Provenance",
}

KEY_PLAYERS_SHOWN = 15  # the rest stay in the JSON; the table says how many are left out
ROLES_SHOWN = 3

# Colour slots for outlet chips; the HTML stylesheet defines .o0 ... .o7.
OUTLET_SLOTS = 8

_SAFE_ID = re.compile(r"[A-Za-z0-9]+(?:\.[0-9]+)?")
_WEB_URL = re.compile(r"https?://[^\s\"'<>`\\]+", re.IGNORECASE)


def anchor(kind: str, raw_id: str) -> str:
    """A fragment id safe in HTML attributes, CSS and Markdown, derived one-to-one from ``raw_id``.

    Ids come from input (a Brief may be loaded from JSON), so unusual ones are hashed, never echoed.
    """
    if _SAFE_ID.fullmatch(raw_id):
        return f"{kind}-{raw_id.replace('.', '-')}"
    return f"{kind}x-{content_hash(raw_id, length=16)}"


def web_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) address a link may point to, else None."""
    if not url or not _WEB_URL.fullmatch(url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@dataclass(frozen=True)
class SentenceView:
    id: str
    anchor: str
    number: int  # 1-based position in the article
    text: str
    repaired: bool


@dataclass(frozen=True)
class ParagraphView:
    number: int  # 1-based
    sentences: list[SentenceView]


@dataclass(frozen=True)
class ArticleView:
    number: int
    article: Article
    anchor: str
    slot: int
    url: str | None
    paragraphs: list[ParagraphView]
    duplicate_of: str | None  # label of the canonical article

    @property
    def label(self) -> str:
        return self.article.label

    @property
    def source_name(self) -> str:
        """The file name (or 'stdin', or 'feed.jsonl:3'), not the full path of the reader's machine."""
        return one_line(self.article.source.replace("\\", "/").rsplit("/", 1)[-1])

    @property
    def meta(self) -> list[str]:
        """Byline parts shown under the article heading, in reading order."""
        parts = [one_line(self.article.author or "")]
        if self.article.date:
            parts.append(format_span(self.article.date, self.article.date))
        return [p for p in parts if p]

    @property
    def by_paragraph(self) -> bool:
        """Cite by paragraph when the article has paragraphs; by sentence when it is one block."""
        return len(self.paragraphs) > 1


@dataclass(frozen=True)
class CitationLink:
    anchor: str
    locator: str  # "¶3", "¶3.2" when several sentences of ¶3 are cited together, or "s.7"
    sentence_id: str


@dataclass(frozen=True)
class CitationGroup:
    """The citations of one item that point into one article."""

    label: str
    slot: int
    links: list[CitationLink]


@dataclass(frozen=True)
class SummaryItem:
    text: str
    repaired: bool
    groups: list[CitationGroup]
    unresolved: int
    note: str | None = None  # the sides of a discrepancy the sentence states one of


@dataclass(frozen=True)
class EntityRow:
    """One key player: name, kind, roles with who gives them, and links to its first mentions."""

    anchor: str
    name: str
    kind: str
    aliases: list[str]
    roles: list[str]  # 'attorney general (Outlet A, Outlet B)'
    mentions: int
    outlets: int
    groups: list[CitationGroup]  # the first mention in each article


@dataclass(frozen=True)
class TimelineItem:
    when: str  # '16 February 2020' or the words the articles use
    stated: str  # the words, when they differ from ``when``
    upcoming: bool
    text: str
    note: str
    groups: list[CitationGroup]


@dataclass(frozen=True)
class _Located:
    article: ArticleView
    paragraph: ParagraphView
    sentence: SentenceView


@dataclass
class BriefView:
    """A Brief prepared for display."""

    brief: Brief
    articles: list[ArticleView] = field(init=False)
    _where: dict[str, _Located] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.articles = _article_views(self.brief)
        self._where = {
            s.id: _Located(a, p, s)
            for a in self.articles
            for p in a.paragraphs
            for s in p.sentences
        }

    @property
    def title(self) -> str:
        return one_line(self.brief.title or "") or "Story brief"

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(a.label for a in self.articles))

    def outlet_of(self, article_id: str) -> str:
        """The outlet label of an article, by id (quote variants name their article)."""
        return next((a.label for a in self.articles if a.article.id == article_id), article_id)

    @property
    def outlet_chips(self) -> list[ArticleView]:
        """The first article of each outlet: one chip per outlet, linking to its article."""
        first: dict[str, ArticleView] = {}
        for art in self.articles:
            first.setdefault(art.label, art)
        return list(first.values())

    @property
    def date_range(self) -> tuple[Date, Date] | None:
        dates = sorted(a.article.date for a in self.articles if a.article.date)
        return (dates[0], dates[-1]) if dates else None

    @property
    def story_line(self) -> str:
        """'5 articles from 5 outlets, 5–6 March 2025': what the brief covers, in one line."""
        n, m = len(self.articles), len(self.outlets)
        line = f"{n} article{'s' * (n != 1)} from {m} outlet{'s' * (m != 1)}"
        span = self.date_range
        return f"{line}, {format_span(*span)}" if span else line

    @property
    def summary(self) -> list[SummaryItem]:
        return [
            replace(self._summary_item(s.text, s.source, s.citations), note=s.note)
            for s in self.brief.summary
        ]

    @property
    def problems(self) -> list[StageRun]:
        """Stages that failed or were skipped: the reader must know what is missing."""
        return [s for s in self.brief.stages if s.status != "ok"]

    @property
    def notices(self) -> list[Notice]:
        return self.brief.notices

    @property
    def versions(self) -> list[tuple[str, str]]:
        return [("newsprism", __version__), ("brief schema", self.brief.schema_version)]

    @property
    def settings(self) -> str:
        """The configuration the brief ran with, in one line a reader can repeat."""
        config = self.brief.config
        if config is None:
            return ""
        parts = [
            f"{config.words} words",
            "semantic alignment" if config.semantic else "lexical alignment",
        ]
        if config.strict:
            parts.append("strict")
        parts += [f"{key}={value}" for key, value in sorted(config.options.items())]
        return ", ".join(parts)

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.brief.stages)

    @property
    def sections(self) -> list[str]:
        """The sections that have content, in render order; empty sections are never shown."""
        return [name for name in SECTIONS if _HAS[name](self)]

    def citations(
        self, ids: list[str], first: str | None = None
    ) -> tuple[list[CitationGroup], int]:
        """Citation ids grouped by article (``first``'s article leads), plus how many were unknown."""
        located = [self._where.get(cid) for cid in dict.fromkeys(ids)]
        found = [loc for loc in located if loc is not None]
        lead = self._where.get(first) if first else None
        order = {a.anchor: a.number for a in self.articles}
        if lead:
            order[lead.article.anchor] = 0
        groups: dict[str, list[_Located]] = {}
        for loc in sorted(found, key=lambda x: (order[x.article.anchor], x.sentence.number)):
            groups.setdefault(loc.article.anchor, []).append(loc)
        result = [_group(locs) for locs in groups.values()]
        return result, len(located) - len(found)

    def sentence_text(self, sentence_id: str | None) -> str:
        """The text of a cited sentence ('' when unknown), for leads shown in framing."""
        loc = self._where.get(sentence_id or "")
        return loc.sentence.text if loc else ""

    def omission_text(self, ref: str) -> str:
        """'agreed:3' or 'discrepancies:1' as the fact or figure it points to."""
        kind, _, rest = ref.partition(":")
        index = int(rest.split(":")[0]) if rest.split(":")[0].isdigit() else -1
        items: list[AgreedFact] | list[Discrepancy] = (
            self.brief.agreed if kind == "agreed" else self.brief.discrepancies
        )
        if not 0 <= index < len(items):
            return one_line(ref)
        item = items[index]
        return one_line(item.text if isinstance(item, AgreedFact) else item.what)

    @property
    def key_players(self) -> list[EntityRow]:
        return [self._entity_row(e) for e in self.brief.entities[:KEY_PLAYERS_SHOWN]]

    @property
    def players_left_out(self) -> int:
        return max(0, len(self.brief.entities) - KEY_PLAYERS_SHOWN)

    @property
    def timeline(self) -> list[TimelineItem]:
        return [self._timeline_item(e) for e in self.brief.timeline]

    def _entity_row(self, entity: Entity) -> EntityRow:
        firsts: dict[str, str] = {}
        for cid in entity.citations:
            loc = self._where.get(cid)
            if loc is not None:
                firsts.setdefault(loc.article.anchor, cid)
        roles = [
            f"{one_line(r.text)} ({', '.join(one_line(o) for o in r.outlets)})"
            for r in entity.roles[:ROLES_SHOWN]
        ]
        return EntityRow(
            anchor=anchor("ent", entity.id),
            name=one_line(entity.name),
            kind=ENTITY_KINDS.get(entity.type, entity.type.lower()),
            aliases=[one_line(a) for a in entity.aliases],
            roles=roles,
            mentions=entity.mentions,
            outlets=len(entity.outlets),
            groups=self.citations(list(firsts.values()))[0],
        )

    def _timeline_item(self, event: TimelineEvent) -> TimelineItem:
        when = format_event_date(event) or one_line(event.date_text)
        stated = one_line(event.date_text)
        return TimelineItem(
            when=when,
            stated=stated if stated.lower() != when.lower() else "",
            upcoming=event.upcoming,
            text=one_line(event.text),
            note=one_line(event.note or ""),
            groups=self.citations(event.citations)[0],
        )

    def _summary_item(self, text: str, source: str, citations: list[str]) -> SummaryItem:
        groups, unresolved = self.citations(citations or [source], first=source)
        loc = self._where.get(source)
        repaired = bool(loc and loc.sentence.repaired)
        return SummaryItem(one_line(text), repaired, groups, unresolved)


def notice_source(notice: Notice) -> str | None:
    """Where a notice comes from, unless its message already says so."""
    if notice.source and notice.source not in notice.message:
        return one_line(notice.source)
    return None


def problem_text(run: StageRun) -> str:
    """One plain sentence on a stage that did not run, for the top of the brief."""
    reason = one_line(run.error or "no reason recorded")
    if run.status == "failed":
        return f"The '{run.name}' stage failed, so its part of the brief is missing ({reason})."
    return f"The '{run.name}' stage was skipped, so its part of the brief is missing ({reason})."


def _group(locs: list[_Located]) -> CitationGroup:
    art = locs[0].article
    per_paragraph: dict[int, int] = {}
    for loc in locs:
        per_paragraph[loc.paragraph.number] = per_paragraph.get(loc.paragraph.number, 0) + 1
    links = [
        CitationLink(loc.sentence.anchor, _locator(loc, per_paragraph), loc.sentence.id)
        for loc in locs
    ]
    return CitationGroup(art.label, art.slot, links)


def _locator(loc: _Located, per_paragraph: dict[int, int]) -> str:
    if not loc.article.by_paragraph:
        return f"s.{loc.sentence.number}"
    para = loc.paragraph
    if per_paragraph[para.number] == 1:
        return f"¶{para.number}"
    within = next(i for i, s in enumerate(para.sentences, 1) if s.anchor == loc.sentence.anchor)
    return f"¶{para.number}.{within}"


def _article_views(brief: Brief) -> list[ArticleView]:
    """Articles in brief order, numbered from 1; copies follow the article they copy."""
    canonical = [a for a in brief.articles if not a.duplicate_of]
    copies = [a for a in brief.articles if a.duplicate_of]
    labels = {a.id: a.label for a in brief.articles}
    slots: dict[str, int] = {}
    views = []
    for number, article in enumerate(canonical + copies, 1):
        slot = slots.setdefault(article.label, len(slots) % OUTLET_SLOTS)
        dup = labels.get(article.duplicate_of or "", article.duplicate_of)
        views.append(
            ArticleView(
                number=number,
                article=article,
                anchor=anchor("art", article.id),
                slot=slot,
                url=web_url(article.url),
                paragraphs=_paragraphs(article),
                duplicate_of=dup,
            )
        )
    return views


def _paragraphs(article: Article) -> list[ParagraphView]:
    grouped: dict[int, list[SentenceView]] = {}
    for number, s in enumerate(article.sentences, 1):
        view = SentenceView(s.id, anchor("s", s.id), number, one_line(s.text), s.repaired)
        grouped.setdefault(s.paragraph, []).append(view)
    return [ParagraphView(i, sents) for i, (_, sents) in enumerate(sorted(grouped.items()), 1)]


def format_span(first: Date, last: Date) -> str:
    """'5 March 2025', '5–6 March 2025', '28 February – 6 March 2025' or across years."""
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"


_HAS: dict[str, Callable[[BriefView], bool]] = {
    "problems": lambda v: bool(v.problems),
    "summary": lambda v: bool(v.brief.summary),
    "agreed": lambda v: bool(v.brief.agreed),
    "discrepancies": lambda v: bool(v.brief.discrepancies),
    "quotes": lambda v: bool(v.brief.quotes),
    "entities": lambda v: bool(v.brief.entities),
    "timeline": lambda v: bool(v.brief.timeline),
    "unique": lambda v: bool(v.brief.unique),
    "framing": lambda v: v.brief.framing is not None and bool(v.brief.framing.outlets),
    "notices": lambda v: bool(v.notices),
    "articles": lambda v: bool(v.articles),
    "provenance": lambda v: bool(v.brief.stages),
}
