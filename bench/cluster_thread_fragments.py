"""Why DUC topics become several threads: fragments or wrong links, measured with the gold.

Replays the stories an online run closes (DUC dev and its 14-day bursts; never the held-aside
part) through the thread link, exactly (every live thread scored), and sorts every link by
what the gold says: linked to its topic's thread, linked to another topic's, a topic's first
story, or a new thread although its topic already had one (a fragment: with the cosine to its
topic's best thread then, and that thread's size). Also: threads per topic at the end, and the
cosine between a topic's threads. Batch threads per topic come from the engine's output.

    python bench/cluster_thread_fragments.py [--threshold 0.12]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cluster_quality import bursts, duc_parts
from newsprism.cluster import threads as thread_module
from newsprism.cluster.batch import cluster_batch
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.stream import StreamClusterer
from newsprism.cluster.threads import top_terms, unit
from newsprism.eval.cluster_metrics import LabeledArticles

Row = tuple[dict[str, float], float | None, str, int]  # vector, day, topic, articles


def closed(data: LabeledArticles) -> list[Row]:
    """The online run's closed stories in link order, with their majority topic."""
    seen: list[tuple[str, dict[str, float], float | None]] = []
    link = thread_module.ThreadIndex.link

    def record(self, story_id, centroid, day, emb=None):
        seen.append((story_id, dict(centroid), day))
        return link(self, story_id, centroid, day, emb)

    thread_module.ThreadIndex.link = record  # type: ignore[method-assign]
    try:
        stories = {s.id: s for s in StreamClusterer().run(data.articles)}
    finally:
        thread_module.ThreadIndex.link = link  # type: ignore[method-assign]
    gold = dict(zip((a.id for a in data.articles), data.gold, strict=True))
    rows = []
    for sid, centroid, day in seen:
        labels = Counter(gold[a.id] for a in stories[sid].articles)
        vec = unit(top_terms(centroid, 50))
        rows.append((vec, day, labels.most_common(1)[0][0], sum(labels.values())))
    return rows


def replay(rows: list[Row], threshold: float, window: float = 730.0) -> None:
    cents: list[dict[str, float]] = []
    last: list[float | None] = []
    owner: list[Counter[str]] = []
    kinds: Counter[str] = Counter()
    fragment_cos: list[float] = []
    fragment_size: list[int] = []
    right: list[float] = []
    wrong: list[float] = []
    for vec, day, topic, n in rows:
        scores = np.array([_cos(vec, c) for c in cents])
        live = np.array([d is None or day is None or d >= day - window for d in last], bool)
        scores = np.where(live, scores, -1.0)
        same = [j for j, o in enumerate(owner) if o.most_common(1)[0][0] == topic]
        j = int(np.argmax(scores)) if len(scores) else -1
        if j < 0 or scores[j] < threshold:
            j = -1
            if same:
                kinds["new thread although its topic had one (fragment)"] += 1
                kinds["  of which single-article stories"] += n == 1
                fragment_cos.append(max(scores[k] for k in same))
                fragment_size.append(max(sum(owner[k].values()) for k in same))
            else:
                kinds["new thread, first of its topic"] += 1
        elif j in same:
            kinds["linked to its topic's thread"] += 1
            right.append(scores[j])
        else:
            kinds["linked to another topic's thread"] += 1
            wrong.append(scores[j])
        if j < 0:
            j = len(cents)
            cents.append({})
            last.append(None)
            owner.append(Counter())
        _add(cents[j], vec)
        last[j] = day if last[j] is None or day is None else max(last[j], day)  # type: ignore[type-var]
        owner[j][topic] += n
    for kind, count in kinds.items():
        print(f"  {kind}: {count}")
    print(
        f"  fragments: cosine to their topic's best thread {_pct(fragment_cos)}, its size "
        f"(articles) median {np.median(fragment_size) if fragment_size else 0:g}"
    )
    print(f"  right links: cosine {_pct(right)}; wrong links: {_pct(wrong)}")
    by_topic: dict[str, list[int]] = {}
    for j, o in enumerate(owner):
        by_topic.setdefault(o.most_common(1)[0][0], []).append(j)
    counts = [len(v) for v in by_topic.values()]
    between = [
        _cos(unit(cents[a]), cents[b]) for v in by_topic.values() for a in v for b in v if a < b
    ]
    print(
        f"  threads per topic (online): mean {np.mean(counts):.2f}, max {max(counts)}, "
        f"one thread {sum(c == 1 for c in counts)}/{len(counts)}; cosine between a topic's "
        f"threads {_pct(between)}"
    )


def _cos(vec: dict[str, float], cent: dict[str, float]) -> float:
    norm = math.sqrt(sum(w * w for w in cent.values())) or 1.0
    return sum(w * cent.get(t, 0.0) for t, w in vec.items()) / norm


def _add(cent: dict[str, float], vec: dict[str, float]) -> None:
    for t, w in vec.items():
        cent[t] = cent.get(t, 0.0) + w
    if len(cent) > 200:  # pruned as ThreadIndex prunes
        kept = top_terms(cent, 50)
        cent.clear()
        cent.update(kept)


def _pct(values: list[float]) -> str:
    if not values:
        return "-"
    p = np.percentile(values, [10, 50, 90])
    return f"p10 {p[0]:.3f} / median {p[1]:.3f} / p90 {p[2]:.3f} (n {len(values)})"


def batch_threads_per_topic(data: LabeledArticles) -> str:
    stories, _ = cluster_batch(data.articles, ClusterConfig())
    gold = dict(zip((a.id for a in data.articles), data.gold, strict=True))
    per: dict[str, set[str | None]] = {}
    for s in stories:
        per.setdefault(Counter(gold[a.id] for a in s.articles).most_common(1)[0][0], set()).add(
            s.thread
        )
    counts = [len(v) for v in per.values()]
    return f"mean {np.mean(counts):.2f}, max {max(counts)}, one {sum(c == 1 for c in counts)}"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--threshold", type=float, default=ClusterConfig.thread_threshold)
    args = ap.parse_args()
    dev, _ = duc_parts()  # the held-aside part is never looked at here
    for name, data in {"duc_dev": dev, "duc_dev_bursts_14d": bursts(dev)}.items():
        print(f"{name} (online, thread_threshold {args.threshold}):")
        replay(closed(data), args.threshold)
        print(f"  threads per topic (batch): {batch_threads_per_topic(data)}")


if __name__ == "__main__":
    main()
