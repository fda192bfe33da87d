"""`newsprism schema` and `newsprism stages`: what the data model and pipeline look like."""

from __future__ import annotations

import json

import typer

from newsprism.errors import NewsprismError

MODELS = ("brief", "story", "article", "sentence")


def schema(
    model: str = typer.Option("all", help="One of: all, brief, story, article, sentence."),
) -> None:
    """Print the JSON Schema of the data model (generated from the pydantic models)."""
    from pydantic import BaseModel
    from pydantic.json_schema import models_json_schema

    from newsprism.model import Article, Brief, Sentence, Story

    models: dict[str, type[BaseModel]] = dict(
        zip(MODELS, (Brief, Story, Article, Sentence), strict=True)
    )
    if model == "all":
        _, doc = models_json_schema(
            [(m, "serialization") for m in models.values()], title="newsprism data model"
        )
    elif model in models:
        doc = models[model].model_json_schema(mode="serialization")
    else:
        raise NewsprismError(
            "option-invalid", detail=f"unknown model '{model}' (use all, {', '.join(MODELS)})"
        )
    typer.echo(json.dumps(doc, indent=2))


def stages() -> None:
    """List registered pipeline stages with what they require and assign."""
    from newsprism.registry import describe_stages

    for s in describe_stages():
        typer.echo(
            f"{s['name']} {s['version']}: requires {', '.join(s['requires']) or '-'}; "
            f"assigns {', '.join(s['assigns']) or '-'}; on error {s['on_error']}. {s['doc']}"
        )


def register(app: typer.Typer) -> None:
    app.command()(schema)
    app.command()(stages)
