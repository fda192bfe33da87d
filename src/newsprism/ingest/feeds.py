"""RSS and Atom with feedparser. We fetch the bytes (through the guard) and hand them over as a
stream, so feedparser never opens a URL itself. Entries become articles from their summary or,
when asked, from the full page behind the entry's link."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser
import lxml.html

from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode, make_article, reader
from newsprism.ingest.fetch import HTML_TYPES, Fetcher
from newsprism.ingest.html import article_from_html
from newsprism.model import Article


def parse_feed(data: bytes, source: str) -> Any:
    """The parsed feed; a document with no entries that is not well-formed is refused."""
    parsed = feedparser.parse(io.BytesIO(data))
    if parsed.get("bozo") and not parsed.entries:
        detail = type(parsed.get("bozo_exception")).__name__
        raise NewsprismError("feed-invalid", source=source, detail=detail)
    if not parsed.get("version") and not parsed.entries:
        raise NewsprismError("feed-invalid", source=source, detail="no feed elements")
    return parsed


def feed_articles(
    data: bytes, source: str, full: Fetcher | None = None
) -> Iterator[Article | NewsprismError]:
    """One article per entry; ``full``: fetch each entry's page through this guarded fetcher."""
    parsed = parse_feed(data, source)
    outlet = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries):
        where = entry.get("link") or f"{source}#{i}"
        try:
            yield entry_article(entry, where, outlet, full)
        except NewsprismError as exc:
            yield exc


def entry_article(entry: Any, source: str, outlet: str | None, full: Fetcher | None) -> Article:
    link = entry.get("link")
    meta = {
        "title": entry.get("title"),
        "author": entry.get("author"),
        "url": link,
        "date": _date(entry.get("published_parsed") or entry.get("updated_parsed")),
    }
    if full is not None and link:
        page = full.get(link, HTML_TYPES).content
        article = article_from_html(decode(page, link), source, url=link)
        return article.model_copy(update={k: v for k, v in meta.items() if v and k != "url"})
    text = _text(_body(entry))
    if not text:
        raise NewsprismError("input-no-text", source=source, detail=" in the feed entry")
    return make_article(text, source, outlet=outlet, **meta)


def _body(entry: Any) -> str:
    """The entry's longest text: full content when the feed carries it, else the summary."""
    parts = [c.get("value", "") for c in entry.get("content", [])]
    parts.append(entry.get("summary", ""))
    return max(parts, key=len)


def _text(markup: str) -> str:
    if not markup.strip():
        return ""
    if "<" not in markup:
        return markup.strip()
    root = lxml.html.fromstring(markup)
    paragraphs = [p.text_content().strip() for p in root.iter("p")]
    text = "\n\n".join(p for p in paragraphs if p) or root.text_content()
    return text.strip()


def _date(parsed: Any) -> date | None:
    return date(parsed[0], parsed[1], parsed[2]) if parsed else None


@reader(".rss", ".atom")
def read_feed(data: bytes, source: str) -> Iterator[Article | NewsprismError]:
    yield from feed_articles(data, source)
