"""`newsprism eval cluster DATA.jsonl`: the report's fields, as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.cli import main

from ..cluster.conftest import synthetic_stream


def test_eval_cluster_reports_scores_and_speed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stream = synthetic_stream(stories=15, seed=12)
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": f"r{i}",
            "cluster": f"c{g}",
            "title": a.title,
            "text": a.text,
            "source": a.outlet,
            "date": str(a.date),
        }
        for i, (a, g) in enumerate(zip(stream.articles, stream.gold, strict=True))
    ]
    path.write_text("\n".join(json.dumps(r) for r in reversed(rows)))
    with pytest.raises(SystemExit) as exit_info:
        main(["eval", "cluster", str(path), "--json"])
    assert not exit_info.value.code
    report = json.loads(capsys.readouterr().out)
    assert report["items"] == len(rows)
    assert report["gold_clusters"] == 15
    assert report["bcubed"]["f1"] >= 0.95
    assert set(report["pairwise"]) == {"precision", "recall", "f1"}
    assert report["articles_per_second"] > 0
    with pytest.raises(SystemExit):
        main(["eval", "cluster", str(path)])
    text = capsys.readouterr().out
    assert "B-cubed" in text and "pairwise" in text and "(gold 15)" in text


def test_eval_cluster_scores_each_source_of_a_mixed_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = synthetic_stream(stories=6, seed=3), synthetic_stream(stories=6, seed=4)
    rows = [
        {
            "id": f"{name}{i}",
            "cluster": f"{name}-{g}",
            "text": a.text,
            "title": a.title,
            "date": str(a.date),
        }
        for name, s in (("wire", first), ("events", second))
        for i, (a, g) in enumerate(zip(s.articles, s.gold, strict=True))
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    with pytest.raises(SystemExit):
        main(["eval", "cluster", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert set(report["by_source"]) == {"wire", "events"}
    assert report["by_source"]["wire"]["items"] == len(first.articles)
    assert report["by_source"]["events"]["gold_clusters"] == 6
    threads = report["by_source"]["wire"]["threads"]  # the same run scored by thread
    assert threads["items"] == len(first.articles)
    assert set(threads["bcubed"]) == {"precision", "recall", "f1"}
    with pytest.raises(SystemExit):
        main(["eval", "cluster", str(path)])
    text = capsys.readouterr().out
    assert "source wire" in text and "source events" in text
    assert "source wire, by thread" in text
