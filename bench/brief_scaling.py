"""How the whole brief grows with the story: 10 / 100 / 1,000 / 10,000 articles, beside sumy LexRank.

Stories are built from real Multi-News dev articles (``../shared/eval/multinews-val250.jsonl``, read
only). Up to the 675 dev articles each article is used as published; past that, article k of round r
interleaves the sentences of two real articles, so every sentence is real, each round is a new set of
texts, and copies of one text do not collapse into one source (a containment of about one half).

Per size, in a fresh process under a time cap: the default pipeline's time per stage (the pipeline
records it), the whole brief, and the summary path (sentences, sources, boilerplate, align, summary:
the stages a summary-only tool would run, timed inside the same run), and their ratio. LexRank (sumy,
its own tokeniser, every sentence) runs in its own process under its own cap; "-" = did not finish.
The brief's process reports each stage as it starts (elapsed seconds, peak memory), echoed on
stderr, so a run stopped at the cap still says which stages finished and which one was running.
Each row records the peak memory and the machine's load averages (1, 5, 15 min) at start and end.

Run: ``.venv/bin/python bench/brief_scaling.py [--sizes 10,100,1000,10000] [--cap 1200]
[--lexrank-cap 300] [--no-lexrank] [--out bench/results/brief_scaling.json]``
What changed and the tables of each pass: docs/hardening.md (first three) and docs/scaling.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RESULTS = ROOT / "bench" / "results" / "brief_scaling.json"
SUMMARY_PATH = ("sentences", "sources", "boilerplate", "align", "summary")
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")


def dev_texts() -> list[str]:
    """Every dev article's text, in file order, through the reader `newsprism brief` uses."""
    from newsprism.ingest.jsonl import articles_from_record, iter_records

    records = iter_records(DATA.read_text("utf-8"), DATA.name)
    return [a.text for _, record in records for a in articles_from_record(record, "dev")]


def interleave(a: str, b: str) -> str:
    """Even sentences of `a` with odd sentences of `b` (a crude split is enough to make new texts)."""
    first, second = _SENTENCE_END.split(a), _SENTENCE_END.split(b)
    out = [s for k, s in enumerate(first) if k % 2 == 0]
    out += [s for k, s in enumerate(second) if k % 2 == 1]
    return " ".join(out)


def story_texts(size: int) -> list[str]:
    pool = dev_texts()
    texts = pool[:size]
    n = len(pool)
    for k in range(len(texts), size):
        rnd, i = divmod(k, n)
        texts.append(interleave(pool[i], pool[(i * 7 + rnd * 131) % n]))
    return texts


def run_brief(size: int) -> dict[str, Any]:
    from newsprism.ingest.base import make_article
    from newsprism.model import Story
    from newsprism.pipeline import DEFAULT_PIPELINE, BriefConfig, Pipeline
    from newsprism.text.nlp import pipeline as spacy_pipeline

    texts = story_texts(size)
    spacy_pipeline()  # the model loads once per process, as in a long-running one
    warm = [make_article(t, f"warm#{i}", outlet=f"warm-{i}") for i, t in enumerate(texts[:5])]
    Pipeline(DEFAULT_PIPELINE).run(Story.from_articles(warm))
    articles = [make_article(t, f"s{size}#{i}", outlet=f"outlet-{i}") for i, t in enumerate(texts)]
    story = Story.from_articles(articles)
    start = time.perf_counter()

    def progress(stage: str) -> None:
        elapsed = time.perf_counter() - start
        print(f"{PROGRESS} {stage} {elapsed:.1f} {peak_gb():.2f}", file=sys.stderr, flush=True)

    brief = Pipeline(DEFAULT_PIPELINE).run(story, BriefConfig(words=250), progress=progress)
    whole = time.perf_counter() - start
    progress("(done)")
    stages = {s.name: round(s.seconds, 3) for s in brief.stages}
    failed = [s.name for s in brief.stages if s.status != "ok"]
    summary = sum(stages.get(name, 0.0) for name in SUMMARY_PATH)
    return {
        "articles": size,
        "sentences": sum(len(a.sentences) for a in brief.articles),
        "whole_s": round(whole, 3),
        "summary_path_s": round(summary, 3),
        "ratio": round(whole / summary, 2) if summary else None,
        "stages_s": stages,
        "failed_stages": failed,
        "peak_rss_gb": round(peak_gb(), 2),
    }


