"""Every failed request answers with the catalogue's one shape, ``{"error": {code, cause, fix}}``,
and the HTTP status that fits the code. Web pages get the same three lines as an HTML page.

Nothing internal leaks: an unexpected exception becomes `internal-error` with a reference that
the server's log prints beside the traceback; errors about the server's own files (the store's
path) are reported without the path.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from newsprism.errors import CATALOGUE, NewsprismError

log = logging.getLogger("newsprism.serve")

# The status of each catalogue code a request can meet; any other code is the client's input
# problem (422).
STATUS: dict[str, int] = {
    "request-malformed": 400,
    "request-invalid": 422,
    "token-required": 401,
    "not-found": 404,
    "story-unknown": 404,
    "method-not-allowed": 405,
    "request-too-large": 413,
    "too-many-articles": 413,
    "input-too-large": 413,
    "url-failed": 502,
    "server-busy": 503,
    "store-unavailable": 503,
    "stage-failed": 500,
    "internal-error": 500,
}
_PRIVATE = {"store-unavailable", "output-unwritable", "output-exists", "output-is-input"}


class BodyTooLarge(Exception):
    """Raised while a request body is read, once it passes the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def status_of(code: str) -> int:
    return STATUS.get(code, 422)


def internal(exc: BaseException) -> NewsprismError:
    """`internal-error` with a fresh reference; the traceback goes to the log only."""
    reference = uuid.uuid4().hex[:12]
    log.error("internal error %s", reference, exc_info=(type(exc), exc, exc.__traceback__))
    return NewsprismError("internal-error", reference=reference)


def public(exc: NewsprismError) -> NewsprismError:
    """The error a client may see: one naming the server's own files becomes `internal-error`."""
    return internal(exc) if exc.code in _PRIVATE else exc


def error_response(request: Request, exc: NewsprismError, status: int | None = None) -> Response:
    """JSON under /api and for clients that ask for JSON; a small HTML page for browsers."""
    status = status or status_of(exc.code)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if _wants_html(request):
        from newsprism.serve.pages import error_page

        return HTMLResponse(error_page(exc, status), status_code=status, headers=headers)
    return JSONResponse(exc.to_json(), status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def validation_error(errors: list[Any]) -> NewsprismError:
    """FastAPI's validation errors as one catalogue error naming each bad field."""
    if any(e.get("type") == "json_invalid" for e in errors):
        detail = next(str(e.get("ctx", {}).get("error", "")) for e in errors)
        return NewsprismError("request-malformed", detail=detail or "not JSON")
    parts = []
    for e in errors[:5]:
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return NewsprismError("request-invalid", detail="; ".join(parts) + more)


def http_error(request: Request, exc: HTTPException) -> NewsprismError:
    """Starlette's own errors (unknown route, wrong method) as catalogue errors."""
    if exc.status_code == 404:
        return NewsprismError(
            "not-found", what="page", name=request.url.path, hint="see /docs for the endpoints"
        )
    if exc.status_code == 405:
        return NewsprismError("method-not-allowed", method=request.method, path=request.url.path)
    if exc.status_code == 401:
        return NewsprismError("token-required", detail=str(exc.detail))
    return NewsprismError("request-invalid", detail=str(exc.detail))


def install(app: FastAPI) -> None:
    """Route every kind of failure through `error_response`."""

    async def on_newsprism(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NewsprismError)
        return error_response(request, public(exc))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, validation_error(list(exc.errors())))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if isinstance(exc.__cause__, BodyTooLarge):  # FastAPI wraps errors met reading a body
            return await on_too_large(request, exc.__cause__)
        err = http_error(request, exc)
        return error_response(request, err, exc.status_code if exc.status_code >= 400 else None)

    async def on_too_large(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BodyTooLarge)
        return error_response(request, NewsprismError("request-too-large", limit=f"{exc.limit:,}"))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        return error_response(request, internal(exc))

    app.add_exception_handler(NewsprismError, on_newsprism)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(BodyTooLarge, on_too_large)
    app.add_exception_handler(Exception, on_unexpected)


def documented() -> list[tuple[str, int, str, str]]:
    """(code, status, cause, fix) of the codes with their own status, for the /docs page."""
    ordered = sorted(STATUS.items(), key=lambda item: item[1])
    return [(c, s, CATALOGUE[c].cause, CATALOGUE[c].fix) for c, s in ordered]
