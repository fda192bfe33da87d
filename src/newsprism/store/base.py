"""The store: articles, stories, briefs and feed state behind one class, whichever the backend.

Every write is one transaction: a batch of articles with its story updates commits whole or not
at all, so a crash never leaves an article without its story or a story count that lies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from types import ModuleType
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, RowMapping, Table, case, delete, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from newsprism.errors import NewsprismError
from newsprism.model import Article, Story
from newsprism.store.schema import articles, briefs, feeds, stories

T = TypeVar("T")
ARTICLE_FIELDS = ("id", "outlet", "stance", "url", "date", "title", "author", "text", "source")


@dataclass
class Placed:
    """An article with its place from the clusterer: its story, and its original if a copy."""

    article: Article
    story_id: str
    story_title: str | None = None


@dataclass
class StoryRow:
    id: str
    title: str | None
    first_seen: date | None
    last_seen: date | None
    articles: int
    stale: bool
    created_at: datetime
    updated_at: datetime


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: datetime | None = None
    next_poll: datetime | None = None
    errors: int = 0
    last_error: str | None = None


def now() -> datetime:
    return datetime.now(UTC)


class Store:
    """One database; ``backend`` is the module with the dialect-specific parts."""

    def __init__(self, engine: Engine, backend: ModuleType, url: str) -> None:
        self.engine = engine
        self.backend = backend
        self.url = url

    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic), so an old store keeps working."""
        cfg = Config()
        cfg.set_main_option("script_location", "newsprism.store:migrations")
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except SQLAlchemyError as exc:
            raise NewsprismError("store-unavailable", source=self.url, detail=_brief(exc)) from exc

    def close(self) -> None:
        self.engine.dispose()

    # -- articles and stories -------------------------------------------------------------

    def known(self, ids: Iterable[str]) -> set[str]:
        wanted = list(set(ids))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                part = wanted[i : i + 500]
                found.update(
                    conn.execute(select(articles.c.id).where(articles.c.id.in_(part))).scalars()
                )
        return found

    def write_batch(self, placed: Sequence[Placed]) -> int:
        """Store a batch of placed articles and grow their stories, in one transaction.

        Returns how many articles were new. A repeat (same id) is skipped by the insert itself
        and only inserted articles are counted, so ingest is idempotent even when two writers
        race.
        """
        fresh = unique(placed, lambda p: p.article.id)
        if not fresh:
            return 0
        stamp = now()
        with self.engine.begin() as conn:
            self._open_stories(conn, fresh, stamp)
            rows = [_article_row(p, stamp) for p in fresh]
            insert = self.backend.insert(articles).values(rows).on_conflict_do_nothing()
            added = set(conn.execute(insert.returning(articles.c.id)).scalars())
            self._grow_stories(conn, [p for p in fresh if p.article.id in added], stamp)
            begun = list({p.story_id for p in fresh})
            conn.execute(delete(stories).where(stories.c.id.in_(begun), stories.c.articles == 0))
        return len(added)

    def _open_stories(self, conn: Any, placed: Sequence[Placed], stamp: datetime) -> None:
        """Rows for stories this batch begins (empty until `_grow_stories`)."""
        rows = [
            {
                "id": p.story_id, "title": p.story_title, "articles": 0, "stale": True,
                "created_at": stamp, "updated_at": stamp,
            }
            for p in unique(placed, lambda p: p.story_id)
        ]  # fmt: skip
        conn.execute(self.backend.insert(stories).values(rows).on_conflict_do_nothing())

    def _grow_stories(self, conn: Any, added: Sequence[Placed], stamp: datetime) -> None:
        """Count the inserted articles into their stories, widen the span, mark them stale."""
        grouped: dict[str, list[Placed]] = {}
        for p in added:
            grouped.setdefault(p.story_id, []).append(p)
        for sid, members in grouped.items():
            values: dict[str, Any] = {"articles": stories.c.articles + len(members)}
            dates = [p.article.date for p in members if p.article.date is not None]
            if dates:
                values["first_seen"] = _widen(stories.c.first_seen, min(dates), lower=True)
                values["last_seen"] = _widen(stories.c.last_seen, max(dates), lower=False)
            stmt = update(stories).where(stories.c.id == sid)
            conn.execute(stmt.values(stale=True, updated_at=stamp, **values))

    def recent_articles(self, since: date | None, limit: int) -> list[tuple[Article, str]]:
        """(article, story id) of the newest stories' members, oldest first: the clusterer's
        warm start, so a new run keeps growing the stories an earlier run left open."""
        recent = select(stories.c.id)
        if since is not None:
            recent = recent.where(or_(stories.c.last_seen >= since, stories.c.last_seen.is_(None)))
        query = (
            select(articles)
            .where(articles.c.story_id.in_(recent))
            .order_by(articles.c.seq.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [(_article(r), r["story_id"]) for r in reversed(rows)]

    def latest_date(self) -> date | None:
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(stories.c.last_seen))).scalar()

    def stories(
        self, since: date | None = None, search: str | None = None, limit: int = 100
    ) -> list[StoryRow]:
        """Stories, most recently updated first; ``search`` matches titles and article titles."""
        query = select(stories).order_by(stories.c.updated_at.desc(), stories.c.id).limit(limit)
        if since is not None:
            query = query.where(stories.c.last_seen >= since)
        if search:
            pattern = f"%{search.lower()}%"
            hits = select(articles.c.story_id).where(
                or_(
                    func.lower(articles.c.title).like(pattern),
                    func.lower(articles.c.text).like(pattern),
                )
            )
            query = query.where(
                or_(func.lower(stories.c.title).like(pattern), stories.c.id.in_(hits))
            )
        with self.engine.connect() as conn:
            return [StoryRow(**r) for r in conn.execute(query).mappings()]

    def story(self, story_id: str) -> Story:
        """A stored story with its articles in ingest order; a unique id prefix is enough."""
        with self.engine.connect() as conn:
            ids = (
                conn.execute(
                    select(stories.c.id)
                    .where(stories.c.id.startswith(story_id, autoescape=True))
                    .limit(2)
                )
                .scalars()
                .all()
            )
            exact = story_id if story_id in ids else (ids[0] if len(ids) == 1 else None)
            if exact is None:
                raise NewsprismError(
                    "story-unknown", source=self.url, story=story_id, found=len(ids)
                )
            title = conn.execute(select(stories.c.title).where(stories.c.id == exact)).scalar()
            rows = conn.execute(
                select(articles).where(articles.c.story_id == exact).order_by(articles.c.seq)
            ).mappings()
            members = [_article(r) for r in rows]
        return Story(id=exact, title=title, articles=members)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
                for t in (articles, stories, briefs, feeds)
            }

    def article_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(articles.c.id).order_by(articles.c.seq)).scalars())

    # -- briefs ------------------------------------------------------------------------------

    def cached_brief(self, story_id: str, articles_hash: str, stages: str) -> str | None:
        """The stored Brief JSON if it was made from the same articles by the same stages."""
        query = select(briefs.c.brief).where(
            briefs.c.story_id == story_id,
            briefs.c.articles_hash == articles_hash,
            briefs.c.stages == stages,
        )
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def save_brief(self, story_id: str, articles_hash: str, stages: str, brief_json: str) -> None:
        row = {
            "story_id": story_id,
            "articles_hash": articles_hash,
            "stages": stages,
            "brief": brief_json,
            "created_at": now(),
        }
        with self.engine.begin() as conn:
            conn.execute(self._upsert(briefs, row, "story_id"))
            conn.execute(update(stories).where(stories.c.id == story_id).values(stale=False))

    # -- feeds -------------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState:
        with self.engine.connect() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
        return FeedState(**row) if row else FeedState(url=url)

    def save_feed_state(self, state: FeedState) -> None:
        with self.engine.begin() as conn:
            conn.execute(self._upsert(feeds, vars(state), "url"))

    def _upsert(self, table: Table, row: dict[str, Any], key: str) -> Any:
        """INSERT, or UPDATE the row with the same ``key`` (the dialect's ON CONFLICT)."""
        stmt = self.backend.insert(table).values(row)
        return stmt.on_conflict_do_update(
            index_elements=[key], set_={k: stmt.excluded[k] for k in row if k != key}
        )

    # -- checks ------------------------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """Engine-level check plus the store's own invariants; empty when all is well."""
        with self.engine.connect() as conn:
            problems: list[str] = self.backend.engine_problems(conn)
            for what, query in _invariants():
                found = conn.execute(query).scalar()
                if found:
                    problems.append(f"{found} {what}")
        return problems


