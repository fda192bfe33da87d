"""Added time per cluster of the cross-source analysis stages, beside sumy LexRank, in one run.

On ../shared/eval/multinews-val250.jsonl (first N clusters, default all): for each cluster the
sentences are split once; then we time (a) the whole default brief pipeline, (b) our four analysis
stages alone (quotes, discrepancies, agreed, unique), and (c) sumy LexRank ranking the same sentences
(the peer's summary alone). The spaCy model load happens once before timing, as in a long process.

Run: ``.venv/bin/python bench/analysis_time.py [N]`` -> bench/results/analysis_time.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from newsprism.eval.data import load_clusters
from newsprism.eval.peers import PEERS
from newsprism.model import Story
from newsprism.pipeline import DEFAULT_PIPELINE, Pipeline
from newsprism.text.nlp import pipeline as spacy_pipeline

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RESULTS = ROOT / "bench" / "results" / "analysis_time.json"
OURS = ("quotes", "discrepancies", "agreed", "unique")


def main(limit: int | None) -> dict[str, float]:
    clusters = load_clusters(DATA, limit)
    spacy_pipeline()
    full = Pipeline(DEFAULT_PIPELINE)
    lexrank = PEERS["lexrank"]
    brief_s = ours_s = lexrank_s = 0.0
    for cluster in clusters:
        for article in cluster.articles:
            article.sentences = []
        start = time.perf_counter()
        brief = full.run(Story.from_articles(cluster.articles))
        brief_s += time.perf_counter() - start
        ours_s += sum(s.seconds for s in brief.stages if s.name in OURS)
        start = time.perf_counter()
        lexrank(cluster, 250)
        lexrank_s += time.perf_counter() - start
    n = len(clusters)
    result = {
        "clusters": n,
        "analysis_seconds_per_cluster": round(ours_s / n, 4),
        "brief_seconds_per_cluster": round(brief_s / n, 4),
        "lexrank_seconds_per_cluster": round(lexrank_s / n, 4),
        "analysis_over_lexrank": round(ours_s / lexrank_s, 3),
        "brief_over_lexrank": round(brief_s / lexrank_s, 3),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else None), indent=2))
