"""Reading evaluation stories: documents through the normal reader, one or many references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.eval.data import cluster_from_record, iter_clusters, load_clusters


def test_load_clusters(data_file: Path) -> None:
    clusters = load_clusters(data_file)
    assert [c.id for c in clusters] == ["flood", "bakery"]
    assert len(clusters[0].articles) == 2 and len(clusters[0].references) == 1
    assert clusters[0].references[0][0].startswith("The river flooded")
    assert len(clusters[0].references[0]) == 2, "references are split into sentences"
    assert len(clusters[1].references) == 2
    assert len(list(iter_clusters(data_file, limit=1))) == 1


def test_bad_records(tmp_path: Path) -> None:
    with pytest.raises(NewsprismError, match="summary"):
        cluster_from_record({"documents": ["Some text here."]}, "x")
    with pytest.raises(NewsprismError, match="documents"):
        cluster_from_record({"text": "A single article.", "summary": "S."}, "x")
    with pytest.raises(NewsprismError):
        load_clusters(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"documents": ["Text."], "summary": "S."}) + "\n{oops\n")
    with pytest.raises(NewsprismError, match="invalid JSON"):
        load_clusters(bad)
