"""SQLite backend: one file, WAL journal (readers never block the writer; a killed process loses
only its open transaction), foreign keys on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.dialects.sqlite import insert

__all__ = ["engine_problems", "insert", "make_engine"]


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    event.listen(engine, "connect", _pragmas)
    return engine


def _pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable across process crashes in WAL mode
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def engine_problems(conn: Connection) -> list[str]:
    """SQLite's own page-level check."""
    result = conn.execute(text("PRAGMA integrity_check")).scalars().all()
    return [] if result == ["ok"] else [f"sqlite integrity_check: {r}" for r in result]
