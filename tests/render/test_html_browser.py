"""The sample brief's HTML in a real headless Chromium (Debian's, never a downloaded one).

Proves the page makes no network request of any kind, that citation links land on their sentence
and highlight it, and that the layout fits a phone screen. Skips when Chromium or Playwright is
missing locally; fails in CI (CI=true), where both must be installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.chromium import CHROMIUM, FLAGS, require_chromium

from newsprism.model import Brief
from newsprism.render.html import render_html


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def page_file(sample_brief: Brief, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "sample-brief.html"
    path.write_text(render_html(sample_brief), encoding="utf-8")
    return path


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "without-csp"])
def test_page_makes_no_network_request(browser_page: Any, page_file: Path, csp: bool) -> None:
    """Without its CSP too: the page itself must reference nothing, not merely be blocked."""
    html = page_file.read_text(encoding="utf-8")
    if not csp:
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert "Content-Security-Policy" not in html
    path = page_file.with_name(f"page-{csp}.html")
    path.write_text(html, encoding="utf-8")
    requests: list[str] = []
    console: list[str] = []

    def record(request: Any) -> None:
        requests.append(request.url)

    browser_page.on("request", record)  # context-wide: also favicon and service-worker fetches
    page = browser_page.new_page()
    page.on("console", lambda m: console.append(m.text))
    url = path.as_uri()
    try:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # late fetches (favicon, fonts) would arrive by now
    finally:
        page.close()
        browser_page.remove_listener("request", record)
    assert requests == [url]
    assert not [m for m in console if "Content Security Policy" in m]


def test_citation_link_lands_on_its_highlighted_sentence(
    browser_page: Any, page_file: Path
) -> None:
    page = browser_page.new_page()
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(page_file.as_uri())
    link = page.locator("#summary a[href^='#s-']").first
    target = (link.get_attribute("href") or "")[1:]
    link.click()
    assert page.evaluate("location.hash") == f"#{target}"
    sentence = page.locator(f"[id='{target}']")
    assert sentence.evaluate("e => e.matches(':target')")
    plain = page.locator(".s:not(:target)").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    marked = sentence.evaluate("e => getComputedStyle(e).backgroundColor")
    assert marked != plain
    assert sentence.is_visible()
    page.close()


def test_layout_fits_a_phone_screen(browser_page: Any, page_file: Path) -> None:
    page = browser_page.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(page_file.as_uri())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.close()
    assert overflow <= 0
