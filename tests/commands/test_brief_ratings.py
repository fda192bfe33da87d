"""`newsprism brief --ratings FILE`: stances reach the framing section; a bad file names its line."""

from __future__ import annotations

import json
from pathlib import Path

from newsprism.samples import sample_ratings

from .conftest import Cli


def test_sample_with_its_ratings_shows_coverage_by_stance(cli: Cli) -> None:
    code, out, _ = cli(["brief", "--sample", "--ratings", str(sample_ratings()), "-f", "json"])
    assert code == 0
    data = json.loads(out)
    assert all(a["stance"] for a in data["articles"])
    coverage = data["framing"]["coverage"]
    assert sum(coverage["by_stance"].values()) == len(data["framing"]["outlets"])
    assert {s["stance"] for s in coverage["sides"]} == {"left", "center", "right"}


def test_bad_ratings_file_fails_naming_the_line(tmp_path: Path, cli: Cli) -> None:
    bad = tmp_path / "ratings.csv"
    bad.write_text("outlet,stance\nThe Post,left\nThe Herald,upside down\n")
    code, _, err = cli(["brief", "--sample", "--ratings", str(bad)])
    assert code != 0
    assert "line 3" in err and "upside down" in err
