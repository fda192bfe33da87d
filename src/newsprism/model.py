"""The one data model. JSON, Markdown and HTML are renderings of these objects, never separate logic."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date as Date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from newsprism.errors import NewsprismError

SCHEMA_VERSION = "1"


def content_hash(*parts: str, length: int = 12) -> str:
    """Stable short hash: ids must not change between runs on the same input."""
    # Runs of whitespace (str.isspace) count as one space, so re-wrapped text keeps its id.
    digest = hashlib.sha1("\x1f".join(map(single_spaced, parts)).encode("utf-8"))
    return digest.hexdigest()[:length]


# ASCII bytes other than the whitespace that str.split() knows beyond space, tab and newline.
_NOT_RARE_SPACE = bytes(b for b in range(128) if not chr(b).isspace() or chr(b) in " \t\n")


def single_spaced(text: str) -> str:
    """`" ".join(text.split())`; for ASCII text whose only whitespace is spaces, tabs and
    newlines, by replacing runs (3x faster on a long article: no list of words)."""
    if not text.isascii() or text.encode("ascii").translate(None, _NOT_RARE_SPACE):
        return " ".join(text.split())
    text = text.replace("\n", " ").replace("\t", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def story_id(article_ids: Iterable[str]) -> str:
    """A story's id: a hash of its articles' ids, so the same members give the same story."""
    return "st" + content_hash(*sorted(article_ids), length=10)


def _source_name(source: str) -> str:
    """'dir/004_x.txt' -> '004_x'; 'feed.jsonl:3' -> 'feed.jsonl:3' (the record matters there)."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return stem if dot and ext.isalnum() and stem else name


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Sentence(_Model):
    """One sentence of one article; its id is what every brief item cites."""

    id: str
    index: int = Field(description="Position of the sentence in its article, from 0.")
    text: str
    paragraph: int = Field(0, description="Paragraph number in the article, from 0.")
    repaired: bool = Field(
        False, description="Boundaries and case were restored from degraded text."
    )
    cut_off: bool = Field(
        False,
        description="The article's text ends inside this sentence, at an ellipsis: the source "
        "cut it short (a feed snippet), so it is not a whole statement.",
    )


class Article(_Model):
    id: str = Field(description="Hash of outlet, title and text: the same input gives the same id.")
    text: str
    title: str | None = None
    outlet: str | None = None
    stance: str | None = Field(
        None,
        description="The outlet's leaning when known: left, lean left, center, lean right or right.",
    )
    author: str | None = None
    url: str | None = None
    date: Date | None = None
    source: str = Field(
        "", description="Where the article was read from: a path, 'stdin' or a URL."
    )
    sentences: list[Sentence] = Field(default_factory=list)
    degraded: bool = Field(False, description="Text arrived without sentence punctuation or case.")
    duplicate_of: str | None = Field(None, description="Canonical article id when this is a copy.")

    @classmethod
    def create(cls, text: str, **fields: object) -> Article:
        """Build an article whose id derives from its content."""
        title = str(fields.get("title") or "")
        outlet = str(fields.get("outlet") or "")
        return cls(id="a" + content_hash(outlet, title, text, length=11), text=text, **fields)

    @property
    def label(self) -> str:
        """What a reader calls this article: its outlet, else its file name, else its title, else
        its place in standard input ('stdin #2'); a content hash only when nothing else exists."""
        if self.outlet:
            return self.outlet
        if self.source and not self.source.startswith("stdin"):
            return _source_name(self.source)
        if self.title:
            return self.title
        if self.source.startswith("stdin#"):
            return (
                f"stdin #{int(self.source[6:]) + 1}" if self.source[6:].isdigit() else self.source
            )
        return self.source or self.id


class Story(_Model):
    """Articles about one event; the unit a brief is written for."""

    id: str
    title: str | None = None
    articles: list[Article]
    thread: str | None = Field(
        None,
        description="Id of the first story of the topic this one continues (set by clustering).",
    )

    @classmethod
    def from_articles(cls, articles: list[Article], title: str | None = None) -> Story:
        return cls(id=story_id(a.id for a in articles), title=title, articles=articles)


class SummarySentence(_Model):
    text: str
    citations: list[str] = Field(
        description="Ids of every article sentence that says the same thing."
    )
    outlets: list[str] = Field(
        default_factory=list, description="Distinct outlets among citations."
    )
    source: str = Field(description="Id of the sentence whose text is shown.")
    note: str | None = Field(
        None, description="When the sentence states one side of a discrepancy: every side."
    )


class AgreedFact(_Model):
    """A claim several independent outlets report, with every sentence that reports it."""

    text: str
    outlets: list[str] = Field(
        description="Distinct outlets (syndicated copies count once) reporting it."
    )
    citations: list[str] = Field(description="Ids of every supporting sentence.")
    support: int = Field(0, description="Number of independent sources that report it.")
    omitted_by: list[str] = Field(
        default_factory=list, description="Outlets that do not report it."
    )
    source: str = Field("", description="Id of the sentence whose wording is shown.")


