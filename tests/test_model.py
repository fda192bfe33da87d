"""Data model: content-derived ids, labels, and the exported schema."""

from __future__ import annotations

import hashlib
import json
import random

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Article, Brief, Story, content_hash, single_spaced


def test_article_id_derives_from_content() -> None:
    a = Article.create("Same text.", outlet="X")
    assert a.id == Article.create("Same  text. ", outlet="X").id
    assert a.id != Article.create("Same text.", outlet="Y").id
    assert a.id != Article.create("Other text.", outlet="X").id


def test_whitespace_runs_become_one_space_for_every_kind_of_space() -> None:
    # Every ASCII character, and Unicode spaces, between words: str.split is the definition.
    pieces = ["w", "ab", "é", " ", "  ", "\t", "\n", "\n\n", "\xa0", "\u2028", "\u3000"]
    pieces += [chr(c) for c in range(128)]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert single_spaced(text) == " ".join(text.split()), repr(text)
    assert single_spaced("a" + " " * 1000 + "\t\n b") == "a b"


def test_content_hash_is_sha1_of_single_spaced_parts() -> None:
    expected = hashlib.sha1(b"Harbor Daily\x1fBridge vote\x1fThe bridge opens.")
    got = content_hash(" Harbor  Daily", "Bridge\tvote", "The bridge\n\nopens. ", length=40)
    assert got == expected.hexdigest()


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
