"""Cross-validated tuning of the summary knobs: tune on k-1 folds, report the held-out fold.

Features (sentences, alignment, candidate pool) are built once per story; each trial only reruns
the cheap selection and scores it with ROUGE-1/2 computed from rouge-score's own tokens, so a
coordinate search over the knobs takes seconds per fold. Held-out folds are scored with rouge-score.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from newsprism.align import Alignment, align
from newsprism.analysis.summary import Pool, SummaryParams, build_pool, reading_order, select
from newsprism.eval.data import Cluster
from newsprism.eval.rouge import cut_words, ngram_counts, ngram_f1, rouge, tokenize
from newsprism.model import Story
from newsprism.pipeline import Pipeline

GRID: dict[str, tuple[float, ...]] = {
    "shared": (0.5, 1.0, 2.0),
    "lead_mass": (0.0, 0.5, 1.0),
    "unigrams": (0.1, 0.2, 0.4, 0.8),
    "position": (0.0, 2.0, 5.0, 10.0),
    "position_tau": (3.0, 8.0, 20.0),
    "length_power": (0.5, 0.75, 1.0),
    "centroid": (0.0, 0.05, 0.1),
    "quotes": (0.0, 0.05, 0.1, 0.15),
}
# A start that knows nothing tuned: plain coverage of word pairs shared by articles, per word.
PLAIN = SummaryParams(
    lead_mass=0.0, unigrams=0.0, position=0.0, length_power=1.0, centroid=0.0, quotes=0.0
)


@dataclass
class Prepared:
    """One story ready for repeated selection trials."""

    cluster: Cluster
    alignment: Alignment
    pool: Pool
    references: list[tuple[Counter[str], Counter[tuple[str, str]]]]
    tokens: dict[int, list[list[str]]]

    def texts(self, chosen: Sequence[int]) -> list[str]:
        return [self.alignment.sentences[int(self.pool.index[k])].text for k in chosen]

    def word_tokens(self, k: int) -> list[list[str]]:
        """rouge-score tokens of each whitespace word of candidate k (cached)."""
        if k not in self.tokens:
            text = self.texts([k])[0]
            self.tokens[k] = [tokenize(w) for w in text.split()]
        return self.tokens[k]


def prepare(clusters: Sequence[Cluster]) -> list[Prepared]:
    splitter = Pipeline(("sentences",))
    out = []
    for cluster in clusters:
        splitter.run(Story.from_articles(cluster.articles))
        al = align(cluster.articles)
        refs = []
        for reference in cluster.references:
            toks = tokenize(" ".join(reference))
            refs.append(ngram_counts(toks))
        out.append(Prepared(cluster, al, build_pool(al), refs, {}))
    return out


def fast_rouge12(story: Prepared, chosen: Sequence[int], words: int) -> tuple[float, float]:
    """ROUGE-1/2 F1 (%) of the cut summary, equal to rouge-score's but without re-tokenizing."""
    tokens: list[str] = []
    left = words
    for k in chosen:
        if left <= 0:
            break
        per_word = story.word_tokens(int(k))
        tokens.extend(t for w in per_word[:left] for t in w)
        left -= len(per_word)
    uni, bi = ngram_counts(tokens)
    n = len(story.references)
    r1 = sum(ngram_f1(uni, ref[0]) for ref in story.references) / n
    r2 = sum(ngram_f1(bi, ref[1]) for ref in story.references) / n
    return 100 * r1, 100 * r2


def chosen_in_order(story: Prepared, params: SummaryParams, words: int) -> list[int]:
    return reading_order(story.pool, select(story.pool, params, words))


def objective(stories: Sequence[Prepared], params: SummaryParams, words: int) -> float:
    """Mean R-1 + 2 x R-2: both must rise, R-2 being the harder and smaller number."""
    scores = [fast_rouge12(s, chosen_in_order(s, params, words), words) for s in stories]
    return statistics.fmean(r1 + 2 * r2 for r1, r2 in scores)


def coordinate_search(
    stories: Sequence[Prepared],
    words: int,
    start: SummaryParams | None = None,
    grid: Mapping[str, Sequence[float]] = GRID,
    rounds: int = 1,
) -> tuple[SummaryParams, float]:
    """Change one knob at a time to its best grid value; repeat for `rounds` passes."""
    best = start or SummaryParams()
    best_score = objective(stories, best, words)
    for _ in range(rounds):
        improved = False
        for name, values in grid.items():
            for value in values:
                trial = replace(best, **{name: value})  # type: ignore[arg-type]
                if trial == best:
                    continue
                score = objective(stories, trial, words)
                if score > best_score + 1e-9:
                    best, best_score, improved = trial, score, True
        if not improved:
            break
    return best, best_score


def official_scores(
    stories: Sequence[Prepared], params: SummaryParams, words: int
) -> dict[str, float]:
    """Mean rouge-score F1 (%) of the selections, cut to `words` words."""
    rows = [
        rouge(cut_words(s.texts(chosen_in_order(s, params, words)), words), s.cluster.references)
        for s in stories
    ]
    return {m: round(statistics.fmean(r[m] for r in rows), 2) for m in rows[0]}


def cross_validate(
    stories: Sequence[Prepared],
    words: int,
    folds: int = 5,
    progress: Callable[[str], None] | None = None,
    start: SummaryParams | None = None,
    rounds: int = 2,
) -> dict[str, Any]:
    """Tune on folds-1 parts from `start`, score the held-out part; story k is in fold k % folds."""
    results: list[dict[str, Any]] = []
    tuned: list[dict[str, float]] = []
    defaults: list[dict[str, float]] = []
    for fold in range(folds):
        train = [s for k, s in enumerate(stories) if k % folds != fold]
        test = [s for k, s in enumerate(stories) if k % folds == fold]
        params, train_score = coordinate_search(train, words, start, rounds=rounds)
        tuned.append(official_scores(test, params, words))
        defaults.append(official_scores(test, SummaryParams(), words))
        results.append(
            {
                "fold": fold,
                "test_stories": len(test),
                "params": asdict(params),
                "train_objective": round(train_score, 3),
                "test": tuned[-1],
                "test_with_defaults": defaults[-1],
            }
        )
        if progress:
            progress(f"fold {fold}: {tuned[-1]} (defaults {defaults[-1]})")
    return {
        "words": words,
        "start": asdict(start or SummaryParams()),
        "folds": results,
        "mean": _mean(tuned),
        "stdev": {m: round(statistics.pstdev(r[m] for r in tuned), 2) for m in tuned[0]},
        "defaults_mean": _mean(defaults),
    }


def _mean(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    return {m: round(statistics.fmean(r[m] for r in rows), 2) for m in rows[0]}
