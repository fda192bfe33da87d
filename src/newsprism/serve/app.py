"""The FastAPI application of `newsprism serve`: the JSON API, the web app, /docs.

FastAPI's own documentation pages load their scripts from a CDN, so they are off; /docs is our
page, made on the server from the same OpenAPI description (/openapi.json).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from newsprism import __version__
from newsprism.serve import api, errors, web
from newsprism.serve.limits import BodyLimit, HostGuard, ServerTiming
from newsprism.serve.state import ServeSettings, ServeState

log = logging.getLogger("newsprism.serve")

DESCRIPTION = (
    "Stories kept in a newsprism store, their briefs, and briefs of ad-hoc articles. Every "
    'error is {"error": {"code", "cause", "fix"}} with a fitting HTTP status; see /docs.'
)


def create_app(settings: ServeSettings | None = None, state: ServeState | None = None) -> FastAPI:
    """The app over one store; ``state`` lets a caller (tests, --sample) open the store first."""
    settings = settings or (state.settings if state else ServeSettings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.newsprism.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.newsprism = state or ServeState(settings)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(web.router)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(HostGuard, hosts=settings.hosts)
    app.add_middleware(ServerTiming)
    return app
