"""Dask engine: speedup from 1 to 2 workers, a large run's throughput and peak memory, and quality.

Inputs are generated streams (bench/cluster_stream.py), e.g.

    python bench/cluster_stream.py 500000 /tmp/npbench/m1-a.jsonl --per-day 50000 --seed 1 --prefix a
    python bench/cluster_stream.py 500000 /tmp/npbench/m1-b.jsonl --per-day 50000 --seed 2 --prefix b
    head -n 100000 /tmp/npbench/m1-a.jsonl > /tmp/npbench/s100k.jsonl
    python bench/cluster_dask.py --scaling /tmp/npbench/s100k.jsonl --large /tmp/npbench/m1-*.jsonl

Peak memory is the largest summed resident memory of this process and all its children (the
LocalCluster's workers), sampled every half second; CPU seconds are summed over the same
processes. Other programs sharing the machine's two cores slow the wall clock, so the load average
is recorded before and after each run.

Quality: every output article is mapped back to its row by the id the reader gives it, and the
stories are scored against the rows' gold ``cluster`` (B-cubed and pairwise F1); only the labels
are held, after the timed run. ``--local`` also runs (and scores) the local engine on the
``--scaling`` input, for comparison; ``--local-stories`` scores an earlier output of it instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
import threading
import time
from array import array
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice, repeat
from pathlib import Path

import psutil

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_engine import cluster_dask
from newsprism.cluster.runner import run_clustering
from newsprism.cluster.stream import ClusterStats
from newsprism.eval.cluster_metrics import score_clusters
from newsprism.ingest.jsonl import articles_from_record

RESULTS = Path(__file__).resolve().parent / "results" / "cluster_dask.json"


class ProcessTree:
    """Largest total RSS of this process tree, and the CPU seconds its processes used."""

    def __init__(self) -> None:
        self.peak = 0
        self.client_peak = 0  # this process alone (the client and, in a LocalCluster, scheduler)
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
                    rss = p.memory_info().rss
                    total += rss
                    if p.pid == me.pid:
                        self.client_peak = max(self.client_peak, rss)
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


def gold_labels(inputs: list[Path]) -> dict[str, int]:
    """Article id (as the reader assigns it) -> its row's gold story, as a small integer.

    Ids are computed in two helper processes: hashing 1,000,000 texts takes minutes in one.
    """
    labels: dict[str, int] = {}
    names: dict[str, int] = {}
    with ProcessPoolExecutor(2) as pool:
        for path in inputs:
            for pairs in pool.map(_ids_and_stories, _batches(path), repeat(str(path))):
                for article_id, story in pairs:
                    labels[article_id] = names.setdefault(story, len(names))
    return labels


def _batches(path: Path, size: int = 20_000) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        while batch := list(islice(fh, size)):
            yield batch


def _ids_and_stories(lines: list[str], source: str) -> list[tuple[str, str]]:
    pairs = []
    for line in lines:
        row = json.loads(line)
        row.pop("date", None)  # the id does not depend on it, and parsing it is slow
        pairs.extend((a.id, row["cluster"]) for a in articles_from_record(row, source))
    return pairs


def quality(stories: Path, labels: dict[str, int]) -> dict:
    """B-cubed and pairwise scores of a stories.jsonl against the gold labels."""
    gold, pred = array("l"), array("l")
    unknown = 0
    with stories.open(encoding="utf-8") as fh:
        for s, line in enumerate(fh):
            for article in json.loads(line)["articles"]:
                label = labels.get(article["id"])
                if label is None:
                    unknown += 1
                    continue
                gold.append(label)
                pred.append(s)
    scores = score_clusters(gold, pred)
    return {
        "articles_without_gold": unknown,
        "bcubed_f1": round(scores.bcubed.f1, 3),
        "bcubed_precision": round(scores.bcubed.precision, 3),
        "bcubed_recall": round(scores.bcubed.recall, 3),
        "pairwise_f1": round(scores.pairwise.f1, 3),
        "stories": scores.clusters,
        "gold_stories": scores.gold_clusters,
    }


def run(
    inputs: list[Path],
    engine: Callable[[Path], ClusterStats],
    labels: Callable[[], dict[str, int]],
) -> dict:
    """One timed run in a fresh temp folder, then its quality (untimed, outside the memory peak)."""
    before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="dk-bench-") as tmp:
        out = Path(tmp) / "stories.jsonl"
        with ProcessTree() as tree:
            wall = time.perf_counter()
            stats = engine(out)
            wall = time.perf_counter() - wall
        after = os.getloadavg()
        scores = quality(out, labels())
        with out.open("rb") as fh:
            digest = hashlib.file_digest(fh, "sha1").hexdigest()[:16]
    return {
        "articles": stats.articles,
        "stories": stats.stories,
        "duplicates": stats.duplicates,
        "pipeline_seconds": round(stats.seconds, 1),
        "seconds_with_cluster_startup": round(wall, 1),
        "articles_per_second": round(stats.throughput),
        "peak_memory_gib": round(tree.peak / 2**30, 2),
        "peak_client_memory_gib": round(tree.client_peak / 2**30, 2),
        "cpu_seconds": round(tree.cpu_seconds, 1),
        "phases": {k: v for k, v in stats.extra.items() if k.endswith("_seconds")},
        "chunks": stats.extra.get("chunks"),
        "quality": scores,
        "output_sha1": digest,
        "load_average_before": before,
        "load_average_after": after,
    }


def dask_engine(inputs: list[Path], workers: int, mode: str) -> Callable[[Path], ClusterStats]:
    def engine(out: Path) -> ClusterStats:
        return cluster_dask(inputs, out, mode, ClusterConfig(), workers=workers)

    return engine


def local_engine(inputs: list[Path], mode: str) -> Callable[[Path], ClusterStats]:
    def engine(out: Path) -> ClusterStats:
        return run_clustering(inputs, out, mode, "local", ClusterConfig())

    return engine


class Labels:
    """Gold labels of one input, built on first use and kept for the next run."""

    def __init__(self, inputs: list[Path]) -> None:
        self.inputs = inputs
        self._labels: dict[str, int] | None = None

    def __call__(self) -> dict[str, int]:
        if self._labels is None:
            self._labels = gold_labels(self.inputs)
        return self._labels


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--scaling", nargs="*", type=Path, default=[], help="Input for the 1 vs 2 run.")
    ap.add_argument("--large", nargs="*", type=Path, default=[], help="Input for the large run.")
    ap.add_argument("--mode", default="online", choices=["online", "batch"])
    ap.add_argument("--local", action="store_true", help="Also run the local engine on --scaling.")
    ap.add_argument(
        "--local-stories", type=Path, help="Or score its existing output for --scaling instead."
    )
    args = ap.parse_args()
    report = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    report["machine"] = {
        "cpus": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30),
    }
    if args.scaling:
        labels = Labels(args.scaling)
        runs = []
        for workers in (1, 2):
            engine = dask_engine(args.scaling, workers, args.mode)
            runs.append({"workers": workers, **run(args.scaling, engine, labels)})
            print(json.dumps(runs[-1]), flush=True)
        report["scaling"] = {
            "input": [p.name for p in args.scaling],
            "mode": args.mode,
            "runs": runs,
            "same_output": runs[0]["output_sha1"] == runs[1]["output_sha1"],
            "speedup_1_to_2_workers": round(
                runs[0]["pipeline_seconds"] / runs[1]["pipeline_seconds"], 2
            ),
        }
        if args.local:
            local = run(args.scaling, local_engine(args.scaling, args.mode), labels)
            report["scaling"]["local_engine"] = local
            print(json.dumps(local), flush=True)
        elif args.local_stories:
            local = {
                "stories_file": args.local_stories.name,
                **quality(args.local_stories, labels()),
            }
            report["scaling"]["local_engine"] = local
            print(json.dumps(local), flush=True)
    if args.large:
        engine = dask_engine(args.large, 2, args.mode)
        large = run(args.large, engine, Labels(args.large))
        report["large"] = {"input": [p.name for p in args.large], "mode": args.mode, **large}
        report["large"]["workers"] = 2
        print(json.dumps(report["large"]), flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
