"""Re-tune the summary's numeric knobs on the train part only, then choose on validation.

The knobs (SummaryParams) were tuned before the faithfulness rules changed the candidate pool and
the selection, so their optimum may have moved. `search` runs a coordinate search (2 passes, a few
grid values around each knob's current value) that scores only the TRAIN part of the recorded
split (bench/results/summary_split.json) on cached summary-stage inputs (bench/summary_learn.py's
cache): Multi-News at 250 words plus, with `--duc`, DUC 2006 at 250 words, so the knobs are not
fitted to one corpus. The objective is the story-weighted mean of R-1 + 2 x R-2 (rouge-score F1,
computed from its own tokens), as eval/tuning.py uses. Every trial is recorded. `validate` scores
candidate settings on the VALIDATION part only (Multi-News 250, DUC 100 and 250); `test` scores
one chosen setting on the locked test part, once, next to the shipped defaults.

    .venv/bin/python bench/summary_knobs.py search [--duc] [--jobs 2] [--out FILE]
    .venv/bin/python bench/summary_knobs.py validate CANDIDATES.json
    .venv/bin/python bench/summary_knobs.py test '{"shared": 1.5}'
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections.abc import Sequence
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from newsprism.analysis.summary import SummaryParams, summarize
from newsprism.eval.rouge import METRICS, cut_words, ngram_counts, ngram_f1, rouge, tokenize
from summary_learn import RESULTS, part, stories

# Values tried per knob: the shipped value and neighbours on both sides.
GRID: dict[str, tuple[float, ...]] = {
    "shared": (0.7, 1.0, 1.5),
    "lead_mass": (0.7, 1.0, 1.5),
    "lead_tau": (7.0, 10.0, 14.0),
    "lead_floor": (0.5, 1.0, 1.5),
    "unigrams": (0.05, 0.1, 0.2),
    "position": (1.5, 2.0, 3.0),
    "position_tau": (6.0, 8.0, 12.0),
    "length_power": (0.65, 0.75, 0.85),
    "centroid": (0.0, 0.05, 0.1),
    "quotes": (0.05, 0.1, 0.15),
    "figures": (0.6, 0.9, 1.2),
    "quotations": (0.5, 0.6, 0.7),
    "per_statement": (1, 2, 3),
    "min_words": (5, 6, 7),
}
TRAIN_WORDS = 250
_GROUP: list[dict[str, Any]] = []  # the stories a worker scores (set before the pool forks)


def _texts(story: dict[str, Any], params: SummaryParams, words: int) -> list[str]:
    brief, al, *rest = story["inputs"]
    return [s.text for s in summarize(brief, al, words, params, *rest)]


def _objective_one(story: dict[str, Any], params: SummaryParams) -> float:
    """R-1 + 2 x R-2 (F1, %) of one story's summary, from rouge-score's tokens."""
    tokens = tokenize("\n".join(cut_words(_texts(story, params, TRAIN_WORDS), TRAIN_WORDS)))
    uni, bi = ngram_counts(tokens)
    refs = story["ref_counts"]
    r1 = sum(ngram_f1(uni, r[0]) for r in refs) / len(refs)
    r2 = sum(ngram_f1(bi, r[1]) for r in refs) / len(refs)
    return 100 * (r1 + 2 * r2)


def _key(options: dict[str, Any]) -> str:
    return json.dumps(options, sort_keys=True)


def _trial(options: dict[str, Any]) -> float:
    params = SummaryParams.from_options({"summary": options})
    return statistics.fmean(_objective_one(s, params) for s in _GROUP)


def train_group(duc: bool) -> list[dict[str, Any]]:
    """The train part of Multi-News (and of DUC 2006 with `duc`), references counted once."""
    names = ("multinews", "duc2006") if duc else ("multinews",)
    group = [s for name in names for s in stories(name) if part(s["id"]) == "train"]
    for story in group:
        story["ref_counts"] = [ngram_counts(tokenize(" ".join(r))) for r in story["references"]]
    return group


def search(args: argparse.Namespace) -> None:
    """Coordinate search on the train part; every trial is printed and recorded."""
    _GROUP.extend(train_group(args.duc))
    seen: dict[str, float] = {}
    trials: list[dict[str, Any]] = []
    with get_context("fork").Pool(args.jobs) as workers:

        def run(batch: Sequence[dict[str, Any]]) -> None:
            todo = [o for o in batch if _key(o) not in seen]
            for options, value in zip(todo, workers.map(_trial, todo), strict=True):
                seen[_key(options)] = value
                trials.append({"options": options, "objective": round(value, 4)})
                print(f"{value:8.3f}  {json.dumps(options)}", flush=True)

        best: dict[str, Any] = {}
        run([best])
        for round_ in range(args.passes):
            start = dict(best)
            for name, values in GRID.items():
                batch = [_set(best, name, v) for v in values]
                run(batch)
                best = max(batch, key=lambda o: seen[_key(o)])
            print(f"pass {round_ + 1}: {json.dumps(best)} {seen[_key(best)]:.3f}")
            if best == start:
                break
    record = {
        "objective": "story-weighted mean of R-1 + 2 x R-2 (F1, %) at 250 words, train part",
        "data": ["multinews", "duc2006"] if args.duc else ["multinews"],
        "stories": len(_GROUP),
        "grid": GRID,
        "best": best,
        "trials": trials,
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def _set(options: dict[str, Any], name: str, value: float) -> dict[str, Any]:
    """`options` with knob `name` at `value`; a knob at its default is left out."""
    out = {k: v for k, v in options.items() if k != name}
    if value != getattr(SummaryParams(), name):
        out[name] = value
    return dict(sorted(out.items()))


def part_scores(
    group: list[dict[str, Any]], options: dict[str, Any], words: int, name: str
) -> tuple[dict[str, float], dict[str, float]]:
    """Mean rouge-score F1 per metric over the stories of part `name`, and R-2 per story."""
    params = SummaryParams.from_options({"summary": options})
    rows = {
        s["id"]: rouge(cut_words(_texts(s, params, words), words), s["references"])
        for s in group
        if part(s["id"]) == name
    }
    means = {m: statistics.fmean(r[m] for r in rows.values()) for m in METRICS}
    return means, {i: r["rouge2"] for i, r in rows.items()}


def report(candidates: dict[str, dict[str, Any]], name: str) -> None:
    """Each candidate's scores on part `name`, and its R-2 up/down story counts vs the defaults."""
    corpora = {"multinews": stories("multinews"), "duc2006": stories("duc2006")}
    settings = (("multinews", 250), ("duc2006", 100), ("duc2006", 250))
    for corpus, words in settings:
        base: dict[str, float] = {}
        for label, options in candidates.items():
            means, per = part_scores(corpora[corpus], options, words, name)
            base = base or per
            up = sum(per[i] > base[i] + 1e-9 for i in per)
            down = sum(per[i] < base[i] - 1e-9 for i in per)
            shown = " / ".join(f"{means[m]:.2f}" for m in METRICS)
            print(f"{name} {corpus} {words}w {label:<12} n={len(per):>3}  {shown}  "
                  f"R-2 up {up} down {down}  {json.dumps(options)}", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    searching = sub.add_parser("search")
    searching.add_argument("--duc", action="store_true", help="add DUC 2006 train at 250 words")
    searching.add_argument("--jobs", type=int, default=1)
    searching.add_argument("--passes", type=int, default=2)
    searching.add_argument("--out", type=Path, default=RESULTS / "summary_knobs.json")
    validating = sub.add_parser("validate")
    validating.add_argument("candidates", type=Path, help='{"label": {options}, ...}')
    testing = sub.add_parser("test")
    testing.add_argument("options", help="the chosen setting's options (JSON)")
    args = parser.parse_args()
    if args.command == "search":
        search(args)
    elif args.command == "validate":
        candidates = json.loads(args.candidates.read_text(encoding="utf-8"))
        report({"shipped": {}} | candidates, "validation")
    else:
        report({"shipped": {}, "chosen": json.loads(args.options)}, "test")


if __name__ == "__main__":
    main()
