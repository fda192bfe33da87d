"""The guarded fetcher: public http(s) only, checked at connect time for every address and every
redirect hop; size, time and content-type limits; one clear error naming the URL."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from tests.ingest.server import Site, serve

from newsprism.errors import NewsprismError
from newsprism.ingest.fetch import HTML_TYPES, Fetcher, FetchPolicy, Refused, refusal
from newsprism.ingest.fetch import vetted_addresses as vetted
from newsprism.ingest.url import iter_sources
from newsprism.model import Notice

# The test server is on 127.0.0.1, trusted by address; every other private address stays refused.
TRUSTED = FetchPolicy(trusted=frozenset({"127.0.0.1"}), timeout=2.0, max_bytes=100_000)


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with serve() as s:
        yield s


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(TRUSTED) as f:
        yield f


def refused(fetcher: Fetcher, url: str) -> NewsprismError:
    with pytest.raises(NewsprismError) as err:
        fetcher.get(url, HTML_TYPES)
    assert err.value.source == url
    assert url in err.value.message and "\n" not in err.value.message
    return err.value


def test_a_page_is_fetched_and_a_relative_redirect_followed(site: Site, fetcher: Fetcher) -> None:
    got = fetcher.get(f"{site.base}/to-page", HTML_TYPES)
    assert (got.status, got.final_url, got.content_type) == (200, f"{site.base}/page", "text/html")
    assert b"harbor bridge" in got.content


def test_a_hostname_that_resolves_to_loopback_is_refused(site: Site) -> None:
    port = site.base.rsplit(":", 1)[1]
    with Fetcher(FetchPolicy()) as fetcher:
        err = refused(fetcher, f"http://localhost:{port}/page")
        assert err.code == "url-refused" and "loopback" in err.message
        assert "loopback" in refused(fetcher, f"{site.base}/page").message


def test_allow_private_admits_loopback(site: Site) -> None:
    with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
        assert fetcher.get(f"{site.base}/page", HTML_TYPES).status == 200


@pytest.mark.parametrize(
    ("route", "why"),
    [
        ("/to-private", "redirect to http://10.1.2.3/secret: 10.1.2.3, a private address"),
        ("/to-loopback6", "a loopback address"),
        ("/to-metadata", "a link-local address"),
        ("/to-file", "only http and https"),
    ],
)
def test_every_redirect_hop_is_checked(site: Site, fetcher: Fetcher, route: str, why: str) -> None:
    before = dict(site.hits)
    err = refused(fetcher, f"{site.base}{route}")
    assert err.code == "url-refused" and why in err.message
    assert site.hits.get("/page", 0) == before.get("/page", 0)  # the hop was never made


def test_non_html_huge_slow_and_missing_responses_fail_clearly(
    site: Site, fetcher: Fetcher
) -> None:
    assert refused(fetcher, f"{site.base}/pdf").code == "url-content-type"
    assert refused(fetcher, f"{site.base}/huge").code == "url-too-large"
    assert refused(fetcher, f"{site.base}/huge-chunked").code == "url-too-large"
    assert "timed out" in refused(fetcher, f"{site.base}/slow").message
    assert "HTTP 404" in refused(fetcher, f"{site.base}/gone").message
    assert refused(fetcher, "ftp://example.com/x").code == "url-refused"


def test_one_bad_address_among_several_refuses_the_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name resolving to a public and a private address (rebinding) is refused outright."""
    answers = [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, 80))
        for ip in ("93.184.215.14", "10.0.0.7")
    ]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(Refused, match=r"news\.example resolves to 10\.0\.0\.7, a private address"):
        vetted("news.example", 80, FetchPolicy())
    assert vetted("news.example", 80, FetchPolicy(allow_private=True)) == [
        "93.184.215.14",
        "10.0.0.7",
    ]


@pytest.mark.parametrize(
    ("address", "private_ok", "why"),
    [
        ("8.8.8.8", False, None),
        ("192.168.1.5", False, "a private address"),
        ("192.168.1.5", True, None),
        ("::ffff:127.0.0.1", False, "a loopback address"),
        ("169.254.169.254", True, "a link-local address"),
        ("224.0.0.1", True, "a multicast address"),
        ("0.0.0.0", True, "an unspecified address"),
        ("240.0.0.1", True, "a reserved address"),
        ("100.64.0.1", False, "a private address"),
    ],
)
def test_refusal_by_kind_of_address(address: str, private_ok: bool, why: str | None) -> None:
    policy = FetchPolicy(allow_private=private_ok)
    assert refusal(ipaddress.ip_address(address), policy) == why


def test_a_batch_goes_on_past_bad_sources(site: Site, fetcher: Fetcher) -> None:
    notices: list[Notice] = []
    routes = ["/pdf", "/to-private", "/bad-feed", "/huge", "/slow", "/gone"]
    bad = [f"{site.base}{r}" for r in routes]
    articles = list(iter_sources([*bad, f"{site.base}/page"], fetcher, on_notice=notices.append))
    assert [a.url for a in articles] == [f"{site.base}/page"]
    assert [n.source for n in notices] == bad
    assert [n.code for n in notices] == [
        "url-content-type", "url-refused", "feed-invalid", "url-too-large", "url-failed",
        "url-failed",
    ]  # fmt: skip
    assert all(n.source in n.message and "\n" not in n.message for n in notices)


def test_the_connection_goes_to_the_address_that_was_checked(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A made-up name resolving to loopback: refused by default; with --allow-private the socket
    connects to the vetted address itself (the name is never resolved again)."""
    real = socket.getaddrinfo
    port = int(site.base.rsplit(":", 1)[1])

    def resolve(host: str, *args: Any, **kwargs: Any) -> list[Any]:
        if host == "news.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    url = f"http://news.test:{port}/page"
    with Fetcher(FetchPolicy()) as fetcher:
        assert (
            "news.test resolves to 127.0.0.1, a loopback address" in refused(fetcher, url).message
        )
    with Fetcher(FetchPolicy(allow_private=True)) as fetcher:
        assert fetcher.get(url, HTML_TYPES).status == 200
