"""RSS/Atom through feedparser and WARC through warcio, with inputs built in code."""

from __future__ import annotations

import gzip
import uuid
from datetime import date
from pathlib import Path

import pytest
from tests.ingest.server import PAGE, rss, serve

from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs
from newsprism.ingest.feeds import feed_articles
from newsprism.ingest.fetch import Fetcher, FetchPolicy

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Post</title><id>urn:x</id>
<updated>2024-05-02T08:00:00Z</updated>
<entry><title>Ferry strike ends</title><link href="https://coast.example/ferry"/>
<id>urn:1</id><updated>2024-05-02T08:00:00Z</updated><author><name>Lee Park</name></author>
<content type="html">&lt;p&gt;The ferry workers' union ended its strike after the operator
agreed to a new contract with higher wages and shorter shifts.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_keep_url_title_date_author_and_summary(tmp_path: Path) -> None:
    path = tmp_path / "harbor.rss"
    path.write_text(rss("https://harbor.example", 2))
    result = read_inputs([path])
    first = result.articles[0]
    assert result.notices == []
    assert (first.url, first.title, first.outlet) == (
        "https://harbor.example/page?i=0",
        "Storm update 0",
        "Harbor Daily",
    )
    assert first.date == date(2024, 4, 1) and first.author and "Ana Ruiz" in first.author
    assert first.text.startswith("Heavy rain flooded the coast road on day 0")
    assert "<p>" not in first.text


def test_atom_entry_uses_its_content(tmp_path: Path) -> None:
    path = tmp_path / "coast.atom"
    path.write_text(ATOM)
    (a,) = read_inputs([path]).articles
    assert (a.url, a.author, a.date) == (
        "https://coast.example/ferry",
        "Lee Park",
        date(2024, 5, 2),
    )
    assert a.text.startswith("The ferry workers' union ended its strike")


@pytest.mark.parametrize("data", [b"<html><body>not a feed", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_a_bad_feed_is_one_error_naming_it(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(data)
    result = read_inputs([path, tmp_path / "missing.rss"])
    assert [n.code for n in result.notices] == ["feed-invalid", "input-not-found"]
    assert result.notices[0].source == str(path) and str(path) in result.notices[0].message


def test_full_articles_are_fetched_through_the_guard() -> None:
    with serve() as site, Fetcher(FetchPolicy(trusted=frozenset({"127.0.0.1"}))) as fetcher:
        items = list(feed_articles(rss(site.base, 2).encode(), "feed", fetcher))
    assert [a.title for a in items if not isinstance(a, NewsprismError)] == [
        "Storm update 0",
        "Storm update 1",
    ]
    assert all("four-hour debate" in a.text for a in items if not isinstance(a, NewsprismError))


def test_entry_links_to_private_addresses_are_refused_per_entry() -> None:
    feed = rss("http://10.9.9.9", 2).encode()
    with Fetcher(FetchPolicy()) as fetcher:
        items = list(feed_articles(feed, "feed", fetcher))
    assert [i.code for i in items if isinstance(i, NewsprismError)] == ["url-refused"] * 2


def record(url: str, kind: str, block: bytes, gz: bool) -> bytes:
    """One WARC/1.0 record, written by hand (gzipped as its own member, as crawlers do)."""
    mime = f"application/http; msgtype={kind}"
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-03-09T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: {mime}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    data = head.encode() + block + b"\r\n\r\n"
    return gzip.compress(data) if gz else data


def response(url: str, ctype: str, body: bytes, gz: bool) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    return record(url, "response", http.encode() + body, gz)


def warc_bytes(gz: bool) -> bytes:
    """Two HTML responses, an image and a request record."""
    second = PAGE.replace("four-hour", "five-hour").replace("2024-03-04", "2024-03-05")
    return b"".join(
        [
            response(
                "https://harbor.example/bridge", "text/html; charset=utf-8", PAGE.encode(), gz
            ),
            response("https://harbor.example/b2", "text/html", second.encode(), gz),
            response("https://harbor.example/logo.png", "image/png", b"\x89PNG....", gz),
            record("https://harbor.example/bridge", "request", b"GET /bridge HTTP/1.1\r\n\r\n", gz),
        ]
    )


@pytest.mark.parametrize(("name", "gz"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str, gz: bool) -> None:
    path = tmp_path / name
    path.write_bytes(warc_bytes(gz))
    result = read_inputs([path])
    assert result.notices == []
    assert [a.url for a in result.articles] == [
        "https://harbor.example/bridge",
        "https://harbor.example/b2",
    ]
    assert [a.date for a in result.articles] == [date(2024, 3, 4), date(2024, 3, 5)]
    assert result.articles[0].source == f"{path}#https://harbor.example/bridge"


def test_capture_date_is_kept_when_the_page_has_none(tmp_path: Path) -> None:
    undated = PAGE.replace('<meta property="article:published_time" content="2024-03-04">', "")
    path = tmp_path / "one.warc"
    path.write_bytes(response("https://harbor.example/x", "text/html", undated.encode(), False))
    (a,) = read_inputs([path]).articles
    assert a.date == date(2024, 3, 9)


@pytest.mark.parametrize(("name", "gz"), [("cut.warc", False), ("cut.warc.gz", True)])
def test_a_truncated_warc_keeps_earlier_records_and_says_so(
    tmp_path: Path, name: str, gz: bool
) -> None:
    data = warc_bytes(gz)
    # Inside the second page: its text, or the middle of its gzip member.
    cut = data[: int(len(data) * 0.55)] if gz else data[: data.index(b"five-hour")]
    path = tmp_path / name
    path.write_bytes(cut)
    result = read_inputs([path])
    assert [a.url for a in result.articles] == ["https://harbor.example/bridge"]
    (notice,) = result.notices
    assert notice.code == "warc-truncated" and notice.source == str(path)
    assert "HTML records read before it: 1" in notice.message
