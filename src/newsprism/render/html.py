"""HTML rendering: one self-contained page built from Jinja2 partials, one per brief section.

Autoescaping is on, so article text, titles and outlet names are always text, never markup. The
page makes no requests: inline CSS, no scripts, a data: favicon and a Content-Security-Policy that
forbids loading anything; links to original articles are rendered only for http(s) URLs.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from newsprism import __version__
from newsprism.model import Brief
from newsprism.render.view import (
    SECTION_TITLES,
    BriefView,
    notice_source,
    problem_text,
    shown_terms,
    signed,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


@cache
def _template() -> Template:
    env = Environment(
        loader=PackageLoader("newsprism.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("brief.html.j2")


def render_html(brief: Brief) -> str:
    return _template().render(
        view=BriefView(brief),
        titles=SECTION_TITLES,
        problem_text=problem_text,
        notice_source=notice_source,
        shown_terms=shown_terms,
        signed=signed,
        csp=CSP,
        version=__version__,
    )
