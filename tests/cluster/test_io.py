"""stories.jsonl round trip, story lookup, lazy input reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.cluster.io import (
    clustered_story,
    find_story,
    read_stories,
    write_stories,
)
from newsprism.errors import NewsprismError
from newsprism.model import Article, Story


def stories() -> list[Story]:
    a = Article.create("Bridge vote passes.", outlet="Herald")
    b = Article.create("Bridge vote passes!", outlet="Daily").model_copy(
        update={"duplicate_of": a.id}
    )
    c = Article.create("Storm hits the coast.", outlet="Post")
    return [Story.from_articles([a, b], title="Bridge"), Story.from_articles([c])]


def test_round_trip_keeps_full_articles(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    with path.open("w") as fh:
        assert write_stories(stories(), fh) == 2
    assert list(read_stories(path)) == stories()
    assert find_story(path, stories()[0].id).articles[1].duplicate_of == stories()[0].articles[0].id
    assert find_story(path, stories()[1].id[:6]) == stories()[1]
    assert clustered_story(path, stories()[0].id, "New title").title == "New title"


def test_unknown_story_and_missing_options_are_user_errors(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    with path.open("w") as fh:
        write_stories(stories(), fh)
    with pytest.raises(NewsprismError) as err:
        find_story(path, "st-nope")
    assert err.value.code == "story-unknown"
    with pytest.raises(NewsprismError) as err:
        clustered_story(path, None)
    assert err.value.code == "option-invalid"
    (tmp_path / "bad.jsonl").write_text('{"id": 1}\n')
    with pytest.raises(NewsprismError) as err:
        list(read_stories(tmp_path / "bad.jsonl"))
    assert err.value.code == "input-format"
