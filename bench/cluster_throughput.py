"""Throughput of lexical online clustering with deduplication, in articles per second.

Streams: AllSides articles replayed in date order, and a generated stream resampled from the dev
articles (bench/cluster_stream.py). Articles are parsed before timing; the clock covers
featurising, MinHash deduplication, clustering and building the finished Story objects.
The peer is the textbook datasketch deduplication pass alone (MinHash over SHA-1-hashed word
3-shingles, MinHashLSH query + insert): the ratio says what the whole pipeline costs relative to
deduplication done the plain way. Other processes on the machine share the two cores, so the
load average is recorded and CPU seconds (this process and its helpers) are reported beside the
wall clock: articles per CPU second is what the code needs, independent of contention, and
"with free cores" is the rate the busiest process allows (articles / its CPU seconds), i.e. the
wall-clock rate on an otherwise idle machine with a core for each process.

    python bench/cluster_throughput.py [--n 50000] [--per-day 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

from datasketch import MinHash, MinHashLSH

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_stream import SHARED, generate
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.parallel import default_jobs
from newsprism.cluster.stream import StreamClusterer
from newsprism.eval.cluster_metrics import load_labeled, score_clusters
from newsprism.ingest.base import make_article
from newsprism.model import Article

RESULTS = Path(__file__).resolve().parent / "results" / "cluster_throughput.json"


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds of this process and of its finished helper processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def run_ours(articles: list[Article], gold: list[str], jobs: int) -> dict:
    clusterer = StreamClusterer(ClusterConfig())
    (main0, helpers0), wall = cpu_seconds(), time.perf_counter()
    stories = list(clusterer.run(articles, jobs=jobs))
    wall = time.perf_counter() - wall
    main, helpers = (
        now - before for now, before in zip(cpu_seconds(), (main0, helpers0), strict=True)
    )
    cpu = main + helpers
    # With a core per process, the slower of the main process and each helper sets the pace.
    busiest = max(main, helpers / jobs) if jobs else main
    story_of = {a.id: s.id for s in stories for a in s.articles}
    scores = score_clusters(gold, [story_of[a.id] for a in articles])
    return {
        "jobs": jobs,
        "articles": len(articles),
        "stories": len(stories),
        "duplicates": clusterer.stats.duplicates,
        "seconds": round(wall, 2),
        "articles_per_second": round(len(articles) / wall),
        "cpu_seconds": round(cpu, 2),
        "cpu_seconds_main": round(main, 2),
        "cpu_seconds_helpers": round(helpers, 2),
        "articles_per_cpu_second": round(len(articles) / cpu),
        "articles_per_second_with_free_cores": round(len(articles) / busiest),
        "bcubed_f1": round(scores.bcubed.f1, 4),
    }


def run_peer(articles: list[Article]) -> dict:
    """datasketch as documented: SHA-1 hashed shingles, one MinHashLSH, query then insert."""
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    wall = time.perf_counter()
    copies = 0
    for i, a in enumerate(articles):
        words = a.text.lower().split()[:400]
        shingles = {" ".join(words[j : j + 3]).encode() for j in range(max(1, len(words) - 2))}
        m = MinHash(num_perm=64)
        m.update_batch(list(shingles))
        copies += bool(lsh.query(m))
        lsh.insert(i, m)
    wall = time.perf_counter() - wall
    return {"seconds": round(wall, 2), "articles_per_second": round(len(articles) / wall)}


def generated(n: int, per_day: int) -> tuple[list[Article], list[str]]:
    rows = list(generate(n, per_day))
    articles = [
        make_article(
            r["text"], r["id"], title=r["title"], outlet=r["source"], date=r["date"]
        ).model_copy(update={"id": r["id"]})
        for r in rows
    ]
    return articles, [r["cluster"] for r in rows]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=50_000, help="Generated stream size.")
    ap.add_argument("--per-day", type=int, default=20_000)
    args = ap.parse_args()
    allsides = load_labeled(SHARED / "allsides-articles.jsonl")
    gen_articles, gen_gold = generated(args.n, args.per_day)
    helpers = sorted({0, default_jobs()})
    report: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_before": os.getloadavg(),
        "target_articles_per_second": 2000,
        "streams": {},
    }
    for name, (articles, gold) in {
        "allsides": (allsides.articles, allsides.gold),
        f"generated_{args.n}": (gen_articles, gen_gold),
    }.items():
        runs = [run_ours(articles, gold, jobs) for jobs in helpers]
        peer = run_peer(articles)
        best = max(r["articles_per_second"] for r in runs)
        report["streams"][name] = {
            "ours": runs,
            "peer_datasketch_dedup_only": peer,
            "ratio_ours_best_to_peer": round(best / peer["articles_per_second"], 2),
        }
        print(name, json.dumps(report["streams"][name]), flush=True)
    report["load_average_after"] = os.getloadavg()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
