"""Thread-link rules compared offline: replay the stories an online run closed through each rule.

`cluster/threads.py` links a closed story to the earlier thread whose centroid it reaches with
lexical cosine >= ``thread_threshold``. This bench runs the online engine once per stream (with
``--semantic``, stories by embeddings too), records every closed story (its centroid, last day,
members' gold labels and the unit mean of its members' embeddings), and replays those stories
through other rules, scoring each thread exactly against every live thread (no candidate budget,
so a replay of the current rule may differ from the engine by ~0.002). B-cubed F1 by thread is
printed per stream: DUC dev and its 14-day bursts label topics (what threads are for); AllSides
and the generated stream label events, so their thread scores say how many separate events a
rule puts in one thread (read them as a cost, not a goal).

    python bench/cluster_thread_rules.py --embed-cache /tmp/emb.pkl [--semantic] \
        "blend(0.12, 0.3)" "member(0.12, 0.5)" ...

Rules (score per live thread; link to the best when it passes, else open a thread):
``blend(thr, w, floor=0.4, span=0.5)``: (1 - w) lexical + w rescaled embedding cosine (the
story engine's mix); ``linear(thr, w, center)``: lexical + w (embedding cosine - center);
``gate(thr, lo, sem)``: lexical as now, else the best thread by embedding when its cosine >= sem
and its lexical >= lo; ``member(thr, a, w=0, center=0.4)``: (1 - a) centroid + a best member
story, lexical (+ w (embedding - center)); ``margin(thr, gap, a=1)``: ``member`` that also leads
the second-best thread by ``gap``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import embed_cache
from cluster_quality import SHARED, bursts, duc_parts, generated
from newsprism.cluster import threads as thread_module
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.stream import StreamClusterer
from newsprism.cluster.threads import top_terms, unit
from newsprism.eval.cluster_metrics import LabeledArticles, load_labeled, score_clusters

Closed = tuple[dict[str, float], float | None, list[str], np.ndarray]  # centroid, day, gold, emb
Decide = Callable[["Scores"], int]


@dataclass
class Scores:
    """One story's scores against every thread so far: lexical and embedding cosine to the
    thread's centroid and to its best-matching member story; ``live``: within the window."""

    lex: np.ndarray
    sem: np.ndarray
    best_lex: np.ndarray
    best_sem: np.ndarray
    live: np.ndarray

    def pick(self, score: np.ndarray, thr: float, gap: float = 0.0) -> int:
        score = np.where(self.live, score, -1e9)
        order = np.argsort(-score)
        second = score[order[1]] if len(order) > 1 else -1e9
        j = int(order[0])
        return j if score[j] >= thr and score[j] - second >= gap else -1


def blend(thr: float, w: float, floor: float = 0.4, span: float = 0.5) -> Decide:
    return lambda s: s.pick((1 - w) * s.lex + w * np.clip((s.sem - floor) / span, 0, 1), thr)


def linear(thr: float, w: float, center: float) -> Decide:
    return lambda s: s.pick(s.lex + w * (s.sem - center), thr)


def gate(thr: float, lo: float, sem: float) -> Decide:
    def decide(s: Scores) -> int:
        j = s.pick(s.lex, thr)
        if j >= 0:
            return j
        k = s.pick(s.sem, sem)
        return k if k >= 0 and s.lex[k] >= lo else -1

    return decide


def member(thr: float, a: float, w: float = 0.0, center: float = 0.4) -> Decide:
    def decide(s: Scores) -> int:
        lex = (1 - a) * s.lex + a * s.best_lex
        sem = (1 - a) * s.sem + a * s.best_sem
        return s.pick(lex + w * (sem - center), thr)

    return decide


def margin(thr: float, gap: float, a: float = 1.0) -> Decide:
    return lambda s: s.pick((1 - a) * s.lex + a * s.best_lex, thr, gap)


