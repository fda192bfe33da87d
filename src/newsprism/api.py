"""The Python API: `brief()` and friends. The CLI is a thin wrapper over these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs
from newsprism.model import Article, Brief, Notice, Story
from newsprism.pipeline import DEFAULT_PIPELINE, BriefConfig, Pipeline
from newsprism.text import embeddings

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
    semantic: bool | None = None,
) -> Brief:
    """Brief a story already in memory (e.g. one from `newsprism cluster`).

    ``semantic=None`` aligns claims by meaning when the ``semantic`` extra is installed and by words
    otherwise; ``True`` insists on embeddings and fails clearly when the extra is missing.
    """
    if not story.articles:
        raise NewsprismError("no-articles")
    if semantic and not embeddings.available():
        raise NewsprismError(
            "extra-missing",
            feature=embeddings.FEATURE,
            extra="semantic",
            before=embeddings.INSTALL_FIRST,
        )
    use_semantic = embeddings.available() if semantic is None else semantic
    config = BriefConfig(words=words, strict=strict, semantic=use_semantic)
    return Pipeline(stages).run(story, config, notices=notices, progress=progress)


def brief(
    inputs: Input | Iterable[Input],
    words: int = 250,
    strict: bool = False,
    stages: Sequence[str] = DEFAULT_PIPELINE,
    title: str | None = None,
    semantic: bool | None = None,
) -> Brief:
    """Brief one story from paths and/or Article objects.

    Unreadable inputs become notices in the brief (or raise, with ``strict``); raises
    ``NewsprismError('no-articles')`` when nothing usable remains.
    """
    if isinstance(inputs, str | Path | Article):
        inputs = [inputs]
    articles, notices = load_articles(inputs, strict=strict)
    story = Story.from_articles(articles, title=title)
    return brief_story(
        story, words=words, strict=strict, stages=stages, notices=notices, semantic=semantic
    )
