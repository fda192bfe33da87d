"""Score summary variants fast on cached summary-stage inputs, and show where R-2 fell.

The pipeline runs once per story (`bench/summary_learn.py cache`); each variant then only reruns
the summary stage. `compare` lists the stories whose R-2 fell most against another run's summaries
(a JSON object: story id -> list of summary sentences) with the sentences each one lost.

    .venv/bin/python bench/summary_diagnose.py score [--limit N] [--options '{"quotations": 1}']
    .venv/bin/python bench/summary_diagnose.py compare OTHER.json [--top 10]
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from newsprism.analysis.summary import SummaryParams, summarize
from newsprism.eval.rouge import cut_words, rouge
from summary_learn import stories

WORDS = 250


def outputs(group: list[dict[str, Any]], params: SummaryParams) -> dict[str, list[str]]:
    """Each story's summary sentences from its cached inputs."""
    out = {}
    for story in group:
        brief, al, *rest = story["inputs"]
        chosen = summarize(brief, al, WORDS, params, *rest)
        out[story["id"]] = [s.text for s in chosen]
    return out


def r2(texts: list[str], story: dict[str, Any]) -> float:
    return float(rouge(cut_words(texts, WORDS), story["references"])["rouge2"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score")
    score.add_argument("--limit", type=int)
    score.add_argument("--options", default="{}")
    compare = sub.add_parser("compare")
    compare.add_argument("other", type=Path)
    compare.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    group = stories("multinews")
    if args.command == "score":
        group = group[: args.limit]
        params = SummaryParams.from_options({"summary": json.loads(args.options)})
        now = outputs(group, params)
        print("R-2", round(statistics.fmean(r2(now[s["id"]], s) for s in group), 2))
        return
    other = json.loads(args.other.read_text(encoding="utf-8"))
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
