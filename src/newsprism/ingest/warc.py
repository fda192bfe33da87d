"""WARC and gzipped WARC archives with warcio: each HTML response record becomes an article
through the HTML reader, keeping the record's URL (and its capture date when the page has none).
A damaged or truncated archive keeps the records before the damage and says where it stopped."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders

from newsprism.errors import NewsprismError
from newsprism.ingest.base import decode, parse_date, reader
from newsprism.ingest.fetch import HTML_TYPES
from newsprism.ingest.html import article_from_html
from newsprism.model import Article

# warcio reports a header cut mid-line as an AttributeError on the missing field.
_DAMAGE = (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError)


@reader(".warc", ".warc.gz")
def read_warc(data: bytes, source: str) -> Iterator[Article | NewsprismError]:
    records = seen = 0
    archive = ArchiveIterator(io.BytesIO(data))
    try:
        for record in archive:
            seen += 1
            if not record.rec_type or record.rec_headers.get_header("Content-Length") is None:
                raise EOFError("a record header is cut off")
            body = _html_body(record)
            archive.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise EOFError("a record is shorter than its Content-Length")
            if body is not None:
                records += 1
                yield _article(body, source, record.rec_headers)
        _check_end(archive, data, seen)
    except _DAMAGE as exc:
        detail = str(exc) or type(exc).__name__
        yield NewsprismError("warc-truncated", source=source, count=records, detail=detail)


def _check_end(archive: ArchiveIterator, data: bytes, seen: int) -> None:
    """warcio stops quietly at a cut; what is left over, or a gzip member without its end,
    tells a truncated archive from a whole one."""
    if not seen:
        raise EOFError("no whole record")
    decompressor = archive.reader.decompressor if archive.reader else None
    if data[archive.offset :].strip() or (decompressor and not decompressor.eof):
        raise EOFError("the archive ends inside a record")


def _html_body(record: ArcWarcRecord) -> bytes | None:
    """The payload of an HTML response record, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
    if ctype.strip().lower() not in HTML_TYPES:
        return None
    return bytes(record.content_stream().read())


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
