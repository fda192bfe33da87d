"""Ingest throughput into the store (articles/s, with online clustering and deduplication) on
SQLite and PostgreSQL, side by side with plain `newsprism cluster` on the same file in the same run.

Every run reads and parses the JSONL file inside the clock, as the commands do. The store runs
start from an empty database; "again" re-ingests the same file into the filled store (every
article is found already stored). Plain clustering runs inline (jobs=0, as the store does) and
with the CLI's default helper processes. Other processes may share the machine's cores, so the
load average is recorded.

    python bench/store_ingest.py [--pg postgresql://…]   # default: $NEWSPRISM_TEST_PG
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from newsprism.cluster.parallel import default_jobs
from newsprism.cluster.runner import run_clustering
from newsprism.ingest import iter_articles
from newsprism.store import open_store
from newsprism.store.ingest import Ingester

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED") or ROOT.parent / "shared") / "eval"
FILES = {"allsides": "allsides-articles.jsonl", "duc2006": "duc2006-articles.jsonl"}
RESULTS = Path(__file__).resolve().parent / "results" / "store_ingest.json"


def plain(path: Path, jobs: int, tmp: Path) -> dict:
    start = time.perf_counter()
    stats = run_clustering([path], tmp / "stories.jsonl", jobs=jobs)
    wall = time.perf_counter() - start
    return {
        "jobs": jobs,
        "articles": stats.articles,
        "stories": stats.stories,
        "seconds": round(wall, 2),
        "articles_per_second": round(stats.articles / wall),
    }


def store_run(path: Path, url: str) -> dict:
    store = open_store(url)
    runs = {}
    for label in ("empty", "again"):
        start = time.perf_counter()
        stats = Ingester(store).ingest(iter_articles([path]))
        wall = time.perf_counter() - start
        runs[label] = {
            "articles": stats.read,
            "stored": stats.stored,
            "seconds": round(wall, 2),
            "articles_per_second": round(stats.read / wall),
        }
    runs["stories"] = store.counts()["stories"]
    runs["integrity_problems"] = store.integrity_problems()
    store.close()
    return runs


def pg_database(admin: str) -> tuple[str, str]:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin.rsplit("/", 1)[0] + "/" + name, name


def drop(admin: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_file(path: Path, pg: str | None, tmp: Path) -> dict:
    runs: dict = {"plain_cluster": [plain(path, j, tmp) for j in sorted({0, default_jobs()})]}
    runs["sqlite"] = store_run(path, str(tmp / f"{path.stem}.db"))
    if pg:
        url, name = pg_database(pg)
        try:
            runs["postgresql"] = store_run(path, url)
        finally:
            drop(pg, name)
    inline = runs["plain_cluster"][0]["articles_per_second"]
    runs["ratio_to_plain_inline"] = {
        backend: round(runs[backend]["empty"]["articles_per_second"] / inline, 2)
        for backend in ("sqlite", "postgresql")
        if backend in runs
    }
    return runs


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pg", default=os.environ.get("NEWSPRISM_TEST_PG"), help="Admin URL.")
    args = ap.parse_args()
    report: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "commit": subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip(),
        "load_average_before": os.getloadavg(),
        "files": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, filename in FILES.items():
            report["files"][name] = bench_file(SHARED / filename, args.pg, Path(tmp))
            print(name, json.dumps(report["files"][name]), flush=True)
    report["load_average_after"] = os.getloadavg()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
