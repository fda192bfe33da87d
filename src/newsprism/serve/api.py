"""The JSON API under /api: stories, their briefs, ingesting articles, ad-hoc briefs, health.

Handlers are thin: the store is read in worker threads, briefs run in the bounded pool, and
ingests in the one writer thread; an ingest is acknowledged only after its commit.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.ingest.base import Limits
from newsprism.model import Article, Notice, Story
from newsprism.render import render
from newsprism.render.page import coverage_of
from newsprism.serve import workers
from newsprism.serve.briefing import find_story, story_brief
from newsprism.serve.intake import ArticlesIn, BriefIn, Format, fetcher_for, from_json
from newsprism.serve.pages import HEADERS
from newsprism.serve.queries import StoryFilter, list_stories, outlets_of, stories_of
from newsprism.serve.state import ServeState
from newsprism.store import StoryRow

router = APIRouter(prefix="/api")
MEDIA = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


def state_of(request: Request) -> ServeState:
    state: ServeState = request.app.state.newsprism
    return state


State = Annotated[ServeState, Depends(state_of)]


def require_token(state: State, authorization: Annotated[str | None, Header()] = None) -> None:
    """Write endpoints: the bearer token must match $NEWSPRISM_TOKEN when one is set."""
    if not state.settings.token:
        return
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise NewsprismError("token-required", detail="no bearer token was sent")
    if not state.token_ok(given.strip()):
        raise NewsprismError("token-required", detail="the token sent is not the server's")


def story_json(row: StoryRow, outlets: list[Any]) -> dict[str, Any]:
    coverage = coverage_of({o.name: o.stance for o in outlets})
    return {
        "id": row.id,
        "title": row.title,
        "first_seen": row.first_seen,
        "last_seen": row.last_seen,
        "articles": row.articles,
        "stale": row.stale,
        "updated_at": row.updated_at,
        "outlets": [{"name": o.name, "stance": o.stance, "articles": o.articles} for o in outlets],
        "coverage": [{"stance": s.stance, "outlets": s.outlets} for s in coverage],
        "links": {"brief": f"/api/stories/{row.id}/brief", "page": f"/stories/{row.id}"},
    }


@router.get("/health", summary="Is the server up, and can it read its store?")
async def health(state: State) -> dict[str, Any]:
    counts = await run_in_threadpool(state.store.counts)
    return {
        "status": "ok",
        "version": __version__,
        "stories": counts["stories"],
        "articles": counts["articles"],
        "briefs_waiting": state.briefs.pending,
    }


@router.get("/stories", summary="Stories, most recently updated first, filtered and paged")
async def stories(
    state: State,
    q: Annotated[str | None, Query(description="Words in a title or article text.")] = None,
    entity: Annotated[str | None, Query(description="A name the articles mention.")] = None,
    outlet: Annotated[str | None, Query(description="An outlet covering the story.")] = None,
    since: Annotated[date | None, Query(description="Last seen on or after.")] = None,
    until: Annotated[date | None, Query(description="First seen on or before.")] = None,
    stale: Annotated[bool | None, Query(description="Brief missing/out of date.")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    f = StoryFilter(q, entity, outlet, since, until, stale, page, per_page)
    rows, total = await run_in_threadpool(list_stories, state.store, f)
    outlets = await run_in_threadpool(outlets_of, state.store, [r.id for r in rows])
    return {
        "stories": [story_json(r, outlets[r.id]) for r in rows],
        "page": page,
        "per_page": per_page,
        "total": total,
    }


@router.get("/stories/{story_id}", summary="One story and its articles (without their text)")
async def story(state: State, story_id: str) -> dict[str, Any]:
    row = await find_story(state, story_id)
    full = await run_in_threadpool(state.store.story, row.id)
    outlets = await run_in_threadpool(outlets_of, state.store, [row.id])
    result = story_json(row, outlets[row.id])
    result["articles_list"] = [_article_meta(a) for a in full.articles]
    return result


def _article_meta(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "outlet": a.outlet, "stance": a.stance, "title": a.title, "url": a.url,
        "date": a.date, "author": a.author, "duplicate_of": a.duplicate_of, "chars": len(a.text),
    }  # fmt: skip


@router.get(
    "/stories/{story_id}/brief",
    summary="The story's brief, built on demand and kept until the story changes",
    description="The header X-Newsprism-Cache says whether it came from the page cache, "
    "the brief stored in the store, or was built for this request.",
)
async def story_brief_endpoint(state: State, story_id: str, format: Format = "json") -> Response:
    body, layer = await story_brief(state, story_id, format)
    headers = {"X-Newsprism-Cache": layer, **(HEADERS if format == "html" else {})}
    return Response(body, media_type=MEDIA[format], headers=headers)


@router.post(
    "/articles",
    summary="Ingest a batch of articles (text, or public URLs to fetch) into stories",
    description="Answers only after the batch is committed: every article acknowledged is stored.",
    dependencies=[Depends(require_token)],
)
async def post_articles(state: State, body: ArticlesIn) -> dict[str, Any]:
    found, notices = await _read(state, body)
    stats = await state.ingest(found)
    placed = await run_in_threadpool(stories_of, state.store, [a.id for a in found])
    return {
        "received": len(body.articles),
        "stored": stats.stored,
        "already_stored": stats.already,
        "copies": stats.duplicates,
        "articles": [{"id": a.id, "story_id": placed.get(a.id)} for a in found],
        "notices": [n.model_dump() for n in notices],
    }


async def _read(state: ServeState, body: ArticlesIn) -> tuple[list[Article], list[Notice]]:
    """The request's articles (URLs fetched in the fetch threads); too many is refused."""
    if len(body.articles) > state.settings.max_articles:
        limit = f"{state.settings.max_articles:,}"
        raise NewsprismError("too-many-articles", count=len(body.articles), limit=limit)
    limits = Limits(articles=state.settings.max_articles)

    def read() -> tuple[list[Article], list[Notice]]:
        with fetcher_for(state.settings.allow_private) as fetcher:
            return from_json(body.articles, fetcher, limits)

    found, notices = await run_in_threadpool(read)
    if not found:
        reasons = "; ".join(n.message for n in notices[:3])
        raise NewsprismError("no-articles", detail=f" ({reasons})" if reasons else "")
    return found, notices


@router.post(
    "/brief",
    summary="Brief ad-hoc articles; nothing is stored unless store is true",
    description="With store=true the articles are also ingested (this needs the token).",
)
async def post_brief(
    state: State, body: BriefIn, authorization: Annotated[str | None, Header()] = None
) -> Response:
    if body.store:
        require_token(state, authorization)
    found, notices = await _read(state, body)
    story = Story.from_articles(found, title=body.title)
    build = partial(workers.adhoc_brief, story, body.words, notices, state.settings.stages)
    brief = await state.briefs.run(None, build)
    if body.store:
        await state.ingest(found)
    text = await run_in_threadpool(render, brief, body.format)
    if body.format == "json":
        return Response(text, media_type=MEDIA["json"])
    if body.format == "md":
        return PlainTextResponse(text, media_type=MEDIA["md"])
    return Response(text, media_type=MEDIA["html"], headers=HEADERS)
