"""The Python API: `brief()` and friends. The CLI is a thin wrapper over these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from newsprism.errors import NewsprismError
from newsprism.ingest import IngestResult, Limits, read_inputs
from newsprism.ingest.paths import as_paths
from newsprism.model import Article, Brief, Notice, Story
from newsprism.pipeline import DEFAULT_PIPELINE, BriefConfig, Pipeline
from newsprism.text import embeddings

Input = str | Path | Article


def load_articles(
    inputs: Input | Iterable[Input], strict: bool = False, limits: Limits | None = None
) -> tuple[list[Article], list[Notice]]:
    """Paths (files, folders, '-') are read; Article objects pass through."""
    result = load_inputs(inputs, strict, limits)
    return result.articles, result.notices


def load_inputs(
    inputs: Input | Iterable[Input], strict: bool = False, limits: Limits | None = None
) -> IngestResult:
    """`load_articles` with the story title the inputs' metadata gives (e.g. a `headline`)."""
    if isinstance(inputs, str | Path | Article):
        inputs = [inputs]
    if inputs is None or isinstance(inputs, bytes | bytearray) or not isinstance(inputs, Iterable):
        raise NewsprismError(
            "option-invalid",
            detail=f"inputs must be paths or Articles, not {type(inputs).__name__}",
        )
    items = list(inputs)
    articles = [i for i in items if isinstance(i, Article)]
    paths = as_paths([i for i in items if not isinstance(i, Article)])
    # One past the limit is enough to refuse a story that is too big, without reading it all.
    result = read_inputs(paths, strict, limits, stop_after=(limits or Limits()).articles + 1)
    result.articles = articles + result.articles
    return result


def require_articles(
    articles: Sequence[Article], notices: Sequence[Notice], limits: Limits
) -> None:
    """A story to brief: at least one article, at most ``limits.articles``; else a clear error."""
    if not articles:
        reasons = "; ".join(n.message.split(" — ")[0] for n in notices[:3])
        raise NewsprismError("no-articles", detail=f" ({reasons})" if reasons else "")
    if len(articles) > limits.articles:
        count = f"{limits.articles:,}+" if len(articles) == limits.articles + 1 else len(articles)
        raise NewsprismError("too-many-articles", count=count, limit=f"{limits.articles:,}")


def brief_story(
    story: Story,
    words: int = 250,
    strict: bool = False,
    stages: Sequence[str] = DEFAULT_PIPELINE,
    notices: Sequence[Notice] = (),
    progress: Callable[[str], None] | None = None,
    semantic: bool | None = None,
    limits: Limits | None = None,
) -> Brief:
    """Brief a story already in memory (e.g. one from `newsprism cluster`).

    ``semantic=None`` aligns claims by meaning when the ``semantic`` extra is installed and by words
    otherwise; ``True`` insists on embeddings and fails clearly when the extra is missing.
    """
    require_articles(story.articles, notices, limits or Limits())
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
    limits: Limits | None = None,
) -> Brief:
    """Brief one story from paths and/or Article objects.

    Unreadable inputs become notices in the brief (or raise, with ``strict``); raises
    ``NewsprismError('no-articles')``, naming the reasons, when nothing usable remains. The title
    defaults to the one the inputs' metadata gives (a record's `headline`).
    """
    result = load_inputs(inputs, strict, limits)
    require_articles(result.articles, result.notices, limits or Limits())
    story = Story.from_articles(result.articles, title=title or result.title)
    return brief_story(
        story,
        words=words,
        strict=strict,
        stages=stages,
        notices=result.notices,
        semantic=semantic,
        limits=limits,
    )
