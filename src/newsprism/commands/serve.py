"""`newsprism serve`: the HTTP API and web app over a store (FastAPI + uvicorn, `serve` extra)."""

from __future__ import annotations

import ipaddress
import os

import typer

from newsprism.commands.store import DB_HELP, PRIVATE_HELP
from newsprism.errors import NewsprismError


def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (loopback only by default)."
    ),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    sample: bool = typer.Option(
        False,
        "--sample",
        help="Open a store holding the bundled sample story (seeded on first start).",
    ),
    workers: int = typer.Option(2, "--workers", min=1, max=64, help="Threads that build briefs."),
    max_body: int = typer.Option(
        5_000_000, "--max-body", min=1_000, help="Largest request body, in bytes."
    ),
    allow_private: bool = typer.Option(False, "--allow-private", help=PRIVATE_HELP),
) -> None:
    """Serve the store: a web app to read stories and their briefs, and a JSON API (/docs).

    Write endpoints need a token when NEWSPRISM_TOKEN is set.
    """
    try:
        import uvicorn

        from newsprism.serve.app import create_app
        from newsprism.serve.sample import sample_db, seed
        from newsprism.serve.state import ServeSettings, ServeState
    except ImportError as exc:
        raise NewsprismError(
            "extra-missing", feature="newsprism serve", extra="serve", before=""
        ) from exc

    if sample and db is None:
        db = str(sample_db())
    from newsprism.serve.limits import LOOPBACK_NAMES

    settings = ServeSettings(
        db=db,
        workers=workers,
        max_body=max_body,
        allow_private=allow_private,
        hosts=LOOPBACK_NAMES if _loopback(host) else frozenset(),
        processes=True,
    )
    state = ServeState(settings)
    if sample:
        stored = seed(state.store)
        if stored:
            typer.echo(f"sample story: {stored} articles stored in {state.store.url}", err=True)
    _warn_if_open(host, settings.token)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(
        f"newsprism serve: http://{shown}:{port}/ (store {state.store.url}; API at /docs)", err=True
    )
    uvicorn.run(create_app(state=state), host=host, port=port, log_level="warning")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _warn_if_open(host: str, token: str | None) -> None:
    """Listening beyond loopback without a token lets anyone reachable write to the store."""
    if not _loopback(host) and not token and not os.environ.get("NEWSPRISM_TOKEN"):
        typer.secho(
            f"warning: listening on {host} without NEWSPRISM_TOKEN: anyone who can reach it can add articles",
            fg=typer.colors.YELLOW,
            err=True,
        )


def register(app: typer.Typer) -> None:
    app.command()(serve)
