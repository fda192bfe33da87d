"""Sparse building blocks shared by the analyses: one CSR builder, pairs by shared terms, components.

Comparing every pair of sentences, quotations or figures is quadratic, and a 1,000-article story
has tens of thousands of them. Pairs that share nothing cannot match, so the analyses block: a
row-by-term incidence matrix multiplied by its transpose yields only pairs sharing a term, with the
number they share. Groups are connected components of the matched pairs (scipy), not union-finds.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import islice, pairwise
from typing import Any

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components


def csr_rows(rows: Iterable[Iterable[Hashable]], vocab: dict[Hashable, int] | None = None,
             binary: bool = False) -> tuple[sparse.csr_matrix, dict[Hashable, int]]:  # fmt: skip
    """Row k counts the terms of ``rows[k]`` (1 per distinct term when ``binary``); columns are
    numbered in order of first appearance in ``vocab``, which is extended and returned."""
    vocab = {} if vocab is None else vocab
    indptr: list[int] = [0]
    indices: list[int] = []
    for terms in rows:
        ids = (vocab.setdefault(t, len(vocab)) for t in terms)
        indices.extend(set(ids) if binary else ids)
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(indptr) - 1, max(len(vocab), 1)),
    )
    matrix.sum_duplicates()
    return matrix, vocab


def weighted_rows(rows: Sequence[Mapping[Any, float]], vocab: dict[Hashable, int] | None = None
                  ) -> tuple[sparse.csr_matrix, dict[Hashable, int]]:  # fmt: skip
    """Row k holds the weights of ``rows[k]`` (term -> weight), laid out by `csr_rows`."""
    matrix, vocab = csr_rows((row.keys() for row in rows), vocab, binary=True)
    names = {k: t for t, k in vocab.items()}
    spans = pairwise(matrix.indptr.tolist())
    data = [row[names[k]] for row, (a, b) in zip(rows, spans, strict=True)
            for k in matrix.indices[a:b].tolist()]  # fmt: skip
    matrix.data = np.asarray(data, dtype=float)
    return matrix, vocab


def shared_pairs(incidence: sparse.csr_matrix, min_shared: float = 1.0, max_rows: int | None = None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """(i, j, shared) for i < j whose rows share at least ``min_shared`` (the dot product of the
    rows: terms in common for a binary matrix). Columns in more than ``max_rows`` rows are left out:
    a term nearly everything has does not make a pair on its own."""
    matrix = sparse.csr_matrix(incidence)
    if max_rows is not None and matrix.shape[0] > max_rows:
        df = np.bincount(matrix.indices, minlength=matrix.shape[1])
        matrix = sparse.csr_matrix(matrix @ sparse.diags((df <= max_rows).astype(float)))
        matrix.eliminate_zeros()
    product = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    keep = product.data >= min_shared
    return product.row[keep], product.col[keep], product.data[keep]


def components(n: int, rows: Sequence[int] | np.ndarray, cols: Sequence[int] | np.ndarray
               ) -> list[list[int]]:  # fmt: skip
    """Groups of 0..n-1 linked by the (row, col) pairs, each in index order, ordered by their first
    member: the same groups a union-find gives, from scipy."""
    if n == 0:
        return []
    rows, cols = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    graph = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(i)
    return list(groups.values())


def linked_across(article_of: Sequence[int], left: Sequence[int], right: Sequence[int]
                  ) -> list[tuple[int, int]]:  # fmt: skip
    """Edges that connect what linking every item of ``left`` to every item of ``right`` from a
    different article connects, without listing those pairs: copies of one text in many articles
    would make them quadratic. Items of one article on one side have the same partners, so each
    such group is chained and linked to two of its partners' groups (``left`` may be ``right``)."""
    sides = [_by_article(article_of, left), _by_article(article_of, right)]
    edges: list[tuple[int, int]] = []
    for side, other in (sides, sides[::-1]):
        for article, group in side.items():
            partners = list(islice((g for a, g in other.items() if a != article), 2))
            if partners:
                edges += [(group[0], k) for k in group[1:]]
                edges += [(group[0], g[0]) for g in partners]
    return edges


def _by_article(article_of: Sequence[int], items: Sequence[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i in items:
        out.setdefault(article_of[i], []).append(i)
    return out