PROGRESS = "stage-start"  # progress line: PROGRESS <stage> <elapsed s> <peak GB>


def peak_gb() -> float:
    """This process's peak resident memory (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def run_lexrank(size: int) -> dict[str, Any]:
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser

    from newsprism.eval.nltk_data import ensure_punkt
    from newsprism.eval.peers import sumy_ranking

    ensure_punkt()
    texts = story_texts(size)
    start = time.perf_counter()
    document = PlaintextParser.from_string("\n\n".join(texts), Tokenizer("english")).document
    sumy_ranking("lexrank", document)
    return {"lexrank_s": round(time.perf_counter() - start, 3)}


def in_process(what: str, size: int, cap: float) -> dict[str, Any] | None:
    """Run one measurement in a fresh process, stopped after `cap` seconds. Its stage progress is
    echoed on stderr; a stopped brief run is summarised from it (a stopped LexRank run: None)."""
    command = [sys.executable, __file__, "--one", what, "--sizes", str(size)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    out: list[str] = []
    readers = [
        threading.Thread(target=_echo, args=(child.stderr, lines, f"[{what} {size}]")),
        threading.Thread(target=lambda: out.append(child.stdout.read() if child.stdout else "")),
    ]
    for reader in readers:
        reader.start()
    try:
        child.wait(timeout=cap)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    for reader in readers:
        reader.join()
    if child.returncode != 0:
        errors = [line for line in lines if not line.startswith(PROGRESS)]
        if child.returncode < 0:  # stopped at the cap
            return _partial(lines, cap) if what == "brief" else None
        return {"error": errors[-1] if errors else "failed"}
    result: dict[str, Any] = json.loads(out[0].strip().splitlines()[-1])
    return result


def _echo(stream: Any, lines: list[str], tag: str) -> None:
    for line in stream:
        lines.append(line.rstrip("\n"))
        print(tag, line.rstrip("\n"), file=sys.stderr, flush=True)


def _partial(lines: list[str], cap: float) -> dict[str, Any]:
    """What a brief stopped at the cap got through: each finished stage's seconds, and the stage
    that was running (and since when) when it was stopped."""
    starts = [line.split()[1:4] for line in lines if line.startswith(PROGRESS)]
    done = {
        stage: round(float(following[1]) - float(at), 1)
        for (stage, at, _), following in pairwise(starts)
    }
    row: dict[str, Any] = {"whole_s": f"> {cap:g} (stopped at the cap)", "stages_done_s": done}
    if starts:
        row["running_stage"], row["running_since_s"] = starts[-1][0], float(starts[-1][1])
        row["peak_rss_gb_at_last_start"] = float(starts[-1][2])
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--cap", type=float, default=1200.0, help="seconds per whole-brief run")
    parser.add_argument("--lexrank-cap", type=float, default=300.0, help="seconds per LexRank run")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--no-lexrank", action="store_true", help="skip the LexRank runs")
    parser.add_argument("--one", choices=("brief", "lexrank"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.one:
        run = run_brief if args.one == "brief" else run_lexrank
        print(json.dumps(run(sizes[0])))
        return
    rows = []
    for size in sizes:
        load_start = os.getloadavg()
        row = in_process("brief", size, args.cap) or {"whole_s": f"> {args.cap:g}"}
        row = {"articles": size, **row, "load_avg_start": [round(x, 1) for x in load_start]}
        row["load_avg_end"] = [round(x, 1) for x in os.getloadavg()]
        if not args.no_lexrank:
            lexrank = in_process("lexrank", size, args.lexrank_cap)
            timed_out = f"> {args.lexrank_cap:g}"
            row["lexrank_s"] = (
                lexrank.get("lexrank_s", lexrank.get("error")) if lexrank else timed_out
            )
        rows.append(row)
        print(json.dumps(row), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"rows": rows}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
