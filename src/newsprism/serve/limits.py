"""Request bodies are bounded: a declared Content-Length over the limit is refused before any
byte is read, and a body without one (chunked) is cut off as soon as it passes the limit, so a
client can never make the server hold more than the limit in memory."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
