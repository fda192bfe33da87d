"""Cross-validated summary quality: tune the summary knobs on 4 folds, score the 5th, 5 times.

On ../shared/eval/multinews-val250.jsonl at 250 and 100 words (story k is in fold k % 5). Reports
each fold's chosen knobs and held-out ROUGE (rouge-score F1, stemmed, RLsum over sentences), the
held-out score of the shipped defaults, and the mean and spread over folds.

Run: ``.venv/bin/python bench/summary_cv.py [--limit N] [--words 250,100] [--start plain]``
-> bench/results/summary_cv.json (summary_cv_plain.json when the search starts from nothing tuned)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from newsprism.analysis.summary import SummaryParams
from newsprism.eval.data import load_clusters
from newsprism.eval.tuning import PLAIN, cross_validate, prepare

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RESULTS = ROOT / "bench" / "results" / "summary_cv{}.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N stories")
    parser.add_argument("--words", default="250,100", help="word budgets")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--start",
        choices=("defaults", "plain"),
        default="defaults",
        help="search start: the shipped defaults, or plain shared-pair coverage (nothing tuned)",
    )
    args = parser.parse_args()
    stories = prepare(load_clusters(DATA, args.limit))
    budgets: list[dict[str, Any]] = []
    result = {"data": DATA.name, "stories": len(stories), "budgets": budgets}
    for words in (int(w) for w in args.words.split(",")):
        start = PLAIN if args.start == "plain" else SummaryParams()
        rounds = 3 if args.start == "plain" else 2
        cv = cross_validate(
            stories, words, args.folds, lambda m: print(m, flush=True), start, rounds
        )
        print(f"{words} words: mean {cv['mean']} stdev {cv['stdev']}", flush=True)
        budgets.append(cv)
    out = Path(str(RESULTS).format("" if args.start == "defaults" else "_plain"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
