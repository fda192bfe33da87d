"""Train the summary's learned sentence prior reproducibly, and score it on a recorded split.

Stories of Multi-News dev (../shared/eval/multinews-val250.jsonl) and DUC 2006
(../shared/eval/duc2006-mds.jsonl) are split by a hash of their id: 60% train, 20% validation,
20% locked test (bench/results/summary_split.json). Candidates are labelled 1 when a greedy
ROUGE-1+2 oracle (against the references, 250 words, over sentences the summary may show) picks
them. Boosted trees (sklearn HistGradientBoosting, fixed seed) and a standardised logistic
regression are fitted on the Multi-News training stories; the model and the `learned` weight of
the prior in the selection are chosen by ROUGE on the Multi-News validation stories. DUC 2006 is
not trained on (its query-focused references differ); `score` reports it.

    .venv/bin/python bench/summary_learn.py train   # -> src/newsprism/analysis/summary_weights.json
    .venv/bin/python bench/summary_learn.py score --part test   # once, at the end

Pipeline outputs are cached under $NEWSPRISM_BENCH_CACHE (default /tmp/newsprism-summary-learn).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.preprocessing import StandardScaler

import newsprism.analysis.summary as summary_module
from newsprism.analysis.summary import SummaryParams, summarize, voiced_pool
from newsprism.analysis.summary_learned import FEATURES, WEIGHTS, features, load_weights, prior
from newsprism.eval.data import iter_clusters
from newsprism.eval.harness import SUMMARY_PIPELINE
from newsprism.eval.rouge import cut_words, ngram_counts, ngram_f1, rouge, tokenize
from newsprism.model import Story
from newsprism.pipeline import BriefConfig, Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
DATA = {"multinews": SHARED / "multinews-val250.jsonl", "duc2006": SHARED / "duc2006-mds.jsonl"}
BUDGETS = {"multinews": (250,), "duc2006": (100, 250)}
CACHE = Path(os.environ.get("NEWSPRISM_BENCH_CACHE", "/tmp/newsprism-summary-learn"))
WEIGHTS_PATH = ROOT / "src" / "newsprism" / "analysis" / WEIGHTS
RESULTS = ROOT / "bench" / "results"
C_GRID = (0.01, 0.1, 1.0, 10.0)
LEARNED_GRID = (0.0, 0.5, 1.0, 2.0)
TREES = {"learning_rate": 0.05, "max_iter": 200, "min_samples_leaf": 20, "max_leaf_nodes": 15}


def part(story_id: str) -> str:
    """train / validation / test, fixed by the story id's SHA-256 (60 / 20 / 20)."""
    bucket = int(hashlib.sha256(story_id.encode()).hexdigest(), 16) % 10
    return "train" if bucket < 6 else "validation" if bucket < 8 else "test"


