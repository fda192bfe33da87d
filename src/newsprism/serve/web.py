"""The web app's HTML pages: the story list, a story's brief, "brief these articles", /docs."""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from newsprism.errors import NewsprismError
from newsprism.ingest.base import Limits
from newsprism.model import Article, Notice, Story
from newsprism.serve import workers
from newsprism.serve.api import State, state_of
from newsprism.serve.briefing import story_brief
from newsprism.serve.errors import status_of
from newsprism.serve.intake import ArticleIn, fetcher_for, from_json, from_uploads
from newsprism.serve.pages import (
    HEADERS,
    docs_page,
    list_page,
    new_page,
    story_item,
    story_page,
)
from newsprism.serve.queries import StoryFilter, list_stories, outlets_of
from newsprism.serve.state import ServeState

router = APIRouter(include_in_schema=False)
MAX_FILES = 50
SEPARATOR = re.compile(r"^\s*\|{5}\s*$", re.MULTILINE)


def html(body: str, status: int = 200, extra: dict[str, str] | None = None) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={**HEADERS, **(extra or {})})


def _day(name: str, text: str | None) -> date | None:
    """A date from a form field; an empty field means no bound."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise NewsprismError("request-invalid", detail=f"{name}: '{text}' is not a date") from None


@router.get("/")
async def story_list(
    state: State,
    q: str | None = None,
    entity: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    stale: bool | None = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    f = StoryFilter(
        q or None, entity or None, outlet or None, _day("since", since), _day("until", until),
        stale or None, page,
    )  # fmt: skip
    rows, total = await run_in_threadpool(list_stories, state.store, f)
    outlets = await run_in_threadpool(outlets_of, state.store, [r.id for r in rows])
    names = await run_in_threadpool(state.outlet_names)
    items = [story_item(r, outlets[r.id]) for r in rows]
    return html(list_page(items, f, total, names))


@router.get("/stories/{story_id}")
async def story(state: State, story_id: str) -> HTMLResponse:
    body, layer = await story_brief(state, story_id, "page")
    return html(body, extra={"X-Newsprism-Cache": layer})


@router.get("/brief")
async def new_brief() -> HTMLResponse:
    return html(new_page())


@router.post("/brief")
async def make_brief(request: Request, state: ServeState = Depends(state_of)) -> HTMLResponse:
    """Pasted text, URLs and uploaded files -> one brief, shown at once, stored nowhere."""
    form = await request.form(max_files=MAX_FILES, max_fields=20)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    uploads = [
        (f.filename or "upload.txt", await f.read())
        for f in form.getlist("files")
        if isinstance(f, UploadFile) and f.filename
    ]
    await form.close()
    try:
        articles, notices, title = await run_in_threadpool(_read_form, state, fields, uploads)
        story = Story.from_articles(articles, title=fields.get("title") or title)
        settings = state.settings
        build = partial(workers.adhoc_brief, story, settings.words, notices, settings.stages)
        brief = await state.briefs.run(None, build)
    except NewsprismError as exc:
        return html(new_page(fields, exc), status=status_of(exc.code))
    return html(await run_in_threadpool(story_page, brief))


def _read_form(
    state: ServeState, fields: dict[str, str], uploads: list[tuple[str, bytes]]
) -> tuple[list[Article], list[Notice], str | None]:
    """Articles from the form; none at all is `no-articles`, naming why."""
    limits = Limits(articles=state.settings.max_articles)
    files = _pasted(fields.get("text", "")) + uploads
    articles, notices, titles = from_uploads(files, limits)
    urls = [u.strip() for u in fields.get("urls", "").splitlines() if u.strip()]
    if urls:
        with fetcher_for(state.settings.allow_private) as fetcher:
            more, problems = from_json([ArticleIn(url=u) for u in urls], fetcher, limits)
        articles += more
        notices += problems
    if not articles:
        reasons = "; ".join(n.message for n in notices[:3])
        raise NewsprismError("no-articles", detail=f" ({reasons})" if reasons else "")
    if len(articles) > limits.articles:
        raise NewsprismError("too-many-articles", count=len(articles), limit=limits.articles)
    return articles, notices, (titles[0] if len(set(titles)) == 1 else None)


def _pasted(text: str) -> list[tuple[str, bytes]]:
    """Pasted articles, one per part between '|||||' lines, each read like its own .txt file (so
    each may start with its own front matter)."""
    text = text.replace("\r\n", "\n")  # forms send CRLF; front matter is read line by line
    parts = [p.strip() for p in SEPARATOR.split(text)]
    return [(f"pasted article {n}.txt", p.encode("utf-8")) for n, p in enumerate(parts, 1) if p]


@router.get("/docs")
async def docs(request: Request, state: State) -> HTMLResponse:
    return html(docs_page(request.app.openapi(), state.settings))
