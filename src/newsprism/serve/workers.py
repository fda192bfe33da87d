"""The work the server hands off: building briefs and ingesting articles.

Each function takes the store's URL, not a store, so it runs the same in a thread of the server
and in a worker process (`newsprism serve` uses processes: a brief or an ingest holds the CPU
for a long time, and in a thread it would also hold the interpreter lock the event loop needs,
so every cached page would wait behind it). Each process opens a store per URL once, and keeps
one warm `Ingester` per store: ingests for one store always go to the same single worker.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import sys
from collections.abc import Callable, Sequence

from newsprism.api import brief_story
from newsprism.model import Article, Brief, Notice, Story
from newsprism.render import render
from newsprism.store import Store, open_store
from newsprism.store.briefs import stored_brief
from newsprism.store.ingest import Ingester, IngestStats

_stores: dict[str | None, Store] = {}
_ingesters: dict[str | None, Ingester] = {}


def die_with_parent() -> None:
    """A worker process ends when the server does, even on SIGKILL: an ingest cut off there is
    rolled back, and nothing goes on writing after the server is gone (Linux only)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def store_for(db: str | None) -> Store:
    if db not in _stores:
        _stores[db] = open_store(db)
    return _stores[db]


def _renderer(fmt: str) -> Callable[[Brief], str]:
    if fmt == "page":
        from newsprism.serve.pages import story_page

        return story_page
    return lambda brief: render(brief, fmt)


def story_brief(db: str | None, story_id: str, words: int, fmt: str) -> tuple[str, bool]:
    """(the stored story's brief rendered as ``fmt``, whether the stored Brief was reused)."""
    brief, reused = stored_brief(store_for(db), story_id, words=words)
    return _renderer(fmt)(brief), reused


def adhoc_brief(story: Story, words: int, notices: list[Notice], stages: Sequence[str]) -> Brief:
    return brief_story(story, words=words, notices=notices, stages=stages)


def ingest(db: str | None, articles: list[Article]) -> IngestStats:
    """Store and cluster; returns after the commit. The clusterer warms once per store."""
    if db not in _ingesters:
        _ingesters[db] = Ingester(store_for(db))
    return _ingesters[db].ingest(articles)


def close(db: str | None) -> None:
    """Forget the store of ``db`` in this process (a server running its work in threads)."""
    _ingesters.pop(db, None)
    store = _stores.pop(db, None)
    if store is not None:
        store.close()
