"""On real Multi-News dev stories newsprism must beat the lead baseline (../shared, not copied)."""

from __future__ import annotations

from pathlib import Path

from newsprism.eval.data import load_clusters
from newsprism.eval.harness import evaluate


def test_beats_lead_on_dev_stories(shared_dir: Path) -> None:
    clusters = load_clusters(shared_dir / "eval" / "multinews-val250.jsonl", limit=12)
    report = evaluate(clusters, ["lead"], words=250, progress=False)
    ours, lead = report.systems["newsprism"], report.systems["lead"]
    for metric in ("rouge1", "rouge2", "rougeLsum"):
        assert ours.mean(metric) > lead.mean(metric) + 1.0, metric
