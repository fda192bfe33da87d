"""The Dask engine's merge steps on arrays with known answers (no cluster needed)."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from newsprism.cluster import dask_merge
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_merge import (
    EdgeStories,
    assemble,
    band_keys,
    candidate_pairs,
    duplicate_groups,
    match_into,
    merge_chunks,
    story_line,
)
from newsprism.model import Article, Story


def test_identical_signatures_share_every_band_and_empty_ones_none() -> None:
    rng = np.random.default_rng(0)
    sigs = rng.integers(1, 2**32, size=(5, 8), dtype=np.uint64).astype(np.uint32)
    sigs[1] = sigs[0]
    sigs[3:] = 0  # two articles without text
    keys = band_keys(sigs, bands=4, rows=2)
    assert (keys[0] == keys[1]).all()
    assert not (keys[0] == keys[2]).any()
    a, b = candidate_pairs(keys)
    assert list(zip(a.tolist(), b.tolist(), strict=True)) == [(0, 1)]


def test_groups_verify_candidates_and_pick_the_earliest_canonical() -> None:
    rng = np.random.default_rng(1)
    sigs = rng.integers(1, 2**32, size=(5, 16), dtype=np.uint64).astype(np.uint32)
    sigs[2] = sigs[0]
    sigs[2, :4] += 1  # 75% agreement: a copy with light edits
    sigs[4, :8] = sigs[3, :8]  # 50% of one band set: a candidate, below a 0.6 threshold
    keys = band_keys(sigs, bands=8, rows=2)
    days = np.array([5.0, 1.0, 3.0, 2.0, 2.0])
    canonical = duplicate_groups(sigs, keys, days, threshold=0.6)
    assert canonical.tolist() == [2, 1, 2, 3, 4]  # the copy dated earlier is the canonical


def test_copies_are_near_in_time_as_in_the_local_engine() -> None:
    rng = np.random.default_rng(2)
    sigs = rng.integers(1, 2**32, size=(3, 16), dtype=np.uint64).astype(np.uint32)
    sigs[1] = sigs[2] = sigs[0]  # the same text three times
    keys = band_keys(sigs, bands=8, rows=2)
    days = np.array([10.0, 11.0, 40.0])  # a day later, a month later
    canonical = duplicate_groups(sigs, keys, days, threshold=0.6, max_days=4.1)
    assert canonical.tolist() == [0, 0, 2]  # a month apart: a new article repeating old text


def test_candidates_verified_in_batches_give_the_same_groups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(3)
    base = rng.integers(1, 2**32, size=(40, 16), dtype=np.uint64).astype(np.uint32)
    sigs = base[rng.integers(0, 40, size=400)]  # ten copies of each text on average
    edited = rng.random(sigs.shape) < 0.3
    sigs = np.where(edited, sigs + 1, sigs).astype(np.uint32)  # some fall below the threshold
    keys = band_keys(sigs, bands=8, rows=2)
    days = rng.integers(0, 10, size=400).astype(float)
    whole = duplicate_groups(sigs, keys, days, threshold=0.6, max_days=3.0)
    monkeypatch.setattr(dask_merge, "VERIFY_BATCH", 7)
    assert (duplicate_groups(sigs, keys, days, threshold=0.6, max_days=3.0) == whole).all()
    assert 0 < (whole != np.arange(400)).sum() < 360  # copies found, not all of them


def test_packed_edge_stories_give_back_the_same_centroids_in_order() -> None:
    stories: list[tuple[int, dict[str, float], float | None, float | None]] = [
        (0, {"storm": 0.1 + 0.2, "coast": 1 / 3}, 1.0, 4.0),
        (3, {}, None, None),
        (7, {"coast": 0.5, "vote": 2.0**-40, "\u00e9t\u00e9": 0.25}, 2.5, 2.5),
    ]
    edges = EdgeStories()
    for story in stories:
        edges.add(*story)
    again = pickle.loads(pickle.dumps(edges))  # as Dask moves it between workers
    assert len(again) == 3
    back = list(again)
    assert back == stories
    assert [list(c) for _, c, _, _ in back] == [list(c) for _, c, _, _ in stories]  # term order


def test_stories_continuing_across_a_boundary_are_joined() -> None:
    cfg = ClusterConfig()
    storm = {"storm": 0.8, "coast": 0.6}
    vote = {"vote": 0.6, "council": 0.8}
    boundaries = [
        [(0, storm, 1.0, 4.0), (3, vote, 1.0, 1.0)],
        [(2, {"storm": 0.6, "coast": 0.8}, 5.0, 6.0), (5, {"quake": 1.0}, 5.0, 5.0)],
        [(1, {"storm": 1.0}, 7.0, 7.0)],
    ]
    matches = [match_into(boundaries[k + 1], [boundaries[k]], cfg)[0] for k in range(2)]
    assert matches == [[(0, 2)], [(2, 1)]]
    root = merge_chunks([(k, k + 1, pairs) for k, pairs in enumerate(matches)])
    assert root[(1, 2)] == (0, 0)
    assert root[(2, 1)] == (0, 0)
    assert (0, 3) not in root and (1, 5) not in root


def test_parts_are_spliced_with_merged_stories_held_until_their_last_part(tmp_path: Path) -> None:
    arts = [Article.create(f"Text {i}.", title=None if i == 0 else f"T{i}") for i in range(5)]
    dumped = [a.model_dump_json().encode() for a in arts]

    def line(*idx: int) -> bytes:
        title = next((arts[i].title for i in idx if arts[i].title), None)
        return story_line([arts[i].id for i in idx], [dumped[i] for i in idx], title)

    parts = [tmp_path / "p0", tmp_path / "p1", tmp_path / "p2"]
    parts[0].write_bytes(line(0) + line(1))
    parts[1].write_bytes(line(2))
    parts[2].write_bytes(line(3, 4))
    root = merge_chunks([(0, 1, [(0, 0)]), (0, 2, [(0, 0)])])  # story 0 runs through all parts
    ids = {(0, 0): [arts[0].id], (1, 0): [arts[2].id], (2, 0): [arts[3].id, arts[4].id]}
    out = io.BytesIO()
    assert assemble(parts, root, ids, out) == 2
    stories = [Story.model_validate(json.loads(x)) for x in out.getvalue().splitlines()]
    assert stories[0] == Story.model_validate_json(line(1))
    merged = [arts[0], arts[2], arts[3], arts[4]]
    assert stories[1] == Story.from_articles(merged, title="T2")
