"""End to end from JSON Lines: what `newsprism cluster FILE --out ...` does, timed in CPU and wall.

For each file: our online engine through `run_clustering` (reading and parsing the file,
featurising, MinHash deduplication, clustering, writing stories.jsonl), inline and with the
helper process(es), then in the same run the peer: the file parsed with `json.loads` and
datasketch's documented deduplication pass alone (`cluster_throughput.run_peer`). The machine is
shared, so wall-clock rates depend on the load (recorded); CPU milliseconds per article, of the
main process and of the helpers, are what the code costs. "With free cores" is the rate the
busiest process allows (articles / its CPU seconds).

    python bench/cluster_end_to_end.py [FILE ...] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_stream import SHARED
from cluster_throughput import run_peer
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.runner import run_clustering
from newsprism.ingest.base import make_article

RESULTS = Path(__file__).resolve().parent / "results" / "cluster_end_to_end.json"


def cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def ours(path: Path, jobs: int, out: Path, threads: bool = True) -> dict:
    (m0, h0), wall = cpu(), time.perf_counter()
    stats = run_clustering([path], out, jobs=jobs, config=ClusterConfig(threads=threads))
    wall = time.perf_counter() - wall
    m1, h1 = cpu()
    n, main, helpers = stats.articles, m1 - m0, h1 - h0
    busiest = max(main, helpers / jobs) if jobs else main
    return {
        "jobs": jobs,
        "articles": n,
        "stories": stats.stories,
        "duplicates": stats.duplicates,
        "seconds": round(wall, 3),
        "articles_per_second": round(n / wall),
        "cpu_ms_per_article_main": round(1000 * main / n, 3),
        "cpu_ms_per_article_helpers": round(1000 * helpers / n, 3),
        "articles_per_second_with_free_cores": round(n / busiest),
    }


def peer(path: Path) -> dict:
    c0, wall = time.process_time(), time.perf_counter()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    articles = [make_article(r["text"], str(i)) for i, r in enumerate(rows)]
    parsed = time.perf_counter() - wall
    result = run_peer(articles)
    wall = time.perf_counter() - wall
    n = len(articles)
    return {
        "articles": n,
        "seconds": round(wall, 3),
        "seconds_reading": round(parsed, 3),
        "articles_per_second": round(n / wall),
        "cpu_ms_per_article": round(1000 * (time.process_time() - c0) / n, 3),
        "dedup_only_articles_per_second": result["articles_per_second"],
    }


def _host_cpu() -> dict[str, float] | None:
    """The whole machine's busy and idle CPU seconds (/proc/stat), to tell how loaded it was."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(f) for f in fields]
    hz = os.sysconf("SC_CLK_TCK")
    idle = ticks[3] + ticks[4]
    return {"busy": (sum(ticks) - idle) / hz, "idle": idle / hz}


def best(runs: list[dict], key: str) -> dict:
    return min(runs, key=lambda r: r[key])


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="Runs of each; the fastest is kept.")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    files = args.files or [
        SHARED / "allsides-articles.jsonl",
        SHARED / "duc2006-articles.jsonl",
    ]
    report: dict = {
        "machine": {"cpus": os.cpu_count()},
        "cpu_seconds_of_all_processes_before": _host_cpu(),
        "load_average_before": os.getloadavg(),
        "target_articles_per_second": 2000,
        "files": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stories.jsonl"
        for path in files:
            entry: dict = {}
            for jobs in (0, 1):
                runs = [ours(path, jobs, out) for _ in range(args.repeat)]
                entry[f"ours_jobs_{jobs}"] = best(runs, "seconds")
                entry[f"ours_jobs_{jobs}_cpu"] = {
                    "cpu_ms_per_article_main_min": min(r["cpu_ms_per_article_main"] for r in runs),
                    "cpu_ms_per_article_helpers_min": min(
                        r["cpu_ms_per_article_helpers"] for r in runs
                    ),
                }
            runs = [ours(path, 1, out, threads=False) for _ in range(args.repeat)]
            entry["ours_jobs_1_no_threads"] = best(runs, "seconds")
            entry["ours_jobs_1_no_threads_cpu"] = {
                "cpu_ms_per_article_main_min": min(r["cpu_ms_per_article_main"] for r in runs),
                "cpu_ms_per_article_helpers_min": min(
                    r["cpu_ms_per_article_helpers"] for r in runs
                ),
            }
            entry["peer"] = best([peer(path) for _ in range(args.repeat)], "seconds")
            fastest = max(entry[f"ours_jobs_{j}"]["articles_per_second"] for j in (0, 1))
            entry["ratio_ours_best_to_peer"] = round(
                fastest / entry["peer"]["articles_per_second"], 2
            )
            report["files"][path.name] = entry
            print(path.name, json.dumps(entry), flush=True)
    report["load_average_after"] = os.getloadavg()
    report["cpu_seconds_of_all_processes_after"] = _host_cpu()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
