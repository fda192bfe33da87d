"""Articles from request bodies and uploads: content only, URLs through the guard, never a path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from newsprism.ingest.base import Limits
from newsprism.ingest.fetch import Fetcher, FetchPolicy
from newsprism.serve.intake import ArticleIn, ArticlesIn, from_json, from_uploads

TEXT = "The council approved the new bridge on Monday. Work starts in May."


def test_text_and_metadata_make_an_article() -> None:
    item = ArticleIn(text=TEXT, outlet="Harbour Daily", stance="center", date="2030-05-01")
    with Fetcher() as fetcher:
        found, notices = from_json([item, item], fetcher, Limits())
    assert len(found) == 1 and notices == []  # an exact repeat is one article
    assert found[0].outlet == "Harbour Daily" and found[0].stance == "center"


@pytest.mark.parametrize(
    "body", [{"articles": []}, {"articles": [{}]}, {"articles": [{"path": "/etc/passwd"}]}]
)
def test_bodies_without_content_are_refused(body: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        ArticlesIn.model_validate(body)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "/etc/passwd", "http://127.0.0.1:9/", "http://[::1]/"]
)
def test_urls_that_would_read_the_server_are_refused(url: str) -> None:
    with Fetcher(FetchPolicy()) as fetcher:
        found, notices = from_json([ArticleIn(url=url)], fetcher, Limits())
    assert found == [] and [n.code for n in notices] == ["url-refused"]


def test_an_upload_is_read_from_its_bytes_never_from_its_name(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The server's own file.")
    found, notices, _ = from_uploads([(str(secret), TEXT.encode())], Limits())
    assert [a.text for a in found] == [TEXT] and notices == []


def test_uploads_by_kind_and_their_problems() -> None:
    record = json.dumps(
        {"headline": "Bridge", "documents": [TEXT], "doc_meta": [{"outlet": "Valley Post"}]}
    ).encode()
    found, notices, titles = from_uploads(
        [("a.jsonl", record), ("b.exe", b"MZ"), ("c.txt", b"   ")], Limits()
    )
    assert [a.outlet for a in found] == ["Valley Post"] and titles == ["Bridge"]
    assert sorted(n.code for n in notices) == ["input-empty", "reader-unknown"]


def test_the_size_limit_applies() -> None:
    with Fetcher() as fetcher:
        _, notices = from_json(
            [ArticleIn(text="word " * 400)], fetcher, Limits(article_bytes=1_000)
        )
    assert [n.code for n in notices] == ["input-too-large"]
