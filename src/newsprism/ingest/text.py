"""Plain text, including Multi-News-style strings where '|||||' separates documents."""

from __future__ import annotations

from newsprism.ingest.base import decode, make_article, reader
from newsprism.model import Article

MULTINEWS_SEPARATOR = "|||||"


def split_multinews(text: str) -> list[str]:
    """Multi-News joins a story's documents with '|||||' and marks newlines as ' NEWLINE_CHAR '."""
    text = text.replace("NEWLINE_CHAR", "\n")
    return [part.strip() for part in text.split(MULTINEWS_SEPARATOR) if part.strip()]


def articles_from_text(text: str, source: str) -> list[Article]:
    if MULTINEWS_SEPARATOR in text:
        parts = split_multinews(text)
        return [make_article(p, f"{source}#{i}") for i, p in enumerate(parts)]
    return [make_article(text, source)]


@reader(".txt", ".text", "")
def read_text(data: bytes, source: str) -> list[Article]:
    return articles_from_text(decode(data, source), source)
