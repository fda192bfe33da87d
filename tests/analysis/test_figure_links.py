"""Figure links: the score bound never falls below the score, and clustering with bounds and lazy
scores gives the groups that scoring every candidate pair up front gives."""

from __future__ import annotations

import heapq
import random

import numpy as np
import pytest

from newsprism.analysis import figures
from newsprism.analysis.figure_links import Bounds, mean
from newsprism.analysis.figures import LINK, Mention, _Bags, candidate_pairs, link_score
from newsprism.model import Sentence
from newsprism.text.quantities import Quantity
from newsprism.text.sparse import components

STEMS = ["sign", "signatur", "signal", "vote", "voter", "fire", "firefight", "court", "courtroom",
         "harbour", "pier", "mayor", "mayoral", "fund", "said", "peopl", "offici", "arrest"]  # fmt: skip
NOUNS = ["", "", "peopl", "signatur", "offici", "voter", "men", "arrest"]
KINDS = [("count", ""), ("money", "USD"), ("percent", "%"), ("date", "weekday"), ("year", "")]


def _mentions(seed: int, n: int) -> list[Mention]:
    rng = random.Random(seed)
    sentence = Sentence(id="x.0", index=0, text="")
    out = []
    for k in range(n):
        kind, unit = rng.choice(KINDS)
        low = float(rng.choice([2, 3, 6, 9, 20, 22, 25, 60, 61, 1140, 1100]))
        high = low + rng.choice([0, 0, 0, 1, 14])
        noun = rng.choice(NOUNS)
        phrase = tuple(rng.sample(["former", "department", noun or "staff", "state"], 2))
        q = Quantity(low, high, kind, unit, rng.choice(["exact", "exact", "approx", "min"]),
                     noun=noun, phrase=phrase if noun else ())  # fmt: skip
        context = {t: rng.choice([1.0, 0.7]) for t in rng.sample(STEMS, rng.randint(0, 6))}
        anchors = frozenset(rng.sample([("money", "USD", "exact", 5.0, 5.0),
                                        ("percent", "%", "exact", 7.0, 7.0)], rng.randint(0, 1)))  # fmt: skip
        out.append(Mention(q, k, rng.randrange(max(1, n // 3)), sentence, context, anchors))
    return out


def _idf(seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    return {t: 1.0 + rng.random() * 4 for t in STEMS}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_bound_is_never_below_the_score_and_prunes_most_pairs(seed: int) -> None:
    mentions, idf = _mentions(seed, 300), _idf(seed)
    bags = _Bags(idf)
    rows, cols = candidate_pairs(mentions, dense=True)
    bound = Bounds(mentions, bags).scores(rows, cols)
    exact = np.array([link_score(mentions[i], mentions[j], idf, 0.0, bags)
                      for i, j in zip(rows.tolist(), cols.tolist(), strict=True)])  # fmt: skip
    assert (exact <= bound).all()
    assert (exact >= LINK).sum() > 20  # some pairs link
    assert ((bound < LINK) & (exact > 0)).sum() > len(rows) / 8  # and many are never scored


def _every_pair_scored(mentions: list[Mention], idf: dict[str, float], dense_size: int
                       ) -> list[tuple[list[int], float]]:  # fmt: skip
    """The oracle: the former clustering, every candidate scored up front, every pair of a small
    component too, the heap seeded with every positive link."""
    n = len(mentions)
    scores: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    rows, cols = candidate_pairs(mentions)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if (v := link_score(mentions[i], mentions[j], idf)) > 0:
            scores[i][j] = scores[j][i] = v
    strong = [(i, j) for i in scores for j, v in scores[i].items() if v >= LINK]
    clusters: list[list[int]] = []
    for members in components(n, [i for i, _ in strong], [j for _, j in strong]):
        if 1 < len(members) <= dense_size:
            for a, i in enumerate(members):
                for j in members[a + 1 :]:
                    if j not in scores[i] and (v := link_score(mentions[i], mentions[j], idf)) > 0:
                        scores[i][j] = scores[j][i] = v
        clusters += _merge(members, scores, mentions)
    clusters.sort(key=min)
    out = []
    for c in clusters:
        if len({mentions[i].group for i in c}) > 1:
            inside = [
                v for k, i in enumerate(c) for j in c[k + 1 :] if (v := scores[i].get(j, 0.0))
            ]
            out.append((c, float(np.mean(inside)) if inside else 0.0))
    return out


def _merge(members: list[int], scores: dict[int, dict[int, float]], mentions: list[Mention]
           ) -> list[list[int]]:  # fmt: skip
    clusters = {i: [i] for i in members}
    values = {i: {mentions[i].group: mentions[i].quantity.key} for i in members}
    version = dict.fromkeys(members, 0)
    heap = [(-v, i, j, 0, 0) for i in members for j, v in scores[i].items() if i < j]
    heapq.heapify(heap)
    while heap and -heap[0][0] >= LINK:
        _, x, y, vx, vy = heapq.heappop(heap)
        if x not in clusters or y not in clusters or (version[x], version[y]) != (vx, vy):
            continue
        if any(values[y].get(g, key) != key for g, key in values[x].items()):
            continue
        clusters[x] += clusters.pop(y)
        values[x].update(values.pop(y))
        version[x] += 1
        for other in list(clusters):
            cross = [scores[i].get(j, 0.0) for i in clusters[x] for j in clusters[other]]
            vetoed = any(scores[i].get(j, 0.0) == 0.0 and mentions[i].group != mentions[j].group
                         for i in clusters[x] for j in clusters[other])  # fmt: skip
            top = sorted(cross, reverse=True)[: (len(cross) + 1) // 2]
            if other != x and not vetoed and top and top[0] > 0:
                a, b = min(x, other), max(x, other)
                heapq.heappush(heap, (-float(np.mean(top)), a, b, version[a], version[b]))
    return list(clusters.values())


@pytest.mark.parametrize(("seed", "dense_size"), [(4, 400), (5, 400), (6, 8), (7, 3)])
def test_clusters_match_scoring_every_candidate_pair(
    seed: int, dense_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    mentions, idf = _mentions(seed, 240), _idf(seed)
    monkeypatch.setattr(figures, "DENSE_COMPONENT", dense_size)
    found = figures.cluster_mentions(mentions, idf)
    expected = _every_pair_scored(mentions, idf, dense_size)
    assert [([mentions.index(m) for m in g.mentions], g.cohesion) for g in found] == expected
    assert sum(len(c) > 2 for c, _ in expected) > 3  # the stories do merge figures


def test_mean_is_numpy_mean_bit_for_bit() -> None:
    rng = random.Random(5)
    for n in range(1, 30):
        for _ in range(200):
            values = [rng.random() * rng.choice([1.0, 1e-3, 10.0]) for _ in range(n)]
            assert mean(values) == float(np.mean(values))


def test_a_story_without_figures_or_with_one_has_no_groups() -> None:
    assert figures.cluster_mentions([], {}) == []
    assert figures.cluster_mentions(_mentions(8, 1), _idf(8)) == []
