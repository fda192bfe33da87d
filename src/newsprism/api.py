"""The Python API: `brief()` and friends. The CLI is a thin wrapper over these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs
from newsprism.model import Article, Brief, Notice, Story
from newsprism.pipeline import DEFAULT_PIPELINE, BriefConfig, Pipeline

Input = str | Path | Article


def load_articles(
    inputs: Iterable[Input], strict: bool = False
) -> tuple[list[Article], list[Notice]]:
    """Paths (files, folders, '-') are read; Article objects pass through."""
    items = list(inputs)
    articles = [i for i in items if isinstance(i, Article)]
    paths = [i for i in items if not isinstance(i, Article)]
    result = read_inputs(paths, strict=strict)
    return articles + result.articles, result.notices


def brief_story(
    story: Story,
    words: int = 250,
    strict: bool = False,
    stages: Sequence[str] = DEFAULT_PIPELINE,
    notices: Sequence[Notice] = (),
    progress: Callable[[str], None] | None = None,
) -> Brief:
    if not story.articles:
        raise NewsprismError("no-articles")
    config = BriefConfig(words=words, strict=strict)
    return Pipeline(stages).run(story, config, notices=notices, progress=progress)


def brief(
    inputs: Input | Iterable[Input],
    words: int = 250,
    strict: bool = False,
    stages: Sequence[str] = DEFAULT_PIPELINE,
    title: str | None = None,
) -> Brief:
    """Brief one story from paths and/or Article objects.

    Unreadable inputs become notices in the brief (or raise, with ``strict``); raises
    ``NewsprismError('no-articles')`` when nothing usable remains.
    """
    if isinstance(inputs, str | Path | Article):
        inputs = [inputs]
    articles, notices = load_articles(inputs, strict=strict)
    story = Story.from_articles(articles, title=title)
    return brief_story(story, words=words, strict=strict, stages=stages, notices=notices)