def stories(name: str) -> list[dict[str, Any]]:
    """Each story's summary-stage inputs (pipeline run once, then cached) and references."""
    path = CACHE / f"{name}.pkl"
    if path.is_file():
        cached: list[dict[str, Any]] = pickle.loads(path.read_bytes())
        return cached
    out = []
    for cluster in iter_clusters(DATA[name]):
        inputs = captured_inputs(Story.from_articles(cluster.articles))
        out.append({"id": cluster.id, "inputs": inputs, "references": cluster.references})
        print(f"{name}: {len(out)}", end="\r", flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def captured_inputs(story: Story) -> tuple[Any, ...]:
    """The summary stage's inputs for one story: `summarize`'s arguments, words and params left
    out (the pipeline runs with summarize replaced by a recorder)."""
    captured: list[tuple[Any, ...]] = []

    def capture(*args: Any) -> list[Any]:
        captured.append(args)
        return []

    real, summary_module.summarize = summary_module.summarize, capture  # type: ignore[assignment]
    try:
        Pipeline(SUMMARY_PIPELINE).run(story, BriefConfig())
    finally:
        summary_module.summarize = real
    brief, al, _, _, *rest = captured.pop()
    return (brief, al, *rest)


def _refs(story: dict[str, Any]) -> list[Any]:
    return [ngram_counts(tokenize(" ".join(r))) for r in story["references"]]


def _f12(uni: Counter[Any], bi: Counter[Any], refs: list[Any]) -> float:
    """ROUGE-1 + ROUGE-2 F1 (%), mean over references."""
    r1 = sum(ngram_f1(uni, r[0]) for r in refs) / len(refs)
    r2 = sum(ngram_f1(bi, r[1]) for r in refs) / len(refs)
    return 100 * (r1 + r2)


def oracle_labels(texts: list[str], allowed: np.ndarray, refs: list[Any], words: int) -> np.ndarray:
    """1 for the sentences a greedy ROUGE-1 + ROUGE-2 oracle picks within `words` words
    (bigrams across a sentence boundary are ignored)."""
    grams = [ngram_counts(tokenize(t)) for t in texts]
    sizes = [len(t.split()) for t in texts]
    chosen: list[int] = []
    uni: Counter[Any] = Counter()
    bi: Counter[Any] = Counter()
    best, used = 0.0, 0
    while True:
        gains = [
            (_f12(uni + grams[k][0], bi + grams[k][1], refs), k)
            for k in range(len(texts))
            if allowed[k] and k not in chosen and used + sizes[k] <= words
        ]
        if not gains:
            break
        score, k = max(gains)
        if score <= best:
            break
        best, used = score, used + sizes[k]
        chosen.append(k)
        uni, bi = uni + grams[k][0], bi + grams[k][1]
    label = np.zeros(len(texts))
    label[chosen] = 1.0
    return label


def table(story: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, oracle labels, rows the summary may show) of one story's candidates, cached on
    the story."""
    if "x" not in story:
        brief, al, _, quotes, furniture, _, sources = story["inputs"]
        pool, _, unvoiced = voiced_pool(
            brief, al, SummaryParams(), quotes, furniture, sources.group_of
        )
        texts = [al.sentences[int(i)].text for i in pool.index]
        story["shown"] = np.asarray([k not in unvoiced for k in range(len(pool))])
        story["x"] = features(pool, texts)
        story["y"] = oracle_labels(texts, story["shown"], _refs(story), 250)
    return story["x"], story["y"], story["shown"]


def tables(name: str, group: list[dict[str, Any]]) -> None:
    """Features and labels of the stories, computed once and cached beside the pipeline outputs."""
    path = CACHE / f"{name}-tables.pkl"
    cached = pickle.loads(path.read_bytes()) if path.is_file() else {}
    for story in group:
        if story["id"] in cached:
            story["x"], story["y"], story["shown"] = cached[story["id"]]
        else:
            cached[story["id"]] = table(story)
    path.write_bytes(pickle.dumps(cached))


def fit(train: list[dict[str, Any]], c: float) -> dict[str, Any]:
    x = np.vstack([table(s)[0][_shown(s)] for s in train])
    y = np.concatenate([table(s)[1][_shown(s)] for s in train])
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=2000).fit(scaler.transform(x), y)
    return {
        "kind": "logistic",
        "features": list(FEATURES),
        "mean": scaler.mean_.round(6).tolist(),
        "scale": scaler.scale_.round(6).tolist(),
        "coef": model.coef_[0].round(6).tolist(),
        "intercept": round(float(model.intercept_[0]), 6),
        "C": c,
        "train_stories": len(train),
        "train_sentences": len(y),
        "train_positives": int(y.sum()),
    }


def fit_trees(train: list[dict[str, Any]]) -> dict[str, Any]:
    """Boosted trees on the training candidates the summary may show, exported as plain nodes
    [feature, threshold, left, right, value] (feature -1: a leaf) for analysis/summary_learned.py."""
    x = np.vstack([table(s)[0][_shown(s)] for s in train])
    y = np.concatenate([table(s)[1][_shown(s)] for s in train])
    model = HistGradientBoostingClassifier(**TREES, random_state=0).fit(x, y)
    trees = [
        [
            [-1, 0.0, 0, 0, round(float(n["value"]), 6)]
            if n["is_leaf"]
            else [
                int(n["feature_idx"]),
                float(n["num_threshold"]),
                int(n["left"]),
                int(n["right"]),
                0.0,
            ]
            for n in predictor.nodes
        ]
        for (predictor,) in model._predictors
    ]
    return {
        "kind": "trees",
        "features": list(FEATURES),
        "baseline": float(np.ravel(model._baseline_prediction)[0]),
        "trees": trees,
        "params": TREES,
        "train_stories": len(train),
        "train_sentences": len(y),
        "train_positives": int(y.sum()),
    }


def _shown(story: dict[str, Any]) -> np.ndarray:
    """Rows the summary may show (the oracle labels only those)."""
    return np.asarray(story["shown"], dtype=bool)


def install(model: dict[str, Any]) -> None:
    """Write the model beside analysis/summary_learned.py: one line per key, one per tree."""
    lines = [
        f" {json.dumps(k)}: "
        + (
            "[\n  " + ",\n  ".join(json.dumps(t, separators=(",", ":")) for t in v) + "\n ]"
            if k == "trees"
            else json.dumps(v)
        )
        for k, v in model.items()
    ]
    WEIGHTS_PATH.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    load_weights.cache_clear()


def scores(group: list[dict[str, Any]], params: SummaryParams, words: int) -> dict[str, float]:
    """Mean rouge-score F1 (%) of newsprism's summaries, cut to `words` words."""
    rows = []
    for story in group:
        brief, al, *rest = story["inputs"]
        out = summarize(brief, al, words, params, *rest)
        rows.append(rouge(cut_words([s.text for s in out], words), story["references"]))
    return {m: round(statistics.fmean(r[m] for r in rows), 2) for m in rows[0]}


def train(args: argparse.Namespace) -> None:
    """Fit on Multi-News train; choose the logistic model's C by validation average precision,
    then the model (logistic or trees) and the prior's weight by validation ROUGE; record the
    split, the trials and the chosen model."""
    split = {name: {i: part(i) for i in _ids(path)} for name, path in DATA.items()}
    group = stories("multinews")
    train_part = [s for s in group if part(s["id"]) == "train"]
    valid = [s for s in group if part(s["id"]) == "validation"]
    tables("multinews", train_part + valid)
    xv = np.vstack([s["x"][_shown(s)] for s in valid])
    yv = np.concatenate([s["y"][_shown(s)] for s in valid])
    fits = []
    for c in C_GRID:
        model = fit(train_part, c)
        model["validation_average_precision"] = round(
            float(average_precision_score(yv, prior(xv, model))), 4
        )
        print("C", c, model["validation_average_precision"], flush=True)
        fits.append(model)
    trees = fit_trees(train_part)
    trees["validation_average_precision"] = round(
        float(average_precision_score(yv, prior(xv, trees))), 4
    )
    print("trees", trees["validation_average_precision"], flush=True)
    candidates = [max(fits, key=lambda m: m["validation_average_precision"]), trees]
    trials = [{"model": "none", "learned": 0.0, **_trial(valid, 0.0)}]
    print(json.dumps(trials[-1]), flush=True)
    for number, model in enumerate(candidates):
        install(model)
        for learned in (g for g in args.grid if g):
            trials.append({"model": model["kind"], "number": number, "learned": learned})
            trials[-1].update(_trial(valid, learned))
            print(json.dumps(trials[-1]), flush=True)
    best = max(trials, key=lambda r: r["objective"])
    install(candidates[best.get("number", 1)])  # with no gain from any, the trees stay, unused
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "summary_split.json").write_text(
        json.dumps(
            {"rule": "sha256(id) % 10: <6 train, 6-7 validation, 8-9 test", **split}, indent=1
        )
        + "\n",
        encoding="utf-8",
    )
    summary = [
        {k: v for k, v in m.items() if k != "trees"} | {"trees": len(m.get("trees", ()))}
        for m in [*fits, trees]
    ]
    (RESULTS / "summary_learn.json").write_text(
        json.dumps({"fits": summary, "trials": trials, "chosen": best}, indent=1) + "\n",
        encoding="utf-8",
    )
    print("chosen", json.dumps(best))


