"""stories.jsonl: one `Story` per line, with full articles, so a brief needs nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from newsprism.errors import NewsprismError
from newsprism.model import Story


def write_stories(stories: Iterable[Story], out: IO[str]) -> int:
    """Write stories as JSON lines as they come; returns how many were written."""
    n = 0
    for story in stories:
        out.write(story.model_dump_json())
        out.write("\n")
        n += 1
    return n


def read_stories(path: str | Path) -> Iterator[Story]:
    p = Path(path)
    if not p.exists():
        raise NewsprismError("input-not-found", source=str(p))
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield Story.model_validate_json(line)
                except ValueError as exc:
                    detail = f"line {lineno} is not a story record ({type(exc).__name__})"
                    raise NewsprismError("input-format", source=str(p), detail=detail) from exc


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
