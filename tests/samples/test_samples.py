"""The bundled sample story loads cleanly, and its expected.json matches the texts it describes.

Other tests grade the brief against expected.json, so every answer in it is checked here against
the articles as newsprism reads them (after lowercasing and turning non-word characters into spaces).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.samples import sample_paths
from newsprism.text.degraded import is_degraded

_NON_WORD = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    """Padded so that phrases match whole words only."""
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


def _stem(article: Article) -> str:
    return Path(article.source.rsplit(":", 1)[0]).stem


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    result = read_inputs(sample_paths())
    assert result.notices == []
    return {_stem(a): a for a in result.articles}


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    path = sample_paths()[0].parent / "expected.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def texts(articles: dict[str, Article]) -> dict[str, str]:
    return {stem: _norm(a.text) for stem, a in articles.items()}


def _docs_with(texts: dict[str, str], phrase: str) -> list[str]:
    return sorted(stem for stem, text in texts.items() if _norm(phrase) in text)


def test_sample_paths_lists_five_articles_without_expected() -> None:
    names = [p.name for p in sample_paths()]
    assert len(names) == 5
    assert not any(n.startswith("expected") for n in names)
    assert {Path(n).suffix for n in names} == {".txt", ".html", ".jsonl"}


def test_every_article_loads_with_realistic_length(articles: dict[str, Article]) -> None:
    assert len(articles) == 5
    for stem, article in articles.items():
        words = len(article.text.split())
        assert 250 <= words <= 550, (stem, words)


def test_metadata_survives_for_html_and_jsonl(
    articles: dict[str, Article], expected: dict[str, Any]
) -> None:
    for stem, doc in expected["documents"].items():
        article = articles[stem]
        assert article.label == doc["label"]
        if "title" in doc:
            assert article.title == doc["title"]
            assert article.author == doc["author"]
            assert article.date is not None and article.date.isoformat() == doc["date"]
            assert article.url is not None and article.url.startswith("https://")


def test_html_boilerplate_is_dropped(articles: dict[str, Article]) -> None:
    text = articles["arvenna-clarion"].text
    assert "Tens of thousands of people" in text
    for boilerplate in ("Advertisement", "Subscribe", "Cookie settings", "Sign up"):
        assert boilerplate not in text


def test_only_the_radio_transcript_is_degraded(
    articles: dict[str, Article], expected: dict[str, Any]
) -> None:
    doc = expected["sentence_splitting"]["doc"]
    assert expected["documents"][doc]["degraded"] is True
    degraded = {stem for stem, a in articles.items() if is_degraded(a.text)}
    assert degraded == {doc}
    text = articles[doc].text
    assert text == text.lower()
    assert not re.search(r"[^\w\s]", text)
    assert len(text.split()) >= 250


def test_expected_doc_keys_exist(articles: dict[str, Article], expected: dict[str, Any]) -> None:
    keys = set(articles)
    assert set(expected["documents"]) == keys
    used: set[str] = {expected["sentence_splitting"]["doc"]}
    for item in expected["discrepancies"]:
        used.update(d for docs in item["values"].values() for d in docs)
    for item in expected["agreed_facts"] + expected["shared_quotes"]:
        used.update(item["docs"])
    for section in ("unique_to_one_source", "framing", "framing_terms"):
        used.update(expected[section])
    assert used <= keys
    assert set(expected["unique_to_one_source"]) == keys


def test_discrepancy_values_appear_in_exactly_their_docs(
    texts: dict[str, str], expected: dict[str, Any]
) -> None:
    for item in expected["discrepancies"]:
        assert len(item["values"]) >= 2, item["what"]
        for value, docs in item["values"].items():
            assert _docs_with(texts, value) == sorted(docs), (item["what"], value)


def test_agreed_facts_have_evidence_in_three_or_more_docs(
    texts: dict[str, str], expected: dict[str, Any]
) -> None:
    for fact in expected["agreed_facts"]:
        assert len(fact["docs"]) >= 3
        assert sorted(fact["evidence"]) == sorted(fact["docs"])
        for doc, phrase in fact["evidence"].items():
            assert _norm(phrase) in texts[doc], (fact["fact"], doc)


def test_shared_quotes_appear_in_exactly_their_docs(
    texts: dict[str, str], expected: dict[str, Any]
) -> None:
    for quote in expected["shared_quotes"]:
        assert _docs_with(texts, quote["fragment"]) == sorted(quote["docs"])
        surname = quote["speaker"].split()[-1]
        assert _docs_with(texts, surname), quote["speaker"]


def test_unique_phrases_and_framing_terms_belong_to_one_doc(
    texts: dict[str, str], expected: dict[str, Any]
) -> None:
    for section in ("unique_to_one_source", "framing_terms"):
        for doc, phrases in expected[section].items():
            for phrase in phrases:
                assert _docs_with(texts, phrase) == [doc], (section, phrase)


def test_entities_occur_in_the_texts(texts: dict[str, str], expected: dict[str, Any]) -> None:
    for names in expected["entities"].values():
        for name in names:
            assert _docs_with(texts, name), name
