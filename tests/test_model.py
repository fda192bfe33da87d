"""Data model: content-derived ids, labels, and the exported schema."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Article, Brief, Story


def test_article_id_derives_from_content() -> None:
    a = Article.create("Same text.", outlet="X")
    assert a.id == Article.create("Same  text. ", outlet="X").id
    assert a.id != Article.create("Same text.", outlet="Y").id
    assert a.id != Article.create("Other text.", outlet="X").id


def test_story_id_ignores_article_order() -> None:
    a, b = Article.create("One.", outlet="A"), Article.create("Two.", outlet="B")
    assert Story.from_articles([a, b]).id == Story.from_articles([b, a]).id


def test_label_prefers_outlet_then_file_name() -> None:
    assert Article.create("t", outlet="Wire", source="x/y.txt").label == "Wire"
    assert Article.create("t", source="dir/004_abc.txt").label == "004_abc"
    assert Article.create("t", source="feed.jsonl:3").label == "feed.jsonl:3"
    assert Article.create("t", title="Headline", source="stdin").label == "Headline"


def test_brief_round_trips_through_json() -> None:
    brief = Brief(story_id="s1", articles=[Article.create("Text.", outlet="A")])
    assert Brief.model_validate_json(brief.model_dump_json()) == brief


def test_schema_command_covers_every_model() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    defs = json.loads(result.stdout)["$defs"]
    assert {"Article", "Sentence", "Story", "Brief"} <= set(defs)


def test_sentence_index_is_kept_and_follows_new_sentences() -> None:
    from newsprism.model import Article, Brief, Sentence

    article = Article.create("One. Two.", outlet="Wire")
    brief = Brief(story_id="s", articles=[article])
    assert brief.sentence_index() == {}
    article.sentences = [Sentence(id=f"{article.id}.0", index=0, text="One.")]
    first = brief.sentence_index()
    assert list(first) == [f"{article.id}.0"]
    assert brief.sentence_index() is first  # built once, not per call
    assert brief.outlets_of([f"{article.id}.0", "missing"]) == ["Wire"]
    article.sentences = [Sentence(id=f"{article.id}.9", index=0, text="Two.")]
    assert list(brief.sentence_index()) == [f"{article.id}.9"]
    assert brief == Brief.model_validate_json(brief.model_dump_json())
