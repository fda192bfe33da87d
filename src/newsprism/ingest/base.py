"""Reader registry, read limits, and `make_article`, which every reader ends in.

A reader is `fn(data: bytes, source: str) -> Iterable[Article | NewsprismError]`, registered for
file extensions with `@reader(".ext")`; an error it yields is a notice about one record, and the
rest of the file still loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsprism.clean import clean_text
from newsprism.errors import NewsprismError
from newsprism.ingest.encoding import decode
from newsprism.ingest.fields import coerce_meta, parse_date
from newsprism.ingest.outlets import name_from_url, outlet_cue
from newsprism.model import Article
from newsprism.registry import READERS

__all__ = [
    "READERS",
    "Limits",
    "ReaderFn",
    "StoryTitle",
    "decode",
    "make_article",
    "parse_date",
    "read_limits",
    "reader",
]

# A reader yields articles, or errors for single bad records so the rest of the file still runs.
ReaderFn = Callable[[bytes, str], Iterable["Article | NewsprismError | StoryTitle"]]


def reader(*extensions: str) -> Callable[[ReaderFn], ReaderFn]:
    """Register a reader for file extensions (lower case, with the dot); plugins use it too."""

    def register(fn: ReaderFn) -> ReaderFn:
        for ext in extensions:
            READERS.add(ext, fn)
        return fn

    return register


class Limits(BaseModel):
    """Bounds that turn a pathological input into a clear notice instead of a long hang."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    article_bytes: int = Field(
        500_000, ge=1_000, description="Largest article text, in UTF-8 bytes."
    )
    depth: int = Field(64, ge=2, le=10_000, description="Deepest nesting of a JSON record.")
    articles: int = Field(500, ge=1, description="Most articles in one story to brief.")

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise NewsprismError("config-invalid", detail=detail) from None


# Limits is frozen, so one shared default is safe.
LIMITS: ContextVar[Limits] = ContextVar("newsprism_read_limits", default=Limits())  # noqa: B039


@contextmanager
def read_limits(limits: Limits | None) -> Iterator[None]:
    """Readers keep their `(data, source)` signature; the limits of the current read reach them here."""
    token = LIMITS.set(limits or Limits())
    try:
        yield
    finally:
        LIMITS.reset(token)


@dataclass(frozen=True)
class StoryTitle:
    """A reader's find that is not an article: the story's own headline (e.g. a record's
    `headline`). `read_path` passes it to its `on_story` callback and never yields it."""

    title: str
    source: str


def make_article(text: str, source: str, **meta: object) -> Article:
    """An article from text and optional metadata, refusing empty or oversized text.

    Metadata fields of the wrong kind are dropped (see `make_article_noting` for the notices).
    The outlet is the metadata's, else the URL's domain, else an agency cue in the first lines.
    """
    article, _ = make_article_noting(text, source, **meta)
    return article


def make_article_noting(
    text: str, source: str, **meta: object
) -> tuple[Article, list[NewsprismError]]:
    """`make_article`, also returning one notice per dropped metadata field; the size limit is
    the current read's (`read_limits`)."""
    limits = LIMITS.get()
    if not isinstance(text, str):
        raise NewsprismError("input-format", source=source, detail="article text is not text")
    size = len(text.encode("utf-8", errors="replace"))
    if size > limits.article_bytes:
        raise NewsprismError(
            "input-too-large",
            source=source,
            what="article",
            size=f"{size:,}",
            limit=f"{limits.article_bytes:,}",
        )
    text = clean_text(text).strip()
    if not any(c.isalnum() for c in text):  # empty, invisible or only separators and symbols
        raise NewsprismError("input-no-text", source=source, detail="")
    fields, problems = coerce_meta(meta, source)
    outlet = fields.get("outlet")
    if not outlet and isinstance(fields.get("url"), str):
        outlet = name_from_url(str(fields["url"]))
    fields["outlet"] = outlet or outlet_cue(text)
    return Article.create(text, source=source, **{k: v for k, v in fields.items() if v}), problems


def suffix_of(path: Path) -> str:
    """The registered extension: a double one such as '.warc.gz' first, else the last one."""
    double = "".join(path.suffixes[-2:]).lower()
    return double if double in READERS else path.suffix.lower()
