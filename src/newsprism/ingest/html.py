"""HTML pages through trafilatura: boilerplate removed; title, author, date and site name kept."""

from __future__ import annotations

import trafilatura

from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode, make_article, reader
from newsprism.model import Article

# Below this, what trafilatura found is a menu or a caption, not an article body.
MIN_WORDS = 10


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    meta = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    if len(text.split()) < MIN_WORDS:
        raise NewsprismError("input-no-text", source=source, detail=" in the HTML page")
    title = meta.get("title")
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:])
    # One paragraph per line from trafilatura; a blank line keeps paragraphs apart for the splitter.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    return make_article(
        text,
        source,
        title=title,
        author=meta.get("author"),
        date=meta.get("date"),
        outlet=meta.get("sitename") or meta.get("hostname"),
        url=url or meta.get("url"),
    )


@reader(".html", ".htm", ".xhtml")
def read_html(data: bytes, source: str) -> list[Article]:
    return [article_from_html(decode(data, source), source)]
