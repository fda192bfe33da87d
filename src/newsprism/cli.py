"""The `newsprism` command: a thin typer app over the Python API.

Each command group lives in `newsprism.commands.<name>`; errors become messages only here.
"""

from __future__ import annotations

import sys

import typer

from newsprism.commands import brief as brief_cmd
from newsprism.commands import cluster as cluster_cmd
from newsprism.commands import eval as eval_cmd
from newsprism.commands import info as info_cmd
from newsprism.commands import store as store_cmd
from newsprism.commands import watch as watch_cmd
from newsprism.errors import NewsprismError

app = typer.Typer(
    name="newsprism",
    help="Brief a news story from many outlets: summary, agreement, discrepancies, quotes, framing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
brief_cmd.register(app)
info_cmd.register(app)
eval_cmd.register(app)
cluster_cmd.register(app)
store_cmd.register(app)
watch_cmd.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: library errors become one-line messages and exit code 2."""
    try:
        app(args=argv)
    except NewsprismError as exc:
        typer.secho(f"error: {exc.message}", fg=typer.colors.RED, err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
