"""Articles, stories, briefs and feeds.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SEQ = sa.Integer().with_variant(sa.BigInteger(), "postgresql")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("first_seen", sa.Date),
        sa.Column("last_seen", sa.Date),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("stale", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_stories_updated_at", "stories", ["updated_at"])
    op.create_table(
        "articles",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("ingested_at", TS, nullable=False),
        sa.Column("duplicate_of", sa.String(32)),
        sa.Column("story_id", sa.String(32), sa.ForeignKey("stories.id")),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_story_id", "articles", ["story_id"])
    op.create_table(
        "briefs",
        sa.Column("story_id", sa.String(32), sa.ForeignKey("stories.id"), primary_key=True),
        sa.Column("articles_hash", sa.String(64), nullable=False),
        sa.Column("stages", sa.Text, nullable=False),
        sa.Column("brief", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_poll", TS),
        sa.Column("next_poll", TS),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
    )


def downgrade() -> None:
    for table in ("feeds", "briefs", "articles", "stories"):
        op.drop_table(table)
