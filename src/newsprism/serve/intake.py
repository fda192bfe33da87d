"""How articles reach the server: as content in JSON, as pasted text or uploaded files (read from
the bytes received, by the same readers as files on the command line), or as http(s) URLs fetched
through the guarded fetcher. Never as a path: no request can make the server open a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date as Date
from pathlib import PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from newsprism.errors import NewsprismError
from newsprism.ingest.base import READERS, Limits, StoryTitle, make_article_noting, read_limits
from newsprism.ingest.fetch import Fetcher, FetchPolicy
from newsprism.ingest.url import read_url
from newsprism.model import Article, Notice

Format = Literal["json", "md", "html"]


class ArticleIn(BaseModel):
    """One article: its ``text``, or a ``url`` the server fetches (public http(s) only)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article's text; blank lines part paragraphs.")
    url: str | None = Field(
        None,
        description="Without text: fetched through the guard (public http(s) only). "
        "With text: kept as the article's address.",
    )
    title: str | None = None
    outlet: str | None = None
    stance: str | None = Field(
        None, description="The outlet's leaning: left, lean left, center, lean right or right."
    )
    author: str | None = None
    date: Date | None = None

    @model_validator(mode="after")
    def _text_or_url(self) -> ArticleIn:
        if not (self.text and self.text.strip()) and not self.url:
            raise ValueError("give the article's text or a url to fetch")
        return self


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)


class BriefIn(ArticlesIn):
    """Ad-hoc articles to brief; nothing is stored unless ``store`` (which needs the token)."""

    title: str | None = None
    words: int = Field(250, ge=10, le=2_000)
    format: Format = "json"
    store: bool = Field(False, description="Also ingest the articles into the store.")


def _meta(item: ArticleIn) -> dict[str, object]:
    fields = {
        "title": item.title,
        "outlet": item.outlet,
        "stance": item.stance,
        "author": item.author,
        "date": item.date,
        "url": item.url,
    }
    return {k: v for k, v in fields.items() if v is not None}


def _notice(exc: NewsprismError) -> Notice:
    return Notice(code=exc.code, message=exc.message, source=exc.source)


def from_json(
    items: list[ArticleIn], fetcher: Fetcher, limits: Limits
) -> tuple[list[Article], list[Notice]]:
    """Articles from a request body; each one that cannot be had is one notice."""
    found: list[Article] = []
    notices: list[Notice] = []
    with read_limits(limits):
        for n, item in enumerate(items, 1):
            source = f"request article {n}"
            try:
                if item.text and item.text.strip():
                    article, problems = make_article_noting(item.text, source, **_meta(item))
                    found.append(article)
                    notices += [_notice(p) for p in problems]
                elif item.url:
                    got = list(read_url(item.url, fetcher))  # a feed gives one per entry
                    found += [a for a in got if isinstance(a, Article)]
                    notices += [_notice(e) for e in got if isinstance(e, NewsprismError)]
            except NewsprismError as exc:
                notices.append(_notice(exc))
    return _unique(found), notices


def from_uploads(
    uploads: Iterable[tuple[str, bytes]], limits: Limits
) -> tuple[list[Article], list[Notice], list[str]]:
    """Articles from (file name, bytes) as the readers of `newsprism brief` read them; the name
    only picks the reader. Also returns titles a file gives its story (a record's headline)."""
    found: list[Article] = []
    notices: list[Notice] = []
    titles: list[str] = []
    with read_limits(limits):
        for name, data in uploads:
            suffix = PurePosixPath(name).suffix.lower() or ".txt"
            reader = READERS.get(suffix) if suffix in READERS else None
            if reader is None:
                known = ", ".join(sorted(READERS))
                notices.append(_notice(NewsprismError("reader-unknown", source=name, known=known)))
                continue
            try:
                for item in reader(data, name):
                    if isinstance(item, StoryTitle):
                        titles.append(item.title)
                    elif isinstance(item, NewsprismError):
                        notices.append(_notice(item))
                    else:
                        found.append(item)
            except NewsprismError as exc:
                notices.append(_notice(exc))
    return _unique(found), notices, titles


def _unique(articles: list[Article]) -> list[Article]:
    """An exact repeat (same id) once: two copies with one id could not be told apart."""
    return list({a.id: a for a in articles}.values())


def fetcher_for(allow_private: bool) -> Fetcher:
    return Fetcher(FetchPolicy(allow_private=allow_private))
