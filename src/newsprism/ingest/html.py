"""HTML pages through trafilatura: boilerplate removed; title, author, date and site name kept."""

from __future__ import annotations

import trafilatura

from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode, make_article, reader
from newsprism.model import Article


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = (doc.text or "") if doc is not None else ""
    if doc is None or not text.strip():
        raise NewsprismError("input-no-text", source=source, detail=" in the HTML page")
    title = doc.title
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        text = "\n".join(lines[1:])
    # One paragraph per line from trafilatura; a blank line keeps paragraphs apart for the splitter.
    text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    return make_article(
        text,
        source,
        title=title,
        author=doc.author,
        date=doc.date,
        outlet=doc.sitename or doc.hostname,
        url=url or doc.url,
    )


@reader(".html", ".htm", ".xhtml")
def read_html(data: bytes, source: str) -> list[Article]:
    return [article_from_html(decode(data, source), source)]
