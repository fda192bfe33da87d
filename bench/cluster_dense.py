"""Why online clustering loses recall on dense streams: an oracle diagnostic (bench only).

Replays a labelled stream through the online engine exactly as `newsprism cluster` does (the
same deduplication, clustering and expiry) and, for each article that has a gold mate in an open
story, asks what happened to the best-scoring open story holding a mate (the "target"):

- ``joined_mate``: the article joined a story holding a mate (right);
- ``budget``: the target was not among the candidates because the posting budget ran out before
  the postings that hold it (with every posting read, it would have been a candidate);
- ``rerank``: the estimate saw the target but ranked it below the candidates scored exactly;
- ``not_shared``: the target shares none of the terms read (and none with unlimited budget);
- ``stolen``: the target was scored and reached the threshold, but another story scored higher;
- ``below``: the target's exact score is under the threshold (``below_penalty``: only because of
  the day penalty, its cosine alone reaches the threshold).

Articles without a mate in an open story should open a story: ``false_join`` counts those that
joined one. Nothing here changes what the engine does; it only watches.

    python bench/cluster_dense.py --n 30000 --per-day 20000 [--set posting_budget=3000]
    python bench/cluster_dense.py --file /tmp/npbench/s100k.jsonl --limit 100000
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_quality import generated, setting
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.features import DocFrequency
from newsprism.cluster.online import StoryState
from newsprism.cluster.stream import StreamClusterer
from newsprism.eval.cluster_metrics import LabeledArticles, load_labeled, score_clusters

_UNLIMITED = 1 << 60


class Watcher:
    """Wraps a StreamClusterer's `StoryIndex.best` to classify each placement against the gold."""

    def __init__(self, sc: StreamClusterer, gold: list[str]) -> None:
        self.sc, self.gold = sc, gold
        self.index = sc.clusterer.index
        self.keys_of: dict[str, list[int]] = {}
        self.counts: Counter[str] = Counter()
        self.open_stories: list[int] = []
        self.postings_total: list[int] = []
        self.terms_in_budget: list[int] = []
        self.ideal: dict[str, dict[str, float]] = {}
        self._best = self.index.best
        self.index.best = self.best  # type: ignore[method-assign]

    def exact(self, story: StoryState, vec: dict[str, float], day: float | None) -> float:
        c = story.centroid
        cos = sum(w * c.get(t, 0.0) for t, w in vec.items()) / story.norm
        return cos - self.index.penalty(story, day)

    def best(self, vec: dict[str, float], day: float | None, exclude: Any = None, emb: Any = None):
        key = self.sc._next - 1
        g = self.gold[key]
        mates = {
            id(s): s
            for k in self.keys_of.get(g, ())
            if (s := self.sc._story_of.get(k)) is not None and s.id in self.index.stories
        }
        self.keys_of.setdefault(g, []).append(key)
        self._postings_stats(vec)
        ideal = self.ideal.setdefault(g, {})
        ideal_cos = _cosine(vec, ideal) if ideal else None
        for t, w in vec.items():
            ideal[t] = ideal.get(t, 0.0) + w
        story, score = self._best(vec, day, exclude, emb)
        self.open_stories.append(len(self.index.stories))
        joins = story is not None and score >= self.index.config.threshold
        if not mates:
            self.counts["no_mate"] += 1
            self.counts["false_join"] += joins
            return story, score
        self.counts["with_mate"] += 1
        if joins and id(story) in mates:
            self.counts["joined_mate"] += 1
            return story, score
        why = self._why(vec, day, list(mates.values()), score)
        self.counts[why] += 1
        if why.startswith("below") and ideal_cos is not None:
            self.counts[
                why + ("_ideal_ok" if ideal_cos >= self.index.config.threshold else "_ideal_too")
            ] += 1
        return story, score

    def _postings_stats(self, vec: dict[str, float]) -> None:
        """Postings of the article's terms in all, and how many terms the budget alone reads."""
        terms, budget, read = self.index.postings.terms, self.index.config.posting_budget, 0
        lengths = [len(p) for t in vec if (p := terms.get(t)) is not None]
        total = sum(lengths)
        for n in lengths:
            budget -= n
            if budget < 0:
                break
            read += 1
        self.postings_total.append(total)
        self.terms_in_budget.append(read)

    def _why(self, vec: dict[str, float], day: float | None, mates: list[StoryState], won: float):
        cfg = self.index.config
        target = max(mates, key=lambda s: self.exact(s, vec, day))
        t_score = self.exact(target, vec, day)
        if t_score < cfg.threshold:
            return (
                "below_penalty"
                if t_score + self.index.penalty(target, day) >= cfg.threshold
                else "below"
            )
        if target.slot in self.index._lexical_candidates(vec, None):
            return "stolen" if won > t_score else "tie"
        postings = self.index.postings
        est = postings.estimate(vec.items(), cfg.posting_budget, cfg.threshold)
        if est is not None and target.slot < len(est) and est[target.slot] > 0:
            return "rerank"
        full = postings.estimate(vec.items(), _UNLIMITED)
        assert full is not None
        return "budget" if full[target.slot] > 0 else "not_shared"


