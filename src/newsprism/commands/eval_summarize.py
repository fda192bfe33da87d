"""`newsprism eval summarize DATA.jsonl`: ROUGE of newsprism's summary beside peer summarizers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from newsprism.errors import NewsprismError

DEFAULT_PEERS = "lead,lexrank,textrank,lsa,oracle"  # every peer in newsprism.eval.peers.PEERS


def summarize(
    data: Path = typer.Argument(
        ..., help="JSONL: one story per line, 'documents' plus 'summary' or 'summaries'."
    ),
    words: int = typer.Option(250, "--words", min=1, help="Cut every output to N words."),
    peers: str = typer.Option(
        DEFAULT_PEERS,
        "--peers",
        help=f"Comma-separated peers from: {DEFAULT_PEERS.replace(',', ', ')}.",
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N stories."),
    out: Path | None = typer.Option(None, "--out", help="Save scores (with per-story) as JSON."),
    options: str | None = typer.Option(
        None, "--options", help="Summary knobs as JSON, e.g. '{\"quotes\": 0.2}'."
    ),
) -> None:
    """R-1, R-2, RLsum (rouge-score F1, stemmed, mean over references) and ms per story."""
    from newsprism.eval.data import iter_clusters  # imported here: `--help` must start fast
    from newsprism.eval.harness import evaluate, parse_peers

    names = parse_peers(peers)
    summary_options = {"summary": _knobs(options)} if options else None
    report = evaluate(
        iter_clusters(data, limit),
        names,
        words=words,
        data=str(data),
        options=summary_options,
        progress=True,
        total=limit or _count_lines(data),
    )
    typer.echo(report.table())
    if out:
        report.save(out)
        typer.echo(f"saved {out}")


def _knobs(text: str) -> dict[str, Any]:
    try:
        knobs = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NewsprismError("option-invalid", detail=f"--options is not JSON: {exc.msg}") from exc
    if not isinstance(knobs, dict):
        raise NewsprismError("option-invalid", detail="--options must be a JSON object")
    return knobs


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return None


def register(eval_app: typer.Typer) -> None:
    eval_app.command("summarize")(summarize)
