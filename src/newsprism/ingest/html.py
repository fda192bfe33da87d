"""HTML pages through trafilatura: boilerplate removed; title, author, date and site name kept."""

from __future__ import annotations

from typing import Any

from newsprism.errors import NewsprismError
from newsprism.ingest.base import LIMITS, decode, make_article_noting, reader
from newsprism.ingest.outlets import name_from_url
from newsprism.model import Article

# Below this, what trafilatura found is a menu or a caption, not an article body.
MIN_WORDS = 10
PAGE_TO_TEXT = 6  # a page may be this many times the article byte limit


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    return html_items(html, source, url)[-1]


def html_items(html: str, source: str, url: str | None = None) -> list[Any]:
    """Notices about dropped metadata fields, then the article (always last)."""
    import trafilatura  # imported on first use: it costs start-up time

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except RecursionError:
        raise NewsprismError("input-too-deep", source=source, limit="the parser's") from None
    meta = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    if len(text.split()) < MIN_WORDS:
        raise NewsprismError("input-no-text", source=source, detail=" in the HTML page")
    title = meta.get("title")
    lines = text.split("\n")
    if isinstance(title, str) and lines and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:])
    # One paragraph per line from trafilatura; a blank line keeps paragraphs apart for the splitter.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    article, problems = make_article_noting(
        text,
        source,
        title=title,
        author=meta.get("author"),
        date=meta.get("date"),
        outlet=_site_name(meta.get("sitename")),
        url=url or meta.get("url"),
    )
    return [*problems, article]


def _site_name(name: object) -> object:
    """Some pages give their host as the site name ('harbor-daily.com'): make it readable."""
    if isinstance(name, str) and "." in name and " " not in name.strip():
        return name_from_url("//" + name.strip()) or name
    return name


@reader(".html", ".htm", ".xhtml")
def read_html(data: bytes, source: str) -> list[Any]:
    """A page far larger than an article could be is refused before parsing: trafilatura takes
    about 5 s per MB, and markup rarely makes a page more than a few times its text."""
    limit = PAGE_TO_TEXT * LIMITS.get().article_bytes
    if len(data) > limit:
        raise NewsprismError(
            "input-too-large", source=source, size=f"{len(data):,}", limit=f"{limit:,}"
        )
    return html_items(decode(data, source), source)
