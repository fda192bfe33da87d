"""stories.jsonl round trip, story lookup, lazy input reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.cluster.io import (
    clustered_story,
    completion_record,
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
        fh.write(completion_record(2))
    assert list(read_stories(path)) == stories()
    assert find_story(path, stories()[0].id).articles[1].duplicate_of == stories()[0].articles[0].id
    assert find_story(path, stories()[1].id[:6]) == stories()[1]
    assert clustered_story(path, stories()[0].id, "New title").title == "New title"


def test_unknown_story_and_missing_options_are_user_errors(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    with path.open("w") as fh:
        write_stories(stories(), fh)
        fh.write(completion_record(2))
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


def test_a_file_cut_short_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    with path.open("w") as fh:
        write_stories(stories(), fh)
    with pytest.raises(NewsprismError) as err:  # killed before the completion record
        find_story(path, stories()[0].id)
    assert err.value.code == "stories-incomplete" and "cut short" in err.value.message
    lines = path.read_text().splitlines()
    path.write_text(lines[0] + "\n" + completion_record(2))  # a line lost, record kept
    with pytest.raises(NewsprismError, match="holds 1 stories"):
        list(read_stories(path))
    assert [s.id for s in read_stories(path, require_complete=False)] == [stories()[0].id]
