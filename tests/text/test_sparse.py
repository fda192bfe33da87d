"""Sparse building blocks: the links made across articles connect what every pair would."""

from __future__ import annotations

import random

from tests.expect import groups_linked

from newsprism.text.sparse import components, linked_across, weighted_rows


def _groups_of_every_pair(article_of: list[int], left: list[int], right: list[int]
                          ) -> list[list[int]]:  # fmt: skip
    """Oracle: every (left, right) pair from different articles, linked into groups."""
    sides = set(left), set(right)

    def linked(i: int, j: int) -> bool:
        paired = (i in sides[0] and j in sides[1]) or (j in sides[0] and i in sides[1])
        return paired and article_of[i] != article_of[j]

    return sorted(groups_linked(len(article_of), linked))


def test_links_across_articles_connect_what_every_pair_connects() -> None:
    rng = random.Random(11)
    for _ in range(300):
        n = rng.randint(1, 12)
        article_of = [rng.randrange(rng.randint(1, 4)) for _ in range(n)]
        items = list(range(n))
        rng.shuffle(items)
        cut = rng.randint(0, n)
        left, right = (items, items) if rng.random() < 0.3 else (items[:cut], items[cut:])
        edges = linked_across(article_of, left, right)
        got = components(n, [i for i, _ in edges], [j for _, j in edges])
        assert sorted(got) == _groups_of_every_pair(article_of, left, right)
        assert len(edges) <= 6 * n  # a few links per item, never one per pair


def test_weighted_rows_hold_each_rows_weights_under_one_vocabulary() -> None:
    rows = [{"b": 0.5, "a": 2.0}, {}, {"c": 1.5, "a": -1.0}]
    matrix, vocab = weighted_rows(rows)
    dense = matrix.toarray()
    assert dense.shape == (3, 3)
    for k, row in enumerate(rows):
        assert {t: dense[k, vocab[t]] for t in row} == row
        assert sum(abs(dense[k])) == sum(abs(w) for w in row.values())
    more, grown = weighted_rows([{"d": 4.0, "a": 1.0}], dict(vocab))
    assert grown["a"] == vocab["a"] and grown["d"] == 3
    assert more.toarray()[0, vocab["a"]] == 1.0
