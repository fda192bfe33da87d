"""`newsprism schema` and `newsprism stages`: what the data model and pipeline look like."""

from __future__ import annotations

import json

import typer

from newsprism.model import Brief
from newsprism.registry import describe_stages


def schema() -> None:
    """Print the JSON Schema of the Brief (which embeds Article, Sentence and Story items)."""
    typer.echo(json.dumps(Brief.model_json_schema(), indent=2))


def stages() -> None:
    """List registered pipeline stages with what they require and assign."""
    for s in describe_stages():
        typer.echo(
            f"{s['name']} {s['version']}: requires {', '.join(s['requires']) or '-'}; "
            f"assigns {', '.join(s['assigns']) or '-'}; on error {s['on_error']}. {s['doc']}"
        )


def register(app: typer.Typer) -> None:
    app.command()(schema)
    app.command()(stages)
