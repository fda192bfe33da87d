"""Where newsprism keeps a newsroom's stream: SQLite by default, PostgreSQL one URL away.

`open_store` is the one factory; it migrates the schema to the newest revision on open.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from newsprism.errors import NewsprismError
from newsprism.store import postgres, sqlite
from newsprism.store.base import FeedState, Placed, Store, StoryRow, articles_hash

__all__ = [
    "FeedState",
    "Placed",
    "Store",
    "StoryRow",
    "articles_hash",
    "default_db",
    "open_store",
]


def default_db() -> Path:
    """``newsprism.db`` in the data directory ($NEWSPRISM_DATA, else $XDG_DATA_HOME/newsprism)."""
    data = os.environ.get("NEWSPRISM_DATA")
    if data:
        return Path(data) / "newsprism.db"
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "newsprism" / "newsprism.db"


def open_store(url: str | None = None) -> Store:
    """A store from ``url`` (a path, ``sqlite:///…`` or ``postgresql://…``), else $NEWSPRISM_DB,
    else the default SQLite file."""
    target = url or os.environ.get("NEWSPRISM_DB") or str(default_db())
    try:
        if target.startswith(("postgresql:", "postgres:", "postgresql+psycopg:")):
            store = Store(postgres.make_engine(target), postgres, _redact(target))
        else:
            store = Store(sqlite.make_engine(_sqlite_url(target)), sqlite, target)
    except (SQLAlchemyError, ValueError) as exc:
        raise NewsprismError("store-unavailable", source=_redact(target), detail=str(exc)) from exc
    store.migrate()
    return store


def _sqlite_url(target: str) -> str:
    if target.startswith("sqlite:"):
        return target
    path = Path(target).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsprismError("store-unavailable", source=target, detail=exc.strerror) from exc
    return f"sqlite:///{path}"


def _redact(url: str) -> str:
    """A URL fit for messages: the password, if any, replaced."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in creds else url
