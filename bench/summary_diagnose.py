"""Score summary variants fast on cached summary-stage inputs, and show where R-2 fell.

The pipeline runs once per story (`bench/summary_learn.py cache`); each variant then only reruns
the summary stage. `score` prints R-1 / R-2 / RLsum on all stories and on each part of the
recorded split (bench/summary_learn.py: train / validation / locked test) with the summary
stage's CPU time; `--save` keeps each story's scores, and `--against` an earlier `--save` file
counts per part the stories that went up and down. `compare` lists the stories whose R-2 fell
most against another run's summaries (a JSON object: story id -> list of summary sentences) with
the sentences each one lost.

    .venv/bin/python bench/summary_diagnose.py score [--limit N] [--options '{"exact": 1}']
        [--save RUN.json] [--against OTHER.json] [--data duc2006] [--words 100]
    .venv/bin/python bench/summary_diagnose.py compare OTHER.json [--top 10]
    .venv/bin/python bench/summary_diagnose.py speed [--size 1000] [--options '{"exact": 1}']

`speed` times the summary stage alone (CPU) on one story of bench/brief_scaling.py's kind
(`--size` articles), its inputs cached like the dev stories'.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import time
from pathlib import Path
from typing import Any

from newsprism.analysis.summary import SummaryParams, summarize
from newsprism.eval.rouge import LABELS, METRICS, cut_words, rouge
from summary_learn import CACHE, captured_inputs, part, stories

WORDS = 250
PARTS = ("all", "train", "validation", "test")


def outputs(
    group: list[dict[str, Any]], params: SummaryParams, words: int = WORDS
) -> dict[str, list[str]]:
    """Each story's summary sentences from its cached inputs."""
    out = {}
    for story in group:
        brief, al, *rest = story["inputs"]
        chosen = summarize(brief, al, words, params, *rest)
        out[story["id"]] = [s.text for s in chosen]
    return out


def r2(texts: list[str], story: dict[str, Any]) -> float:
    return float(rouge(cut_words(texts, WORDS), story["references"])["rouge2"])


def score(group: list[dict[str, Any]], args: argparse.Namespace) -> None:
    """Per-part means, up/down counts against an earlier run, and the summary stage's CPU time."""
    params = SummaryParams.from_options({"summary": json.loads(args.options)})
    start = time.process_time()
    now = outputs(group, params, args.words)
    cpu = time.process_time() - start
    per = {s["id"]: rouge(cut_words(now[s["id"]], args.words), s["references"]) for s in group}
    before = json.loads(args.against.read_text(encoding="utf-8")) if args.against else None
    for name in PARTS:
        ids = [s["id"] for s in group if name == "all" or part(s["id"]) == name]
        if not ids:
            continue
        means = " / ".join(f"{statistics.fmean(per[i][m] for i in ids):.2f}" for m in METRICS)
        line = f"{name:<10} {len(ids):>3}  {means}"
        if before is not None:
            delta = [per[i]["rouge2"] - before["scores"][i]["rouge2"] for i in ids]
            up, down = sum(d > 1e-9 for d in delta), sum(d < -1e-9 for d in delta)
            line += f"  R-2 up {up} down {down} same {len(ids) - up - down}"
        print(line)
    print("metrics:", " / ".join(LABELS[m] for m in METRICS), f"; summary stage CPU {cpu:.1f} s")
    if args.save:
        record = {"options": json.loads(args.options), "cpu_seconds": round(cpu, 2)}
        record |= {"scores": per, "summaries": now}
        args.save.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def speed(args: argparse.Namespace) -> None:
    """CPU seconds of the summary stage on one large story, for each selector given."""
    path = CACHE / f"scaling-{args.size}.pkl"
    if path.is_file():
        inputs = pickle.loads(path.read_bytes())
    else:
        from brief_scaling import story_texts
        from newsprism.ingest.base import make_article
        from newsprism.model import Story

        texts = story_texts(args.size)
        articles = [
            make_article(text, f"s{args.size}#{i}", outlet=f"outlet-{i}")
            for i, text in enumerate(texts)
        ]
        inputs = captured_inputs(Story.from_articles(articles))
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(inputs))
    brief, al, *rest = inputs
    for options in args.options:
        params = SummaryParams.from_options({"summary": json.loads(options)})
        start = time.process_time()
        chosen = summarize(brief, al, WORDS, params, *rest)
        cpu = time.process_time() - start
        words = sum(len(s.text.split()) for s in chosen)
        shown = f"{len(chosen)} sentences, {words} words"
        print(f"{args.size} articles, {options}: {cpu:.2f} s CPU, {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    scoring = sub.add_parser("score")
    scoring.add_argument("--limit", type=int)
    scoring.add_argument("--options", default="{}")
    scoring.add_argument("--save", type=Path)
    scoring.add_argument("--data", choices=("multinews", "duc2006"), default="multinews")
    scoring.add_argument("--words", type=int, default=WORDS)
    scoring.add_argument("--against", type=Path)
    compare = sub.add_parser("compare")
    compare.add_argument("other", type=Path)
    compare.add_argument("--top", type=int, default=10)
    timing = sub.add_parser("speed")
    timing.add_argument("--size", type=int, default=1000)
    timing.add_argument("--options", nargs="+", default=["{}", '{"exact": 1}'])
    args = parser.parse_args()
    if args.command == "speed":
        speed(args)
        return
    group = stories(getattr(args, "data", "multinews"))
    if args.command == "score":
        score(group[: args.limit], args)
        return
    other = json.loads(args.other.read_text(encoding="utf-8"))
    other = other.get("summaries", other)
    now = outputs(group, SummaryParams())
    drops = sorted(group, key=lambda s: r2(now[s["id"]], s) - r2(other[s["id"]], s))
    for story in drops[: args.top]:
        before, after = other[story["id"]], now[story["id"]]
        print(f"== {story['id']}: {r2(before, story):.2f} -> {r2(after, story):.2f}")
        for text in before:
            if text not in after:
                print("  lost:", text[:200])


if __name__ == "__main__":
    main()
