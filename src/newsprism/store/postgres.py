"""PostgreSQL backend through psycopg 3 (the `postgres` extra)."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.dialects.postgresql import insert

from newsprism.errors import NewsprismError

__all__ = ["engine_problems", "insert", "make_engine"]


def make_engine(url: str) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise NewsprismError(
            "extra-missing", feature="A PostgreSQL store", extra="postgres", before=""
        ) from exc
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return create_engine(url, pool_pre_ping=True)


def engine_problems(conn: Connection) -> list[str]:
    """PostgreSQL keeps its pages consistent through its WAL; the cross-table checks suffice."""
    return []
