"""Independent sources: syndicated copies of one article count once.

The clustering step may already mark copies (``Article.duplicate_of``); inside a story we also catch
near-identical texts cheaply by word 5-gram shingle containment (the copy definition lives in
``text/copies.py``), so agreement is never inflated by a wire story reprinted under several
mastheads.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import numpy as np
from scipy import sparse

from newsprism.model import Article
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.copies import STORY_CONTAINMENT, is_copy, story_shingles
from newsprism.text.sparse import components
from newsprism.text.terms import words


@dataclass
class Sources:
    """article index -> source group; a group is one original and its copies."""

    group_of: list[int]
    labels: list[str]  # label of each group, e.g. 'AP (also: Yahoo)'

    @property
    def count(self) -> int:
        return len(self.labels)


def _shingles(text: str) -> set[int]:
    return story_shingles(words(text))


def independent_sources(articles: list[Article]) -> Sources:
    """Join marked and detected copies; each group is labelled by its members' labels.

    Only articles sharing a shingle are compared (an index of shingles, not every pair), and the
    groups are connected components of the copy links."""
    by_id = {a.id: k for k, a in enumerate(articles)}
    links = [(k, by_id[a.duplicate_of]) for k, a in enumerate(articles) if a.duplicate_of in by_id]
    shingles = [_shingles(a.text) for a in articles]
    rows, cols = copy_candidates(shingles)
    links += [
        (i, j) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        if is_copy(shingles[i], shingles[j])
    ]  # fmt: skip
    groups = components(len(articles), [i for i, _ in links], [j for _, j in links])
    group_of = [0] * len(articles)
    for g, members in enumerate(groups):
        for k in members:
            group_of[k] = g
    members_labels = [[articles[k].label for k in members] for members in groups]
    labels = [m[0] + (f" (also: {', '.join(m[1:])})" if len(m) > 1 else "") for m in members_labels]
    return Sources(group_of, labels)


def copy_candidates(shingles: list[set[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) pairs that may be copies: j holds one of the rarest shingles of the smaller text i.

    Prefix filtering: a copy keeps at least ``STORY_CONTAINMENT`` of the shorter text's shingles,
    so it misses at most ``m - needed(m)`` of its m; any ``m - needed(m) + 1`` of them, the rarest
    chosen, must meet the other text. Pairs sharing only common shingles (a stock phrase in
    thousands of articles) are never formed, and every copy is still among the candidates."""
    sizes = np.asarray([len(s) for s in shingles], dtype=np.int64)
    flat = np.fromiter(chain.from_iterable(shingles), dtype=np.int64, count=int(sizes.sum()))
    columns = np.unique(flat, return_inverse=True)[1].ravel()
    indptr = np.concatenate([[0], np.cumsum(sizes)])
    incidence = sparse.csr_matrix(
        (np.ones(len(flat)), columns, indptr), shape=(len(shingles), columns.max(initial=0) + 1)
    )
    df = np.bincount(incidence.indices, minlength=incidence.shape[1])
    owner = np.repeat(np.arange(len(shingles)), sizes)
    order = np.lexsort((incidence.indices, df[incidence.indices], owner))  # rarest first per row
    rank = np.arange(len(order)) - incidence.indptr[owner[order]]
    prefix = np.asarray([m - _needed(m) + 1 for m in range(sizes.max(initial=0) + 1)])
    keep = order[rank < prefix[sizes[owner[order]]]]
    rarest = sparse.csr_matrix(
        (np.ones(len(keep)), (owner[keep], incidence.indices[keep])), shape=incidence.shape
    )
    pairs = (rarest @ incidence.T).tocoo()
    smaller = (sizes[pairs.row] < sizes[pairs.col]) | (
        (sizes[pairs.row] == sizes[pairs.col]) & (pairs.row < pairs.col)
    )
    i, j = pairs.row[smaller], pairs.col[smaller]
    return np.minimum(i, j), np.maximum(i, j)


def _needed(m: int) -> int:
    """The fewest shared shingles out of m that make a copy (the same float test as is_copy)."""
    if m == 0:
        return 0
    o = max(int(m * STORY_CONTAINMENT) - 1, 0)
    while o / m < STORY_CONTAINMENT:
        o += 1
    return o


@stage("sources", version="1.1", requires=("articles",), assigns=("sources",))
def sources_stage(ctx: Context) -> None:
    """Group syndicated copies once per brief, so every section counts independent outlets alike."""
    ctx.put("sources", independent_sources(ctx.get("articles")))
