"""The local engine's wrapper: the heap frozen while it runs, and put back afterwards."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from newsprism.cluster import runner
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.runner import frozen_heap, run_clustering

from .conftest import synthetic_stream


def test_frozen_heap_freezes_and_always_restores() -> None:
    before = gc.get_freeze_count()
    with frozen_heap():
        assert gc.get_freeze_count() > before
    assert gc.get_freeze_count() == before
    with pytest.raises(RuntimeError), frozen_heap():
        raise RuntimeError("clustering failed")
    assert gc.get_freeze_count() == before


def test_clustering_runs_with_the_heap_frozen_and_gives_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = synthetic_stream(stories=5, seed=2)
    path = tmp_path / "in.jsonl"
    rows = [{"text": a.text, "title": a.title, "date": str(a.date)} for a in stream.articles]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    seen: list[int] = []
    inner = runner._cluster_local

    def spy(*args: object) -> object:
        seen.append(gc.get_freeze_count())
        return inner(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "_cluster_local", spy)
    before = gc.get_freeze_count()
    stats = run_clustering([path], tmp_path / "out.jsonl", config=ClusterConfig(), jobs=0)
    assert stats.articles == len(rows)
    assert seen and seen[0] > before
    assert gc.get_freeze_count() == before
