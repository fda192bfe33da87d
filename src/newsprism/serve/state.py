"""What one running server holds: its settings, the store, a bounded pool for briefs, one writer
for ingests, and a small cache of rendered pages.

Briefs are CPU work of seconds: they run in a fixed pool of workers off the event loop, with a
bounded queue (past it a request gets `server-busy` instead of waiting forever), and a brief
that is already being built is shared by every request that wants it. Ingests run one at a time
in their own worker, because the store's clusterer is one warm, stateful object. With
``processes`` (what `newsprism serve` uses) the workers are processes, so that neither holds
the interpreter lock the event loop needs; otherwise threads (tests, embedding the app).
"""

from __future__ import annotations

import asyncio
import hmac
import multiprocessing
import os
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.pipeline import DEFAULT_PIPELINE
from newsprism.serve import workers
from newsprism.serve.queries import known_outlets
from newsprism.store import Store, open_store
from newsprism.store.ingest import IngestStats

T = TypeVar("T")
OUTLETS_TTL = 30.0


@dataclass(frozen=True)
class ServeSettings:
    """``token``: write endpoints need it when set (default: $NEWSPRISM_TOKEN)."""

    db: str | None = None
    token: str | None = field(default_factory=lambda: os.environ.get("NEWSPRISM_TOKEN") or None)
    max_body: int = 5_000_000
    max_articles: int = 500  # per request
    workers: int = 2
    queue: int = 32
    words: int = 250
    allow_private: bool = False  # URLs on loopback and private networks (tests, intranets)
    page_cache: int = 256
    stages: tuple[str, ...] = DEFAULT_PIPELINE  # for ad-hoc briefs
    hosts: frozenset[str] = frozenset()  # Host names answered; empty: any (see `HostGuard`)
    processes: bool = False  # briefs and ingests in worker processes (see the module's doc)


class BriefPool:
    """A fixed number of threads for briefs; a bounded queue; one build per key at a time."""

    def __init__(self, executor: Executor, workers: int, queue: int) -> None:
        self.executor = executor
        self.capacity = workers + queue
        self.pending = 0
        self.building: dict[Hashable, asyncio.Future[Any]] = {}

    async def run(self, key: Hashable | None, work: Callable[[], T]) -> T:
        """``work()`` in the pool; a second caller with the same ``key`` awaits the first's."""
        shared = self.building.get(key) if key is not None else None
        if shared is None:
            if self.pending >= self.capacity:
                raise NewsprismError("server-busy")
            shared = asyncio.get_running_loop().run_in_executor(self.executor, work)
            self.pending += 1
            shared.add_done_callback(lambda _: self._done(key, shared))
            if key is not None:
                self.building[key] = shared
        # A client that goes away cancels its wait, not the build others share.
        return await asyncio.shield(shared)

    def _done(self, key: Hashable | None, future: asyncio.Future[Any]) -> None:
        self.pending -= 1
        if key is not None and self.building.get(key) is future:
            del self.building[key]

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


class PageCache:
    """Rendered pages by (story, its last update, format): a story that changes gets new keys,
    so nothing is ever served stale; old keys fall out of the LRU."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pages: OrderedDict[Hashable, str] = OrderedDict()

    def get(self, key: Hashable) -> str | None:
        page = self.pages.get(key)
        if page is not None:
            self.pages.move_to_end(key)
        return page

    def put(self, key: Hashable, page: str) -> None:
        self.pages[key] = page
        self.pages.move_to_end(key)
        while len(self.pages) > self.size:
            self.pages.popitem(last=False)


class ServeState:
    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.store: Store = open_store(settings.db)
        brief_pool = _executor(settings, settings.workers, "np-brief")
        self.briefs = BriefPool(brief_pool, settings.workers, settings.queue)
        self.writer = _executor(settings, 1, "np-ingest")
        self.pages = PageCache(settings.page_cache)
        self._outlets: tuple[float, list[str]] = (0.0, [])

    def token_ok(self, given: str | None) -> bool:
        expected = self.settings.token
        if not expected:
            return True
        return given is not None and hmac.compare_digest(given.encode(), expected.encode())

    def outlet_names(self) -> list[str]:
        """The list page's outlet filter: every outlet name, re-read at most every 30 s (it is a
        scan of all articles, and a new outlet may wait that long to appear there)."""
        read_at, names = self._outlets
        if time.monotonic() - read_at > OUTLETS_TTL:
            names = known_outlets(self.store)
            self._outlets = (time.monotonic(), names)
        return names

    async def ingest(self, articles: list[Article]) -> IngestStats:
        """Returns only after the articles' transaction committed."""
        work = partial(workers.ingest, self.settings.db, articles)
        return await asyncio.get_running_loop().run_in_executor(self.writer, work)

    def close(self) -> None:
        self.briefs.close()
        self.writer.shutdown(wait=True)  # an ingest under way commits first
        self.store.close()
        if not self.settings.processes:
            workers.close(self.settings.db)


def _executor(settings: ServeSettings, size: int, name: str) -> Executor:
    if not settings.processes:
        return ThreadPoolExecutor(max_workers=size, thread_name_prefix=name)
    # spawn, not fork: the server has threads, and a forked copy of their locks can hang.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(size, mp_context=context, initializer=workers.die_with_parent)
