"""The `newsprism` command: a thin typer app over the Python API.

Each command group lives in `newsprism.commands.<name>`; errors become messages only here.
Command modules import their heavy dependencies inside the command, so `--help` and
`--version` start fast (`bench/startup.py`; a test keeps scikit-learn and spaCy out).
"""

from __future__ import annotations

import sys

import typer

from newsprism.clean import for_terminal
from newsprism.commands import brief as brief_cmd
from newsprism.commands import cluster as cluster_cmd
from newsprism.commands import eval as eval_cmd
from newsprism.commands import info as info_cmd
from newsprism.commands import serve as serve_cmd
from newsprism.commands import store as store_cmd
from newsprism.commands import watch as watch_cmd
from newsprism.errors import NewsprismError

app = typer.Typer(
    name="newsprism",
    help="Brief a news story from many outlets: summary, agreement, discrepancies, quotes, framing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: rich's Markdown formatting alone costs more start-up time than the budget allows.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from newsprism import __version__

        typer.echo(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Brief a news story from many outlets: summary, agreement, discrepancies, quotes, framing."""


brief_cmd.register(app)
info_cmd.register(app)
eval_cmd.register(app)
cluster_cmd.register(app)
store_cmd.register(app)
watch_cmd.register(app)
serve_cmd.register(app)


def main(argv: list[str] | None = None) -> None:
    """Entry point: library errors become one-line messages and exit code 2."""
    try:
        app(args=argv)
    except NewsprismError as exc:
        message = for_terminal(f"error: {exc.message}")
        typer.secho(message, fg=typer.colors.RED, err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
