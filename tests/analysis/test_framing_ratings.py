"""Ratings files: CSV and YAML that work, and bad ones whose error names the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.analysis.framing_ratings import normalize_stance, read_ratings
from newsprism.errors import NewsprismError
from newsprism.model import Article


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_header_notes_and_domain(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "r.csv", "outlet,stance,notes\nThe Post,Lean-Left,a note\nnews.example,right,\n"
    )
    ratings = read_ratings(path)
    post = Article.create("x", outlet="The Post")
    other = Article.create("y", outlet="Other", url="https://www.news.example/a/1")
    assert ratings.stance_of(post) == "lean left"
    assert ratings.stance_of(other) == "right"
    assert ratings.apply([post, other, Article.create("z", outlet="Nobody")]) == 2


def test_yaml_mapping_and_list(tmp_path: Path) -> None:
    mapping = _write(tmp_path, "m.yaml", "The Post: center\nDaily: {stance: right, notes: n}\n")
    listed = _write(tmp_path, "l.yml", "- outlet: The Post\n  stance: left\n")
    assert read_ratings(mapping).entries["daily"] == ("right", "n")
    assert read_ratings(listed).entries["the post"] == ("left", "")


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("bad.csv", "outlet,stance\nA,left\nB,sideways\n", 3),
        ("short.csv", "A,left\nB\n", 2),
        ("bad.yaml", "A: left\nB: upward\n", 2),
        ("broken.yaml", "A: left\nB: [unclosed\n", 3),
        ("list.yaml", "- outlet: A\n  stance: left\n- outlet: B\n", 3),
    ],
)
def test_bad_file_names_the_line(tmp_path: Path, name: str, text: str, line: int) -> None:
    with pytest.raises(NewsprismError) as err:
        read_ratings(_write(tmp_path, name, text))
    assert err.value.code == "ratings-invalid"
    assert f"line {line}:" in err.value.message
    assert name in err.value.message


def test_stance_spellings() -> None:
    assert normalize_stance("Centre") == "center"
    assert normalize_stance("LEAN_RIGHT") == "lean right"
    assert normalize_stance("liberal-ish") is None
