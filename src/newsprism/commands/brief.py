"""`newsprism brief PATH...`: read articles, run the pipeline, write JSON, Markdown or HTML."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

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
) -> None:
    """Brief one story from several articles."""
    if stories is not None or story_id is not None:
        story = clustered_story(stories, story_id, title)
        result = brief_story(story, words=words, strict=strict)
        _write(render(result, format.value), output, len(result.articles))
        return
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
    result = brief_story(
        Story.from_articles(articles, title=title), words=words, strict=strict, notices=notices
    )
    text = render(result, format.value)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output} ({len(result.articles)} articles)", err=True)
    else:
        typer.echo(text)


def _write(text: str, output: Path | None, n_articles: int) -> None:
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output} ({n_articles} articles)", err=True)
    else:
        typer.echo(text)


def _report(notices: list[Notice]) -> None:
    for n in notices:
        typer.secho(f"warning: {n.message}", fg=typer.colors.YELLOW, err=True)


def register(app: typer.Typer) -> None:
    app.command()(brief)
