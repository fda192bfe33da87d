"""Every error has one JSON shape with the right status, leaks nothing, and is documented."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from tests.serve.helpers import AUTH

from newsprism.errors import CATALOGUE
from newsprism.pipeline import Context
from newsprism.registry import STAGES, load_stages, stage
from newsprism.serve import workers
from newsprism.serve.errors import STATUS
from newsprism.serve.limits import LOOPBACK_NAMES

ARTICLE = {"text": "The council approved the new bridge on Monday after a long debate."}


def assert_error(resp: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The one shape: {"error": {"code", "cause", "fix"}}, from the catalogue, no trace."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert list(body) == ["error"] and set(body["error"]) == {"code", "cause", "fix"}
    assert body["error"]["code"] == code and code in CATALOGUE
    assert "Traceback" not in resp.text and 'File "' not in resp.text
    return dict(body["error"])


def test_unknown_story_and_route(client: httpx.Client) -> None:
    assert_error(client.get("/api/stories/st000000"), 404, "not-found")
    assert_error(client.get("/api/stories/st000000/brief"), 404, "not-found")
    assert_error(client.get("/api/nothing-here"), 404, "not-found")
    assert_error(client.delete("/api/health"), 405, "method-not-allowed")


def test_bad_json_and_bad_fields(client: httpx.Client) -> None:
    raw = client.post(
        "/api/brief", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error(raw, 400, "request-malformed")
    cause = assert_error(client.post("/api/brief", json={"articles": []}), 422, "request-invalid")
    assert "articles" in cause["cause"]
    assert_error(client.post("/api/brief", json={"articles": [{}]}), 422, "request-invalid")
    bad_format = client.get("/api/stories", params={"per_page": "1000"})
    assert_error(bad_format, 422, "request-invalid")


def test_no_request_names_a_server_path(client: httpx.Client, tmp_path: Any) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the server's own file must never be read")
    for article in ({"path": str(secret)}, {"file": str(secret)}):
        assert_error(
            client.post("/api/brief", json={"articles": [article]}), 422, "request-invalid"
        )
    for url in (secret.as_uri(), str(secret), "http://127.0.0.1:9/x", "http://169.254.169.254/"):
        resp = client.post("/api/brief", json={"articles": [{"url": url}]})
        cause = assert_error(resp, 422, "no-articles")["cause"]
        assert "refused" in cause and "must never be read" not in resp.text


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_oversize_bodies_are_refused(make_server: Callable[..., str]) -> None:
    base = make_server(max_body=2_000)
    big = {"articles": [{"text": "word " * 1_000}]}
    with httpx.Client(base_url=base, timeout=30) as c:
        assert_error(c.post("/api/brief", json=big), 413, "request-too-large")

        def chunks() -> Iterator[bytes]:  # no Content-Length: cut off while reading
            yield b'{"articles": [{"text": "'
            for _ in range(100):
                yield b"word " * 20
            yield b'"}]}'

        streamed = c.post(
            "/api/brief", content=chunks(), headers={"content-type": "application/json"}
        )
        assert_error(streamed, 413, "request-too-large")
        assert c.post("/api/brief", json={"articles": [ARTICLE]}).status_code == 200


@pytest.fixture
def failing_stage() -> Iterator[str]:
    load_stages()

    @stage("t-serve-fails", version="1", requires=("articles",), assigns=("summary",))
    def fails(ctx: Context) -> None:
        raise RuntimeError("internal detail /srv/secret")

    yield "t-serve-fails"
    STAGES.remove("t-serve-fails")


def test_a_failing_stage_is_a_500_without_details(
    make_server: Callable[..., str], failing_stage: str
) -> None:
    base = make_server(stages=("sentences", failing_stage))
    with httpx.Client(base_url=base, timeout=60) as c:
        error = assert_error(
            c.post("/api/brief", json={"articles": [ARTICLE]}), 500, "stage-failed"
        )
        assert failing_stage in error["cause"]


def test_an_unexpected_exception_is_a_500_with_a_reference(
    make_server: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = make_server()

    def broken(db: str | None, articles: Any) -> Any:
        raise RuntimeError("database file /var/secret/newsprism.db is corrupt")

    monkeypatch.setattr(workers, "ingest", broken)
    with httpx.Client(base_url=base, timeout=60) as c:
        resp = c.post("/api/articles", json={"articles": [ARTICLE]})
        error = assert_error(resp, 500, "internal-error")
        assert "/var/secret" not in resp.text and "reference" in error["cause"]


def test_html_pages_get_the_same_error_as_a_page(client: httpx.Client) -> None:
    resp = client.get("/stories/st000000", headers={"accept": "text/html"})
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert "no story &#39;st000000&#39; here" in resp.text


def test_docs_page_documents_the_error_shape_and_every_status(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert (
        page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    )
    assert '{"error": {"code"' in page.text.replace("&#34;", '"')
    for code in STATUS:
        assert f"<code>{code}</code>" in page.text
    for path in ("/api/stories", "/api/stories/{story_id}/brief", "/api/articles", "/api/brief"):
        assert path in page.text
    assert (
        "http://" not in page.text.replace("http://127.0.0.1", "") and "https://" not in page.text
    )
    spec = client.get("/openapi.json").json()
    assert "/api/health" in spec["paths"] and "/stories/{story_id}" not in spec["paths"]


def test_write_needs_token_before_anything_is_read(client: httpx.Client) -> None:
    resp = client.post("/api/articles", json={"articles": [ARTICLE]})
    assert_error(resp, 401, "token-required")
    ok = client.post("/api/articles", json={"articles": []}, headers=AUTH)
    assert_error(ok, 422, "request-invalid")


def test_a_loopback_server_answers_only_loopback_names(make_server: Callable[..., str]) -> None:
    base = make_server(hosts=LOOPBACK_NAMES)
    with httpx.Client(base_url=base, timeout=30) as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/health", headers={"host": "localhost:1"}).status_code == 200
        rebound = c.get("/api/health", headers={"host": "attacker.example"})
        assert_error(rebound, 400, "request-invalid")
