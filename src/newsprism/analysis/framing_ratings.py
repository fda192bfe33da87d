"""Outlet stance from a user's ratings file (CSV or YAML): outlet name or domain -> leaning.

The package never ships a third party's ratings table; users bring their own. A file that cannot be
read raises ``ratings-invalid`` naming the file and line, so it can be fixed in one look.

CSV: ``outlet,stance[,notes]`` per line; a header line and ``#`` comments are allowed.
YAML: ``outlet: stance``, ``outlet: {stance: ..., notes: ...}`` or a list of
``{outlet: ..., stance: ..., notes: ...}``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsprism.errors import NewsprismError
from newsprism.model import Article

STANCES = ("left", "lean left", "center", "lean right", "right")
_ALIASES = {
    "centre": "center", "centrist": "center", "leans left": "lean left", "left-leaning": "lean left",
    "leans right": "lean right", "right-leaning": "lean right", "center left": "lean left",
    "center right": "lean right", "centre left": "lean left", "centre right": "lean right",
}  # fmt: skip
SIDE = {"left": "left", "lean left": "left", "center": "center", "lean right": "right",
        "right": "right"}  # fmt: skip


def normalize_stance(value: object) -> str | None:
    """One of STANCES for a spelling a person would write ('Lean-Left', 'centre'), else None."""
    text = " ".join(str(value or "").lower().replace("-", " ").replace("_", " ").split())
    text = _ALIASES.get(text, text)
    return text if text in STANCES else None


def outlet_key(name: str) -> str:
    """Lookup key for an outlet name or domain: lower case, no scheme, no 'www.'."""
    text = name.strip().lower()
    if "://" in text:
        text = urlsplit(text).netloc
    return text.removeprefix("www.").rstrip("/")


@dataclass
class Ratings:
    """Outlet name or domain -> (stance, notes)."""

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    source: str = ""

    def stance_of(self, article: Article) -> str | None:
        keys = [article.outlet or "", article.label]
        if article.url:
            keys.append(urlsplit(article.url).netloc)
        for key in keys:
            if key and (hit := self.entries.get(outlet_key(key))):
                return hit[0]
        return None

    def apply(self, articles: list[Article]) -> int:
        """Set each rated article's stance (the user's file wins over metadata); how many rated."""
        rated = 0
        for article in articles:
            stance = self.stance_of(article)
            if stance:
                article.stance = stance
                rated += 1
        return rated


def _bad(source: str, line: int, detail: str) -> NewsprismError:
    return NewsprismError("ratings-invalid", source=source, line=line, detail=detail)


def _entry(source: str, line: int, outlet: object, stance: object) -> tuple[str, str]:
    name = str(outlet or "").strip()
    if not name:
        raise _bad(source, line, "the outlet name is empty")
    normal = normalize_stance(stance)
    if normal is None:
        raise _bad(source, line, f"'{stance}' is not a stance")
    return outlet_key(name), normal


def read_csv(text: str, source: str) -> Ratings:
    ratings = Ratings(source=source)
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if number == 1 and len(cells) >= 2 and cells[1].lower() in {"stance", "leaning", "rating"}:
            continue
        if len(cells) < 2:
            raise _bad(source, number, "expected 'outlet,stance[,notes]'")
        key, stance = _entry(source, number, cells[0], cells[1])
        ratings.entries[key] = (stance, cells[2] if len(cells) > 2 else "")
    return ratings


def read_yaml(text: str, source: str) -> Ratings:
    import yaml

    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise _bad(source, (mark.line + 1) if mark else 1, "not valid YAML") from exc
    ratings = Ratings(source=source)
    if root is None:
        return ratings
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            line = key_node.start_mark.line + 1
            stance, notes = _stance_and_notes(source, line, _plain(value_node))
            key, normal = _entry(source, line, key_node.value, stance)
            ratings.entries[key] = (normal, notes)
    elif isinstance(root, yaml.SequenceNode):
        for item in root.value:
            line = item.start_mark.line + 1
            value = _plain(item)
            if not isinstance(value, dict) or "outlet" not in value:
                raise _bad(source, line, "each item needs 'outlet' and 'stance'")
            stance, notes = _stance_and_notes(source, line, value)
            key, normal = _entry(source, line, value["outlet"], stance)
            ratings.entries[key] = (normal, notes)
    else:
        raise _bad(source, root.start_mark.line + 1, "expected a mapping or a list of outlets")
    return ratings


def _plain(node: Any) -> Any:
    import yaml

    return yaml.safe_load(yaml.serialize(node))


def _stance_and_notes(source: str, line: int, value: Any) -> tuple[object, str]:
    if isinstance(value, dict):
        if "stance" not in value:
            raise _bad(source, line, "missing 'stance'")
        return value["stance"], str(value.get("notes") or "")
    if isinstance(value, (list, tuple)):
        raise _bad(source, line, "expected a stance, not a list")
    return value, ""


def read_ratings(path: str | Path) -> Ratings:
    """Ratings from a .csv, .yaml or .yml file."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise NewsprismError("input-unreadable", source=source, detail=exc.strerror) from exc
    except UnicodeDecodeError as exc:
        raise _bad(source, text_line(exc), "not UTF-8 text") from exc
    if path.suffix.lower() in {".yaml", ".yml"}:
        return read_yaml(text, source)
    return read_csv(text, source)


def text_line(exc: UnicodeDecodeError) -> int:
    return exc.object[: exc.start].count(b"\n") + 1
