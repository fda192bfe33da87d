"""http(s) URLs as sources: fetched through the guard, then read as a feed or an HTML page
according to what the server says it sent."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from newsprism.errors import NewsprismError
from newsprism.ingest import iter_articles, notice
from newsprism.ingest.base import decode
from newsprism.ingest.feeds import feed_articles
from newsprism.ingest.fetch import FEED_TYPES, HTML_TYPES, Fetcher, is_url
from newsprism.ingest.html import article_from_html
from newsprism.model import Article, Notice


def read_url(url: str, fetcher: Fetcher, full: bool = False) -> Iterator[Article | NewsprismError]:
    """A page gives one article, a feed one per entry (``full``: each entry's page fetched)."""
    got = fetcher.get(url, HTML_TYPES + FEED_TYPES)
    if got.content_type in FEED_TYPES:
        yield from feed_articles(got.content, url, fetcher if full else None)
    else:
        yield article_from_html(decode(got.content, url), url, url=got.final_url)


def iter_sources(
    sources: Iterable[str],
    fetcher: Fetcher,
    strict: bool = False,
    on_notice: Callable[[Notice], None] | None = None,
    full: bool = False,
) -> Iterator[Article]:
    """Paths, folders, '-' and http(s) URLs, in order; a source that fails is one notice and
    the rest go on."""
    for source in sources:
        if not is_url(source):
            yield from iter_articles([source], strict, on_notice)
            continue
        try:
            for item in read_url(source, fetcher, full):
                if isinstance(item, NewsprismError):
                    notice(item, strict, on_notice)
                else:
                    yield item
        except NewsprismError as exc:
            notice(exc, strict, on_notice)
