"""Clustering quality on every labelled stream we have, online and batch, in one table.

Streams: AllSides (events of a day or two), DUC 2006 (topics a wire follows for months), split
into a development part and a held-aside part (clusters chosen by a hash of their id, ~1 in 5),
and a generated stream (bench/cluster_stream.py). Settings are chosen on AllSides + DUC dev +
generated together; the held-aside part is scored only with ``--final``. Each run is scored by
story (events) and by thread (stories linked into topics, `cluster/threads.py`).

With ``--undated 0.5``, every stream is also replayed with the dates of half its articles
(chosen by a hash of the id) removed, those articles staying in their place in the stream.

    python bench/cluster_quality.py [--final] [--undated 0.5] [--set threshold=0.2 ...]
        [--out results/x.json] [--dev-subsets 12]

``--dev-subsets K`` also scores threads on K random 7-topic subsets of DUC dev (the held-aside
part's size: in a small collection a topic's own words are common, so IDF weighs them less),
online and batch, as a dev-only check of how the held-aside part may behave.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import embed_cache
from cluster_stream import SHARED, generate
from newsprism.cluster.config import CLUSTER_VERSION, ClusterConfig
from newsprism.eval.cluster_metrics import LabeledArticles, evaluate_clustering, load_labeled
from newsprism.ingest.base import make_article

HELD_ASIDE_EVERY = 5  # a cluster is held aside when crc32(its id) % 5 == 0


def held_aside(cluster: str) -> bool:
    return zlib.crc32(cluster.encode()) % HELD_ASIDE_EVERY == 0


def duc_parts() -> tuple[LabeledArticles, LabeledArticles]:
    data = load_labeled(SHARED / "duc2006-articles.jsonl")
    parts: dict[bool, tuple[list, list]] = {True: ([], []), False: ([], [])}
    for article, gold in zip(data.articles, data.gold, strict=True):
        arts, golds = parts[held_aside(gold)]
        arts.append(article)
        golds.append(gold)
    return LabeledArticles(*parts[False]), LabeledArticles(*parts[True])


def bursts(data: LabeledArticles, days: int = 14) -> LabeledArticles:
    """Each cluster's articles in its densest ``days``-day window: a topic a wire follows for days
    or weeks, rather than DUC's years (dates are those of the articles; order is kept)."""
    by: dict[str, list[int]] = {}
    for a, g in zip(data.articles, data.gold, strict=True):
        if a.date is not None:
            by.setdefault(g, []).append(a.date.toordinal())
    start = {
        g: max(ds, key=lambda d, ds=ds: (sum(d <= e < d + days for e in ds), -d))
        for g, ds in by.items()
    }
    keep = [
        (a, g)
        for a, g in zip(data.articles, data.gold, strict=True)
        if a.date is not None and start[g] <= a.date.toordinal() < start[g] + days
    ]
    return LabeledArticles([a for a, _ in keep], [g for _, g in keep])


def without_dates(data: LabeledArticles, share: float) -> LabeledArticles:
    """The same stream with the dates of ``share`` of its articles removed, in place."""
    cut = int(share * 1000)
    articles = [
        a.model_copy(update={"date": None}) if zlib.crc32(a.id.encode()) % 1000 < cut else a
        for a in data.articles
    ]
    return LabeledArticles(articles, data.gold)


def generated(n: int, per_day: int, seed: int) -> LabeledArticles:
    rows = list(generate(n, per_day, seed=seed))
    articles = [
        make_article(
            r["text"], r["id"], title=r["title"], outlet=r["source"], date=r["date"]
        ).model_copy(update={"id": r["id"]})
        for r in rows
    ]
    return LabeledArticles(articles, [r["cluster"] for r in rows])


def dev_subsets(dev: LabeledArticles, count: int, topics: int = 7) -> list[LabeledArticles]:
    """``count`` random ``topics``-topic parts of DUC dev (seeded, so runs compare)."""
    names = sorted(set(dev.gold))
    rng = random.Random(11)
    parts = []
    for _ in range(count):
        pick = set(rng.sample(names, topics))
        keep = [(a, g) for a, g in zip(dev.articles, dev.gold, strict=True) if g in pick]
        parts.append(LabeledArticles([a for a, _ in keep], [g for _, g in keep]))
    return parts


