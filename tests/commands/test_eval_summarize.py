"""`newsprism eval summarize`: table, JSON results, and clear errors for bad options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.eval import peers

from .conftest import Cli

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


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path / "cache"))
    peers._sumy_tools.cache_clear()
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(RECORD) + "\n")
    return path


def test_table_and_json(data: Path, tmp_path: Path, cli: Cli) -> None:
    out_file = tmp_path / "res.json"
    argv = ["eval", "summarize", str(data), "--words", "12", "--peers", "lead,lexrank"]
    code, out, _ = cli([*argv, "--out", str(out_file)])
    assert code == 0
    assert "newsprism" in out and "lexrank" in out and "R-2" in out
    saved = json.loads(out_file.read_text())
    assert saved["words"] == 12 and set(saved["systems"]) == {"newsprism", "lead", "lexrank"}


def test_bad_options(data: Path, cli: Cli) -> None:
    code, _, err = cli(["eval", "summarize", str(data), "--peers", "bart"])
    assert code == 2 and "unknown peer" in err
    code, _, err = cli(["eval", "summarize", str(data), "--options", "{nope"])
    assert code == 2 and "not JSON" in err
    code, _, err = cli(["eval", "summarize", str(data), "--options", '{"hue": 1}'])
    assert code == 2 and "unknown summary option" in err
