"""`newsprism eval summarize`: table, JSON results, and clear errors for bad options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.cli import main
from newsprism.eval import peers

RECORD = {
    "id": "flood",
    "documents": [
        "The river flooded the old mill district of Harwick on Tuesday night. Rescue teams moved "
        "forty families to the school gym before dawn.",
        "Forty families spent the night in a school gym after the river flooded Harwick's mill "
        "district. The mayor blamed failed pumps.",
    ],
    "summaries": ["The river flooded Harwick's mill district.", "Forty families were moved."],
}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.out, out.err


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path / "cache"))
    peers._sumy_tools.cache_clear()
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(RECORD) + "\n")
    return path


def test_table_and_json(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "res.json"
    argv = ["eval", "summarize", str(data), "--words", "12", "--peers", "lead,lexrank"]
    code, out, _ = run([*argv, "--out", str(out_file)], capsys)
    assert code == 0
    assert "newsprism" in out and "lexrank" in out and "R-2" in out
    saved = json.loads(out_file.read_text())
    assert saved["words"] == 12 and set(saved["systems"]) == {"newsprism", "lead", "lexrank"}


def test_bad_options(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["eval", "summarize", str(data), "--peers", "bart"], capsys)
    assert code == 2 and "unknown peer" in err
    code, _, err = run(["eval", "summarize", str(data), "--options", "{nope"], capsys)
    assert code == 2 and "not JSON" in err
    code, _, err = run(["eval", "summarize", str(data), "--options", '{"hue": 1}'], capsys)
    assert code == 2 and "unknown summary option" in err
