"""WARC and gzipped WARC archives with warcio: each HTML response record becomes an article
through the HTML reader, keeping the record's URL (and its capture date when the page has none).
A damaged or truncated archive keeps the records before the damage and says where it stopped."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders

from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode, parse_date, reader
from newsprism.ingest.fetch import HTML_TYPES
from newsprism.ingest.html import article_from_html
from newsprism.model import Article

_DAMAGE = (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError)


@reader(".warc", ".warc.gz")
def read_warc(data: bytes, source: str) -> Iterator[Article | NewsprismError]:
    records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
            if ctype.strip().lower() not in HTML_TYPES:
                continue
            body = record.content_stream().read()
            records += 1
            yield _article(body, source, record.rec_headers)
    except _DAMAGE as exc:
        detail = str(exc) or type(exc).__name__
        yield NewsprismError("warc-truncated", source=source, count=records, detail=detail)


def _article(body: bytes, source: str, headers: StatusAndHeaders) -> Article | NewsprismError:
    url = headers.get_header("WARC-Target-URI")
    captured = parse_date(headers.get_header("WARC-Date"))
    where = f"{source}#{url}" if url else source
    try:
        article = article_from_html(decode(body, where), where, url=url)
    except NewsprismError as exc:
        return exc
    if article.date is None and captured is not None:
        article = article.model_copy(update={"date": captured})
    return article
