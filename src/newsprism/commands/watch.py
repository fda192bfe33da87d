"""`newsprism watch FEEDS...`: poll feeds into the store until Ctrl-C or SIGTERM."""

from __future__ import annotations

import re
import signal
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import typer

from newsprism.commands.store import PRIVATE_HELP, db_option, warn
from newsprism.errors import NewsprismError

if TYPE_CHECKING:  # the store and fetcher load only when the command runs
    from newsprism.store.watch import PollResult, Watcher

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def watch(
    feeds: list[str] = typer.Argument(None, help="Feed URLs."),
    feeds_file: Path | None = typer.Option(
        None, "--feeds", help="A file of feed URLs, one a line."
    ),
    every: str = typer.Option("10m", "--every", help="Poll interval: 90s, 10m, 1h, 1d."),
    per_host: float = typer.Option(
        5.0, "--per-host", min=0.0, help="Seconds between requests to one host."
    ),
    db: str | None = db_option(),
    allow_private: bool = typer.Option(False, "--allow-private", help=PRIVATE_HELP),
    full: bool = typer.Option(False, "--full", help="Fetch each entry's page too."),
    once: bool = typer.Option(False, "--once", help="Poll every feed once now, then stop."),
) -> None:
    """Poll feeds politely and ingest new entries; stories that grow are marked stale."""
    from newsprism.ingest.fetch import Fetcher, FetchPolicy
    from newsprism.store import open_store
    from newsprism.store.watch import Watcher

    urls = feed_urls(feeds or [], feeds_file)
    interval = parse_every(every)
    store = open_store(db)
    policy = FetchPolicy(allow_private=allow_private, per_host=per_host)
    try:
        with Fetcher(policy) as fetcher:
            watcher = Watcher(store, fetcher, interval, full=full, on_notice=warn)
            previous = _stop_on_signals(watcher)
            try:
                watcher.run(urls, once, report)
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)
    finally:
        store.close()


def report(result: PollResult) -> None:
    if result.error:
        typer.secho(f"error: {result.error}", fg=typer.colors.RED, err=True)
    elif result.unchanged:
        typer.echo(f"{result.url}: not modified", err=True)
    else:
        typer.echo(f"{result.url}: {result.new} new of {result.read} entries", err=True)


def feed_urls(feeds: list[str], path: Path | None) -> list[str]:
    urls = list(feeds)
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise NewsprismError("input-unreadable", source=str(path), detail=exc.strerror) from exc
        urls += [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if not urls:
        raise NewsprismError("option-invalid", detail="give feed URLs or --feeds FILE")
    return list(dict.fromkeys(urls))


def parse_every(text: str) -> timedelta:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match or float(match.group(1)) <= 0:
        raise NewsprismError(
            "option-invalid", detail=f"--every: '{text}' is not like 90s, 10m or 1h"
        )
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2) or "s"])


def _stop_on_signals(watcher: Watcher) -> dict[int, Any]:
    """Ctrl-C and SIGTERM set the stop flag; the poll under way finishes its transaction."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        typer.echo("stopping after the current feed…", err=True)
        watcher.stop.set()

    return {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}


def register(app: typer.Typer) -> None:
    app.command()(watch)
