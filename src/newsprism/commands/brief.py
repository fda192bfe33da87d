"""`newsprism brief PATH...`: read articles, run the pipeline, write JSON, Markdown or HTML."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from newsprism.analysis.framing_ratings import read_ratings
from newsprism.api import brief_story, load_articles
from newsprism.cluster.io import clustered_story
from newsprism.errors import NewsprismError
from newsprism.model import Notice, Story
from newsprism.render import render
from newsprism.samples import sample_paths


class Format(StrEnum):
    md = "md"
    json = "json"
    html = "html"


def brief(
    paths: list[str] = typer.Argument(None, help="Files, folders or '-' for stdin."),
    format: Format = typer.Option(Format.md, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here instead of stdout."
    ),
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
) -> None:
    """Brief one story from several articles."""
    story, notices = _story(paths, sample, strict, title, stories, story_id)
    if ratings is not None:
        read_ratings(ratings).apply(story.articles)
    result = brief_story(story, words=words, strict=strict, notices=notices, semantic=semantic)
    text = render(result, format.value)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output} ({len(result.articles)} articles)", err=True)
    else:
        typer.echo(text)


def _story(
    paths: list[str] | None,
    sample: bool,
    strict: bool,
    title: str | None,
    stories: Path | None,
    story_id: str | None,
) -> tuple[Story, list[Notice]]:
    """The story to brief: one from a stories file, or one made of the given inputs."""
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
    articles, notices = load_articles(inputs, strict=strict)
    _report(notices)
    if not articles:
        raise NewsprismError("no-articles")
    return Story.from_articles(articles, title=title), notices


def _report(notices: list[Notice]) -> None:
    for n in notices:
        typer.secho(f"warning: {n.message}", fg=typer.colors.YELLOW, err=True)


def register(app: typer.Typer) -> None:
    app.command()(brief)
