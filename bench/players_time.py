"""Time the key-players and timeline stages add to a brief, side by side, on Multi-News dev stories.

On ../shared/eval/multinews-val250.jsonl (first N clusters, default 50): each cluster is briefed
twice from scratch, without and with the `names`, `entities` and `timeline` stages, alternating
which runs first; the spaCy model is loaded once before timing, as in a long process.

Run: ``.venv/bin/python bench/players_time.py [N]`` -> bench/results/players_time.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from newsprism.eval.data import load_clusters
from newsprism.model import Article, Story
from newsprism.pipeline import DEFAULT_PIPELINE, Pipeline
from newsprism.text.nlp import load

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RESULTS = ROOT / "bench" / "results" / "players_time.json"
OURS = ("names", "entities", "timeline")


def _timed(pipeline: Pipeline, articles: list[Article]) -> tuple[float, dict[str, float]]:
    for article in articles:
        article.sentences = []
    start = time.perf_counter()
    brief = pipeline.run(Story.from_articles(articles))
    return time.perf_counter() - start, {s.name: s.seconds for s in brief.stages}


def main(limit: int) -> dict[str, float]:
    clusters = load_clusters(DATA, limit)
    load()
    with_players = Pipeline(DEFAULT_PIPELINE)
    without = Pipeline([n for n in DEFAULT_PIPELINE if n not in OURS])
    base_s = full_s = 0.0
    stage_s = dict.fromkeys(OURS, 0.0)
    for k, cluster in enumerate(clusters):
        runs = [(without, False), (with_players, True)]
        for pipeline, is_full in runs if k % 2 == 0 else runs[::-1]:
            seconds, stages = _timed(pipeline, cluster.articles)
            if is_full:
                full_s += seconds
                for name in OURS:
                    stage_s[name] += stages.get(name, 0.0)
            else:
                base_s += seconds
    n = len(clusters)
    result = {
        "clusters": n,
        "brief_seconds_per_cluster": round(base_s / n, 4),
        "brief_with_players_seconds_per_cluster": round(full_s / n, 4),
        "added_share": round(full_s / base_s - 1, 3),
        **{f"{name}_seconds_per_cluster": round(s / n, 4) for name, s in stage_s.items()},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50), indent=2))
