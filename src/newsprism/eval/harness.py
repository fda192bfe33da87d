"""Run newsprism and its peers on the same clusters in one run and score them side by side.

Sentences are split once by the `sentences` stage; every system reads those sentences and every
output is cut to the same N words before ROUGE, so differences come from selection alone.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from newsprism.errors import NewsprismError
from newsprism.eval.data import Cluster
from newsprism.eval.peers import PEERS, Peer
from newsprism.eval.rouge import LABELS, METRICS, cut_words, rouge
from newsprism.model import Story
from newsprism.pipeline import BriefConfig, Pipeline, stages_for

SYSTEM = "newsprism"
SUMMARY_PIPELINE = stages_for("summary")  # every stage the summary reads


@dataclass
class SystemResult:
    """Per-cluster ROUGE (in %) and milliseconds for one system."""

    name: str
    scores: list[dict[str, float]] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "cluster id: error", scored as empty output

    def mean(self, metric: str) -> float:
        return statistics.fmean(s[metric] for s in self.scores) if self.scores else 0.0

    def summary(self) -> dict[str, float]:
        out = {m: round(self.mean(m), 2) for m in METRICS}
        out["ms_per_cluster"] = round(statistics.fmean(self.ms), 2) if self.ms else 0.0
        out["failed_clusters"] = len(self.failed)
        return out


@dataclass
class Report:
    data: str
    words: int
    cluster_ids: list[str]
    systems: dict[str, SystemResult]
    split_ms: list[float]

    def to_json(self) -> dict[str, Any]:
        return {
            "data": self.data,
            "clusters": len(self.cluster_ids),
            "words": self.words,
            "protocol": "rouge-score F1 %, Porter stemming, rougeLsum over newline-separated "
            "sentences, mean over references, outputs cut to N words",
            "split_ms_per_cluster": round(statistics.fmean(self.split_ms), 2)
            if self.split_ms
            else 0.0,
            "systems": {name: r.summary() for name, r in self.systems.items()},
            "failures": {name: r.failed for name, r in self.systems.items() if r.failed},
            "per_cluster": {
                name: [dict(s, id=cid) for cid, s in zip(self.cluster_ids, r.scores, strict=True)]
                for name, r in self.systems.items()
            },
        }

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")

    def table(self) -> str:
        """Fixed-width table: one row per system, ROUGE F1 and ms per cluster."""
        head = f"{'system':<12}" + "".join(f"{LABELS[m]:>8}" for m in METRICS) + f"{'ms':>10}"
        rows = [head, "-" * len(head)]
        for name, result in self.systems.items():
            s = result.summary()
            cells = "".join(f"{s[m]:>8.2f}" for m in METRICS)
            rows.append(f"{name:<12}{cells}{s['ms_per_cluster']:>10.1f}")
        split = statistics.fmean(self.split_ms) if self.split_ms else 0.0
        rows.append(f"(sentence splitting, shared by all: {split:.1f} ms per cluster)")
        for name, result in self.systems.items():
            if result.failed:
                rows.append(
                    f"{name} failed on {len(result.failed)} cluster(s), scored as empty output: "
                    + "; ".join(result.failed[:3])
                )
        return "\n".join(rows)


def parse_peers(spec: str | Sequence[str]) -> list[str]:
    names = [p.strip() for p in spec.split(",")] if isinstance(spec, str) else list(spec)
    names = [n for n in names if n]
    unknown = [n for n in names if n not in PEERS]
    if unknown:
        raise NewsprismError(
            "option-invalid",
            detail=f"unknown peer(s) {', '.join(unknown)}; choose from {', '.join(PEERS)}",
        )
    return names


def newsprism_system(options: dict[str, Any] | None = None) -> Peer:
    """newsprism's own pipeline as a system: sentences (already split), align, summary."""
    pipeline = Pipeline(SUMMARY_PIPELINE)

    def run(cluster: Cluster, words: int) -> list[str]:
        config = BriefConfig(words=words, options=dict(options or {}))
        brief = pipeline.run(Story.from_articles(cluster.articles), config)
        return [s.text for s in brief.summary]

    return run


def _timed(fn: Callable[[], list[str]]) -> tuple[list[str], float]:
    start = time.perf_counter()
    out = fn()
    return out, 1000.0 * (time.perf_counter() - start)


def _attempt(fn: Callable[[], list[str]], tries: int = 2) -> tuple[list[str], float, str | None]:
    """Output, ms and error of one system on one cluster; a failure is tried once more.

    One system failing on one cluster must not lose the whole run: sumy's LSA has stopped a
    250-story run at story 197 with a transient "SVD did not converge" that did not recur. A
    NewsprismError is the user's to fix (an unknown option fails on every cluster), so it stops.
    """
    error = ""
    for _ in range(tries):
        try:
            return (*_timed(fn), None)
        except NewsprismError:
            raise
        except Exception as exc:  # any other failure is recorded, not raised
            error = f"{type(exc).__name__}: {exc}"
    return [], 0.0, error


def evaluate(
    clusters: Iterable[Cluster],
    peers: Sequence[str] = (),
    words: int = 250,
    data: str = "",
    options: dict[str, Any] | None = None,
    progress: bool = True,
    total: int | None = None,
) -> Report:
    """Score newsprism and the named peers on each cluster; outputs cut to `words` words."""
    systems: dict[str, Peer] = {SYSTEM: newsprism_system(options)}
    systems.update({name: PEERS[name] for name in parse_peers(peers)})
    results = {name: SystemResult(name) for name in systems}
    splitter = Pipeline(("sentences",))
    ids: list[str] = []
    split_ms: list[float] = []
    for cluster in tqdm(clusters, total=total, disable=not progress, unit="cluster"):
        start = time.perf_counter()
        splitter.run(Story.from_articles(cluster.articles))
        split_ms.append(1000.0 * (time.perf_counter() - start))
        ids.append(cluster.id)
        for name, system in systems.items():
            output, ms, error = _attempt(lambda s=system, c=cluster: s(c, words))  # type: ignore[misc]
            if error is not None:
                results[name].failed.append(f"{cluster.id}: {error}")
            results[name].scores.append(rouge(cut_words(output, words), cluster.references))
            results[name].ms.append(ms)
    return Report(data, words, ids, results, split_ms)
