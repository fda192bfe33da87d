"""HTML: escaped input, resolvable citations, and a page that can load nothing from anywhere."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newsprism.model import Brief, StageRun
from newsprism.render.html import CSP, render_html
from newsprism.render.page import script, script_hash

# Elements that can run code, embed or fetch; none may come out of the renderer.
_ACTIVE = {"script", "iframe", "img", "svg", "object", "embed", "video", "audio", "source", "form"}
_ACTIVE |= {"textarea", "input", "base", "frame", "picture", "track", "applet", "math"}


class Page(HTMLParser):
    """Every tag with its attributes, plus the text of <style> elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self._in_style = self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        if self._in_script:
            self.scripts.append(data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if "id" in a]

    def fragment_links(self) -> list[str]:
        return [
            a["href"][1:] for t, a in self.tags if t == "a" and a.get("href", "").startswith("#")
        ]


_WIDTH = re.compile(r"width: \d{1,3}\.\d%")


def assert_loads_nothing(page: Page) -> None:
    """No element or style can make the browser fetch anything; the one script is ours."""
    assert page.scripts == [script()]
    for tag, attrs in page.tags:
        if tag == "script":
            assert attrs == {}, attrs
            continue
        assert tag not in _ACTIVE, tag
        assert "src" not in attrs and "srcset" not in attrs, (tag, attrs)
        assert "style" not in attrs or _WIDTH.fullmatch(attrs["style"]), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "link":
            assert attrs == {"rel": "icon", "href": "data:,"}
        href = attrs.get("href", "")
        if href.lower().startswith(("http:", "https:")):
            assert tag == "a" and attrs.get("rel") == "noopener noreferrer nofollow"
        else:
            assert href == "" or href.startswith("#") or href == "data:,", href
    css = "".join(page.styles).lower()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_citations_link_to_sentences_in_the_appendix(plain_brief: Brief) -> None:
    page = Page(render_html(plain_brief))
    ids = page.ids()
    assert len(ids) == len(set(ids)), "duplicate ids"
    links = page.fragment_links()
    assert {"s-a1-0", "s-a1-1", "s-a2-0"} <= set(links)
    assert set(links) <= set(ids)
    assert {"s-a1-0", "s-a1-1", "s-a1-2", "s-a2-0", "art-a1", "art-a2"} <= set(ids)


def test_summary_shows_outlet_chips_and_article_links(plain_brief: Brief) -> None:
    html = render_html(plain_brief)
    assert '<span class="chip o0"><span class="outlet">Wire</span>' in html
    assert '<span class="chip o1"><span class="outlet">Daily</span>' in html
    assert '<a href="https://wire.example/bridge" rel="noopener noreferrer nofollow">' in html


def test_page_is_self_contained_and_locked_down(plain_brief: Brief) -> None:
    html = render_html(plain_brief)
    page = Page(html)
    metas = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert metas == [{"http-equiv": "Content-Security-Policy", "content": CSP}]
    assert CSP.startswith(f"default-src 'none'; script-src {script_hash(script())}; ")
    assert "'unsafe-eval'" not in CSP and "script-src 'unsafe-inline'" not in CSP
    assert '<link rel="icon" href="data:,">' in html
    assert_loads_nothing(page)


def test_hostile_input_is_escaped_everywhere(hostile_brief: Brief) -> None:
    html = render_html(hostile_brief)
    lowered = html.lower()
    lowered = lowered.replace(f"<script>{script()}</script>".lower(), "")
    for raw in ("<script", "<img", "</textarea", '"onerror', "<b>", '" onclick'):
        assert raw not in lowered, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in lowered.replace("[click](javascript:alert(5))", "")
    page = Page(html)
    assert_loads_nothing(page)
    assert set(page.fragment_links()) <= set(page.ids())
    assert all(i.replace("-", "").isalnum() for i in page.ids())


@pytest.mark.parametrize("status", ["failed", "skipped"])
def test_stage_problems_are_stated_plainly(plain_brief: Brief, status: str) -> None:
    run = StageRun(name="summary", version="1", seconds=0, status=status, error="no alignment")  # type: ignore[arg-type]
    plain_brief.stages.append(run)
    html = render_html(plain_brief)
    verb = "failed" if status == "failed" else "was skipped"
    assert f"The &#39;summary&#39; stage {verb}, so its part of the brief is missing" in html
    assert 'id="problems"' in html and 'href="#problems"' in html


def test_empty_sections_are_not_rendered(plain_brief: Brief) -> None:
    plain_brief.summary = []
    html = render_html(plain_brief)
    for section in ("summary", "notices", "problems"):
        assert f'id="{section}"' not in html
        assert f'href="#{section}"' not in html
    assert 'id="articles"' in html


def test_sample_brief_renders_every_article_and_citation(sample_brief: Brief) -> None:
    page = Page(render_html(sample_brief))
    assert_loads_nothing(page)
    ids = set(page.ids())
    sentences = [s.id for a in sample_brief.articles for s in a.sentences]
    assert len([i for i in ids if i.startswith("s-")]) == len(sentences)
    assert set(page.fragment_links()) <= ids
    assert sum(1 for tag, _ in page.tags if tag == "article") == 5
