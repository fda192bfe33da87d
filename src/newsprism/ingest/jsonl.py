"""JSON and JSON Lines: one article per record (`text`, `title`, `outlet`, `url`, `date`, ...).

A record with `documents` (Multi-News or AllSides style) yields one article per document, with
each document's `outlet`, `stance`, `title` and `url` from a parallel `doc_meta` list, and the
record's `headline` (or `title`) as the story's title. Every field is checked on its own: a bad
field is dropped with a notice naming the record and the field; a bad record never stops the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from newsprism.clean import clean_line
from newsprism.errors import NewsprismError
from newsprism.ingest.base import LIMITS, StoryTitle, decode, make_article_noting, reader
from newsprism.ingest.fields import HugeNumber, describe
from newsprism.ingest.text import split_multinews
from newsprism.model import Article

_TEXT_KEYS = ("text", "body", "content")
_OUTLET_KEYS = ("outlet", "source", "site", "sitename", "publisher")
_DATE_KEYS = ("date", "published", "published_at", "publishedAt", "publish_date", "pubDate")
_AUTHOR_KEYS = ("author", "authors", "byline")
MAX_INT_DIGITS = 40  # longer JSON integers are kept as text and refused as values

Item = Article | NewsprismError | StoryTitle
_BRACKETS = re.compile(r"[^\[\]{}]+")
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def articles_from_record(record: Any, source: str) -> list[Article]:
    """The record's articles; raises its first record-level error (field notices are dropped)."""
    items = record_items(record, source)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, NewsprismError) and i.code != "input-field"]
    if not articles and errors:
        raise errors[0]
    return articles


def record_items(record: Any, source: str) -> list[Item]:
    """Articles, notices and the story title of one record, in that record's order."""
    if not isinstance(record, dict):
        detail = f"expected a JSON object per record, found {describe(record)}"
        return [NewsprismError("input-format", source=source, detail=detail)]
    try:
        if "documents" in record:
            return _documents(record, source)
        return _single(record, source)
    except NewsprismError as exc:
        return [exc]


def _single(record: dict[str, Any], source: str) -> list[Item]:
    key = next((k for k in _TEXT_KEYS if k in record), "text")
    text = record.get(key)
    if not isinstance(text, str) or not text.strip():
        what = "no 'text' field" if text in (None, "") else f"'{key}' that is {describe(text)}"
        raise NewsprismError("input-format", source=source, detail=f"record has {what}")
    article, problems = make_article_noting(text, source, **_meta(record))
    return [*problems, article]


def _meta(record: dict[str, Any]) -> dict[str, object]:
    """The metadata fields an Article takes, under the names records use for them."""
    return {
        "title": record.get("title"),
        "outlet": _named(_first(record, _OUTLET_KEYS)),
        "url": record.get("url"),
        "date": _first(record, _DATE_KEYS),
        "author": _joined(_first(record, _AUTHOR_KEYS)),
        "stance": record.get("stance"),
    }


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if record.get(k) not in (None, "")), None)


def _named(value: Any) -> Any:
    """Feeds and news APIs give the outlet as an object: `{"id": ..., "name": "Harbor Daily"}`."""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return value


