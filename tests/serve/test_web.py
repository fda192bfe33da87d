"""The web app's pages over HTTP: the list and its filters, uploads, the form's errors."""

from __future__ import annotations

import json

import httpx

HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def test_list_page_filters_and_keeps_them(client: httpx.Client) -> None:
    page = client.get("/", params={"q": "reservoir", "outlet": "Meridian Wire"})
    assert page.status_code == 200 and page.text.count('class="story-card"') == 1
    assert (
        'value="reservoir"' in page.text and "<option selected>Meridian Wire</option>" in page.text
    )
    none = client.get("/", params={"q": HOSTILE})
    assert none.text.count('class="story-card"') == 0 and "<script>alert" not in none.text
    bad = client.get("/", params={"since": "yesterday"}, headers={"accept": "text/html"})
    assert bad.status_code == 422 and "is not a date" in bad.text


def test_uploaded_files_are_briefed(client: httpx.Client) -> None:
    record = {
        "headline": "Ferry strike",
        "documents": [
            "Ferry crews walked out on Friday over pay. The strike halted all crossings.",
            "All ferry crossings stopped on Friday when crews went on strike over pay.",
        ],
        "doc_meta": [{"outlet": "Harbour Daily"}, {"outlet": "Valley Post", "stance": "center"}],
    }
    files = [("files", ("ferry.jsonl", json.dumps(record).encode(), "application/json"))]
    page = client.post("/brief", files=files, data={"title": ""})
    assert page.status_code == 200 and "<h1>Ferry strike</h1>" in page.text
    assert 'id="summary"' in page.text and "Valley Post" in page.text


def test_an_empty_or_hostile_form_is_shown_again_with_the_reason(client: httpx.Client) -> None:
    page = client.post("/brief", data={"title": HOSTILE, "text": "   "})
    assert page.status_code == 422 and "no usable article" in page.text
    assert "<script>alert" not in page.text and "&lt;script&gt;alert(1)" in page.text


def test_pages_carry_a_policy_that_loads_nothing(client: httpx.Client, sample_story: str) -> None:
    for path in ("/", "/brief", "/docs", f"/stories/{sample_story}"):
        resp = client.get(path)
        policy = resp.headers["content-security-policy"]
        assert policy.startswith("default-src 'none'; script-src 'sha256-"), path
        assert (
            "frame-ancestors 'none'" in policy
            and resp.headers["x-content-type-options"] == "nosniff"
        )
        assert resp.headers["server-timing"].startswith("app;dur=")