def _cosine(vec: dict[str, float], centroid: dict[str, float]) -> float:
    norm = sum(w * w for w in centroid.values()) ** 0.5 or 1.0
    return sum(w * centroid.get(t, 0.0) for t, w in vec.items()) / norm


def replay(
    data: LabeledArticles, config: ClusterConfig, collection_idf: bool = False
) -> dict[str, Any]:
    sc = StreamClusterer(config)
    if collection_idf:  # IDF of the whole stream up front, as batch mode has it
        df = DocFrequency()
        for article in data.articles:
            df.add(sc.featurizer.features(article).terms)
        sc.clusterer.df, sc.clusterer._learn_idf = df, False
    watcher = Watcher(sc, data.gold)
    start = time.process_time()
    stories = [s for a in data.articles for s in sc.add(a)]
    stories.extend(sc.finish())
    cpu = time.process_time() - start
    story_of = {a.id: s.id for s in stories for a in s.articles}
    scores = score_clusters(data.gold, [story_of[a.id] for a in data.articles]).to_dict()
    c = watcher.counts
    with_mate = max(c["with_mate"], 1)
    return {
        "articles": len(data.articles),
        "stories": len(stories),
        "gold": len(set(data.gold)),
        "bcubed": {k: round(v, 4) for k, v in scores["bcubed"].items()},
        "open_stories_median": int(np.median(watcher.open_stories)),
        "postings_per_article_median": int(np.median(watcher.postings_total)),
        "postings_per_article_p90": int(np.percentile(watcher.postings_total, 90)),
        "terms_within_budget_median": int(np.median(watcher.terms_in_budget)),
        "placements": dict(c),
        "share_of_with_mate": {
            k: round(c[k] / with_mate, 4)
            for k in (
                "joined_mate",
                "budget",
                "rerank",
                "not_shared",
                "stolen",
                "below",
                "below_penalty",
            )
        },
        "cpu_seconds_with_diagnostic": round(cpu, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--per-day", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--file", type=Path, help="A labelled JSON Lines file instead of a generated stream."
    )
    ap.add_argument("--limit", type=int, default=0, help="Only the first N articles of --file.")
    ap.add_argument("--collection-idf", action="store_true", help="IDF of the whole stream.")
    ap.add_argument("--set", nargs="*", default=[], help="ClusterConfig overrides name=value.")
    args = ap.parse_args()
    config = ClusterConfig(**{k: setting(k, v) for k, v in (s.split("=") for s in args.set)})
    if args.file:
        data = load_labeled(args.file)
        if args.limit:
            data = LabeledArticles(data.articles[: args.limit], data.gold[: args.limit])
    else:
        data = generated(args.n, args.per_day, args.seed)
    print(
        json.dumps(
            {
                "input": str(args.file or f"generated {args.n} at {args.per_day}/day"),
                "set": args.set,
                **replay(data, config, args.collection_idf),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
