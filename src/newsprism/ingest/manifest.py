"""Metadata for plain-text articles: a manifest beside the files, or front matter in the file.

A manifest is `articles.csv` or `articles.yaml` (`.yml`) in the folder of the articles. The CSV
has a `file` column and any of `outlet`, `date`, `url`, `stance`, `title`, `author`; the YAML is
either a mapping `file: {outlet: ..., ...}` or a list of such records with a `file` key. Front
matter is a YAML block between `---` lines at the very top of a `.txt` file.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.ingest.encoding import decode

MANIFEST_NAMES = ("articles.csv", "articles.yaml", "articles.yml")
FIELDS = ("outlet", "date", "url", "stance", "title", "author")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)

Entries = dict[str, dict[str, object]]


def load_manifest(folder: Path) -> tuple[Entries, list[NewsprismError]]:
    """File name -> metadata from the folder's manifest (empty when it has none)."""
    entries: Entries = {}
    problems: list[NewsprismError] = []
    for name in MANIFEST_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        try:
            text = decode(path.read_bytes(), str(path))
            rows = _csv_rows(text) if name.endswith(".csv") else _yaml_rows(text)
        except (OSError, ValueError, NewsprismError) as exc:
            detail = exc.message if isinstance(exc, NewsprismError) else str(exc).split("\n")[0]
            problems.append(
                NewsprismError("input-format", source=str(path), detail=f"manifest: {detail}")
            )
            continue
        for lineno, row in rows:
            file = row.get("file")
            if not isinstance(file, str) or not file.strip():
                detail = "manifest entry has no 'file'"
                problems.append(
                    NewsprismError("input-format", source=f"{path}:{lineno}", detail=detail)
                )
                continue
            meta = {k: v for k, v in row.items() if k in FIELDS}
            entries[file.strip().replace("\\", "/")] = meta
    return entries, problems


def _csv_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
        raise ValueError("the first row must name the columns, one of them 'file'")
    return [
        (reader.line_num, {str(k).strip().lower(): v for k, v in row.items() if k is not None})
        for row in reader
    ]


def _yaml_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    data = _safe_yaml(text)
    if isinstance(data, dict):
        items = [
            {"file": k, **v} if isinstance(v, dict) else {"file": k, "outlet": v}
            for k, v in data.items()
        ]
    elif isinstance(data, list):
        items = [r if isinstance(r, dict) else {} for r in data]
    else:
        raise ValueError("expected a mapping of file names or a list of records")
    return [(i, {str(k).lower(): v for k, v in item.items()}) for i, item in enumerate(items, 1)]


def _safe_yaml(text: str) -> Any:
    import yaml  # imported on first use: it costs start-up time

    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError) as exc:
        raise ValueError(f"not valid YAML ({type(exc).__name__})") from None


def split_front_matter(
    text: str, source: str
) -> tuple[dict[str, object], str, list[NewsprismError]]:
    """(metadata, body, problems): a leading `---` YAML block, or nothing and the text unchanged."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text, []
    body = text[found.end() :]
    try:
        data = _safe_yaml(found.group(1))
    except ValueError as exc:
        return (
            {},
            body,
            [NewsprismError("input-format", source=source, detail=f"front matter: {exc}")],
        )
    if not isinstance(data, dict):
        detail = "front matter: expected 'key: value' lines"
        return {}, body, [NewsprismError("input-format", source=source, detail=detail)]
    return {str(k).lower(): v for k, v in data.items() if str(k).lower() in FIELDS}, body, []


def entry_for(entries: Entries, folder: Path, path: Path) -> dict[str, object]:
    """The manifest entry naming this file, by name or by path relative to the manifest."""
    try:
        relative = path.relative_to(folder).as_posix()
    except ValueError:
        relative = path.name
    return entries.get(relative) or entries.get(path.name) or {}
