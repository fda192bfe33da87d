"""Dask engine: speedup from 1 to 2 workers, and a large run's throughput and peak memory.

Inputs are generated streams (bench/cluster_stream.py), e.g.

    python bench/cluster_stream.py 500000 /tmp/npbench/m1-a.jsonl --per-day 50000 --seed 1 --prefix a
    python bench/cluster_stream.py 500000 /tmp/npbench/m1-b.jsonl --per-day 50000 --seed 2 --prefix b
    head -n 100000 /tmp/npbench/m1-a.jsonl > /tmp/npbench/s100k.jsonl
    python bench/cluster_dask.py --scaling /tmp/npbench/s100k.jsonl --large /tmp/npbench/m1-*.jsonl

Peak memory is the largest summed resident memory of this process and all its children (the
LocalCluster's workers), sampled every half second; CPU seconds are summed over the same
processes. Other programs sharing the machine's two cores slow the wall clock, so the load average
is recorded with each run.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from pathlib import Path

import psutil

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_engine import cluster_dask

RESULTS = Path(__file__).resolve().parent / "results" / "cluster_dask.json"


class ProcessTree:
    """Largest total RSS of this process tree, and the CPU seconds its processes used."""

    def __init__(self) -> None:
        self.peak = 0
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @property
    def cpu_seconds(self) -> float:
        return sum(self._cpu.values())

    def _sample(self) -> None:
        me = psutil.Process()
        start = me.cpu_times()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    own = t.user + t.system
                    if p.pid == me.pid:
                        own -= start.user + start.system
                    self._cpu[p.pid] = own
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(0.5)

    def __enter__(self) -> ProcessTree:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run(inputs: list[Path], workers: int, mode: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp, ProcessTree() as tree:
        wall = time.perf_counter()
        stats = cluster_dask(
            inputs, Path(tmp) / "stories.jsonl", mode, ClusterConfig(), workers=workers
        )
        wall = time.perf_counter() - wall
    return {
        "workers": workers,
        "articles": stats.articles,
        "stories": stats.stories,
        "duplicates": stats.duplicates,
        "pipeline_seconds": round(stats.seconds, 1),
        "seconds_with_cluster_startup": round(wall, 1),
        "articles_per_second": round(stats.throughput),
        "peak_memory_gib": round(tree.peak / 2**30, 2),
        "cpu_seconds": round(tree.cpu_seconds, 1),
        "phases": {k: v for k, v in stats.extra.items() if k.endswith("_seconds")},
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--scaling", nargs="*", type=Path, default=[], help="Input for the 1 vs 2 run.")
    ap.add_argument("--large", nargs="*", type=Path, default=[], help="Input for the large run.")
    ap.add_argument("--mode", default="online", choices=["online", "batch"])
    args = ap.parse_args()
    report = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    report["machine"] = {
        "cpus": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30),
    }
    if args.scaling:
        runs = []
        for workers in (1, 2):
            runs.append({**run(args.scaling, workers, args.mode), "load_average": os.getloadavg()})
            print(json.dumps(runs[-1]), flush=True)
        report["scaling"] = {
            "input": [p.name for p in args.scaling],
            "load_average": os.getloadavg(),
            "runs": runs,
            "speedup_1_to_2_workers": round(
                runs[0]["pipeline_seconds"] / runs[1]["pipeline_seconds"], 2
            ),
        }
    if args.large:
        report["large"] = {"input": [p.name for p in args.large], **run(args.large, 2, args.mode)}
        report["large"]["load_average"] = os.getloadavg()
        print(json.dumps(report["large"]), flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
