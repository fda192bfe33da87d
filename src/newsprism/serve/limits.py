"""Request bodies are bounded: a declared Content-Length over the limit is refused before any
byte is read, and a body without one (chunked) is cut off as soon as it passes the limit, so a
client can never make the server hold more than the limit in memory. A server on loopback also
answers only requests addressed to a loopback name, and every answer says how long the server
itself took (`Server-Timing`)."""

from __future__ import annotations

import time

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsprism.errors import NewsprismError
from newsprism.serve.errors import BodyTooLarge


class BodyLimit:
    """ASGI middleware; `BodyTooLarge` is turned into a 413 by the app's exception handlers."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            # Answered by the app's handler, so the shape is the usual one.
            await self.app(scope, _refuse(self.limit), send)
            return
        await self.app(scope, _counting(receive, self.limit), send)


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return limited


def _refuse(limit: int) -> Receive:
    async def refuse() -> Message:
        raise BodyTooLarge(limit)

    return refuse


class HostGuard:
    """On a loopback server, only requests addressed to loopback names: a web page elsewhere
    cannot reach it through a DNS name that rebinds to 127.0.0.1."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.hosts:
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.lower() not in self.hosts:
                error = NewsprismError(
                    "request-invalid", detail=f"the Host header '{host[:100]}' is not this server"
                )
                await JSONResponse(error.to_json(), status_code=400)(scope, receive, send)
                return
        await self.app(scope, receive, send)


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})


class ServerTiming:
    """`Server-Timing: app;dur=MS` on every answer: the time from the request's arrival to its
    answer's start, inside the server, so a load test can tell server time from queueing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = f"app;dur={1000 * (time.perf_counter() - start):.1f}".encode()
                message["headers"] = [*message.get("headers", []), (b"server-timing", took)]
            await send(message)

        await self.app(scope, receive, timed)
