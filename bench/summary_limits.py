"""What issue 16's two unmet targets would require: ROUGE ceilings, and the cost of parsing.

1. ``ceiling``: extractive upper bounds under the harness's own protocol (rouge-score F1,
   stemmed, mean over references, every output cut to N words). Two greedy oracles pick sentences
   while looking at the references: the harness's (ROUGE-1 + ROUGE-2 F1, `eval/peers.oracle`) and
   one that maximises ROUGE-2 alone. Per part of the recorded split
   (`bench/results/summary_split.json`). A target near these bounds asks for a system that
   reads the references.
2. ``floor``: on the same Multi-News dev stories and in one run, sumy LexRank end to end against
   what spaCy alone costs on the stories' sentences: the tokenizer, the entity recogniser (which
   the summary's speaker and full-name checks need) and the full pipeline, each batched. A
   "10x faster than LexRank" budget below the entity recogniser's cost cannot be met by a
   summary that names its speakers.

Run: ``.venv/bin/python bench/summary_limits.py ceiling --data duc2006 --words 100``
     ``.venv/bin/python bench/summary_limits.py floor --limit 50``
-> bench/results/summary_limits.json (one key per run)
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from newsprism.eval.data import Cluster, load_clusters
from newsprism.eval.peers import PEERS, oracle
from newsprism.eval.rouge import cut_words, ngram_counts, ngram_f1, rouge
from newsprism.model import Story
from newsprism.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
DATA = {"duc2006": EVAL / "duc2006-mds.jsonl", "multinews": EVAL / "multinews-val250.jsonl"}
SPLIT = ROOT / "bench" / "results" / "summary_split.json"
RESULTS = ROOT / "bench" / "results" / "summary_limits.json"


def split_clusters(data: str, limit: int | None) -> list[Cluster]:
    """The clusters with their sentences split by the `sentences` stage, as the harness does."""
    splitter = Pipeline(("sentences",))
    clusters = load_clusters(DATA[data], limit)
    for cluster in clusters:
        splitter.run(Story.from_articles(cluster.articles))
    return clusters


def bigram_gain(tokens: list[str], refs: list[tuple[Counter[str], Counter[Any]]]) -> float:
    """ROUGE-2 F1 alone, summed over the references: the oracle that maximises R-2."""
    bigrams = ngram_counts(tokens)[1]
    return sum(ngram_f1(bigrams, r2) for _, r2 in refs)


def ceiling(data: str, words: int, limit: int | None) -> dict[str, Any]:
    parts = json.loads(SPLIT.read_text("utf-8"))[data]
    rows = []
    for cluster in split_clusters(data, limit):
        both = rouge(cut_words(oracle(cluster, words), words), cluster.references)
        bigram = rouge(cut_words(oracle(cluster, words, bigram_gain), words), cluster.references)
        rows.append(
            {"id": cluster.id, "part": parts.get(cluster.id, "?"), "r12": both, "r2": bigram}
        )
        print(cluster.id, round(both["rouge2"], 2), round(bigram["rouge2"], 2), flush=True)
    table = {}
    for part in ("train", "validation", "test", "all"):
        mine = [r for r in rows if part in ("all", r["part"])]
        if mine:
            table[part] = {
                "clusters": len(mine),
                "oracle_r1_r2": _means([r["r12"] for r in mine]),
                "oracle_r2": _means([r["r2"] for r in mine]),
            }
    protocol = "rouge-score F1, stemmed, mean over references"
    return {"data": data, "words": words, "protocol": protocol, "parts": table}


def _means(scores: list[dict[str, float]]) -> dict[str, float]:
    return {m: round(statistics.mean(s[m] for s in scores), 2) for m in scores[0]}


def floor(limit: int) -> dict[str, Any]:
    from newsprism.text import nlp

    clusters = split_clusters("multinews", limit)
    model = nlp.load()
    PEERS["lexrank"](clusters[0], 250)  # sumy's and NLTK's loading is not part of a story's time
    list(model.pipe(["Warm the model up."]))
    timings: dict[str, list[float]] = {"lexrank": [], "tokenizer": [], "entities": [], "full": []}
    for cluster in clusters:
        sentences = [s for art in cluster.sentences() for s in art]
        runs = {
            "lexrank": lambda c=cluster: PEERS["lexrank"](c, 250),
            "tokenizer": lambda s=sentences: list(model.tokenizer.pipe(s)),
            "entities": lambda s=sentences: _entities(model, s),
            "full": lambda s=sentences: list(model.pipe(s, batch_size=256)),
        }
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            timings[name].append(1000.0 * (time.perf_counter() - start))
    lexrank = statistics.mean(timings["lexrank"])
    return {
        "stories": len(clusters),
        "ms_per_story": {k: round(statistics.mean(v), 1) for k, v in timings.items()},
        "share_of_lexrank": {k: round(statistics.mean(v) / lexrank, 3) for k, v in timings.items()},
        "ten_x_budget_ms": round(lexrank / 10, 1),
    }


def _entities(model: Any, sentences: list[str]) -> list[Any]:
    with model.select_pipes(enable=["tok2vec", "ner"]):
        return list(model.pipe(sentences, batch_size=256))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    top = sub.add_parser("ceiling")
    top.add_argument("--data", choices=sorted(DATA), default="duc2006")
    top.add_argument("--words", type=int, default=100)
    top.add_argument("--limit", type=int, default=None)
    low = sub.add_parser("floor")
    low.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()
    if args.command == "ceiling":
        key, result = (
            f"ceiling_{args.data}_{args.words}",
            ceiling(args.data, args.words, args.limit),
        )
    else:
        key, result = "floor_multinews", floor(args.limit)
    result["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    saved = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {}
    saved[key] = result
    RESULTS.write_text(json.dumps(saved, indent=1) + "\n", "utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