def _joined(value: Any) -> Any:
    """Several authors as a list of names become one 'A, B' field; other lists stay refused."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip())
    return value


def _documents(record: dict[str, Any], source: str) -> list[Item]:
    docs, metas = record.get("documents"), record.get("doc_meta")
    items: list[Item] = []
    headline = record.get("headline") or record.get("title")
    if isinstance(headline, str) and clean_line(headline):
        items.append(StoryTitle(clean_line(headline), source))
    if isinstance(docs, str):
        docs = split_multinews(docs)
    if not isinstance(docs, list):
        detail = f"'documents' is {describe(docs)}, not a list of texts"
        return [*items, NewsprismError("input-format", source=source, detail=detail)]
    if metas is not None and not isinstance(metas, list):
        items.append(_field_error(source, "doc_meta", f"is {describe(metas)}, not a list"))
        metas = None
    for i, doc in enumerate(docs):
        meta = metas[i] if metas is not None and i < len(metas) else None
        items.extend(_document(doc, meta, f"{source}#{i}"))
    return items


def _document(doc: Any, meta: Any, source: str) -> list[Item]:
    """One entry of `documents`: a text, or a record of its own; `meta` is its `doc_meta`."""
    if isinstance(doc, dict):
        return record_items({**(meta if isinstance(meta, dict) else {}), **doc}, source)
    if not isinstance(doc, str):
        detail = f"document is {describe(doc)}, not text"
        return [NewsprismError("input-format", source=source, detail=detail)]
    if not doc.strip():
        return []
    problems: list[Item] = []
    if meta is not None and not isinstance(meta, dict):
        problems.append(_field_error(source, "doc_meta", f"is {describe(meta)}, not an object"))
        meta = None
    article, field_problems = make_article_noting(doc, source, **_meta(meta or {}))
    return [*problems, *field_problems, article]


def _field_error(source: str, field: str, detail: str) -> NewsprismError:
    return NewsprismError("input-field", source=source, field=field, detail=detail)


def _parse_int(digits: str) -> int | HugeNumber:
    return HugeNumber(digits) if len(digits) > MAX_INT_DIGITS else int(digits)


def _parse_constant(name: str) -> float:
    return float("nan")  # NaN, Infinity: refused wherever a field meets them


def loads(text: str, source: str) -> Any:
    """json.loads that refuses deep nesting with a clear error, not a RecursionError."""
    limit = LIMITS.get().depth
    if _max_depth(text, limit) > limit:
        raise NewsprismError("input-too-deep", source=source, limit=limit)
    try:
        return json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    except RecursionError:
        raise NewsprismError("input-too-deep", source=source, limit=limit) from None


def _max_depth(text: str, limit: int) -> int:
    """Bracket depth (brackets inside strings too: an upper bound); exact only when it matters."""
    if _bracket_count(text) <= limit:
        return 0
    brackets = _BRACKETS.sub("", text)
    deepest = max(accumulate(1 if c in "[{" else -1 for c in brackets))
    return _string_aware_depth(text) if deepest > limit else deepest


def _bracket_count(text: str) -> int:
    """How many of []{} the text holds, counted on its UTF-8 bytes (where no multi-byte
    character contains an ASCII byte): ~5x faster than a regex over the text."""
    return len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKETS))


def _string_aware_depth(text: str) -> int:
    """The exact nesting depth, brackets inside strings ignored (run only on suspicious input)."""
    return _max_depth_of(_STRINGS.sub('""', text))


def _max_depth_of(text: str) -> int:
    brackets = _BRACKETS.sub("", text)
    return max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


def iter_records(text: str, source: str) -> Iterator[tuple[str, Any]]:
    """Yield (location, record): a whole JSON document (object or list) or one record per line.

    A line that is not JSON yields its error as the record, located `file:line`.
    """
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{") and not _is_json_lines(stripped, source):
        try:
            whole = loads(text, source)
        except (ValueError, NewsprismError):
            whole = None
        if isinstance(whole, list):
            for i, rec in enumerate(whole):
                yield f"{source}[{i}]", rec
            return
        if isinstance(whole, dict):
            yield source, whole
            return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        location = f"{source}:{lineno}"
        try:
            yield location, loads(line, location)
        except NewsprismError as exc:
            yield location, exc
        except ValueError as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            detail = f"invalid JSON: {msg[:200]}"
            yield location, NewsprismError("input-format", source=location, detail=detail)


def _is_json_lines(text: str, source: str) -> bool:
    """A first line that is a whole JSON value with more text after it: parsed as one document,
    the text would fail at that value's end, after a depth scan of the whole file (9 µs an
    article on DUC 2006), so it is not tried."""
    first, _, rest = text.partition("\n")
    if not rest or rest.isspace():
        return False
    try:
        loads(first, source)
    except (ValueError, NewsprismError):
        return False
    return True


@reader(".jsonl", ".json", ".ndjson")
def read_jsonl(data: bytes, source: str) -> Iterator[Item]:
    """A bad record yields its error and the following records still load."""
    for location, record in iter_records(decode(data, source), source):
        if isinstance(record, NewsprismError):
            yield record
        else:
            yield from record_items(record, location)
