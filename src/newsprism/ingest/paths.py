"""Which files an input names: checked arguments, and folders walked without surprises.

A folder yields the files a reader is registered for, in sorted order. It skips hidden files,
manifests (they are metadata), files without an extension (README, LICENSE, Makefile) and
newsprism's own outputs (a brief or a stories file written into the folder), each with a notice,
so a second run never briefs the first run's brief.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.ingest.base import READERS, suffix_of
from newsprism.ingest.manifest import MANIFEST_NAMES

# The first bytes of what newsprism writes: a brief page, a brief as JSON, a stories file.
_OUR_OUTPUTS = re.compile(
    rb'<meta name="generator" content="newsprism|\A\{\s*"schema_version": "\d+",\s*"story_id"'
    rb'|\A\{"id":"st[0-9a-f]{10}","title":'
)
_SNIFF = 4096


def as_paths(inputs: object) -> list[str | Path]:
    """Inputs as a list of paths: one path, or an iterable of them; anything else is an error."""
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    if inputs is None or isinstance(inputs, bytes | bytearray) or not isinstance(inputs, Iterable):
        raise NewsprismError(
            "option-invalid",
            detail=f"inputs must be paths or Articles, not {type(inputs).__name__}",
        )
    paths: list[str | Path] = []
    for item in inputs:
        if not isinstance(item, str | Path):
            raise NewsprismError(
                "option-invalid",
                detail=f"an input must be a path or an Article, not {type(item).__name__}",
            )
        if str(item).strip() == "":
            raise NewsprismError("option-invalid", detail="an input path is empty ('')")
        paths.append(item)
    return paths


def expand(
    paths: Iterable[str | Path], on_skip: Callable[[NewsprismError], None] | None = None
) -> Iterator[str | Path]:
    """Directories recursively, in sorted order, so runs are reproducible."""
    for p in paths:
        path = Path(p)
        if str(p) != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                reason = _skip_reason(path, child)
                if reason is None:
                    yield child
                elif reason and on_skip is not None:
                    on_skip(NewsprismError("input-skipped", source=str(child), detail=reason))
        else:
            yield "-" if str(p) == "-" else path


def _skip_reason(root: Path, child: Path) -> str | None:
    """Why a file in a folder is not read ('' to skip it silently), or None to read it."""
    if not child.is_file() or any(p.startswith(".") for p in child.relative_to(root).parts):
        return ""
    if child.name.lower() in MANIFEST_NAMES:
        return ""
    suffix = suffix_of(child)
    if not suffix:
        return "no file extension, so not taken for an article"
    if suffix not in READERS:
        return f"no reader for '{suffix}' files"
    if _is_our_output(child):
        return "it is a newsprism output"
    return None


def _is_our_output(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF)
    except OSError:
        return False
    return _OUR_OUTPUTS.search(head) is not None
