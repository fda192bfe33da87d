"""HTML rendering: one self-contained page built from Jinja2 partials, one per brief section.

Autoescaping is on, so article text, titles and outlet names are always text, never markup. The
page makes no requests: inline CSS, one inline script of ours (citation previews, folding
sections) admitted by its hash, a data: favicon and a Content-Security-Policy that forbids loading
anything; links to original articles are rendered only for http(s) URLs.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import BaseLoader, Environment, PackageLoader, StrictUndefined

from newsprism import __version__
from newsprism.model import Brief
from newsprism.render import page
from newsprism.render.formats import shown_terms, signed
from newsprism.render.view import (
    SECTION_TITLES,
    BriefView,
    notice_source,
    problem_text,
)


def csp(form_action: str = "'none'", connect: str = "'none'") -> str:
    """The page's policy: nothing loads from anywhere; only our own inline script runs."""
    return (
        f"default-src 'none'; script-src {page.script_hash(page.script())}; "
        f"style-src 'unsafe-inline'; img-src data:; connect-src {connect}; base-uri 'none'; "
        f"form-action {form_action}"
    )


def environment(loader: BaseLoader | None = None) -> Environment:
    """The Jinja environment of every newsprism page (the web app passes its own loader too)."""
    return Environment(
        loader=loader or PackageLoader("newsprism.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _environment() -> Environment:
    return environment()


def brief_context(brief: Brief) -> dict[str, Any]:
    """What the brief template needs; the web app adds its own keys to it."""
    return {
        "view": BriefView(brief),
        "titles": SECTION_TITLES,
        "problem_text": problem_text,
        "notice_source": notice_source,
        "shown_terms": shown_terms,
        "signed": signed,
        "page": page,
        "script": page.script(),
        "csp": csp(),
        "version": __version__,
    }


def render_html(brief: Brief) -> str:
    return _environment().get_template("brief.html.j2").render(brief_context(brief))


CSP = csp()
