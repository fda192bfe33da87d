"""The learned sentence prior: its features, the logistic model, and its place in the selection."""

from __future__ import annotations

import math

import numpy as np

from newsprism.align import align
from newsprism.analysis.summary import Pool, SummaryParams, build_pool, select
from newsprism.analysis.summary_learned import FEATURES, features, load_weights, prior
from newsprism.model import Article, Story
from newsprism.pipeline import Pipeline

TEXTS = {
    "North Gazette": (
        "The council of Brindle approved a new tram line on Monday after a long debate. "
        "Work on the 12 kilometre line starts in 2027, the council said. "
        "Local cafes were busy all afternoon with residents watching the vote."
    ),
    "South Courier": (
        "Brindle's council approved the new tram line on Monday after a debate that ran late. "
        "The 12 kilometre line will cost 400 million, officials said. "
        "A brass band played outside the hall."
    ),
}


def _pool() -> tuple[Pool, list[str]]:
    articles = [Article.create(text, outlet=name) for name, text in TEXTS.items()]
    Pipeline(("sentences",)).run(Story.from_articles(articles))
    al = align(articles)
    pool = build_pool(al, min_words=3)
    return pool, [al.sentences[int(i)].text for i in pool.index]


def _column(x: np.ndarray, name: str) -> np.ndarray:
    return x[:, FEATURES.index(name)]


def test_features_describe_each_candidate() -> None:
    pool, texts = _pool()
    x = features(pool, texts)
    assert x.shape == (len(texts), len(FEATURES))
    first = next(k for k, t in enumerate(texts) if t.startswith("The council of Brindle"))
    band = next(k for k, t in enumerate(texts) if "brass band" in t)
    assert _column(x, "lead")[first] == 1.0 and _column(x, "lead")[band] < 1.0
    # the opening is restated by the other article; the band is not
    assert _column(x, "support")[first] == 1.0 and _column(x, "support")[band] == 0.0
    figures = next(k for k, t in enumerate(texts) if "400 million" in t)
    assert _column(x, "figure_density")[figures] > 0 and _column(x, "figure_density")[band] == 0
    assert np.all((_column(x, "novelty") >= 0) & (_column(x, "novelty") <= 1))
    assert _column(x, "concepts").max() == 1.0


def test_prior_is_the_logistic_model() -> None:
    x = np.asarray([[1.0, 0.0], [3.0, 2.0]])
    model = {"mean": [1.0, 1.0], "scale": [2.0, 1.0], "coef": [0.5, -1.0], "intercept": 0.25}
    # by hand: z = ((x - mean) / scale) . coef + intercept
    expected = [1 / (1 + math.exp(-(0.0 + 1.0 + 0.25))), 1 / (1 + math.exp(-(0.5 - 1.0 + 0.25)))]
    assert np.allclose(prior(x, model), expected)


def test_prior_sums_the_boosted_trees_leaves() -> None:
    # tree 0 splits on feature 1 at 0.5, tree 1 on feature 0 at 2.0; x <= threshold goes left
    model = {
        "kind": "trees",
        "baseline": -1.0,
        "trees": [
            [[1, 0.5, 1, 2, 0.0], [-1, 0.0, 0, 0, 0.25], [-1, 0.0, 0, 0, 1.5]],
            [[0, 2.0, 1, 2, 0.0], [-1, 0.0, 0, 0, -0.5], [0, 5.0, 3, 4, 0.0],
             [-1, 0.0, 0, 0, 0.75], [-1, 0.0, 0, 0, 2.0]],
        ],
    }  # fmt: skip
    x = np.asarray([[1.0, 0.0], [3.0, 0.5], [6.0, 1.0]])
    # by hand: row 0: 0.25 - 0.5; row 1: 0.25 + 0.75 (3 > 2, 3 <= 5); row 2: 1.5 + 2.0
    logits = [-1.0 + 0.25 - 0.5, -1.0 + 0.25 + 0.75, -1.0 + 1.5 + 2.0]
    assert np.allclose(prior(x, model), [1 / (1 + math.exp(-z)) for z in logits])


def test_shipped_model_matches_the_features() -> None:
    model = load_weights()
    assert tuple(model["features"]) == FEATURES
    pool, texts = _pool()
    chance = prior(features(pool, texts))
    assert chance.shape == (len(texts),) and np.all((chance > 0) & (chance < 1))
    for tree in model.get("trees", []):
        inner = [node for node in tree if node[0] >= 0]
        assert all(0 <= node[0] < len(FEATURES) for node in inner)
        assert all(0 < node[2] < len(tree) and 0 < node[3] < len(tree) for node in inner)


def test_prior_weight_steers_the_selection() -> None:
    pool, texts = _pool()
    band = next(k for k, t in enumerate(texts) if "brass band" in t)
    pool.prior = np.zeros(len(pool))
    pool.prior[band] = 1.0
    words = int(pool.words.sum())
    assert select(pool, SummaryParams(learned=0.0), words)[0] != band  # the story's lead first
    assert select(pool, SummaryParams(learned=50.0), words)[0] == band
