"""Key folders: which files are scored and how brief articles map to key documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.eval.keys import load_key, map_articles
from newsprism.model import Article, Brief


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "d0.txt").write_text("The Tolley bridge reopened on Monday after repairs.")
    (tmp_path / "d1.txt").write_text("Sign in to read. Members only, please log in now.")
    (tmp_path / "d2.txt").write_text("Crews finished the Tolley bridge repairs; it reopened.")
    key = {
        "source": {"documents_skipped": [1]},
        "markers": {"d0": "bridge reopened on Monday after", "d2": "Crews finished the Tolley"},
    }
    (tmp_path / "expected.json").write_text(json.dumps(key))
    return tmp_path


def test_skipped_documents_are_not_briefed(tmp_path: Path) -> None:
    key = load_key(_folder(tmp_path))
    assert [f.name for f in key.files] == ["d0.txt", "d2.txt"]
    assert key.docs == ["d0", "d2"]


def test_articles_map_by_marker_not_file_name(tmp_path: Path) -> None:
    key = load_key(_folder(tmp_path))
    articles = [
        Article.create("CREWS finished the Tolley -- bridge repairs.", source="x/d0.txt"),
        Article.create("Unrelated text.", source="x/d2.txt"),
    ]
    mapping, notes = map_articles(key, Brief(story_id="s", articles=articles))
    assert mapping == {articles[0].id: "d2"}
    assert any("matches no key document" in n for n in notes)
    assert any("d0" in n for n in notes)


def test_a_folder_without_a_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NewsprismError):
        load_key(tmp_path)