def _invariants() -> list[tuple[str, Any]]:
    """(what a violation is, a query counting violations)."""
    count = select(func.count())
    counted = (
        select(articles.c.story_id, func.count().label("n"))
        .group_by(articles.c.story_id)
        .subquery()
    )
    return [
        (
            "articles without a stored story",
            count.select_from(articles).where(
                articles.c.story_id.is_(None) | ~articles.c.story_id.in_(select(stories.c.id))
            ),
        ),
        (
            "stories whose article count does not match their members",
            count.select_from(stories.outerjoin(counted, counted.c.story_id == stories.c.id)).where(
                func.coalesce(counted.c.n, 0) != stories.c.articles
            ),
        ),
        (
            "copies whose original is not stored",
            count.select_from(articles).where(
                articles.c.duplicate_of.is_not(None),
                ~articles.c.duplicate_of.in_(select(articles.c.id)),
            ),
        ),
    ]


def articles_hash(story: Story) -> str:
    """What a brief was made from: the sorted article ids, hashed."""
    return hashlib.sha256("\n".join(sorted(a.id for a in story.articles)).encode()).hexdigest()


def _widen(column: Any, day: date, lower: bool) -> Any:
    """SQL for the column's date moved out to ``day`` if that is earlier (later)."""
    beyond = column > day if lower else column < day
    return case((column.is_(None) | beyond, day), else_=column)


def _article_row(p: Placed, stamp: datetime) -> dict[str, Any]:
    a = p.article
    row = {k: getattr(a, k) for k in ARTICLE_FIELDS}
    row.update(ingested_at=stamp, duplicate_of=a.duplicate_of, story_id=p.story_id)
    return row


def _article(row: RowMapping) -> Article:
    fields = {k: row[k] for k in ARTICLE_FIELDS if row[k] is not None}
    return Article(duplicate_of=row["duplicate_of"], **fields)


def unique(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """First of each key, in order."""
    seen: set[str] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _brief(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200]


def iter_chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
