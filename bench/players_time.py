"""Time the key-players and timeline stages add to a brief, side by side, on Multi-News dev stories.

On ../shared/eval/multinews-val250.jsonl (first N clusters, default 50): each cluster is briefed
twice from scratch, without and with the `names`, `entities` and `timeline` stages, alternating
which runs first; the spaCy model is loaded once before timing, as in a long process. The quotes
and discrepancy stages read what those stages assign, so "without" runs a stand-in stage that
assigns the same names, empty. Caches keyed by a sentence's text (parses, date parses) are
emptied before every run, so the second run of a cluster does not reuse the first run's parses:
each run costs what a one-off brief of that cluster costs (before, whichever variant ran second
got its parses free, which made the brief look cheaper and the two variants' gap noisy). Wall
time and the process's CPU time are both reported: on a shared machine CPU time moves far less
with the other processes' load.

Run: ``.venv/bin/python bench/players_time.py [N]`` -> bench/results/players_time.json
"""

from __future__ import annotations

import inspect
import json
import sys
import time
from pathlib import Path
from typing import Any

from newsprism.eval.data import load_clusters
from newsprism.model import Article, Story
from newsprism.pipeline import DEFAULT_PIPELINE, Context, Pipeline
from newsprism.registry import load_stages, stage
from newsprism.text.nlp import load

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RESULTS = ROOT / "bench" / "results" / "players_time.json"
OURS = ("names", "entities", "timeline")
STAND_IN = "players-off"


def _assigned() -> tuple[str, ...]:
    registry = load_stages()
    return tuple(name for stage_name in OURS for name in registry.get(stage_name).assigns)


def _register_stand_in() -> None:
    names = _assigned()

    @stage(STAND_IN, version="0", requires=(), assigns=names)
    def players_off(ctx: Context) -> None:
        """The players' names, empty: what later stages read when the three stages are off."""
        for name in names:
            ctx.put(name, [] if name in ("entities", "timeline", "date_conflicts") else {})


TEXT_KEYS = ("text", "cleaned")  # first parameter of a cache keyed by sentence or span text


def _text_caches() -> list[Any]:
    """The functools caches of newsprism functions keyed by a text (not models or word lists)."""
    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("newsprism."):
            continue
        for fn in vars(module).values():
            wrapped = getattr(fn, "__wrapped__", None)
            if wrapped is None or not hasattr(fn, "cache_clear"):
                continue
            params = list(inspect.signature(wrapped).parameters)
            if params and params[0] in TEXT_KEYS and getattr(fn, "__module__", "") == name:
                found.append(fn)
    return found


def _timed(pipeline: Pipeline, articles: list[Article]) -> tuple[float, float, dict[str, float]]:
    for article in articles:
        article.sentences = []
    for cache in _text_caches():
        cache.cache_clear()
    wall, cpu = time.perf_counter(), time.process_time()
    brief = pipeline.run(Story.from_articles(articles))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, {s.name: s.seconds for s in brief.stages}


def _without() -> list[str]:
    first = min(DEFAULT_PIPELINE.index(n) for n in OURS)
    kept = [n for n in DEFAULT_PIPELINE if n not in OURS]
    return [*kept[:first], STAND_IN, *kept[first:]]


def main(limit: int) -> dict[str, float]:
    clusters = load_clusters(DATA, limit)
    load()
    _register_stand_in()
    with_players, without = Pipeline(DEFAULT_PIPELINE), Pipeline(_without())
    totals = {"base": 0.0, "full": 0.0, "base_cpu": 0.0, "full_cpu": 0.0}
    stage_s = dict.fromkeys(OURS, 0.0)
    for k, cluster in enumerate(clusters):
        runs = [(without, "base"), (with_players, "full")]
        for pipeline, kind in runs if k % 2 == 0 else runs[::-1]:
            wall, cpu, stages = _timed(pipeline, cluster.articles)
            totals[kind] += wall
            totals[f"{kind}_cpu"] += cpu
            if kind == "full":
                for name in OURS:
                    stage_s[name] += stages.get(name, 0.0)
    n = len(clusters)
    result = {
        "clusters": n,
        "brief_seconds_per_cluster": round(totals["base"] / n, 4),
        "brief_with_players_seconds_per_cluster": round(totals["full"] / n, 4),
        "added_share": round(totals["full"] / totals["base"] - 1, 3),
        "brief_cpu_seconds_per_cluster": round(totals["base_cpu"] / n, 4),
        "brief_with_players_cpu_seconds_per_cluster": round(totals["full_cpu"] / n, 4),
        "added_share_cpu": round(totals["full_cpu"] / totals["base_cpu"] - 1, 3),
        **{f"{name}_seconds_per_cluster": round(s / n, 4) for name, s in stage_s.items()},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50), indent=2))
