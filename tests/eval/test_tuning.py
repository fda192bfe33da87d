"""CV tuning: the fast ROUGE equals rouge-score, and the search never ends worse than it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.analysis.summary import SummaryParams
from newsprism.eval.data import load_clusters
from newsprism.eval.rouge import cut_words, rouge
from newsprism.eval.tuning import (
    chosen_in_order,
    coordinate_search,
    cross_validate,
    fast_rouge12,
    objective,
    prepare,
)


def test_fast_rouge_matches_rouge_score(data_file: Path) -> None:
    for story in prepare(load_clusters(data_file)):
        for words in (7, 30):
            chosen = chosen_in_order(story, SummaryParams(), words)
            fast = fast_rouge12(story, chosen, words)
            slow = rouge(cut_words(story.texts(chosen), words), story.cluster.references)
            assert fast == pytest.approx((slow["rouge1"], slow["rouge2"]))


def test_search_and_cross_validation(data_file: Path) -> None:
    stories = prepare(load_clusters(data_file))
    start = objective(stories, SummaryParams(), 20)
    grid = {"quotes": (0.0, 0.5), "position": (0.0, 10.0)}
    params, best = coordinate_search(stories, 20, grid=grid, rounds=2)
    assert best >= start
    assert params.quotes in (0.0, 0.1, 0.5) and params.position in (0.0, 2.0, 10.0)
    cv = cross_validate(stories, 20, folds=2)
    assert [f["test_stories"] for f in cv["folds"]] == [1, 1]
    assert set(cv["mean"]) == {"rouge1", "rouge2", "rougeLsum"}
