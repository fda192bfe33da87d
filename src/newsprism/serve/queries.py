"""Read-only queries the web app and API need beyond `Store`: a filtered, paged story list and
each story's outlets with their leanings (for the coverage bar), in two queries per page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select, true

from newsprism.store import Store, StoryRow
from newsprism.store.schema import articles, stories

MAX_PER_PAGE = 100


@dataclass(frozen=True)
class StoryFilter:
    """``text``: words in a story's title or its articles' titles or text. ``entity``: a name
    its articles mention (a phrase match until an entity stage exists). ``outlet``: an outlet
    that covers it (case-insensitive, exact). Dates bound the story's span; ``stale``: only
    stories whose stored brief is missing or out of date (True) or current (False)."""

    text: str | None = None
    entity: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    stale: bool | None = None
    page: int = 1
    per_page: int = 20


@dataclass(frozen=True)
class OutletCount:
    name: str
    stance: str | None
    articles: int


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _mentions(text: str) -> Any:
    """Stories with an article whose title or text contains ``text`` (case-insensitive)."""
    pattern = _like(text)
    return select(articles.c.story_id).where(
        or_(
            func.lower(articles.c.title).like(pattern, escape="\\"),
            func.lower(articles.c.text).like(pattern, escape="\\"),
        )
    )


def _conditions(f: StoryFilter) -> list[Any]:
    conds: list[Any] = []
    if f.text:
        title_hit = func.lower(stories.c.title).like(_like(f.text), escape="\\")
        conds.append(or_(title_hit, stories.c.id.in_(_mentions(f.text))))
    if f.entity:
        conds.append(stories.c.id.in_(_mentions(f.entity)))
    if f.outlet:
        covered = select(articles.c.story_id).where(
            func.lower(articles.c.outlet) == f.outlet.strip().lower()
        )
        conds.append(stories.c.id.in_(covered))
    if f.since is not None:
        conds.append(stories.c.last_seen >= f.since)
    if f.until is not None:
        conds.append(stories.c.first_seen <= f.until)
    if f.stale is not None:
        conds.append(stories.c.stale.is_(f.stale))
    return conds


def list_stories(store: Store, f: StoryFilter) -> tuple[list[StoryRow], int]:
    """One page of stories, most recently updated first, and how many match in all."""
    where = and_(true(), *_conditions(f))
    per_page = max(1, min(f.per_page, MAX_PER_PAGE))
    query = (
        select(stories)
        .where(where)
        .order_by(stories.c.updated_at.desc(), stories.c.id)
        .limit(per_page)
        .offset((max(f.page, 1) - 1) * per_page)
    )
    with store.engine.connect() as conn:
        total = int(
            conn.execute(select(func.count()).select_from(stories).where(where)).scalar() or 0
        )
        rows = [StoryRow(**r) for r in conn.execute(query).mappings()]
    return rows, total


def story_row(store: Store, story_id: str) -> StoryRow | None:
    """The story with exactly this id (the API takes full ids; no prefix guessing)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
    return StoryRow(**row) if row else None


def outlets_of(store: Store, story_ids: list[str]) -> dict[str, list[OutletCount]]:
    """Each story's outlets, most articles first, with the first stance known for each."""
    if not story_ids:
        return {}
    query = (
        select(
            articles.c.story_id,
            articles.c.outlet,
            func.max(articles.c.stance).label("stance"),
            func.count().label("n"),
        )
        .where(articles.c.story_id.in_(story_ids))
        .group_by(articles.c.story_id, articles.c.outlet)
    )
    found: dict[str, list[OutletCount]] = {sid: [] for sid in story_ids}
    with store.engine.connect() as conn:
        for sid, outlet, stance, n in conn.execute(query):
            found[sid].append(OutletCount(outlet or "unknown outlet", stance, int(n)))
    for counts in found.values():
        counts.sort(key=lambda c: (-c.articles, c.name.lower()))
    return found


def known_outlets(store: Store, limit: int = 500) -> list[str]:
    """Outlet names for the list page's filter, alphabetically."""
    query = select(articles.c.outlet).where(articles.c.outlet.is_not(None)).distinct()
    with store.engine.connect() as conn:
        names = [n for n in conn.execute(query.limit(limit)).scalars() if n]
    return sorted(names, key=str.lower)


def stories_of(store: Store, article_ids: list[str]) -> dict[str, str | None]:
    """The story each stored article is in (an ingest's answer names them)."""
    found: dict[str, str | None] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(article_ids), 500):
            part = article_ids[i : i + 500]
            query = select(articles.c.id, articles.c.story_id).where(articles.c.id.in_(part))
            found.update({aid: sid for aid, sid in conn.execute(query)})
    return found
