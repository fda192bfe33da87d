"""The summary's candidate pool: articles off the story are no candidates."""

from __future__ import annotations

import numpy as np
from tests.expect import groups_linked

from newsprism.align import Alignment, align
from newsprism.analysis.summary_pool import (
    _linked,
    _restatements,
    _shared_pairs,
    build_pool,
    incidence,
    off_story,
)
from newsprism.model import Article, Story
from newsprism.pipeline import Pipeline
from newsprism.text.sparse import components

EVENT = [
    "The Kessel dam on the Arno river burst on Monday, flooding the valley town of Brill.",
    "Engineers said the Kessel dam had shown cracks for months before the Arno flood.",
    "Residents of Brill said the Arno river rose a metre an hour after the Kessel dam gave way.",
]
NOTICES = [
    "Since 2004 the library has copied public web pages into its archive. Copies join the "
    "collection every night after a short delay.",
    "These copies help readers find pages that moved. The archive keeps each copy in the "
    "collection for later study.",
]


def _alignment(texts: list[str]) -> Alignment:
    articles = [Article.create(text, outlet=f"Outlet {k}") for k, text in enumerate(texts)]
    Pipeline(("sentences",)).run(Story.from_articles(articles))
    return align(articles)


def test_notices_sharing_words_only_with_each_other_are_off_the_story() -> None:
    al = _alignment(EVENT + NOTICES)
    assert off_story(al, [0, 1, 2, 3, 4]) == {3, 4}
    assert off_story(al, [0, 1, 2, 3, 3]) == {3, 4}  # a notice printed twice counts once


def test_every_article_of_one_event_stays() -> None:
    assert off_story(_alignment(EVENT), [0, 1, 2]) == set()
    assert off_story(_alignment(EVENT[:2] + NOTICES[:1]), [0, 1, 2]) == {2}
    # one long report beside two notices: most of the text is the report, nothing is dropped
    assert off_story(_alignment([" ".join(EVENT), *NOTICES]), [0, 1, 2]) == set()


def test_a_snippet_cut_off_at_an_ellipsis_is_no_candidate() -> None:
    cut = EVENT[1][: EVENT[1].index(" before")] + " before..."
    al = _alignment([EVENT[0], "The town council met on Tuesday. " + cut, EVENT[2]])
    texts = [al.sentences[int(i)].text for i in build_pool(al).index]
    assert "The town council met on Tuesday." in texts
    assert not any(t.endswith("...") for t in texts)


def _every_pair(
    rows: list[list[str]], article: list[int], negated: list[bool]
) -> set[tuple[int, int]]:
    """Oracle: every ordered pair, counted directly (6 of 10 words of the shorter, 5 words at least)."""
    out = set()
    for i, a in enumerate(rows):
        for j, b in enumerate(rows):
            smaller = min(len(set(a)), len(set(b)))
            shared = len(set(a) & set(b))
            if (
                article[i] != article[j] and negated[i] == negated[j]
                and smaller >= 5 and shared * 10 >= 6 * smaller
            ):  # fmt: skip
                out.add((i, j))
    return out


def test_restatements_are_every_pair_sharing_most_of_the_shorter_sentence() -> None:
    rng = np.random.default_rng(7)
    vocabulary = [f"w{k}" for k in range(40)]
    weights = np.linspace(8, 1, len(vocabulary))  # common words first, as in a story
    rows = [
        list(
            dict.fromkeys(
                rng.choice(vocabulary, size=int(rng.integers(3, 12)), p=weights / weights.sum())
            )
        )
        for _ in range(300)
    ]
    article = [int(k) for k in rng.integers(0, 12, size=len(rows))]
    negated = [bool(k) for k in rng.random(len(rows)) < 0.2]
    texts = [" ".join(r) + (" not" if n else "") for r, n in zip(rows, negated, strict=True)]
    found = _restatements(incidence(rows), np.array(article), texts)
    expected = _every_pair(rows, article, negated)
    assert len(expected) > 50  # the case is not trivial
    assert len(found) == len(set(found)) and set(found) == expected


def _groups_by_every_pair(
    pairs: list[set[str]], source: list[int]
) -> tuple[list[list[int]], list[int]]:
    """Oracle: union-find over every pair of articles, and each group's union of what two of
    its sources share, pair by pair."""
    groups = groups_linked(
        len(pairs), lambda x, y: source[x] == source[y] or bool(pairs[x] & pairs[y])
    )
    weight = []
    for group in groups:
        union: set[str] = set()
        for x in group:
            for y in group:
                if x < y and source[x] != source[y]:
                    union |= pairs[x] & pairs[y]
        weight.append(len(union))
    return groups, weight


def test_off_story_groups_and_weights_are_those_of_every_pair() -> None:
    rng = np.random.default_rng(11)
    vocabulary = [f"p{k}" for k in range(120)]
    for trial in range(20):
        size = int(rng.integers(3, 40))
        pairs = {
            a: set(rng.choice(vocabulary, size=int(rng.integers(0, 6)), replace=False).tolist())
            for a in range(size)
        }
        source = [int(s) for s in rng.integers(0, max(2, size // 2), size=size)]
        ids = list(range(size))
        groups = components(size, *_linked(pairs, ids, np.array(source)))
        expected_groups, expected_weight = _groups_by_every_pair([pairs[a] for a in ids], source)
        assert groups == expected_groups, trial
        assert _shared_pairs(pairs, ids, np.array(source), groups) == expected_weight, trial