class DiscrepancyValue(_Model):
    """One side of a discrepancy: the value as stated and every sentence stating it."""

    value: str
    citations: list[str]
    outlets: list[str] = Field(default_factory=list)
    dates: list[str] = Field(
        default_factory=list, description="Publication dates of those outlets."
    )


class Discrepancy(_Model):
    """Figures or claims on which outlets differ, each side cited."""

    what: str
    kind: Literal["figure", "claim", "date", "quote"] = "figure"
    values: list[DiscrepancyValue]
    confidence: float = Field(
        0.0,
        description="0-1: how sure it is that the values describe the same thing "
        "(same subject, same measure) and exclude each other.",
    )
    note: str | None = None
    importance: float = Field(
        0.0,
        description="0-1: share of the story's independent outlets on either side; the list is "
        "ranked by confidence x importance.",
    )
    basis: str = Field("", description="What the confidence rests on, in words.")
    timing: bool = Field(
        False,
        description="The values may be revisions over time (later articles, 'so far', "
        "'rose to' cues) rather than a contradiction.",
    )


class QuoteVariant(_Model):
    """How one article renders a quotation."""

    article_id: str
    text: str
    citations: list[str]
    speaker: str | None = None


class Quote(_Model):
    """A quotation merged across outlets, with its speaker and every variant."""

    text: str
    speaker: str | None = None
    citations: list[str]
    outlets: list[str] = Field(default_factory=list)
    variants: list[QuoteVariant] = Field(default_factory=list)


class UniqueItem(_Model):
    """Content that only one outlet (or its syndicated copies) reports."""

    article_id: str
    text: str = ""
    citations: list[str]
    outlet: str = ""
    score: float = Field(0.0, description="How informative the passage is; items are ranked by it.")
    topic: str | None = Field(
        None,
        description="A word the outlet's related items share, grouping them when it has many.",
    )


class LoadedTerm(_Model):
    """An evaluative or emotive word or phrase, cited to its sentence."""

    text: str
    sentence_id: str
    start: int = Field(0, description="Character offset of the term in its sentence.")
    end: int = Field(0, description="End offset of the term in its sentence.")
    quoted: bool = Field(description="Inside a quotation: the speaker's words, not the outlet's.")
    score: float = Field(description="Loadedness x distinctiveness for this outlet, 0-1.")
    load: float = Field(0.0, description="How loaded the word is in general lexicons, 0-1.")
    polarity: float = Field(0.0, description="-1 (negative) .. +1 (positive).")
    category: str | None = Field(
        None,
        description="labelling, intensifier, emotive verb, scare quotes or speculation.",
    )


class EntityLabel(_Model):
    """How one outlet names or describes an entity: an apposition, title or epithet."""

    entity: str
    text: str
    sentence_id: str
    kind: str = Field("modifier", description="apposition, modifier (before the name) or title.")


class OutletTone(_Model):
    overall: float = Field(description="Mean tone of the outlet's own (non-quoted) sentences.")
    scale: str
    toward: dict[str, float] = Field(default_factory=dict)
    quotation_share: float = Field(0.0, description="Share of characters inside quotations.")
    attribution_share: float = Field(0.0, description="Share of sentences attributing a claim.")
    opinion_share: float = Field(
        0.0, description="Share of sentences with a loaded term in the outlet's own voice."
    )


class OutletFraming(_Model):
    article_ids: list[str]
    outlet: str
    stance: str | None = None
    headline: str | None = None
    loaded_terms: list[LoadedTerm] = Field(default_factory=list)
    labels: list[EntityLabel] = Field(default_factory=list)
    tone: OutletTone
    lead_sentence_id: str | None = None
    omits: list[str] = Field(
        default_factory=list,
        description="Agreed facts ('agreed:N') and disputed figures ('discrepancies:N') left out.",
    )


class ContrastVariant(_Model):
    text: str
    outlets: list[str]
    citations: list[str]


class Contrast(_Model):
    """One fact told with different words: each outlet's wording, cited."""

    concept: str
    variants: list[ContrastVariant]


class FactSides(_Model):
    """Which stances report an agreed fact or a disputed value."""

    ref: str
    text: str
    sides: dict[str, list[str]] = Field(description="Stance -> outlets that report it.")
    missing: list[str] = Field(default_factory=list, description="Stances present in the story "
                               "whose outlets all leave it out.")  # fmt: skip


class SideTelling(_Model):
    """How one side tells the story: its lead sentences and loaded terms, extractive and cited."""

    stance: str
    outlets: list[str]
    lead_sentence_ids: list[str] = Field(default_factory=list)
    loaded_terms: list[LoadedTerm] = Field(default_factory=list)


class Coverage(_Model):
    by_stance: dict[str, int] = Field(default_factory=dict)
    unrated: list[str] = Field(default_factory=list, description="Outlets with no known stance.")
    blindspot: str | None = Field(
        None, description="The side that alone covers the story, when one does."
    )
    note: str | None = None
    facts: list[FactSides] = Field(default_factory=list)
    sides: list[SideTelling] = Field(default_factory=list)


