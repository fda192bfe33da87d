"""The Dask engine on a LocalCluster: same stories as the local engine, copies found across blocks."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from newsprism.cluster.dask_engine import cluster_dask, plan_blocks
from newsprism.cluster.io import read_stories
from newsprism.eval.cluster_metrics import score_clusters

from .conftest import Stream, synthetic_stream

pytest.importorskip("dask.distributed")


def write_jsonl(stream: Stream, path: Path) -> None:
    with path.open("w") as fh:
        for a in stream.articles:
            row = {"title": a.title, "text": a.text, "source": a.outlet, "date": str(a.date)}
            fh.write(json.dumps(row) + "\n")


def test_blocks_split_at_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    write_jsonl(synthetic_stream(stories=10), path)
    specs = plan_blocks([path], target=2000)
    assert len(specs) > 3
    assert specs[0].start == 0 and specs[-1].end == path.stat().st_size
    data = path.read_bytes()
    assert all(data[s.end - 1 : s.end] == b"\n" for s in specs)
    assert all(a.end == b.start for a, b in itertools.pairwise(specs))


def test_dask_engine_matches_known_stories(tmp_path: Path) -> None:
    stream = synthetic_stream(stories=40, days=30, seed=4)
    path, out = tmp_path / "in.jsonl", tmp_path / "stories.jsonl"
    write_jsonl(stream, path)
    with path.open("a") as fh:
        fh.write("not json\n")
    stats = cluster_dask([path], out, "batch", workers=2, block_bytes=20_000)
    stories = list(read_stories(out))
    ids = [a.id for s in stories for a in s.articles]
    # Articles were re-read from JSONL without outlet-free ids, so match on text.
    label_by_text = {a.text: g for a, g in zip(stream.articles, stream.gold, strict=True)}
    gold = [label_by_text[a.text] for s in stories for a in s.articles]
    pred = [s.id for s in stories for a in s.articles]
    assert len(ids) == len(set(ids)) == len(stream.articles)
    assert score_clusters(gold, pred).bcubed.f1 >= 0.95
    copies = {a.text for s in stories for a in s.articles if a.duplicate_of}
    expected = {a.text for a in stream.articles if a.id in stream.copies}
    assert copies == expected
    assert stats.duplicates == len(stream.copies)
    assert stats.stories == len(stories)
    assert stats.extra["workers"] == 2
    assert stats.extra["unreadable_records"] == 1
