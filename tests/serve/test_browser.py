"""The web app in a real headless Chromium (Debian's /usr/bin/chromium, never a downloaded one).

Flows: story list -> story -> citation preview -> the article with the sentence highlighted;
"brief these articles" by pasting; a 390 px phone; keyboard; hostile text that must stay inert.
Every page is checked for requests beyond the server and for console errors. Skips when
Chromium or Playwright is missing locally; fails in CI (CI=true).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.chromium import CHROMIUM, FLAGS, require_chromium

HOSTILE = [
    "<script>window.__xss=1</script>",
    '<img src="http://198.51.100.7/leak.png" onerror="window.__xss=2">',
    '"><svg onload="window.__xss=3">',
    "</title><script>window.__xss=4</script>",
    '<b onmouseover="window.__xss=5">bold</b>',
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Watched:
    """A page, with every request it made and every console error or page error it had."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self, base: str) -> None:
        outside = [u for u in self.requests if not u.startswith(base + "/")]
        assert outside == [], outside
        assert self.errors == [] and self.dialogs == []
        assert self.page.evaluate("typeof window.__xss") == "undefined"


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Watched]]:
    contexts: list[Any] = []

    def make(width: int = 1280, height: int = 900, touch: bool = False) -> Watched:
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=touch)
        contexts.append(context)
        page = context.new_page()
        watched = Watched(page)
        context.on("request", lambda r: watched.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and watched.errors.append(m.text))
        page.on("pageerror", lambda e: watched.errors.append(str(e)))
        page.on("dialog", lambda d: (watched.dialogs.append(d.message), d.dismiss()))
        return watched

    yield make
    for context in contexts:
        context.close()


def test_list_story_preview_and_highlight(
    sample_server: str, open_page: Callable[..., Watched]
) -> None:
    w = open_page()
    page = w.page
    page.goto(sample_server + "/")
    assert page.locator(".story-card").count() == 1
    assert page.locator(".story-card .coverage .bar .st-right").count() == 1
    page.locator(".story-card h2 a").click()
    page.wait_for_selector("#summary")
    link = page.locator("#summary .cites a").first
    target = (link.get_attribute("href") or "")[1:]
    sentence = page.locator(f"[id='{target}']").inner_text().strip()
    link.hover()
    preview = page.locator("#np-preview")
    preview.wait_for(state="visible")
    assert preview.locator(".said").inner_text().strip() == sentence
    outlet = link.locator("xpath=ancestor::span[contains(@class,'chip')]/span[@class='outlet']")
    assert outlet.inner_text().strip() in preview.locator(".where").inner_text()
    link.click()
    assert page.evaluate("location.hash") == f"#{target}"
    marked = page.locator(f"[id='{target}']")
    assert marked.evaluate("e => e.matches(':target')") and marked.is_visible()
    assert marked.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    w.assert_clean(sample_server)


def test_sections_fold_and_a_citation_unfolds_its_target(
    sample_server: str, sample_story: str, open_page: Callable[..., Watched]
) -> None:
    w = open_page()
    page = w.page
    page.goto(f"{sample_server}/stories/{sample_story}")
    page.locator("#articles > h2 > button.fold").click()
    assert page.locator("#articles").evaluate("e => e.classList.contains('folded')")
    assert not page.locator("#articles article.source").first.is_visible()
    page.locator("#summary .cites a").first.click()
    assert not page.locator("#articles").evaluate("e => e.classList.contains('folded')")
    assert page.locator(".s:target").is_visible()
    assert page.locator("#discrepancies table.values tbody tr").count() >= 2
    unique = page.locator("details.unique-outlet").first
    assert unique.evaluate("e => !e.open")
    w.assert_clean(sample_server)


def test_keyboard_focus_shows_preview_and_a_visible_outline(
    sample_server: str, sample_story: str, open_page: Callable[..., Watched]
) -> None:
    w = open_page()
    page = w.page
    page.goto(f"{sample_server}/stories/{sample_story}")
    page.keyboard.press("Tab")  # the first stop skips the app bar
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#content"
    link = page.locator("#summary .cites a").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.cites') !== null")
    assert page.locator("#np-preview").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.press("Escape")
    assert page.locator("#np-preview").count() == 0
    w.assert_clean(sample_server)


def test_tap_previews_first_and_opens_on_the_second_tap(
    sample_server: str, sample_story: str, open_page: Callable[..., Watched]
) -> None:
    w = open_page(390, 844, touch=True)
    page = w.page
    page.goto(f"{sample_server}/stories/{sample_story}")
    link = page.locator("#summary .cites a").first
    link.tap()
    assert page.locator("#np-preview").is_visible() and page.evaluate("location.hash") == ""
    box = page.locator("#np-preview").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    link.tap()
    assert page.evaluate("location.hash") == (link.get_attribute("href") or "")
    w.assert_clean(sample_server)


