"""`newsprism eval brief KEYS_DIR...`: brief each answer-key folder and score it against its key."""

from __future__ import annotations

from pathlib import Path

import typer


def brief_keys(
    keys: list[Path] = typer.Argument(
        ..., help="Answer-key folders: expected.json beside the articles (d*.txt)."
    ),
    out: Path | None = typer.Option(None, "--out", help="Save the scores (per story) as JSON."),
    semantic: bool | None = typer.Option(
        None,
        "--semantic/--lexical",
        help="Align claims by meaning or by words (default: meaning when the extra is installed).",
    ),
) -> None:
    """Discrepancy recall, top-5 noise, shared-quote, unique and agreed-fact recall per story."""
    folders = [k for k in keys if k.is_dir() and (k / "expected.json").is_file()]
    ignored = [k for k in keys if k not in folders]
    for k in ignored:
        typer.echo(f"skipped {k}: no expected.json", err=True)
    from newsprism.eval.brief_eval import evaluate

    report = evaluate(folders, semantic, progress=lambda n: typer.echo(f"briefing {n}", err=True))
    typer.echo(report.table())
    if out:
        report.save(out)
        typer.echo(f"saved {out}")


def register(eval_app: typer.Typer) -> None:
    eval_app.command("brief")(brief_keys)
