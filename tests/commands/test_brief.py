"""`newsprism brief`: formats, bad inputs, exit codes (only when nothing usable remains)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.cli import main
from newsprism.text import embeddings

ARTICLE_A = (
    "The city council approved a new harbor bridge on Monday. The bridge will cost 40 million "
    "dollars. Mayor Lena Ortiz said the vote was a turning point for the town. Construction "
    "starts in May."
)
ARTICLE_B = (
    "Councillors voted on Monday to approve a new harbor bridge. Mayor Lena Ortiz called the vote "
    "a turning point for the town. Critics said the 40 million dollar price was too high."
)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.out, out.err


@pytest.fixture
def story_dir(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE_A)
    (tmp_path / "b.txt").write_text(ARTICLE_B)
    return tmp_path


def test_json_contract(story_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["brief", str(story_dir), "--format", "json", "--words", "40"], capsys)
    assert code == 0
    data = json.loads(out)
    ids = {s["id"] for a in data["articles"] for s in a["sentences"]}
    assert {"id", "outlet", "title", "sentences"} <= set(data["articles"][0])
    assert data["summary"] and all(set(s["citations"]) <= ids for s in data["summary"])
    assert all(s["citations"] for s in data["summary"])


def test_writes_output_file(
    story_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.html"
    code, _, err = run(["brief", str(story_dir), "-f", "html", "-o", str(target)], capsys)
    assert code == 0 and target.read_text().lstrip().lower().startswith("<!doctype html>")
    assert "wrote" in err


def test_one_bad_input_warns_and_continues(
    story_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (story_dir / "empty.txt").write_text("")
    code, out, err = run(["brief", str(story_dir), "-f", "md"], capsys)
    assert code == 0 and "Summary" in out
    assert "empty.txt" in err and "empty" in err


def test_strict_fails_on_bad_input(story_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (story_dir / "empty.txt").write_text("")
    code, _, err = run(["brief", str(story_dir), "--strict"], capsys)
    assert code == 2 and "empty.txt" in err


def test_no_usable_article_exits_nonzero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["brief", str(tmp_path / "missing.txt")], capsys)
    assert code == 2
    assert "missing.txt" in err and "no usable article" in err


def test_no_inputs_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["brief"], capsys)
    assert code == 2 and "--sample" in err


@pytest.mark.skipif(embeddings.available(), reason="the semantic extra is installed")
def test_semantic_without_extra_says_how_to_install(
    story_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["brief", str(story_dir), "--semantic"], capsys)
    assert code == 2 and "newsprism[semantic]" in err and "torch==2.13.0" in err