@pytest.mark.parametrize("path", ["/", "/story", "/brief", "/docs"])
def test_phone_width_has_no_horizontal_scroll(
    sample_server: str, sample_story: str, open_page: Callable[..., Watched], path: str
) -> None:
    w = open_page(390, 844)
    url = f"{sample_server}/stories/{sample_story}" if path == "/story" else sample_server + path
    w.page.goto(url)
    assert w.page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    w.assert_clean(sample_server)


def test_paste_and_brief(sample_server: str, open_page: Callable[..., Watched]) -> None:
    w = open_page()
    page = w.page
    page.goto(sample_server + "/brief")
    first = (
        "---\noutlet: Harbour Daily\nstance: left\n---\n"
        "The Harbour Bridge closed on Monday after cracks were found. Repairs will take six weeks."
    )
    second = (
        "---\noutlet: Valley Post\nstance: right\n---\n"
        "Inspectors shut the Harbour Bridge on Monday over cracks. Repairs will take eight weeks."
    )
    page.fill("#title", "Bridge closure")
    page.fill("#text", f"{first}\n|||||\n{second}")
    page.locator("form button[type=submit]").click()
    page.wait_for_selector("#summary", timeout=120_000)
    assert page.locator("h1").inner_text() == "Bridge closure"
    chips = page.locator(".masthead .outlets .chip").all_inner_texts()
    assert sorted(chips) == ["Harbour Daily", "Valley Post"]
    assert page.locator(".masthead .coverage .bar .st-left").count() == 1
    w.assert_clean(sample_server)


def test_an_empty_form_says_why(sample_server: str, open_page: Callable[..., Watched]) -> None:
    w = open_page()
    w.page.goto(sample_server + "/brief")
    w.page.fill("#urls", "http://127.0.0.1:9/never")
    w.page.locator("form button[type=submit]").click()
    assert "refused" in w.page.locator(".error-box").inner_text()
    w.errors = [
        e for e in w.errors if "422" not in e
    ]  # the page's own status is not a script error
    w.assert_clean(sample_server)


def test_hostile_text_titles_and_outlets_stay_inert(
    make_server: Callable[..., str], open_page: Callable[..., Watched]
) -> None:
    base = make_server()
    articles = [
        {
            "text": f"{evil} The harbour bridge closed on Monday after cracks in the girders. "
            f"Officials said {evil} repairs would take weeks.",
            "title": evil,
            "outlet": f"{evil} News {n}",
            "url": "javascript:window.__xss=9",
            "stance": evil,
        }
        for n, evil in enumerate(HOSTILE)
    ]
    with httpx.Client(base_url=base, timeout=120) as c:
        stored = c.post("/api/articles", json={"articles": articles}).json()
        story = stored["articles"][0]["story_id"]
    w = open_page()
    page = w.page
    page.goto(base + "/")
    assert HOSTILE[0] in page.locator(".story-card h2").first.inner_text()
    page.goto(f"{base}/stories/{story}", timeout=120_000)
    for link in page.locator(".cites a").all()[:10]:
        link.hover()
    page.goto(f"{base}/?q={HOSTILE[0]}")
    w.assert_clean(base)
    assert page.evaluate("document.querySelectorAll('script[src], img, svg, iframe').length") == 0


def test_the_static_brief_file_has_the_same_previews(
    sample_server: str, sample_story: str, open_page: Callable[..., Watched], tmp_path: Path
) -> None:
    """`newsprism brief --format html` output: one file, same previews, loads nothing."""
    html = httpx.get(f"{sample_server}/api/stories/{sample_story}/brief?format=html", timeout=120)
    path = tmp_path / "brief.html"
    path.write_text(html.text, encoding="utf-8")
    w = open_page()
    w.page.goto(path.as_uri())
    w.page.locator("#summary .cites a").first.hover()
    assert w.page.locator("#np-preview .said").is_visible()
    assert w.page.locator(".masthead .coverage .bar span").count() >= 1
    assert w.requests == [path.as_uri()]
    assert w.errors == [] and w.dialogs == []


def test_printing_opens_everything(
    sample_server: str, sample_story: str, open_page: Callable[..., Watched]
) -> None:
    w = open_page()
    page = w.page
    page.goto(f"{sample_server}/stories/{sample_story}")
    page.locator("#summary > h2 > button.fold").click()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator("#summary ol.summary").is_visible()
    assert page.evaluate("[...document.querySelectorAll('details')].every(d => d.open)")
    assert not page.locator(".appbar").is_visible()
    w.assert_clean(sample_server)
