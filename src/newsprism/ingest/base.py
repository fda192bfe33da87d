"""Reader registry and the byte-level checks every reader shares (encoding, binary, empty)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date as Date
from datetime import datetime
from functools import lru_cache

from charset_normalizer import from_bytes
from dateutil import parser as dateparser

from newsprism.errors import NewsprismError
from newsprism.model import Article

# A reader yields articles, or errors for single bad records so the rest of the file still runs.
ReaderFn = Callable[[bytes, str], Iterable[Article | NewsprismError]]

READERS: dict[str, ReaderFn] = {}


def reader(*extensions: str) -> Callable[[ReaderFn], ReaderFn]:
    """Register a reader for file extensions (lower case, with the dot)."""

    def register(fn: ReaderFn) -> ReaderFn:
        for ext in extensions:
            READERS[ext] = fn
        return fn

    return register


def decode(data: bytes, source: str) -> str:
    """Bytes to text, guessing the encoding; refuse binary and empty input with a clear error."""
    if not data.strip():
        raise NewsprismError("input-empty", source=source)
    if b"\x00" in data[:8192]:
        raise NewsprismError("input-binary", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise NewsprismError("input-binary", source=source)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise NewsprismError("input-decode", source=source) from exc


def parse_date(value: object) -> Date | None:
    """Lenient date parsing: a bad date is dropped, never fatal."""
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value
    return _date_of_text(str(value))


@lru_cache(maxsize=4096)
def _date_of_text(text: str) -> Date | None:
    """Cached: a stream repeats a few date strings, and dateutil costs more than the record."""
    try:  # ISO 8601, what feeds and exports mostly carry: the stdlib parses it 20x faster
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return dateparser.parse(text, fuzzy=False).date()
    except (ValueError, OverflowError, TypeError):
        return None


def make_article(text: str, source: str, **meta: object) -> Article:
    """Build an article from text and optional metadata, refusing empty text."""
    text = text.strip()
    if not text:
        raise NewsprismError("input-no-text", source=source, detail="")
    fields = {k: v for k, v in meta.items() if v not in (None, "")}
    if "date" in fields:
        fields["date"] = parse_date(fields["date"])
    return Article.create(text, source=source, **fields)
