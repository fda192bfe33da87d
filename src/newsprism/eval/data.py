"""Evaluation clusters from JSON Lines: `documents` plus `summary` or `summaries` per record.

Documents go through the same reader as `newsprism brief` (articles_from_record), so evaluation
sees exactly what a user's input would become.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode
from newsprism.ingest.jsonl import articles_from_record, iter_records
from newsprism.model import Article
from newsprism.text.split import split_text


@dataclass
class Cluster:
    """One story to summarize and its human reference summaries (each a list of sentences)."""

    id: str
    articles: list[Article]
    references: list[list[str]]

    def sentences(self) -> list[list[str]]:
        """Sentence texts per article, as split by the `sentences` stage."""
        return [[s.text for s in a.sentences] for a in self.articles]


def reference_sentences(text: str) -> list[str]:
    """A reference summary split into sentences with the same splitter as the articles."""
    return [s for _, s in split_text(text)]


def _references(record: dict[str, Any], source: str) -> list[str]:
    refs = record.get("summaries", record.get("summary"))
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not refs or not all(isinstance(r, str) for r in refs):
        raise NewsprismError(
            "input-format", source=source, detail="record needs 'summary' or 'summaries' text"
        )
    return refs


def cluster_from_record(record: Any, source: str) -> Cluster:
    if not isinstance(record, dict) or "documents" not in record:
        raise NewsprismError("input-format", source=source, detail="record needs 'documents'")
    articles = articles_from_record(record, source)
    if not articles:
        raise NewsprismError("input-no-text", source=source, detail=" in 'documents'")
    references = [reference_sentences(r) for r in _references(record, source)]
    return Cluster(str(record.get("id") or source), articles, references)


def iter_clusters(path: Path, limit: int | None = None) -> Iterator[Cluster]:
    """Clusters in file order; a malformed record raises with its line number."""
    if not path.is_file():
        raise NewsprismError("input-not-found", source=str(path))
    text = decode(path.read_bytes(), str(path))
    for count, (location, record) in enumerate(iter_records(text, path.name)):
        if limit is not None and count >= limit:
            return
        if isinstance(record, NewsprismError):
            raise record
        yield cluster_from_record(record, location)


def load_clusters(path: Path, limit: int | None = None) -> list[Cluster]:
    return list(iter_clusters(path, limit))
