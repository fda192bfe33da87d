"""Time the framing stage adds to a brief, side by side, on Multi-News dev stories.

On the first N clusters (default 50) of ../shared/eval/multinews-val250.jsonl: each cluster is
briefed by the default pipeline without `framing` and with it, in one process, the order
alternating from cluster to cluster (the spaCy model loads once before timing, as in a
long-running process). Caches keyed by sentence text are cleared before every brief, so neither
run reuses the other's parses. Reported: the whole brief's time with and without framing, and the
framing stage's own time as a share of the brief without it (the steadier of the two on a shared
machine).

Run: ``.venv/bin/python bench/framing_time.py [N]`` -> bench/results/framing_time.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from newsprism.analysis.framing_labels import _names_in
from newsprism.eval.data import load_clusters
from newsprism.model import Story
from newsprism.pipeline import DEFAULT_PIPELINE, Pipeline
from newsprism.text.nlp import _parse_one
from newsprism.text.nlp import pipeline as spacy_pipeline

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RESULTS = ROOT / "bench" / "results" / "framing_time.json"


def _time(pipeline: Pipeline, cluster_articles: list) -> tuple[float, float]:  # type: ignore[type-arg]
    for article in cluster_articles:
        article.sentences = []
    _parse_one.cache_clear()
    _names_in.cache_clear()
    start = time.perf_counter()
    brief = pipeline.run(Story.from_articles(cluster_articles))
    framing = sum(s.seconds for s in brief.stages if s.name == "framing")
    return time.perf_counter() - start, framing


def main(limit: int) -> dict[str, float]:
    clusters = load_clusters(DATA, limit)
    spacy_pipeline()
    without = Pipeline(tuple(n for n in DEFAULT_PIPELINE if n != "framing"))
    with_framing = Pipeline(DEFAULT_PIPELINE)
    base_s = full_s = stage_s = 0.0
    for n, cluster in enumerate(clusters):
        runs = [(without, False), (with_framing, True)]
        for pipeline, framed in runs if n % 2 else runs[::-1]:
            total, framing = _time(pipeline, cluster.articles)
            if framed:
                full_s, stage_s = full_s + total, stage_s + framing
            else:
                base_s += total
    n = len(clusters)
    result = {
        "clusters": n,
        "brief_without_framing_s": round(base_s / n, 4),
        "brief_with_framing_s": round(full_s / n, 4),
        "framing_stage_s": round(stage_s / n, 4),
        "overhead": round(full_s / base_s - 1, 3),
        "framing_stage_share_of_brief_without": round(stage_s / base_s, 3),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50), indent=2))
