"""The merge steps of the Dask engine: duplicates across blocks, stories across time chunks.

Both run on the client over small, vectorised inputs (signatures, band keys, boundary centroids),
so they stay a small fraction of the parallel work.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.online import StoryIndex

Boundary = list[tuple[int, dict[str, float], float | None, float | None]]
_FNV = np.uint64(0x100000001B3)


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per LSH band (datasketch's b x r banding); empty signatures never collide."""
    n = len(sigs)
    keys = np.zeros((n, bands), dtype=np.uint64)
    for j in range(bands):
        h = np.full(n, np.uint64(0xCBF29CE484222325), dtype=np.uint64)
        for col in range(j * rows, (j + 1) * rows):
            h = (h ^ sigs[:, col].astype(np.uint64)) * _FNV
        keys[:, j] = h
    empty = ~sigs.any(axis=1)
    keys[empty] = (np.flatnonzero(empty).astype(np.uint64) | np.uint64(1 << 63))[:, None]
    return keys


def candidate_pairs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs sharing a band bucket: each member with its bucket's first and with its neighbour."""
    firsts, seconds = [], []
    for j in range(keys.shape[1]):
        order = np.argsort(keys[:, j], kind="stable")
        same = keys[order[1:], j] == keys[order[:-1], j]
        firsts.append(order[:-1][same])
        seconds.append(order[1:][same])
        starts = np.flatnonzero(np.r_[True, ~same])
        run = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(order)]))
        lead = order[starts[run]]
        star = lead != order
        firsts.append(lead[star])
        seconds.append(order[star])
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = np.unique(lo.astype(np.int64) * len(keys) + hi)
    return pairs // len(keys), pairs % len(keys)


def duplicate_groups(
    sigs: np.ndarray, keys: np.ndarray, days: np.ndarray, threshold: float
) -> np.ndarray:
    """canonical[i]: the earliest article of i's duplicate group (i itself when unique)."""
    n = len(sigs)
    a, b = candidate_pairs(keys)
    if len(a):
        agree = (sigs[a] == sigs[b]).mean(axis=1) >= threshold
        a, b = a[agree], b[agree]
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    order = np.lexsort((np.arange(n), np.where(np.isnan(days), np.inf, days)))
    _, first = np.unique(labels[order], return_index=True)
    leader = np.empty(labels.max() + 1, dtype=np.int64)
    leader[labels[order][first]] = order[first]
    return leader[labels]


def match_boundary(
    earlier: Boundary, later: Boundary, config: ClusterConfig
) -> list[tuple[int, int]]:
    """(story in the earlier chunk, story in the later one) pairs that are one story.

    Each earlier story is matched like an article: its unit centroid against the later chunk's
    boundary stories, with the usual day penalty and threshold. Runs on a worker, one task per
    boundary, so the merge step is parallel too.
    """
    index = StoryIndex(config)
    local: dict[int, int] = {}
    for s, centroid, first, last in later:
        state = index.open(centroid, first, s)
        state.stretch(last)
        local[state.id] = s
    pairs = []
    for s, centroid, _, last in earlier:
        match, score = index.best(centroid, last)
        if match is not None and score >= config.threshold:
            pairs.append((s, local[match.id]))
    return pairs


def merge_chunks(matches: list[list[tuple[int, int]]]) -> dict[tuple[int, int], tuple[int, int]]:
    """Union of boundary matches (``matches[k]``: chunk k -> k+1): node -> its group's first node."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for k, pairs in enumerate(matches):
        for s, t in pairs:
            ra, rb = find((k, s)), find((k + 1, t))
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {node: find(node) for node in parent} | {find(n): find(n) for n in parent}