class Framing(_Model):
    """How each outlet tells the story, at the level of words and sentences."""

    outlets: list[OutletFraming] = Field(default_factory=list)
    entities: list[str] = Field(default_factory=list, description="The story's main entities.")
    contrasts: list[Contrast] = Field(default_factory=list)
    coverage: Coverage = Field(default_factory=Coverage)
    method: str = ""


class EntityRole(_Model):
    """A role or title the articles give an entity ("attorney general"), with who gives it."""

    text: str
    outlets: list[str] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)


class Entity(_Model):
    """A person, organisation, place or law, merged across outlets and mentions."""

    id: str
    name: str = Field(description="The fullest unambiguous form the articles use.")
    type: str = Field(description="PERSON, ORG, GPE, LOC, FAC, LAW or EVENT (spaCy's labels).")
    aliases: list[str] = Field(default_factory=list, description="Other forms that refer to it.")
    roles: list[EntityRole] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list, description="Outlets that mention it.")
    mentions: int = Field(0, description="Mentions across all articles.")
    first_mention: float = Field(
        1.0, description="Earliest relative position of a mention in an article (0 = the lead)."
    )
    citations: list[str] = Field(default_factory=list, description="Sentences that mention it.")
    score: float = Field(0.0, description="Importance across outlets; the list is ranked by it.")


class TimelineEvent(_Model):
    """Something that happened (or is scheduled) at a stated time, merged across outlets."""

    date: Date | None = Field(
        None, description="The resolved day (first day of a week/month/year)."
    )
    date_text: str = Field(description="The time as the articles state it.")
    precision: Literal["day", "week", "month", "year", "relative"] = "day"
    resolved: bool = False
    basis: str | None = Field(
        None, description="What a relative time was resolved against: article, story or text."
    )
    upcoming: bool = Field(False, description="Scheduled after the article was written.")
    text: str
    outlets: list[str] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list)
    note: str | None = Field(None, description="E.g. outlets that give this event another date.")


class StageRun(_Model):
    """Provenance: which stage, which version, how long, and whether it worked."""

    name: str
    version: str
    seconds: float
    status: Literal["ok", "failed", "skipped"] = "ok"
    error: str | None = None


class Notice(_Model):
    """A problem that did not stop the brief, e.g. one unreadable input among many."""

    code: str
    message: str
    source: str | None = None


class BriefConfig(_Model):
    """How a brief was made. Validated when built, so a bad value fails before any work is done."""

    words: int = Field(250, ge=1, le=100_000, description="Summary length budget in words.")
    strict: bool = Field(False, description="Unreadable inputs and failing stages are errors.")
    semantic: bool = Field(False, description="Claims aligned by meaning (embeddings) as well.")
    options: dict[str, Any] = Field(
        default_factory=dict, description="Per-stage options, e.g. {'summary': {...}}."
    )

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            detail = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'config'}: {e['msg']}"
                for e in exc.errors()
            )
            raise NewsprismError("config-invalid", detail=detail) from None


class _IndexCache:
    """A brief's sentence index, kept between calls; never part of what makes two briefs equal."""

    def __init__(self) -> None:
        self.key: tuple[int, ...] = ()
        self.index: dict[str, tuple[Article, Sentence]] = {}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _IndexCache)

    __hash__ = None  # type: ignore[assignment]


class Brief(_Model):
    schema_version: str = SCHEMA_VERSION
    story_id: str
    title: str | None = None
    articles: list[Article]
    summary: list[SummarySentence] = Field(default_factory=list)
    agreed: list[AgreedFact] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    unique: list[UniqueItem] = Field(default_factory=list)
    framing: Framing | None = Field(None, description="How each outlet tells the story.")
    entities: list[Entity] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    stages: list[StageRun] = Field(default_factory=list)
    config: BriefConfig | None = Field(None, description="The configuration the brief ran with.")
    notices: list[Notice] = Field(default_factory=list)

    _index: _IndexCache = PrivateAttr(default_factory=lambda: _IndexCache())

    def sentence_index(self) -> dict[str, tuple[Article, Sentence]]:
        """Citation id -> (article, sentence), for renderers and checks. Read-only: it is built once
        per set of sentences, because stages ask for it per item and rebuilding it every time made
        big stories quadratic; a change of articles or of their sentence lists rebuilds it."""
        key = (id(self.articles), *(id(a.sentences) for a in self.articles))
        key += (sum(len(a.sentences) for a in self.articles),)
        if self._index.key != key:
            self._index.key = key
            self._index.index = {s.id: (a, s) for a in self.articles for s in a.sentences}
        return self._index.index

    def outlets_of(
        self, citations: list[str], index: dict[str, tuple[Article, Sentence]] | None = None
    ) -> list[str]:
        """Outlet labels of the cited sentences, in citation order, each once. A caller asking per
        item passes ``index`` (this brief's ``sentence_index()``, fetched once): checking that the
        index is current costs a pass over the articles."""
        index = self.sentence_index() if index is None else index
        seen: dict[str, None] = {}
        for cid in citations:
            if cid in index:
                seen.setdefault(index[cid][0].label, None)
        return list(seen)
