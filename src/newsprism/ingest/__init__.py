"""Readers: files, folders, stdin and in-memory strings become Articles.

One bad input yields a Notice, never an abort, unless ``strict`` is set.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.ingest import feeds, html, jsonl, text, warc
from newsprism.ingest.base import READERS, decode, make_article, reader
from newsprism.ingest.html import article_from_html
from newsprism.ingest.text import articles_from_text, split_multinews
from newsprism.model import Article, Notice

__all__ = [
    "READERS",
    "IngestResult",
    "article_from_html",
    "articles_from_text",
    "decode",
    "feeds",
    "html",
    "iter_articles",
    "jsonl",
    "make_article",
    "notice",
    "read_inputs",
    "read_path",
    "reader",
    "split_multinews",
    "text",
    "warc",
]


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def expand(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    """Directories recursively, in sorted order, so runs are reproducible; hidden files skipped."""
    for p in paths:
        path = Path(p)
        if str(p) != "-" and path.is_dir():
            yield from (child for child in sorted(path.rglob("*")) if _readable_child(path, child))
        else:
            yield "-" if str(p) == "-" else path


def _readable_child(root: Path, child: Path) -> bool:
    hidden = any(part.startswith(".") for part in child.relative_to(root).parts)
    return child.is_file() and not hidden and suffix_of(child) in READERS


def suffix_of(path: Path) -> str:
    """The registered extension: a double one such as '.warc.gz' first, else the last one."""
    double = "".join(path.suffixes[-2:]).lower()
    return double if double in READERS else path.suffix.lower()


def read_path(path: str | Path) -> Iterator[Article | NewsprismError]:
    """Read one file (or '-' for stdin) with the reader registered for its extension."""
    if str(path) == "-":
        data, source, suffix = sys.stdin.buffer.read(), "stdin", ".txt"
    else:
        p = Path(path)
        source, suffix = str(p), suffix_of(p)
        if not p.exists():
            raise NewsprismError("input-not-found", source=source)
        if suffix not in READERS:
            raise NewsprismError("reader-unknown", source=source, known=", ".join(sorted(READERS)))
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise NewsprismError("input-unreadable", source=source, detail=exc.strerror) from exc
    if suffix == ".txt" and data.lstrip()[:1] == b"<" and b"<html" in data[:2048].lower():
        suffix = ".html"
    yield from READERS[suffix](data, source)


def iter_articles(
    paths: Iterable[str | Path],
    strict: bool = False,
    on_notice: Callable[[Notice], None] | None = None,
    on_repeat: Callable[[Article], None] | None = None,
) -> Iterator[Article]:
    """Articles in input order, one file at a time (streams are never held whole); errors go to
    ``on_notice`` (or are raised at once when strict).

    An exact repeat (same outlet, title and text, hence the same id) is skipped and passed to
    ``on_repeat``: two copies with one id could not be told apart in a story.
    """
    seen: set[str] = set()
    for path in expand(paths):
        try:
            for item in read_path(path):
                if isinstance(item, NewsprismError):
                    notice(item, strict, on_notice)
                elif item.id not in seen:
                    seen.add(item.id)
                    yield item
                elif on_repeat is not None:
                    on_repeat(item)
        except NewsprismError as exc:
            notice(exc, strict, on_notice)


def read_inputs(paths: Iterable[str | Path], strict: bool = False) -> IngestResult:
    """Read every input into memory; errors become notices (or are raised when strict)."""
    result = IngestResult()
    result.articles = list(iter_articles(paths, strict, result.notices.append))
    return result


def notice(exc: NewsprismError, strict: bool, on_notice: Callable[[Notice], None] | None) -> None:
    if strict:
        raise exc
    if on_notice is not None:
        on_notice(Notice(code=exc.code, message=exc.message, source=exc.source))
