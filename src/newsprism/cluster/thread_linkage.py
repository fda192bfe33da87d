"""Batch threads by average linkage: a whole collection's stories grouped at once.

Online, a closed story links to the thread it reaches then, so a topic's first stories start
several threads before any holds enough of the topic's words to be matched, and its later
stories split among them (on DUC dev 72 stories opened a thread though their topic had one, at
a median cosine of 0.08 to it; docs/clustering.md). A batch holds all its stories, so it need
not build topics in arrival order: average linkage (UPGMA) merges, again and again, the two
groups whose stories are most similar on average, pair by pair, until that mean cosine falls
below ``cut``. A group's vocabulary is whole before anything is compared with it, and a diffuse
topic, whose stories each share a little with many others, holds together where a centroid
threshold needs one strong match.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage

from newsprism.text.sparse import weighted_rows

# Most stories grouped at once: the pairwise distances take n^2 / 2 doubles, and scipy copies
# them (~0.2 GB and ~1 CPU-s at 5,000 stories, ~0.8 GB and ~3.5 s at 10,000). A larger batch
# links its threads in order, as a stream does, and refines them once.
MAX_STORIES = 5_000
_BLOCK = 512  # rows of cosines computed at once


def average_linkage(
    vecs: Sequence[dict[str, float]], cut: float, limit: int = MAX_STORIES
) -> list[int] | None:
    """A group number per unit story vector, groups merged while their stories' mean pairwise
    cosine is at least ``cut``; None when there are more than ``limit`` stories."""
    n = len(vecs)
    if n > limit:
        return None
    if n < 2:
        return list(range(n))
    matrix, _ = weighted_rows(vecs)
    tree = linkage(_distances(matrix), method="average")
    return fcluster(tree, 1.0 - cut, criterion="distance").tolist()


def _distances(matrix: sparse.csr_matrix) -> np.ndarray:
    """Condensed cosine distances (the upper triangle, row by row, as scipy reads them),
    computed a block of rows at a time so that the full square matrix never exists."""
    n = matrix.shape[0]
    out = np.empty(n * (n - 1) // 2)
    at = 0
    for start in range(0, n, _BLOCK):
        block = (matrix[start : start + _BLOCK] @ matrix.T).toarray()
        for k, row in enumerate(block):
            tail = row[start + k + 1 :]
            out[at : at + len(tail)] = tail
            at += len(tail)
    np.subtract(1.0, out, out=out)
    return np.clip(out, 0.0, 2.0, out=out)
