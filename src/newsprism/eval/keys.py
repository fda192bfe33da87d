"""Answer keys for `newsprism eval brief`: read a key folder and tell which brief article is which doc.

A key folder holds the articles (``d*.txt``, or the seed cluster's ``NNN_*.txt``) and ``expected.json``.
Articles are matched to the key's documents through its ``markers`` (a verbatim phrase found in one
document only), compared after lower-casing and collapsing punctuation and spaces, so the mapping does
not depend on file names. Keys in the older form (no markers) name documents by file-name prefix.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.model import Article, Brief

_NON_WORD = re.compile(r"[^\w]+")
_DOC_FILE = re.compile(r"^d(\d+)\.txt$")
_PREFIX_FILE = re.compile(r"^(\d{3})_[^/]*\.txt$")


def normalise(text: str) -> str:
    """Lower-case, punctuation and runs of space to one space: how fragments and markers compare."""
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


@dataclass
class Key:
    """One story's answer key and the article files it was written for."""

    name: str
    folder: Path
    data: dict[str, Any]
    files: list[Path]
    markers: dict[str, str] = field(default_factory=dict)

    @property
    def docs(self) -> list[str]:
        """The documents the key scores (skipped junk documents are not among them)."""
        if self.markers:
            return sorted(self.markers)
        return sorted(_doc_of_file(f) or f.stem for f in self.files)

    def items(self, section: str) -> list[Any]:
        value = self.data.get(section) or []
        return list(value)


def _doc_of_file(path: Path) -> str | None:
    if m := _DOC_FILE.match(path.name):
        return f"d{m.group(1)}"
    if m := _PREFIX_FILE.match(path.name):
        return m.group(1)
    return None


def load_key(folder: Path) -> Key:
    """Read ``expected.json`` and the article files it scores (skipping ``documents_skipped``)."""
    expected = folder / "expected.json"
    if not expected.is_file():
        raise NewsprismError("key-invalid", path=str(folder), detail="no expected.json")
    try:
        data = json.loads(expected.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise NewsprismError("key-invalid", path=str(expected), detail=str(exc)) from exc
    skipped = {f"d{n}" for n in (data.get("source") or {}).get("documents_skipped", [])}
    files = [
        f
        for f in sorted(folder.glob("*.txt"))
        if _doc_of_file(f) is not None and _doc_of_file(f) not in skipped
    ]
    if not files:
        raise NewsprismError("key-invalid", path=str(folder), detail="no d*.txt article files")
    markers = {d: p for d, p in (data.get("markers") or {}).items() if d not in skipped}
    return Key(name=folder.name, folder=folder, data=data, files=files, markers=markers)


def map_articles(key: Key, brief: Brief) -> tuple[dict[str, str], list[str]]:
    """Article id -> key document, and notes on anything that could not be matched.

    With markers, an article is the document whose marker its text contains, provided exactly one
    marker matches; without markers (older keys), the document is the file-name prefix.
    """
    mapping: dict[str, str] = {}
    notes: list[str] = []
    for article in brief.articles:
        doc = _by_marker(key, article) if key.markers else _doc_of_file(Path(article.source))
        if doc is None:
            notes.append(f"article {article.label} matches no key document")
        else:
            mapping[article.id] = doc
    missing = sorted(set(key.docs) - set(mapping.values()))
    if missing:
        notes.append(f"key documents without a brief article: {', '.join(missing)}")
    return mapping, notes


def _by_marker(key: Key, article: Article) -> str | None:
    text = normalise(article.text)
    hits = [doc for doc, marker in key.markers.items() if normalise(marker) in text]
    return hits[0] if len(hits) == 1 else None


@dataclass
class Cited:
    """Resolves a brief's citations to key documents and sentence texts."""

    brief: Brief
    doc_of_article: dict[str, str]

    def __post_init__(self) -> None:
        self._index = self.brief.sentence_index()

    def docs(self, citations: list[str]) -> set[str]:
        out = set()
        for cid in citations:
            if cid in self._index:
                doc = self.doc_of_article.get(self._index[cid][0].id)
                if doc:
                    out.add(doc)
        return out

    def text(self, citations: list[str]) -> str:
        return " ".join(self._index[c][1].text for c in citations if c in self._index)

    def doc_of(self, article_id: str) -> str | None:
        return self.doc_of_article.get(article_id)
