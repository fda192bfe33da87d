"""A learned sentence prior for the summary: boosted trees (or a logistic model) over sentence features.

Budgeted coverage (analysis/summary.py) decides which concepts are worth covering; this prior says
how likely a sentence is to belong in a human summary at all, from features that hold across
collections: position in its article and in the cluster, length, how many other articles state the
same thing, shared figures, the density of names and figures, quotation, centrality and novelty.
It is trained on ROUGE-labelled oracle sentences of a training split (bench/summary_learn.py, which
records the split and writes the weights); the model ships as JSON beside this module. Boosted trees
won on validation because the features interact (a lead sentence is worth more when other
articles restate it; a long quotation less so), which a linear model cannot express; they are
evaluated here with numpy, so no pickled estimator is loaded.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from newsprism.analysis.summary import Pool

WEIGHTS = "summary_weights.json"
_CAPITAL = re.compile(r"(?<=\s)[A-Z][a-z]+")
_DIGIT = re.compile(r"\d")

FEATURES = (
    "lead",  # exp(-position / 3): the first sentences of an article
    "log_position",
    "relative",  # position / sentences in the article
    "log_words",
    "centrality",
    "quoted",  # carries a quotation mark
    "quotation",  # mostly someone's words, or shown with its speaker
    "support",  # share of the other articles that state the same thing
    "log_shared_figures",
    "figure_density",  # figures per word
    "name_density",  # capitalised words past the first, per word
    "concepts",  # mean cluster weight of its word pairs, relative to the story's best sentence
    "novelty",  # share of its word pairs no earlier sentence of its article used
    "log_articles",  # articles in the cluster
)


def features(pool: Pool, texts: list[str]) -> np.ndarray:
    """Candidate x FEATURES matrix; `texts` are the candidates' sentence texts, in pool order."""
    n = len(pool)
    if not n:
        return np.zeros((0, len(FEATURES)))
    words = np.maximum(pool.words, 1.0)
    articles = len(set(pool.article.tolist()))
    same = pool.same.tocoo()
    other = {(int(r), int(pool.article[c])) for r, c in zip(same.row, same.col, strict=True)}
    support = np.bincount([r for r, _ in other], minlength=n) / max(articles - 1, 1)
    figures = np.asarray([len(_DIGIT.findall(t)) for t in texts], dtype=float)
    names = np.asarray([len(_CAPITAL.findall(t)) for t in texts], dtype=float)
    quotation = pool.quotation if pool.quotation is not None else np.zeros(n, dtype=bool)
    columns = [
        np.exp(-pool.position / 3.0),
        np.log1p(pool.position),
        pool.relative,
        np.log(words),
        pool.centrality,
        pool.quoted,
        quotation.astype(float),
        np.minimum(support, 1.0),
        np.log1p(pool.shared_figures),
        figures / words,
        names / words,
        _concepts(pool),
        _novelty(pool),
        np.full(n, np.log(articles)),
    ]
    return np.column_stack(columns)


def _concepts(pool: Pool) -> np.ndarray:
    """Mean number of other articles using each of the sentence's word pairs, scaled to the best."""
    m = pool.bigrams
    coo = m.tocoo()
    keys = np.unique(pool.article[coo.row].astype(np.int64) * m.shape[1] + coo.col)
    used = np.bincount(keys % m.shape[1], minlength=m.shape[1]).astype(float) - 1.0
    sizes = np.maximum(np.asarray(m.sum(axis=1)).ravel(), 1.0)
    mean = (m @ used) / sizes
    return mean / (mean.max() or 1.0)


def _novelty(pool: Pool) -> np.ndarray:
    """Share of a sentence's word pairs that its article has not used in earlier sentences."""
    m = pool.bigrams.tocsr()
    out = np.ones(len(pool))
    seen: dict[int, set[int]] = {}
    for k in np.lexsort((pool.position, pool.article)):
        row = set(m.indices[m.indptr[k] : m.indptr[k + 1]].tolist())
        before = seen.setdefault(int(pool.article[k]), set())
        out[k] = len(row - before) / max(len(row), 1)
        before |= row
    return out


@lru_cache(maxsize=1)
def load_weights() -> dict[str, Any]:
    """The shipped model: feature names and either boosted trees or logistic coefficients."""
    text = resources.files("newsprism.analysis").joinpath(WEIGHTS).read_text(encoding="utf-8")
    model: dict[str, Any] = json.loads(text)
    if tuple(model["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS} was trained on other features; rerun bench/summary_learn.py")
    return model


def prior(x: np.ndarray, model: dict[str, Any] | None = None) -> np.ndarray:
    """Probability that each sentence is an oracle sentence, under the (shipped) model."""
    if not len(x):
        return np.zeros(0)
    m = model or load_weights()
    if m.get("kind") == "trees":
        logit = _trees(np.nan_to_num(x), m)
    else:
        z = (x - np.asarray(m["mean"])) / np.asarray(m["scale"])
        logit = z @ np.asarray(m["coef"]) + float(m["intercept"])
    return 1.0 / (1.0 + np.exp(-logit))


def _trees(x: np.ndarray, model: dict[str, Any]) -> np.ndarray:
    """Sum of the boosted trees' leaf values (the log-odds), all trees walked at once. Each tree
    is a list of nodes [feature, threshold, left, right, value]; feature -1 marks a leaf;
    x <= threshold goes left."""
    size = max(len(tree) for tree in model["trees"])
    nodes = np.zeros((len(model["trees"]), size, 5))
    nodes[:, :, 0] = -1.0
    for t, tree in enumerate(model["trees"]):
        nodes[t, : len(tree)] = tree
    feature, threshold = nodes[:, :, 0].astype(int), nodes[:, :, 1]
    left, right = nodes[:, :, 2].astype(int), nodes[:, :, 3].astype(int)
    trees = np.arange(len(nodes))[None, :]
    rows = np.arange(len(x))[:, None]
    at = np.zeros((len(x), len(nodes)), dtype=int)
    inner = feature[trees, at] >= 0
    while inner.any():
        go_left = x[rows, np.maximum(feature[trees, at], 0)] <= threshold[trees, at]
        at = np.where(inner, np.where(go_left, left[trees, at], right[trees, at]), at)
        inner = feature[trees, at] >= 0
    return float(model["baseline"]) + nodes[trees, at, 4].sum(axis=1)
