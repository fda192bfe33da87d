"""Readers: files, folders, stdin and in-memory strings become Articles.

One bad input yields a Notice, never an abort, unless ``strict`` is set. Plain-text articles take
their metadata from a manifest beside them (`articles.csv`/`articles.yaml`, see `manifest`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.ingest import feeds, html, jsonl, text, warc
from newsprism.ingest.base import (
    READERS,
    Limits,
    StoryTitle,
    decode,
    make_article,
    read_limits,
    reader,
    suffix_of,
)
from newsprism.ingest.html import article_from_html
from newsprism.ingest.manifest import MANIFEST_NAMES, Entries, entry_for, load_manifest
from newsprism.ingest.metadata import with_metadata
from newsprism.ingest.paths import as_paths, expand
from newsprism.ingest.text import articles_from_text, split_multinews
from newsprism.model import Article, Notice

__all__ = [
    "MANIFEST_NAMES",
    "READERS",
    "IngestResult",
    "Limits",
    "article_from_html",
    "articles_from_text",
    "decode",
    "expand",
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
    titles: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        """The story's title when the inputs name exactly one (e.g. a record's `headline`)."""
        distinct = list(dict.fromkeys(self.titles))
        return distinct[0] if len(distinct) == 1 else None


def read_path(
    path: str | Path, on_story: Callable[[StoryTitle], None] | None = None
) -> Iterator[Article | NewsprismError]:
    """Read one file (or '-' for stdin) with the reader registered for its extension.

    A file without an extension, named on its own, is read as text.
    """
    if str(path) == "-":
        data, source, suffix = sys.stdin.buffer.read(), "stdin", ".txt"
    else:
        p = Path(path)
        source, suffix = str(p), suffix_of(p) or ".txt"
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
    for item in READERS[suffix](data, source):
        if isinstance(item, StoryTitle):
            if on_story is not None:
                on_story(item)
        else:
            yield item


def iter_articles(
    paths: Iterable[str | Path] | str | Path,
    strict: bool = False,
    on_notice: Callable[[Notice], None] | None = None,
    on_repeat: Callable[[Article], None] | None = None,
    limits: Limits | None = None,
    on_story: Callable[[StoryTitle], None] | None = None,
) -> Iterator[Article]:
    """Articles in input order, one file at a time (streams are never held whole); errors go to
    ``on_notice`` (or are raised at once when strict).

    An exact repeat (same outlet, title and text, hence the same id) is skipped and passed to
    ``on_repeat``: two copies with one id could not be told apart in a story.
    """
    seen: set[str] = set()
    manifests = _Manifests(lambda exc: notice(exc, strict, on_notice))
    for path in expand(as_paths(paths), lambda exc: notice(exc, strict, on_notice)):
        meta = manifests.entry(path)
        with read_limits(limits):
            items = _guarded(path, on_story)
            for item in items:
                if isinstance(item, NewsprismError):
                    notice(item, strict, on_notice)
                    continue
                article = item
                if meta:
                    article, problems = with_metadata(item, meta, manifests.source(path))
                    for problem in problems:
                        notice(problem, strict, on_notice)
                if article.id not in seen:
                    seen.add(article.id)
                    yield article
                elif on_repeat is not None:
                    on_repeat(article)


def _guarded(
    path: str | Path, on_story: Callable[[StoryTitle], None] | None
) -> Iterator[Article | NewsprismError]:
    """The file's items; an error that escapes a reader becomes that file's last item."""
    try:
        yield from read_path(path, on_story)
    except NewsprismError as exc:
        yield exc
    except (ValueError, TypeError, LookupError, RecursionError, MemoryError, OSError) as exc:
        # A reader bug must cost one file, not the batch; the notice names the file.
        detail = f"{type(exc).__name__}: {str(exc)[:200]}"
        yield NewsprismError("input-failed", source=str(path), detail=detail)


class _Manifests:
    """Manifests by folder, each read once per run; their problems are reported once."""

    def __init__(self, report: Callable[[NewsprismError], None]) -> None:
        self.report = report
        self.folders: dict[Path, Entries] = {}

    def entry(self, path: str | Path) -> dict[str, object]:
        if str(path) == "-":
            return {}
        folder = Path(path).parent
        if folder not in self.folders:
            self.folders[folder], problems = load_manifest(folder)
            for problem in problems:
                self.report(problem)
        return entry_for(self.folders[folder], folder, Path(path))

    def source(self, path: str | Path) -> str:
        """Where a file's manifest entry came from, for notices."""
        folder = Path(path).parent
        found = [folder / n for n in MANIFEST_NAMES if (folder / n).is_file()]
        return f"{found[0] if found else folder} (entry for {Path(path).name})"


def read_inputs(
    paths: Iterable[str | Path] | str | Path,
    strict: bool = False,
    limits: Limits | None = None,
    stop_after: int | None = None,
) -> IngestResult:
    """Read every input into memory; errors become notices (or are raised when strict).

    ``stop_after``: stop reading after that many articles (a brief refuses more, so there is
    no point reading a huge input whole).
    """
    result = IngestResult()
    found = iter_articles(
        paths, strict, result.notices.append, limits=limits, on_story=_titles(result)
    )
    result.articles = list(found if stop_after is None else islice(found, stop_after))
    return result


def _titles(result: IngestResult) -> Callable[[StoryTitle], None]:
    return lambda story: result.titles.append(story.title)


def notice(exc: NewsprismError, strict: bool, on_notice: Callable[[Notice], None] | None) -> None:
    if strict:
        raise exc
    if on_notice is not None:
        on_notice(Notice(code=exc.code, message=exc.message, source=exc.source))
