"""`eval framing` on a few BASIL events from ../shared (skips when the data is absent)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.eval.framing_scores import span_counts


def test_span_counts_count_overlaps_both_ways() -> None:
    assert span_counts([(0, 5), (10, 12)], [(3, 8), (20, 25)]) == (1, 2, 1, 2)


def test_eval_framing_on_three_events(shared_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    data = shared_dir / "eval" / "basil-dev.jsonl"
    result = CliRunner().invoke(
        app, ["eval", "framing", str(data), "--limit", "3", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["events"] == 3
    overall = report["newsprism"]["overall"]
    assert overall["gold"] > 0 and 0.0 <= overall["f1"] <= 1.0
    assert set(report["newsprism"]["per_outlet"]) == {"Fox News", "HuffPost", "New York Times"}
    assert "baseline_lexicon_match" in report and report["ms_per_event"] > 0
