"""Briefs of stored stories, on demand: three layers, cheapest first.

1. the rendered page in memory, keyed by the story's last update (so a grown story misses);
2. the Brief stored in the store (`store/briefs.py`), reused while the story's articles, the
   stages and the settings are unchanged;
3. a new brief, built in the bounded pool and stored for the next request.

Each answer says which layer served it (`X-Newsprism-Cache: page`, `stored` or `built`), which
the load bench uses to report cached and uncached latencies apart.
"""

from __future__ import annotations

from functools import partial

from starlette.concurrency import run_in_threadpool

from newsprism.errors import NewsprismError
from newsprism.serve import workers
from newsprism.serve.queries import story_row
from newsprism.serve.state import ServeState
from newsprism.store import StoryRow


def unknown_story(story_id: str) -> NewsprismError:
    return NewsprismError(
        "not-found", what="story", name=story_id, hint="list stories at GET /api/stories"
    )


async def find_story(state: ServeState, story_id: str) -> StoryRow:
    row = await run_in_threadpool(story_row, state.store, story_id)
    if row is None:
        raise unknown_story(story_id)
    return row


async def story_brief(state: ServeState, story_id: str, fmt: str) -> tuple[str, str]:
    """(the story's brief rendered as ``fmt``, which layer served it)."""
    row = await find_story(state, story_id)
    key = (row.id, row.updated_at.isoformat(), row.articles, fmt)
    cached = state.pages.get(key)
    if cached is not None:
        return cached, "page"
    build = partial(workers.story_brief, state.settings.db, row.id, state.settings.words, fmt)
    # Keyed by the story's state: concurrent requests for one brief share one build.
    page, reused = await state.briefs.run(key, build)
    state.pages.put(key, page)
    return page, "stored" if reused else "built"
