"""Polling feeds politely: conditional GET (ETag, Last-Modified), exponential backoff on errors,
a pause between requests to one host, and a stop that waits for the current transaction."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from newsprism.errors import NewsprismError
from newsprism.ingest.feeds import feed_articles
from newsprism.ingest.fetch import FEED_TYPES, Fetcher
from newsprism.model import Article, Notice
from newsprism.store.base import FeedState, Store, now
from newsprism.store.ingest import Ingester

MAX_BACKOFF = timedelta(hours=6)


@dataclass
class PollResult:
    url: str
    new: int = 0
    read: int = 0
    unchanged: bool = False
    error: str | None = None


class Watcher:
    """Polls each feed when it is due and ingests new entries; `stop` ends the loop."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        every: timedelta,
        full: bool = False,
        on_notice: Callable[[Notice], None] | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.every = every
        self.full = full
        self.on_notice = on_notice
        self.ingester = Ingester(store)
        self.stop = threading.Event()

    def poll(self, url: str) -> PollResult:
        """One conditional GET and ingest; the feed's state is saved after its articles commit."""
        state = self.store.feed_state(url)
        headers = {"If-None-Match": state.etag} if state.etag else {}
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        result = PollResult(url)
        try:
            got = self.fetcher.get(url, FEED_TYPES, headers)
            if got.status == 304:
                result.unchanged = True
            else:
                stats = self.ingester.ingest(self._entries(got.content, url))
                result.new, result.read = stats.stored, stats.read
                state.etag = got.headers.get("etag")
                state.last_modified = got.headers.get("last-modified")
            state.errors, state.last_error = 0, None
        except NewsprismError as exc:
            state.errors += 1
            state.last_error = result.error = exc.message
        stamp = now()
        state.last_poll = stamp
        state.next_poll = stamp + self.backoff(state.errors)
        self.store.save_feed_state(state)
        return result

    def _entries(self, data: bytes, url: str) -> list[Article]:
        good: list[Article] = []
        for item in feed_articles(data, url, self.fetcher if self.full else None):
            if isinstance(item, NewsprismError):
                if self.on_notice is not None:
                    self.on_notice(Notice(code=item.code, message=item.message, source=item.source))
            else:
                good.append(item)
        return good

    def backoff(self, errors: int) -> timedelta:
        """The interval, doubled for each error in a row (capped)."""
        return (
            self.every if errors == 0 else min(self.every * 2**errors, max(MAX_BACKOFF, self.every))
        )

    def due(self, urls: Sequence[str]) -> list[str]:
        stamp = now()
        states = [self.store.feed_state(u) for u in urls]
        return [s.url for s in states if s.next_poll is None or _aware(s) <= stamp]

    def run(self, urls: Sequence[str], once: bool, report: Callable[[PollResult], None]) -> None:
        """Poll what is due until `stop` is set (``once``: every feed now, then return); sleeps
        wake up early on stop."""
        while not self.stop.is_set():
            for url in urls if once else self.due(urls):
                if self.stop.is_set():
                    return
                report(self.poll(url))
            if once:
                return
            self.stop.wait(self._sleep(urls))

    def _sleep(self, urls: Sequence[str]) -> float:
        stamp = now()
        waits = [
            (_aware(s) - stamp).total_seconds()
            for s in (self.store.feed_state(u) for u in urls)
            if s.next_poll is not None
        ]
        return max(1.0, min(waits, default=self.every.total_seconds()))


def _aware(state: FeedState) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    assert state.next_poll is not None
    stamp = state.next_poll
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=now().tzinfo)
