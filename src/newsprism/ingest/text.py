"""Plain text, including Multi-News-style strings where '|||||' separates documents, and front
matter (a `---` YAML block at the top) that gives the article's outlet, date, url, title, stance.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode, make_article, make_article_noting, reader
from newsprism.ingest.manifest import split_front_matter
from newsprism.model import Article

MULTINEWS_SEPARATOR = "|||||"


def split_multinews(text: str) -> list[str]:
    """Multi-News joins a story's documents with '|||||' and marks newlines as ' NEWLINE_CHAR '."""
    text = text.replace("NEWLINE_CHAR", "\n")
    return [part.strip() for part in text.split(MULTINEWS_SEPARATOR) if part.strip()]


def articles_from_text(text: str, source: str) -> list[Article]:
    """The articles of a text: several when '|||||' separates documents."""
    return [i for i in text_items(text, source) if isinstance(i, Article)]


def text_items(text: str, source: str) -> Iterator[Article | NewsprismError]:
    """Articles and notices: front matter fields that were dropped, documents with no text."""
    meta, text, problems = split_front_matter(text, source)
    yield from problems
    if MULTINEWS_SEPARATOR not in text:
        article, field_problems = make_article_noting(text, source, **meta)
        yield from field_problems
        yield article
        return
    parts = split_multinews(text)
    if not parts:
        yield NewsprismError("input-no-text", source=source, detail=" between the '|||||' marks")
    for i, part in enumerate(parts):
        try:
            yield make_article(part, f"{source}#{i}")
        except NewsprismError as exc:
            yield exc


@reader(".txt", ".text")
def read_text(data: bytes, source: str) -> Iterator[Article | NewsprismError]:
    return text_items(decode(data, source), source)