class Threads:
    """Threads as `ThreadIndex` keeps them (unit story centroids summed, pruned to ``terms``),
    plus every story's vector, to score a story against all of them exactly."""

    def __init__(self, n: int, dim: int, terms: int = 50, window: float = 730.0) -> None:
        self.terms, self.window = terms, window
        self.cents: list[dict[str, float]] = []
        self.norms, self.last = np.zeros(n), np.full(n, -1e18)
        self.embs = np.zeros((n, dim), np.float32)  # per thread: sum of story embeddings
        self.story_embs = np.zeros((n, dim), np.float32)
        self.post: dict[str, dict[int, float]] = {}  # term -> {thread: weight}
        self.story_post: dict[str, dict[int, float]] = {}  # term -> {story: weight}
        self.story_thread: list[int] = []

    def scores(self, vec: dict[str, float], emb: np.ndarray, day: float | None) -> Scores:
        k, m = len(self.cents), len(self.story_thread)
        lex = _dot(vec, self.post, k) / np.maximum(self.norms[:k], 1e-12)
        embs = self.embs[:k]
        sem = (embs @ emb) / np.maximum(np.linalg.norm(embs, axis=1), 1e-12)
        best_lex, best_sem = np.zeros(k), np.full(k, -1.0)
        owner = np.array(self.story_thread, dtype=int)
        np.maximum.at(best_lex, owner, _dot(vec, self.story_post, m))
        np.maximum.at(best_sem, owner, self.story_embs[:m] @ emb)
        live = self.last[:k] >= day - self.window if day is not None else np.ones(k, bool)
        return Scores(lex, sem, best_lex, best_sem, live)

    def add(self, j: int, vec: dict[str, float], emb: np.ndarray, day: float | None) -> int:
        """Add story ``vec`` to thread ``j`` (-1: a new thread); returns the thread."""
        if j < 0:
            j = len(self.cents)
            self.cents.append({})
        cent = self.cents[j]
        for t, w in vec.items():
            cent[t] = cent.get(t, 0.0) + w
        if len(cent) > 4 * self.terms:  # pruned as ThreadIndex does
            kept = top_terms(cent, self.terms)
            for t in cent.keys() - kept.keys():
                self.post.get(t, {}).pop(j, None)
            self.cents[j] = cent = kept
        for t, w in cent.items():
            self.post.setdefault(t, {})[j] = w
        m = len(self.story_thread)
        for t, w in vec.items():
            self.story_post.setdefault(t, {})[m] = w
        self.norms[j] = math.sqrt(sum(w * w for w in cent.values()))
        self.embs[j] += emb
        self.story_embs[m] = emb
        self.story_thread.append(j)
        if day is not None:
            self.last[j] = max(self.last[j], day)
        return j


def _dot(vec: dict[str, float], post: dict[str, dict[int, float]], size: int) -> np.ndarray:
    out = np.zeros(size)
    for t, w in vec.items():
        for j, x in post.get(t, {}).items():
            out[j] += w * x
    return out


def replay(rows: list[Closed], decide: Decide) -> float:
    """Link ``rows`` in order with ``decide``; B-cubed F1 of the threads against the gold."""
    threads = Threads(len(rows), len(rows[0][3]))
    gold: list[str] = []
    pred: list[int] = []
    for centroid, day, labels, emb in rows:
        vec = unit(top_terms(centroid, threads.terms))
        j = decide(threads.scores(vec, emb, day)) if threads.cents else -1
        j = threads.add(j, vec, emb, day)
        gold += labels
        pred += [j] * len(labels)
    return score_clusters(gold, pred).bcubed.f1


def closed_stories(
    data: LabeledArticles, config: ClusterConfig, embed: embed_cache.Embed
) -> list[Closed]:
    """Every story the online engine closes, in closing order, as the thread index sees it."""
    seen: list[tuple[str, dict[str, float], float | None]] = []
    link = thread_module.ThreadIndex.link

    def record(self, story_id, centroid, day):  # type: ignore[no-untyped-def]
        seen.append((story_id, dict(centroid), day))
        return link(self, story_id, centroid, day)

    thread_module.ThreadIndex.link = record  # type: ignore[method-assign]
    try:
        stories = {s.id: s for s in StreamClusterer(config).run(data.articles)}
    finally:
        thread_module.ThreadIndex.link = link  # type: ignore[method-assign]
    gold = dict(zip((a.id for a in data.articles), data.gold, strict=True))
    rows: list[Closed] = []
    for sid, centroid, day in seen:
        story = stories[sid]
        canon = [a for a in story.articles if a.duplicate_of is None]
        emb = embed([(a.text, a.title) for a in canon]).sum(axis=0)
        rows.append(
            (centroid, day, [gold[a.id] for a in story.articles], emb / np.linalg.norm(emb))
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("rules", nargs="*", help="Rule expressions (see above).")
    ap.add_argument("--embed-cache", type=Path, required=True)
    ap.add_argument("--semantic", action="store_true", help="Stories by embeddings too.")
    args = ap.parse_args()
    embed = embed_cache.install(args.embed_cache)
    config = ClusterConfig(semantic=args.semantic)
    dev, _ = duc_parts()  # the held-aside part is never replayed here
    streams = {
        "duc_dev": dev,
        "duc_dev_bursts_14d": bursts(dev),
        "allsides": load_labeled(SHARED / "allsides-articles.jsonl"),
        "generated_5000": generated(5000, 1000, seed=7),
    }
    for data in streams.values():  # every article embedded (and cached) in one call each
        embed([(a.text, a.title) for a in data.articles])
    closed = {name: closed_stories(data, config, embed) for name, data in streams.items()}
    print(f"{'rule':28}" + "".join(f"{name:>20}" for name in closed))
    for rule in ["blend(0.12, 0.0)", *args.rules]:
        decide = eval(rule, globals())  # a rule expression given on the command line
        print(f"{rule:28}" + "".join(f"{replay(rows, decide):>20.3f}" for rows in closed.values()))


if __name__ == "__main__":
    main()
