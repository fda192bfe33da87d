"""JSON and JSON Lines: one article per record (`text`, `title`, `outlet`, `url`, `date`).

A record with `documents` (Multi-News style) yields one article per document.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode, make_article, reader
from newsprism.ingest.text import split_multinews
from newsprism.model import Article

_OUTLET_KEYS = ("outlet", "source", "site", "sitename", "publisher")


def articles_from_record(record: Any, source: str) -> list[Article]:
    if not isinstance(record, dict):
        raise NewsprismError(
            "input-format", source=source, detail="expected a JSON object per record"
        )
    if isinstance(record.get("documents"), list | str):
        docs = record["documents"]
        texts = split_multinews(docs) if isinstance(docs, str) else [str(d) for d in docs]
        return [make_article(t, f"{source}#{i}") for i, t in enumerate(texts) if t.strip()]
    text = record.get("text") or record.get("body") or record.get("content")
    if not isinstance(text, str) or not text.strip():
        raise NewsprismError("input-format", source=source, detail="record has no 'text' field")
    outlet = next((record[k] for k in _OUTLET_KEYS if isinstance(record.get(k), str)), None)
    return [
        make_article(
            text,
            source,
            title=record.get("title"),
            outlet=outlet,
            url=record.get("url"),
            date=record.get("date") or record.get("published"),
            author=record.get("author"),
        )
    ]


def iter_records(text: str, source: str) -> Iterator[tuple[str, Any]]:
    """Yield (location, record): a whole JSON document (object or list) or one record per line."""
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
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
        try:
            yield f"{source}:{lineno}", json.loads(line)
        except json.JSONDecodeError as exc:
            yield (
                f"{source}:{lineno}",
                NewsprismError(
                    "input-format", source=f"{source}:{lineno}", detail=f"invalid JSON: {exc.msg}"
                ),
            )


@reader(".jsonl", ".json", ".ndjson")
def read_jsonl(data: bytes, source: str) -> Iterator[Article | NewsprismError]:
    """A bad record yields its error and the following records still load."""
    for location, record in iter_records(decode(data, source), source):
        if isinstance(record, NewsprismError):
            yield record
            continue
        try:
            yield from articles_from_record(record, location)
        except NewsprismError as exc:
            yield exc
