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
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction import DictVectorizer

# Most stories grouped at once: the pairwise distances take n^2 doubles, then half that again
# (at 5,000 stories ~0.45 GB at peak and 1.3 CPU-s).
# A larger batch links its threads in order, as a stream does, and refines them once.
MAX_STORIES = 5_000


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
    matrix = DictVectorizer(dtype=np.float64).fit_transform(vecs)
    distances = (matrix @ matrix.T).toarray()
    np.subtract(1.0, distances, out=distances)
    np.clip(distances, 0.0, 2.0, out=distances)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    return fcluster(tree, 1.0 - cut, criterion="distance").tolist()
