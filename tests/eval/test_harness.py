"""The side-by-side harness: same stories, same cut, a table and a JSON report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.eval import harness
from newsprism.eval.data import Cluster, load_clusters
from newsprism.eval.harness import evaluate, parse_peers


def test_evaluate_scores_every_system(data_file: Path, tmp_path: Path) -> None:
    report = evaluate(load_clusters(data_file), ["lead", "oracle"], words=20, progress=False)
    assert list(report.systems) == ["newsprism", "lead", "oracle"]
    for result in report.systems.values():
        assert len(result.scores) == 2 and len(result.ms) == 2
        assert all(0 <= s["rouge2"] <= 100 for s in result.scores)
    oracle, lead = report.systems["oracle"], report.systems["lead"]
    assert oracle.mean("rouge1") >= lead.mean("rouge1")
    table = report.table()
    assert "newsprism" in table and "RLsum" in table and "sentence splitting" in table
    out = tmp_path / "r.json"
    report.save(out)
    saved = json.loads(out.read_text())
    assert saved["words"] == 20 and saved["clusters"] == 2
    assert saved["per_cluster"]["lead"][1]["id"] == "bakery"
    assert saved["systems"]["newsprism"]["rouge1"] == round(
        report.systems["newsprism"].mean("rouge1"), 2
    )


def test_word_budget_changes_scores(data_file: Path) -> None:
    short = evaluate(load_clusters(data_file), ["lead"], words=5, progress=False)
    long = evaluate(load_clusters(data_file), ["lead"], words=40, progress=False)
    assert short.systems["lead"].mean("rouge1") != long.systems["lead"].mean("rouge1")


def test_parse_peers() -> None:
    assert parse_peers("lead, lexrank,") == ["lead", "lexrank"]
    with pytest.raises(NewsprismError, match="unknown peer"):
        parse_peers("lead,gpt")


def test_a_system_failing_on_one_cluster_is_recorded_and_the_run_goes_on(
    data_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def flaky(cluster: Cluster, words: int) -> list[str]:
        calls.append(cluster.id)
        if cluster.id == "flood":
            raise ArithmeticError("did not converge")
        return ["A bakery in Lowden won the national prize for rye bread on Saturday."]

    monkeypatch.setitem(harness.PEERS, "flaky", flaky)
    report = evaluate(load_clusters(data_file), ["flaky"], words=20, progress=False)
    result = report.systems["flaky"]
    assert calls == ["flood", "flood", "bakery"]  # tried twice, then the next cluster
    assert result.failed == ["flood: ArithmeticError: did not converge"]
    assert result.scores[0]["rouge1"] == 0 and result.scores[1]["rouge1"] > 0
    assert "flaky failed on 1 cluster(s)" in report.table()
    assert report.to_json()["systems"]["flaky"]["failed_clusters"] == 1
    assert report.to_json()["systems"]["newsprism"]["failed_clusters"] == 0


def test_a_user_error_in_a_system_still_stops_the_run(data_file: Path) -> None:
    with pytest.raises(NewsprismError, match="unknown summary option"):
        evaluate(load_clusters(data_file), [], words=20, options={"summary": {"hue": 1}},
                 progress=False)  # fmt: skip
