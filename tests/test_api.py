"""The Python API checks its inputs: clear errors, never the current folder, paths named."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.api import brief, load_inputs
from newsprism.errors import NewsprismError
from newsprism.ingest import Limits
from newsprism.model import Article

BODY = "The council approved the new bridge on Monday. Work starts in May and ends in 2027."


@pytest.mark.parametrize("bad", [None, 123, "", [""], [None]])
def test_bad_inputs_are_option_errors(bad: object) -> None:
    with pytest.raises(NewsprismError) as err:
        brief(bad)  # type: ignore[arg-type]
    assert err.value.code == "option-invalid"


def test_missing_path_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(NewsprismError) as err:
        brief(str(missing))
    assert err.value.code == "no-articles" and str(missing) in err.value.message


def test_articles_and_paths_mix_and_the_headline_titles_the_story(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"headline": "Bridge Approved", "documents": ["' + BODY + '"]}')
    own = Article.create(BODY.replace("Monday", "Friday"), outlet="Valley Post")
    result = load_inputs([own, path])
    assert result.articles[0].label == "Valley Post" and result.title == "Bridge Approved"
    made = brief([own, path], stages=["sentences"])
    assert made.title == "Bridge Approved"
    assert brief([own, path], stages=["sentences"], title="Mine").title == "Mine"


def test_too_many_articles_is_refused_before_briefing(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(f"{BODY} Item {i}.")
    with pytest.raises(NewsprismError) as err:
        brief(tmp_path, limits=Limits(articles=3))
    assert err.value.code == "too-many-articles" and "3" in err.value.message


def test_an_oversized_article_is_a_notice(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 2000)
    (tmp_path / "ok.txt").write_text(BODY)
    result = load_inputs([tmp_path], limits=Limits(article_bytes=5_000))
    assert [Path(a.source).name for a in result.articles] == ["ok.txt"]
    assert result.notices[0].code == "input-too-large" and "big.txt" in result.notices[0].message


def test_limits_are_validated() -> None:
    with pytest.raises(NewsprismError) as err:
        Limits(articles=0)
    assert err.value.code == "config-invalid"
