"""The store's tables (SQLAlchemy Core). Alembic migrations create and evolve them; this module is
what queries use, so the two must agree (a test compares them)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# SQLite autoincrements only an INTEGER primary key; PostgreSQL gets a 64-bit identity.
SEQ = Integer().with_variant(BigInteger(), "postgresql")

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("articles", Integer, nullable=False, default=0),
    Column("stale", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, index=True),
)

articles = Table(
    "articles",
    metadata,
    Column("seq", SEQ, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("outlet", Text),
    Column("url", Text, index=True),
    Column("date", Date),
    Column("title", Text),
    Column("author", Text),
    Column("text", Text, nullable=False),
    Column("source", Text, nullable=False, default=""),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("duplicate_of", String(32)),
    Column("story_id", String(32), ForeignKey("stories.id"), index=True),
    Column("stance", Text),  # the outlet's leaning when known (migration 0002)
)

briefs = Table(
    "briefs",
    metadata,
    Column("story_id", String(32), ForeignKey("stories.id"), primary_key=True),
    Column("articles_hash", String(64), nullable=False),
    Column("stages", Text, nullable=False),  # JSON: [[name, version], ...]
    Column("brief", Text, nullable=False),  # Brief.model_dump_json()
    Column("created_at", DateTime(timezone=True), nullable=False),
)

feeds = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll", DateTime(timezone=True)),
    Column("next_poll", DateTime(timezone=True)),
    Column("errors", Integer, nullable=False, default=0),
    Column("last_error", Text),
)
