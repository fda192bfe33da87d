"""`newsprism eval faithfulness INPUTS...`: brief stories and count what the checker flags."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer


def faithfulness(
    inputs: list[str] = typer.Argument(
        ...,
        help="Story folders or files, 'sample' for the bundled story, or JSONL story sets.",
    ),
    limit: int = typer.Option(50, "--limit", min=1, help="Stories per JSONL story set."),
    words: int = typer.Option(250, "--words", min=1, help="Summary length budget."),
    out: Path | None = typer.Option(None, "--out", help="Save counts and findings as JSON."),
    show: bool = typer.Option(False, "--show", help="Print every finding."),
) -> None:
    """Counts per category and dataset: unbalanced quotes, unresolved references, unattributed
    opinion, unsupported agreed credits, wrong omitted_by, count labels."""
    from newsprism.eval.faithfulness_run import run, table

    results = run(inputs, limit=limit, words=words, progress=lambda m: typer.echo(m, err=True))
    typer.echo(table(results))
    if show:
        for r in results:
            for f in r.findings:
                typer.echo(f"[{r.name}] {f['story']} {f['category']} {f['section']}#{f['item']}"
                           f" {f['outlet'] or ''}: {f['detail']} :: {f['text'][:160]}")  # fmt: skip
    if out:
        out.write_text(json.dumps([asdict(r) for r in results], indent=1), encoding="utf-8")
        typer.echo(f"saved {out}")


def register(eval_app: typer.Typer) -> None:
    eval_app.command("faithfulness")(faithfulness)
