"""stories.jsonl: one `Story` per line, with full articles, so a brief needs nothing else.

The last line is a completion record, `{"newsprism": "stories", "complete": true, "stories": N,
"version": CLUSTER_VERSION}`,
written only when clustering finished: a file cut short (a killed run, a partial copy) lacks it,
and `read_stories` refuses such a file instead of briefing part of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from newsprism.cluster.config import CLUSTER_VERSION
from newsprism.errors import NewsprismError
from newsprism.model import Story

COMPLETION_KEY = "newsprism"


def write_stories(stories: Iterable[Story], out: IO[str]) -> int:
    """Write stories as JSON lines as they come; returns how many were written."""
    n = 0
    for story in stories:
        out.write(story.model_dump_json())
        out.write("\n")
        n += 1
    return n


def completion_record(stories: int) -> str:
    """The line that closes a complete stories file (with the clustering version that wrote it)."""
    record = {
        COMPLETION_KEY: "stories",
        "complete": True,
        "stories": stories,
        "version": CLUSTER_VERSION,
    }
    return json.dumps(record, separators=(",", ":")) + "\n"


def read_stories(path: str | Path, require_complete: bool = True) -> Iterator[Story]:
    """Stories in file order; with ``require_complete``, a file without its completion record
    (or with a count that does not match) raises `stories-incomplete` once the lines run out."""
    p = Path(path)
    if not p.is_file():
        raise NewsprismError("input-not-found", source=str(p))
    count, closed = 0, None
    with p.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            if closed is not None:
                raise _incomplete(p, f"line {lineno} follows the completion record")
            if line.startswith('{"' + COMPLETION_KEY + '"'):
                closed = _completion_count(line, p, lineno)
                continue
            try:
                story = Story.model_validate_json(line)
            except ValueError as exc:
                detail = f"line {lineno} is not a story record ({type(exc).__name__})"
                raise NewsprismError("input-format", source=str(p), detail=detail) from exc
            count += 1
            yield story
    if require_complete and closed is None:
        raise _incomplete(p, "it has no completion record, so it may have been cut short")
    if require_complete and closed != count:
        raise _incomplete(p, f"it holds {count} stories where its completion record says {closed}")


def _completion_count(line: str, path: Path, lineno: int) -> int:
    try:
        record = json.loads(line)
        return int(record["stories"])
    except (ValueError, KeyError, TypeError):
        raise _incomplete(path, f"line {lineno} is a damaged completion record") from None


def _incomplete(path: Path, detail: str) -> NewsprismError:
    return NewsprismError("stories-incomplete", source=str(path), detail=detail)


def find_story(path: str | Path, story_id: str) -> Story:
    """The story with this id (or the only story whose id starts with it)."""
    matches = [s for s in read_stories(path) if s.id == story_id or s.id.startswith(story_id)]
    exact = [s for s in matches if s.id == story_id]
    if exact:
        return exact[0]
    if len(matches) == 1:
        return matches[0]
    raise NewsprismError("story-unknown", source=str(path), story=story_id, found=len(matches))


def clustered_story(path: Path | None, story_id: str | None, title: str | None = None) -> Story:
    """The story `brief --stories FILE --story ID` asks for; both options are needed."""
    if path is None or story_id is None:
        raise NewsprismError("option-invalid", detail="--stories and --story go together")
    story = find_story(path, story_id)
    return story.model_copy(update={"title": title}) if title else story
