"""Speed of newsprism's summary (sentences + align + summary) beside sumy LexRank, in one run.

1. Multi-News dev clusters: for each cluster, newsprism splits, aligns and summarizes the raw
   articles; LexRank parses the same raw text with sumy's own reader (NLTK Punkt) and ranks every
   sentence. Both end to end, same machine, same run; the ratio is LexRank time / newsprism time.
2. Scaling: clusters of 10, 100 and 1,000 articles made by concatenating dev clusters (articles
   reused with new outlets once the 675 run out), to show cost grows about linearly. LexRank is run
   only where it finishes in minutes (its similarity graph is quadratic).

Run: ``.venv/bin/python bench/summary_speed.py [--limit N] [--sizes 10,100,1000]``
-> bench/results/summary_speed.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from newsprism.eval.nltk_data import ensure_punkt
from newsprism.eval.peers import sumy_ranking
from newsprism.ingest.base import make_article
from newsprism.ingest.jsonl import articles_from_record, iter_records
from newsprism.model import Article, Story
from newsprism.pipeline import BriefConfig, Pipeline, stages_for

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RESULTS = ROOT / "bench" / "results" / "summary_speed.json"
STAGES = stages_for("summary")  # every stage the summary reads, from their declarations
LEXRANK_MAX_ARTICLES = 100


def raw_clusters(limit: int | None) -> list[list[str]]:
    """Document texts per cluster, through the same reader `newsprism brief` uses."""
    out = []
    for n, (location, record) in enumerate(iter_records(DATA.read_text("utf-8"), DATA.name)):
        if limit is not None and n >= limit:
            break
        out.append([a.text for a in articles_from_record(record, location)])
    return out


def articles_of(texts: list[str], tag: str) -> list[Article]:
    return [make_article(t, f"{tag}#{i}", outlet=f"{tag}-{i}") for i, t in enumerate(texts)]


def time_newsprism(texts: list[str], tag: str) -> dict[str, float]:
    """Seconds per stage for a fresh story (nothing cached from an earlier run)."""
    story = Story.from_articles(articles_of(texts, tag))
    brief = Pipeline(STAGES).run(story, BriefConfig(words=250))
    times = {s.name: s.seconds for s in brief.stages}
    times["total"] = sum(times.values())
    times["sentences_count"] = sum(len(a.sentences) for a in brief.articles)
    return times


def time_lexrank(texts: list[str]) -> float:
    """sumy end to end: its own parser and tokenizer, then LexRank over every sentence."""
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser

    start = time.perf_counter()
    document = PlaintextParser.from_string("\n\n".join(texts), Tokenizer("english")).document
    sumy_ranking("lexrank", document)
    return time.perf_counter() - start


def dev_comparison(clusters: list[list[str]]) -> dict[str, Any]:
    ours, peer = [], []
    for k, texts in enumerate(clusters):
        ours.append(time_newsprism(texts, f"dev{k}")["total"])
        peer.append(time_lexrank(texts))
    return {
        "clusters": len(clusters),
        "newsprism_ms_per_cluster": round(1000 * statistics.fmean(ours), 2),
        "lexrank_ms_per_cluster": round(1000 * statistics.fmean(peer), 2),
        "speedup_vs_lexrank": round(sum(peer) / sum(ours), 2),
    }


def scaling(clusters: list[list[str]], sizes: list[int]) -> list[dict[str, Any]]:
    pool = [t for texts in clusters for t in texts]
    rows = []
    for size in sizes:
        texts = [pool[i % len(pool)] for i in range(size)]
        times = time_newsprism(texts, f"scale{size}")
        row: dict[str, Any] = {
            "articles": size,
            "sentences": int(times["sentences_count"]),
            "newsprism_s": round(times["total"], 3),
            "stages_s": {s: round(times[s], 3) for s in STAGES},
            "ms_per_article": round(1000 * times["total"] / size, 2),
        }
        if size <= LEXRANK_MAX_ARTICLES:
            row["lexrank_s"] = round(time_lexrank(texts), 3)
            row["speedup_vs_lexrank"] = round(row["lexrank_s"] / times["total"], 1)
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N dev clusters")
    parser.add_argument("--sizes", default="10,100,1000", help="articles per scaling cluster")
    args = parser.parse_args()
    ensure_punkt()
    clusters = raw_clusters(args.limit)
    time_newsprism(clusters[0], "warmup")  # imports and model loads happen once per process
    time_lexrank(clusters[0])
    result: dict[str, Any] = {"dev": dev_comparison(clusters)}
    print(json.dumps(result["dev"]), flush=True)
    result["scaling"] = scaling(raw_clusters(None), [int(s) for s in args.sizes.split(",")])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
