"""`newsprism ingest SOURCES...` and `newsprism stories`: fill the store and look into it."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

import typer

from newsprism.errors import NewsprismError

if TYPE_CHECKING:  # the store, readers and clustering load only when a command runs
    from tqdm import tqdm

    from newsprism.model import Article, Notice
    from newsprism.store import Store, StoryRow
    from newsprism.store.ingest import IngestStats

DB_HELP = (
    "The store: a SQLite file path or postgresql://user@host/db "
    "(default: $NEWSPRISM_DB, else newsprism.db in the data directory)."
)
PRIVATE_HELP = "Also fetch from loopback and private addresses (tests, a trusted intranet)."


def db_option() -> str | None:
    return typer.Option(None, "--db", help=DB_HELP)


def ingest(
    sources: list[str] = typer.Argument(
        None, help="Files, folders, '-', .rss/.atom feeds, .warc(.gz) files, or http(s) URLs."
    ),
    db: str | None = db_option(),
    allow_private: bool = typer.Option(False, "--allow-private", help=PRIVATE_HELP),
    full: bool = typer.Option(False, "--full", help="Feeds: fetch each entry's page too."),
    strict: bool = typer.Option(False, "--strict", help="Fail on the first unreadable source."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Store articles and cluster them into stories, continuing the stories already stored."""
    from tqdm import tqdm

    from newsprism.ingest.fetch import Fetcher, FetchPolicy
    from newsprism.ingest.url import iter_sources
    from newsprism.store import open_store
    from newsprism.store.ingest import Ingester

    if not sources:
        raise NewsprismError("option-invalid", detail="give files, folders, URLs or '-' for stdin")
    store = open_store(db)
    bar = tqdm(desc="ingesting", unit=" articles", disable=quiet, dynamic_ncols=True)
    try:
        with Fetcher(FetchPolicy(allow_private=allow_private)) as fetcher:
            read = iter_sources(sources, fetcher, strict, warn, full)
            stats = Ingester(store).ingest(_counted(read, bar))
    except KeyboardInterrupt:
        bar.close()
        typer.echo("interrupted: every batch acknowledged so far is stored", err=True)
        raise typer.Exit(130) from None
    finally:
        bar.close()
        store.close()
    typer.echo(summary(stats, store), err=True)


def summary(stats: IngestStats, store: Store) -> str:
    return (
        f"{stats.read} articles read: {stats.stored} stored, {stats.already} already stored, "
        f"{stats.duplicates} copies linked to their original; {stats.stories_touched} stories "
        f"grew or began; {stats.throughput:,.0f} articles/s ({stats.seconds:.1f} s); store {store.url}"
    )


def stories(
    db: str | None = db_option(),
    since: str | None = typer.Option(None, "--since", help="Only stories seen on or after DATE."),
    search: str | None = typer.Option(None, "--search", help="Words in a title or article."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many, newest first."),
) -> None:
    """List stored stories: id, articles, dates, '*' when its brief is missing or stale, title."""
    from newsprism.store import open_store

    day = _since(since)
    store = open_store(db)
    try:
        rows = store.stories(since=day, search=search, limit=limit)
    finally:
        store.close()
    for row in rows:
        typer.echo(story_line(row))
    if not rows:
        typer.echo("no stories match", err=True)


def story_line(row: StoryRow) -> str:
    span = f"{row.first_seen or '?'}..{row.last_seen or '?'}"
    return f"{row.id}  {row.articles:>5}  {span:<22} {'*' if row.stale else ' '} {row.title or ''}"


def _since(text: str | None) -> date | None:
    from newsprism.ingest.base import parse_date

    if text is None:
        return None
    day = parse_date(text)
    if day is None:
        raise NewsprismError("option-invalid", detail=f"--since: '{text}' is not a date")
    return day


def _counted(articles: Iterable[Article], bar: tqdm) -> Iterator[Article]:
    for article in articles:
        yield article
        bar.update(1)


def warn(notice: Notice) -> None:
    """One line per problem, kept apart from the progress bar."""
    from tqdm import tqdm

    with tqdm.external_write_mode(file=sys.stderr):
        typer.secho(f"warning: {notice.message}", fg=typer.colors.YELLOW, err=True)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(stories)
