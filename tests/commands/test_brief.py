"""`newsprism brief`: formats, bad inputs, exit codes (only when nothing usable remains)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.text import embeddings

from .conftest import Cli

ARTICLE_A = (
    "The city council approved a new harbor bridge on Monday. The bridge will cost 40 million "
    "dollars. Mayor Lena Ortiz said the vote was a turning point for the town. Construction "
    "starts in May."
)
ARTICLE_B = (
    "Councillors voted on Monday to approve a new harbor bridge. Mayor Lena Ortiz called the vote "
    "a turning point for the town. Critics said the 40 million dollar price was too high."
)


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE_A)
    (tmp_path / "b.txt").write_text(ARTICLE_B)
    return tmp_path


def test_json_contract(story_dir: Path, cli: Cli) -> None:
    code, out, _ = cli(["brief", str(story_dir), "--format", "json", "--words", "40"])
    assert code == 0
    data = json.loads(out)
    ids = {s["id"] for a in data["articles"] for s in a["sentences"]}
    assert {"id", "outlet", "title", "sentences"} <= set(data["articles"][0])
    assert data["summary"] and all(set(s["citations"]) <= ids for s in data["summary"])
    assert all(s["citations"] for s in data["summary"])


def test_writes_output_file(story_dir: Path, tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "out.html"
    code, _, err = cli(["brief", str(story_dir), "-f", "html", "-o", str(target)])
    assert code == 0 and target.read_text().lstrip().lower().startswith("<!doctype html>")
    assert "wrote" in err


def test_one_bad_input_warns_and_continues(story_dir: Path, cli: Cli) -> None:
    (story_dir / "empty.txt").write_text("")
    code, out, err = cli(["brief", str(story_dir), "-f", "md"])
    assert code == 0 and "Summary" in out
    assert "empty.txt" in err and "empty" in err


def test_strict_fails_on_bad_input(story_dir: Path, cli: Cli) -> None:
    (story_dir / "empty.txt").write_text("")
    code, _, err = cli(["brief", str(story_dir), "--strict"])
    assert code == 2 and "empty.txt" in err


def test_no_usable_article_exits_nonzero(tmp_path: Path, cli: Cli) -> None:
    code, _, err = cli(["brief", str(tmp_path / "missing.txt")])
    assert code == 2
    assert "missing.txt" in err and "no usable article" in err


def test_no_inputs_is_a_clear_error(cli: Cli) -> None:
    code, _, err = cli(["brief"])
    assert code == 2 and "--sample" in err


@pytest.mark.skipif(embeddings.available(), reason="the semantic extra is installed")
def test_semantic_without_extra_says_how_to_install(story_dir: Path, cli: Cli) -> None:
    code, _, err = cli(["brief", str(story_dir), "--semantic"])
    assert code == 2 and "sentence-transformers" in err and "torch==2.13.0" in err
