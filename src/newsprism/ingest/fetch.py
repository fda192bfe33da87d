"""A guarded HTTP fetcher: only public http(s) addresses, checked when each connection is made.

The check sits in the network backend (httpcore), so it applies to every resolved address of
every connection, redirects included, and the socket connects to the address that was checked:
a DNS answer that changes between check and connect (rebinding) cannot slip through. Redirects
are followed here, hop by hop; bodies are streamed and cut off at a size limit.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

from newsprism.errors import NewsprismError

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
USER_AGENT = "newsprism/0.1 (offline news briefing; polite polling)"

IP = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class FetchPolicy:
    """``allow_private`` admits loopback and private networks (tests, intranets); link-local
    (cloud metadata), multicast, reserved and unspecified addresses stay refused. ``trusted``
    addresses pass whatever their kind."""

    allow_private: bool = False
    trusted: frozenset[str] = frozenset()
    max_bytes: int = 10_000_000
    timeout: float = 20.0
    max_redirects: int = 5
    per_host: float = 0.0  # seconds between two requests to one host (polite polling)


@dataclass
class Fetched:
    url: str  # what was asked for
    final_url: str  # after redirects
    status: int
    content_type: str
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes = b""


_ALWAYS_REFUSED = (
    ("unspecified", "an unspecified address"),
    ("multicast", "a multicast address"),
    ("link_local", "a link-local address"),
    ("reserved", "a reserved address"),
)


class Refused(Exception):
    """Raised inside the network backend; the fetcher turns it into `url-refused`."""


def refusal(ip: IP, policy: FetchPolicy) -> str | None:
    """Why connecting to ``ip`` is refused, or None."""
    if str(ip) in policy.trusted:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return refusal(ip.ipv4_mapped, policy)
    if ip.is_loopback:  # before the other kinds: IPv6 counts ::1 as reserved too
        return None if policy.allow_private else "a loopback address"
    for kind, named in _ALWAYS_REFUSED:
        if getattr(ip, f"is_{kind}"):
            return named
    if policy.allow_private:
        return None
    if ip.is_private or not ip.is_global:
        return "a private address"
    return None


def vetted_addresses(host: str, port: int, policy: FetchPolicy) -> list[str]:
    """Every address ``host`` resolves to, all checked; one bad address refuses the host."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for addr in addresses:
        why = refusal(ipaddress.ip_address(addr.split("%")[0]), policy)
        if why:
            shown = host if host == addr else f"{host} resolves to {addr}"
            raise Refused(f"{shown}, {why}")
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """Resolves, checks, then connects to the checked address itself."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for addr in vetted_addresses(host, port, self.policy):
            try:
                return super().connect_tcp(addr, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


class Fetcher:
    """One HTTP client with the guard; use as a context manager."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        transport = httpx.HTTPTransport(retries=0)
        transport._pool._network_backend = GuardedBackend(self.policy)
        self.client = httpx.Client(
            transport=transport,
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the address check
            timeout=self.policy.timeout,
            headers={"User-Agent": USER_AGENT},
        )
        self._last: dict[str, float] = {}

    def _pace(self, url: str) -> None:
        """Wait until ``per_host`` seconds have passed since the last request to this host."""
        if self.policy.per_host <= 0:
            return
        host = httpx.URL(url).host
        wait = self._last.get(host, float("-inf")) + self.policy.per_host - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.client.close()

    def get(
        self, url: str, accept: tuple[str, ...], headers: Mapping[str, str] | None = None
    ) -> Fetched:
        """GET ``url`` through the guard; 304 comes back with an empty body. Errors name ``url``."""
        try:
            return self._get(url, accept, dict(headers or {}))
        except Refused as exc:
            raise NewsprismError("url-refused", source=url, detail=str(exc)) from None
        except httpx.TimeoutException:
            detail = f"timed out after {self.policy.timeout:g} s"
            raise NewsprismError("url-failed", source=url, detail=detail) from None
        except (httpx.HTTPError, httpcore.ConnectError) as exc:
            detail = str(exc) or type(exc).__name__
            raise NewsprismError("url-failed", source=url, detail=detail) from None

    def _get(self, url: str, accept: tuple[str, ...], headers: dict[str, str]) -> Fetched:
        current = url
        deadline = time.monotonic() + self.policy.timeout
        for _ in range(self.policy.max_redirects + 1):
            try:
                _check_scheme(current)
                self._pace(current)
                with self.client.stream("GET", current, headers=headers) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        current = str(resp.url.join(resp.headers["location"]))
                        continue
                    return self._response(url, resp, accept, deadline)
            except Refused as exc:
                raise Refused(
                    str(exc) if current == url else f"redirect to {current}: {exc}"
                ) from None
        detail = f"more than {self.policy.max_redirects} redirects"
        raise NewsprismError("url-failed", source=url, detail=detail)

    def _response(
        self, url: str, resp: httpx.Response, accept: tuple[str, ...], deadline: float
    ) -> Fetched:
        ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        result = Fetched(url, str(resp.url), resp.status_code, ctype, dict(resp.headers))
        if resp.status_code == 304:
            return result
        if resp.status_code >= 400:
            raise NewsprismError("url-failed", source=url, detail=f"HTTP {resp.status_code}")
        if accept and ctype not in accept:
            expected = " or ".join(sorted({a.split("/")[1].split("+")[0] for a in accept}))
            raise NewsprismError(
                "url-content-type", source=url, detail=ctype or "none", expected=expected
            )
        result.content = self._body(url, resp, deadline)
        return result

    def _body(self, url: str, resp: httpx.Response, deadline: float) -> bytes:
        limit = self.policy.max_bytes
        if int(resp.headers.get("content-length") or 0) > limit:
            raise NewsprismError("url-too-large", source=url, limit=f"{limit:,}")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise NewsprismError("url-too-large", source=url, limit=f"{limit:,}")
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("total time exceeded")
            chunks.append(chunk)
        return b"".join(chunks)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _check_scheme(url: str) -> None:
    if url.split(":", 1)[0].lower() not in ("http", "https"):
        raise Refused("only http and https URLs are fetched")