def _ids(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [str(json.loads(line).get("id")) for line in lines if line.strip()]


def _trial(valid: list[dict[str, Any]], learned: float) -> dict[str, Any]:
    row = scores(valid, SummaryParams(learned=learned), 250)
    return {"multinews@250": row, "objective": round(row["rouge1"] + 2 * row["rouge2"], 3)}


def score(args: argparse.Namespace) -> None:
    """One part's ROUGE with the shipped weights and defaults (the locked test: once)."""
    out: dict[str, Any] = {"part": args.part}
    for name in DATA:
        group = [s for s in stories(name) if part(s["id"]) == args.part]
        for words in BUDGETS[name]:
            out[f"{name}@{words}"] = {
                "stories": len(group),
                **scores(group, SummaryParams(), words),
            }
            print(name, words, out[f"{name}@{words}"], flush=True)
    (RESULTS / f"summary_{args.part}.json").write_text(
        json.dumps(out, indent=1) + "\n", encoding="utf-8"
    )


def write_parts(args: argparse.Namespace) -> None:
    """Each data set's stories of one part as JSONL (for `newsprism eval summarize`, with peers)."""
    args.dir.mkdir(parents=True, exist_ok=True)
    for name, path in DATA.items():
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        keep = [line for line in lines if part(str(json.loads(line).get("id"))) == args.part]
        target = args.dir / f"{name}-{args.part}.jsonl"
        target.write_text("\n".join(keep) + "\n", encoding="utf-8")
        print(target, len(keep))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("cache")
    trainer = sub.add_parser("train")
    trainer.add_argument(
        "--grid", type=lambda t: [float(v) for v in t.split(",")], default=LEARNED_GRID
    )
    scorer = sub.add_parser("score")
    scorer.add_argument("--part", choices=("train", "validation", "test"), default="validation")
    parts = sub.add_parser("parts")
    parts.add_argument("--part", choices=("train", "validation", "test"), default="validation")
    parts.add_argument("--dir", type=Path, default=CACHE)
    args = parser.parse_args()
    if args.command == "parts":
        write_parts(args)
    elif args.command == "cache":
        for name in DATA:
            print(
                name, len(stories(name)), "stories", Counter(part(s["id"]) for s in stories(name))
            )
    elif args.command == "train":
        train(args)
    else:
        score(args)


if __name__ == "__main__":
    main()
