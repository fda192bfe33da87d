"""`newsprism brief PATH...`: read articles, run the pipeline, write JSON, Markdown or HTML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.ingest.base import Limits
    from newsprism.model import Brief, Notice, Story
from newsprism.clean import for_terminal


def brief(
    paths: list[str] = typer.Argument(None, help="Files, folders or '-' for stdin."),
    format: str = typer.Option(
        "md", "--format", "-f", help="Output format: md, json, html, or one a plugin registers."
    ),
    output: str | None = typer.Option(
        None, "--output", "-o", help="Write here instead of stdout (never over an input)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite the --output file if it exists."),
    words: int = typer.Option(250, "--words", min=20, help="Summary length budget in words."),
    sample: bool = typer.Option(
        False, "--sample", help="Brief the bundled fictional sample story."
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail on the first unreadable input."),
    title: str | None = typer.Option(None, "--title", help="Story title shown in the brief."),
    stories: Path | None = typer.Option(
        None, "--stories", help="A stories.jsonl from `newsprism cluster` (use with --story)."
    ),
    story_id: str | None = typer.Option(None, "--story", help="Id of the story to brief."),
    db: str | None = typer.Option(
        None, "--db", help="Brief a stored story (with --story); the brief is stored and reused."
    ),
    ratings: Path | None = typer.Option(
        None,
        "--ratings",
        help="CSV or YAML mapping outlet name or domain to left, lean left, center, lean right "
        "or right (optional notes); it overrides stance metadata.",
    ),
    semantic: bool | None = typer.Option(
        None,
        "--semantic/--lexical",
        help="Align claims by meaning (needs the semantic extra) or by words only. "
        "Default: by meaning when the extra is installed.",
        show_default=False,
    ),
    max_article_bytes: int | None = typer.Option(
        None,
        "--max-article-bytes",
        help="Skip longer articles, with a notice [default: 500,000].",
        show_default=False,
    ),
    max_depth: int | None = typer.Option(
        None,
        "--max-depth",
        help="Skip JSON records nested deeper, with a notice [default: 64].",
        show_default=False,
    ),
    max_articles: int | None = typer.Option(
        None,
        "--max-articles",
        help="Refuse a story with more articles [default: 500].",
        show_default=False,
    ),
) -> None:
    """Brief one story from several articles."""
    from newsprism.api import brief_story
    from newsprism.registry import RENDERERS

    if format not in RENDERERS:  # before any work: a plugin's format counts as well
        known = ", ".join(RENDERERS)
        raise NewsprismError("option-invalid", detail=f"unknown format '{format}' (use {known})")
    from newsprism.ingest.base import Limits
    from newsprism.output import check_output, write_atomic
    from newsprism.render import render

    given = {"article_bytes": max_article_bytes, "articles": max_articles, "depth": max_depth}
    limits = Limits(**{k: v for k, v in given.items() if v is not None})
    target = None
    if output is not None:  # a str, not a Path: Path('') would silently be '.'
        target = check_output(output, [*(paths or []), *([stories] if stories else [])], force)
    if db is not None:
        result = _stored(db, story_id, words, semantic, strict)
    else:
        story, notices = _story(paths, sample, strict, title, stories, story_id, limits)
        if ratings is not None:
            from newsprism.analysis.framing_ratings import read_ratings

            read_ratings(ratings).apply(story.articles)
        if semantic is None and _semantic_installed():
            _say(
                "note: aligning claims by meaning (the semantic extra is installed; --lexical is "
                "faster)"
            )
        result = brief_story(
            story, words=words, strict=strict, notices=notices, semantic=semantic, limits=limits
        )
    text = render(result, format)
    if target is not None:
        write_atomic(target, text)
        _say(f"wrote {target} ({len(result.articles)} articles)")
    else:
        typer.echo(for_terminal(text) if sys.stdout.isatty() else text)


def _stored(
    db: str, story_id: str | None, words: int, semantic: bool | None, strict: bool
) -> Brief:
    """A stored story's brief: reused while its articles and stages are unchanged."""
    if story_id is None:
        raise NewsprismError(
            "option-invalid", detail="--db needs --story ID (see 'newsprism stories')"
        )
    from newsprism.store import open_store
    from newsprism.store.briefs import stored_brief

    store = open_store(db)
    try:
        result, reused = stored_brief(store, story_id, words, semantic, strict)
    finally:
        store.close()
    _say(f"{'reused the stored' if reused else 'made and stored a new'} brief")
    return result


def _story(
    paths: list[str] | None,
    sample: bool,
    strict: bool,
    title: str | None,
    stories: Path | None,
    story_id: str | None,
    limits: Limits,
) -> tuple[Story, list[Notice]]:
    """The story to brief: one from a stories file, or one made of the given inputs."""
    from newsprism.api import load_inputs, require_articles
    from newsprism.cluster.io import clustered_story
    from newsprism.model import Story
    from newsprism.samples import sample_paths

    if stories is not None or story_id is not None:
        return clustered_story(stories, story_id, title), []
    inputs: list[str | Path] = list(paths or [])
    if sample:
        inputs.extend(sample_paths())
        title = title or "Sample story (fictional)"
    if not inputs:
        raise NewsprismError(
            "option-invalid", detail="give article paths, '-' for stdin, or --sample"
        )
    result = load_inputs(inputs, strict=strict, limits=limits)
    report(result.notices)
    require_articles(result.articles, result.notices, limits)
    return Story.from_articles(result.articles, title=title or result.title), result.notices


def _semantic_installed() -> bool:
    from newsprism.text import embeddings

    return embeddings.available()


def report(notices: list[Notice]) -> None:
    for n in notices:
        _say(f"warning: {n.message}", typer.colors.YELLOW)


def _say(message: str, colour: str | None = None) -> None:
    """A line on stderr, with terminal escapes from file names or text removed."""
    typer.secho(for_terminal(message), fg=colour, err=True)


def register(app: typer.Typer) -> None:
    app.command()(brief)
