"""`newsprism eval players KEYS_DIR...`: the key-player and timeline columns of `eval brief` alone.

The same code as `newsprism eval brief` (one key loader, `eval/keys.py`; one scorer,
`eval/players.py`); this command only accepts a folder of key folders too and shows fewer columns.
"""

from __future__ import annotations

from pathlib import Path

import typer

PLAYER_COLUMNS = ("entities", "merges", "splits", "timeline", "order")


def key_dirs(paths: list[Path]) -> list[Path]:
    """Folders holding an expected.json: the paths themselves, else their sub-folders."""
    found: list[Path] = []
    for path in paths:
        if (path / "expected.json").is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p for p in path.iterdir() if (p / "expected.json").is_file())
    return found


def players(
    keys: list[Path] = typer.Argument(
        ..., help="Key folders (with expected.json) or their parent."
    ),
    out: Path | None = typer.Option(None, "--out", help="Write the full report as JSON here."),
) -> None:
    """Entity recall, merge and split errors, timeline recall and order, per story and overall."""
    from newsprism.eval.brief_eval import evaluate

    report = evaluate(key_dirs(keys))
    if out is not None:
        report.save(out)
    typer.echo(report.table(PLAYER_COLUMNS))


def register(eval_app: typer.Typer) -> None:
    eval_app.command("players")(players)