def score_subsets(parts: list[LabeledArticles], config: ClusterConfig) -> dict:
    """Thread B-cubed F1 per subset, online and batch, and how often batch is no worse."""
    f1 = {
        mode: [evaluate_clustering(p, mode, config)["threads"]["bcubed"]["f1"] for p in parts]
        for mode in ("online", "batch")
    }
    ahead = sum(b >= o - 1e-9 for o, b in zip(f1["online"], f1["batch"], strict=True))
    print(
        f"duc_dev {len(parts)} 7-topic subsets: threads B3 F1 mean online "
        f"{sum(f1['online']) / len(parts):.3f}, batch {sum(f1['batch']) / len(parts):.3f}; "
        f"batch >= online in {ahead}/{len(parts)}",
        flush=True,
    )
    return {"f1": f1, "batch_no_worse": ahead}


def setting(name: str, value: str) -> object:
    """A ``--set name=value`` override, typed like the default (``true``/``false`` for flags)."""
    default = getattr(ClusterConfig, name)
    if isinstance(default, bool):
        return value.lower() in ("1", "true", "yes")
    return type(default)(value)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--final", action="store_true", help="Also score the held-aside DUC part.")
    ap.add_argument("--set", nargs="*", default=[], help="ClusterConfig overrides name=value.")
    ap.add_argument("--n", type=int, default=5000, help="Generated stream size.")
    ap.add_argument("--per-day", type=int, default=1000)
    ap.add_argument("--modes", default="online,batch")
    ap.add_argument("--undated", type=float, default=0.0, help="Also replay without dates.")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--embed-cache", type=Path, help="Pickle of embeddings (with semantic=true).")
    ap.add_argument("--dev-subsets", type=int, default=0, help="Also K 7-topic DUC dev subsets.")
    args = ap.parse_args()
    overrides = {k: setting(k, v) for k, v in (s.split("=") for s in args.set)}
    if args.embed_cache:
        embed_cache.install(args.embed_cache)
    config = ClusterConfig(**overrides)
    dev, held = duc_parts()
    streams = {
        "allsides": load_labeled(SHARED / "allsides-articles.jsonl"),
        "duc_dev": dev,
        "duc_dev_bursts_14d": bursts(dev),
        f"generated_{args.n}": generated(args.n, args.per_day, seed=7),
    }
    if args.final:
        streams["duc_held_aside"] = held
        streams["duc_held_aside_bursts_14d"] = bursts(held)
    if args.undated:
        for name, data in list(streams.items()):
            streams[f"{name}_undated_{args.undated:g}"] = without_dates(data, args.undated)
    report: dict = {
        "cluster_version": CLUSTER_VERSION,
        "config": overrides,
        "held_aside": f"DUC clusters with crc32(id) % {HELD_ASIDE_EVERY} == 0",
        "generated": {"n": args.n, "per_day": args.per_day, "seed": 7},
        "undated_share": args.undated,
        "load_average_before": os.getloadavg(),
        "streams": {},
    }
    for name, data in streams.items():
        for mode in args.modes.split(","):
            r = evaluate_clustering(data, mode, config)
            b3, pw, th = r["bcubed"], r["pairwise"], r["threads"]
            row = {
                "bcubed": {k: round(v, 4) for k, v in b3.items()},
                "pairwise_f1": round(pw["f1"], 4),
                "clusters": r["clusters"],
                "gold_clusters": r["gold_clusters"],
                "threads": {
                    "bcubed": {k: round(v, 4) for k, v in th["bcubed"].items()},
                    "clusters": th["clusters"],
                },
            }
            report["streams"].setdefault(name, {})[mode] = row
            print(
                f"{name:18} {mode:6} B3 P {b3['precision']:.3f} R {b3['recall']:.3f} "
                f"F1 {b3['f1']:.3f}  pw F1 {pw['f1']:.3f}  clusters {r['clusters']} "
                f"(gold {r['gold_clusters']})  threads B3 P {th['bcubed']['precision']:.3f} "
                f"R {th['bcubed']['recall']:.3f} F1 {th['bcubed']['f1']:.3f} ({th['clusters']})",
                flush=True,
            )
    if args.dev_subsets:
        report["duc_dev_subsets"] = score_subsets(dev_subsets(dev, args.dev_subsets), config)
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
