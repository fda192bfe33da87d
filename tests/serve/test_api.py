"""The JSON API against a real server: reads, briefs and their cache, ingest, ad-hoc briefs."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from tests.serve.helpers import TOKEN

from newsprism.model import Brief
from newsprism.serve.background import BackgroundServer
from newsprism.serve.state import ServeSettings, ServeState

BRIDGE = [
    {
        "text": "The Harbour Bridge closed on Monday after inspectors found cracks in two steel "
        "girders. The city said repairs would take six weeks and cost 2 million dollars.",
        "outlet": "Harbour Daily",
        "stance": "lean left",
        "date": "2031-04-07",
        "title": "Harbour Bridge shut over cracked girders",
    },
    {
        "text": "Inspectors shut the Harbour Bridge on Monday when cracks turned up in two steel "
        "girders. Repairs will take eight weeks, the city said, at a cost of 2 million dollars.",
        "outlet": "Valley Post",
        "stance": "right",
        "date": "2031-04-07",
        "title": "Cracks close Harbour Bridge",
    },
]


def test_health_counts_the_store(client: httpx.Client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["stories"] == 1 and body["articles"] == 5


def test_story_list_shows_outlets_and_coverage(client: httpx.Client, sample_story: str) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] == 1 and body["page"] == 1
    story = body["stories"][0]
    assert story["id"] == sample_story and story["articles"] == 5
    assert len(story["outlets"]) == 5
    # Only one sample outlet states its leaning (in the sample's manifest).
    stances = {c["stance"]: len(c["outlets"]) for c in story["coverage"]}
    assert stances == {"right": 1, "unknown": 4}


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"q": "reservoir"}, 1),
        ({"q": "zzzunheard"}, 0),
        ({"q": "100%_"}, 0),  # LIKE wildcards are matched literally
        ({"entity": "Tobias Wren"}, 1),
        ({"entity": "Nobody Atall"}, 0),
        ({"outlet": "meridian wire"}, 1),
        ({"outlet": "Meridian"}, 0),
        ({"since": "2025-03-06"}, 1),
        ({"since": "2025-03-07"}, 0),
        ({"until": "2025-03-04"}, 0),
        ({"stale": "false", "q": "zzzunheard"}, 0),
        ({"page": "2"}, 0),
    ],
)
def test_story_filters(client: httpx.Client, params: dict[str, str], found: int) -> None:
    body = client.get("/api/stories", params=params).json()
    assert len(body["stories"]) == found


def test_story_lists_article_metadata_not_text(client: httpx.Client, sample_story: str) -> None:
    body = client.get(f"/api/stories/{sample_story}").json()
    assert len(body["articles_list"]) == 5
    assert all("text" not in a and a["chars"] > 100 for a in body["articles_list"])


def test_brief_is_built_once_then_served_from_cache(
    client: httpx.Client, sample_story: str
) -> None:
    first = client.get(f"/api/stories/{sample_story}/brief", params={"format": "json"})
    assert first.status_code == 200
    assert first.headers["x-newsprism-cache"] in ("built", "stored", "page")
    brief = Brief.model_validate_json(first.text)
    assert brief.story_id == sample_story and brief.summary and len(brief.articles) == 5
    again = client.get(f"/api/stories/{sample_story}/brief", params={"format": "json"})
    assert again.headers["x-newsprism-cache"] == "page" and again.text == first.text
    md = client.get(f"/api/stories/{sample_story}/brief", params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.headers["x-newsprism-cache"] == "stored"  # the stored Brief, rendered anew
    html = client.get(f"/api/stories/{sample_story}/brief", params={"format": "html"})
    assert "default-src 'none'" in html.headers["content-security-policy"]
    assert html.text.startswith("<!doctype html>")


def test_ingest_acknowledges_stores_and_groups(make_server: Callable[..., str]) -> None:
    with httpx.Client(base_url=make_server(), timeout=120) as c:
        first = c.post("/api/articles", json={"articles": BRIDGE}).json()
        assert first["stored"] == 2 and first["already_stored"] == 0
        stories = {a["story_id"] for a in first["articles"]}
        assert len(stories) == 1  # the two reports of one event join one story
        again = c.post("/api/articles", json={"articles": BRIDGE}).json()
        assert again["stored"] == 0 and again["already_stored"] == 2
        (sid,) = stories
        story = c.get(f"/api/stories/{sid}").json()
        assert story["articles"] == 2
        assert {o["stance"] for o in story["outlets"]} == {"lean left", "right"}
        brief = c.get(f"/api/stories/{sid}/brief").json()
        assert {a["outlet"] for a in brief["articles"]} == {"Harbour Daily", "Valley Post"}


def test_a_grown_story_gets_a_new_brief(make_server: Callable[..., str]) -> None:
    with httpx.Client(base_url=make_server(), timeout=120) as c:
        sid = c.post("/api/articles", json={"articles": BRIDGE[:1]}).json()["articles"][0]
        first = c.get(f"/api/stories/{sid['story_id']}/brief").json()
        c.post("/api/articles", json={"articles": BRIDGE[1:]})
        grown = c.get(f"/api/stories/{sid['story_id']}/brief")
        assert grown.headers["x-newsprism-cache"] == "built"
        assert len(grown.json()["articles"]) == len(first["articles"]) + 1


def test_adhoc_brief_stores_nothing(make_server: Callable[..., str]) -> None:
    with httpx.Client(base_url=make_server(), timeout=120) as c:
        resp = c.post("/api/brief", json={"articles": BRIDGE, "title": "Bridge", "words": 60})
        brief = Brief.model_validate_json(resp.text)
        assert brief.title == "Bridge" and len(brief.articles) == 2 and brief.summary
        assert c.get("/api/health").json()["articles"] == 0
        md = c.post("/api/brief", json={"articles": BRIDGE, "format": "md"})
        assert md.text.startswith("# ")
        kept = c.post("/api/brief", json={"articles": BRIDGE, "store": True})
        assert kept.status_code == 200 and c.get("/api/health").json()["articles"] == 2


def test_write_endpoints_take_the_right_token(client: httpx.Client) -> None:
    body = {"articles": [{"text": "One more report about the reservoir."}]}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        resp = client.post("/api/articles", json=body, headers=headers)
        assert resp.status_code == 401, headers
        assert resp.json()["error"]["code"] == "token-required"
        assert resp.headers["www-authenticate"] == "Bearer"
    stored = client.post("/api/brief", json={**body, "store": True})
    assert stored.status_code == 401
    assert client.post("/api/brief", json=body).status_code == 200  # briefing alone writes nothing
    assert client.get("/api/health").json()["articles"] == 5


def test_ingest_with_token(make_server: Callable[..., str]) -> None:
    with httpx.Client(base_url=make_server(token="abc"), timeout=60) as c:
        ok = c.post(
            "/api/articles", json={"articles": BRIDGE[:1]}, headers={"Authorization": "Bearer abc"}
        )
        assert ok.status_code == 200 and ok.json()["stored"] == 1


def test_worker_processes_brief_and_ingest(make_server: Callable[..., str]) -> None:
    """What `newsprism serve` runs: briefs and ingests in spawned worker processes."""
    with httpx.Client(base_url=make_server(processes=True), timeout=300) as c:
        placed = c.post("/api/articles", json={"articles": BRIDGE}).json()
        assert placed["stored"] == 2
        sid = placed["articles"][0]["story_id"]
        page = c.get(f"/stories/{sid}")
        assert page.headers["x-newsprism-cache"] == "built" and 'id="summary"' in page.text
        adhoc = c.post("/api/brief", json={"articles": BRIDGE, "format": "md"})
        assert adhoc.status_code == 200 and "Harbour Daily" in adhoc.text


def test_the_api_on_both_backends(db_url: str) -> None:
    state = ServeState(ServeSettings(db=db_url))
    with BackgroundServer(state) as base, httpx.Client(base_url=base, timeout=120) as c:
        placed = c.post("/api/articles", json={"articles": BRIDGE}).json()
        assert placed["stored"] == 2
        listed = c.get("/api/stories", params={"outlet": "valley post", "stale": "true"}).json()
        assert [s["articles"] for s in listed["stories"]] == [2]
        sid = listed["stories"][0]["id"]
        assert c.get(f"/api/stories/{sid}/brief").status_code == 200
        assert c.get("/api/stories", params={"stale": "true"}).json()["total"] == 0
