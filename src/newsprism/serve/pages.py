"""The web app's pages, rendered on the server with the brief's own templates and view model.

A story page is the static HTML brief (`render/templates/brief.html.j2`) with the app bar added,
so the two can never drift apart. Every page is autoescaped and sent with a Content-Security-
Policy that loads nothing from anywhere and runs only the brief's own script.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC
from functools import cache
from typing import Any
from urllib.parse import urlencode

from jinja2 import ChoiceLoader, Environment, PackageLoader

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.model import Brief
from newsprism.render.html import brief_context, csp, environment
from newsprism.render.page import CoverageSlice, coverage_of
from newsprism.render.view import format_span
from newsprism.serve.errors import documented
from newsprism.serve.queries import OutletCount, StoryFilter
from newsprism.store import StoryRow

# frame-ancestors works only as a header, so the page's own <meta> policy goes without it.
PAGE_CSP = csp(form_action="'self'")
HEADERS = {
    "Content-Security-Policy": PAGE_CSP + "; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@cache
def _env() -> Environment:
    return environment(
        ChoiceLoader(
            [
                PackageLoader("newsprism.serve", "templates"),
                PackageLoader("newsprism.render", "templates"),
            ]
        )
    )


def _render(template: str, **context: Any) -> str:
    return _env().get_template(template).render(version=__version__, **context)


def story_page(brief: Brief) -> str:
    """The brief of a story, as a page of the app (same template as the static brief)."""
    context = brief_context(brief)
    context.update(csp=PAGE_CSP, active="")
    return _env().get_template("story.html.j2").render(context)


@dataclass(frozen=True)
class StoryItem:
    """One story of the list, ready to show."""

    row: StoryRow
    outlets: list[OutletCount]
    coverage: list[CoverageSlice]

    @property
    def span(self) -> str:
        first, last = self.row.first_seen, self.row.last_seen
        return format_span(first, last) if first and last else ""

    @property
    def updated(self) -> str:
        stamp = self.row.updated_at
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        return stamp.astimezone(UTC).strftime("%-d %b %Y, %H:%M UTC")


def story_item(row: StoryRow, outlets: list[OutletCount]) -> StoryItem:
    stances = {o.name: o.stance for o in outlets}
    return StoryItem(row, outlets, coverage_of(stances))


def list_page(items: list[StoryItem], f: StoryFilter, total: int, outlets: list[str]) -> str:
    pages = max(1, -(-total // f.per_page))
    return _render(
        "stories.html.j2",
        active="stories",
        items=items,
        f=f,
        total=total,
        pages=pages,
        outlets=outlets,
        filtered=any([f.text, f.entity, f.outlet, f.since, f.until, f.stale is not None]),
        prev_url=_page_url(f, f.page - 1) if f.page > 1 else None,
        next_url=_page_url(f, f.page + 1) if f.page < pages else None,
    )


def _page_url(f: StoryFilter, page: int) -> str:
    """The list's URL for another page with the same filters."""
    g = replace(f, page=page)
    params = {
        "q": g.text, "entity": g.entity, "outlet": g.outlet, "since": g.since,
        "until": g.until, "stale": None if g.stale is None else str(g.stale).lower(),
        "page": g.page,
    }  # fmt: skip
    return "/?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})


def new_page(form: dict[str, str] | None = None, error: NewsprismError | None = None) -> str:
    return _render("new.html.j2", active="brief", form=form or {}, error=error)


def docs_page(openapi: dict[str, Any], settings: Any) -> str:
    return _render(
        "docs.html.j2",
        active="docs",
        openapi=openapi,
        errors=documented(),
        schema_name=_schema_name,
        token=bool(settings.token),
        max_body=settings.max_body,
        max_articles=settings.max_articles,
        workers=settings.workers,
    )


def _schema_name(schema: dict[str, Any]) -> str:
    ref = str(schema.get("$ref", ""))
    return ref.rsplit("/", 1)[-1] if ref else str(schema.get("type", "object"))


def error_page(error: NewsprismError, status: int) -> str:
    return _render("error.html.j2", active="", error=error, status=status)
