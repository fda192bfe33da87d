"""How well does repair restore sentences and case of text stripped of punctuation and case?

For Multi-News dev clusters with 2+ documents (../shared/eval/multinews-val250.jsonl, read at run
time, never stored), each cluster's first document of 80-1500 words is stripped (lowercase, every
punctuation mark removed) and repaired twice: with the cluster's other documents as siblings and
alone. Gold boundaries are the news splitter's sentences of the original. Peers in the same run:
the first version (a sentence every 20 words, casing from siblings) and spaCy's parser on the
stripped text (what an off-the-shelf splitter does).

The hand-set constants (syntax weights, length prior) were chosen on the first 60 such clusters;
by default this bench reports on the next 120, which they never saw. Also: leave-one-out on the
four punctuated DOJ-letter articles (a cluster with much shared wording), the DOJ acceptance
article itself, and repair time against text length.

Metrics: boundary precision/recall/F1 (micro, over gaps between words), word case accuracy
(exact casing of every word), name recall (words capitalised mid-sentence in the original that
come out capitalised), share of sentences over 60 words, and milliseconds per 500 words.

Run: ``.venv/bin/python bench/repair_f1.py [--clusters N]`` -> bench/results/repair_f1.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from newsprism.text.degraded import is_degraded
from newsprism.text.repair import repair_degraded
from newsprism.text.siblings import WORD, strip_text, words_of
from newsprism.text.split import split_text
from newsprism.text.syntax import spacy_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results" / "repair_f1.json"

Repairer = Callable[[str, Sequence[str]], list[str]]


def sentence_starts(sentences: Sequence[str]) -> tuple[set[int], list[str]]:
    """Word indices where sentences 2..n start, and the cased words in order."""
    starts, surfaces = set(), []
    for sentence in sentences:
        words = [m.group() for m in WORD.finditer(sentence)]
        if not words:
            continue
        if surfaces:
            starts.add(len(surfaces))
        surfaces.extend(words)
    return starts, surfaces


def first_version(text: str, references: Sequence[str], target: int = 20) -> list[str]:
    """The repair this module replaced: casing from siblings, a full stop every 20 words."""
    table: dict[str, str] = {}
    for ref in references:
        for _, sentence in split_text(ref):
            for word in [m.group() for m in WORD.finditer(sentence)][1:]:
                table.setdefault(word.lower(), word)
    words = [table.get(w, w) for w in words_of(text)]
    return [" ".join(words[i : i + target]) + "." for i in range(0, len(words), target)]


def spacy_parser(text: str, references: Sequence[str]) -> list[str]:
    return [s.text for s in spacy_pipeline()(text).sents]


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.case_ok = self.words = self.names = self.names_ok = 0
        self.sentences = self.long = 0
        self.seconds = 0.0

    def add(self, gold: list[str], predicted: list[str], seconds: float) -> None:
        truth, original = sentence_starts(gold)
        found, repaired = sentence_starts(predicted)
        if len(original) != len(repaired):
            raise AssertionError("repair changed the words")
        self.tp += len(found & truth)
        self.fp += len(found - truth)
        self.fn += len(truth - found)
        first = truth | {0}
        for i, (want, got) in enumerate(zip(original, repaired, strict=True)):
            self.words += 1
            self.case_ok += want == got
            if i not in first and want[:1].isupper():
                self.names += 1
                self.names_ok += got[:1].isupper()
        self.sentences += len(predicted)
        self.long += sum(1 for s in predicted if len(s.split()) > 60)
        self.seconds += seconds

    def report(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "case_accuracy": round(self.case_ok / self.words, 4),
            "name_recall": round(self.names_ok / max(self.names, 1), 4),
            "over_60_words": round(self.long / max(self.sentences, 1), 4),
            "ms_per_500_words": round(1000 * self.seconds * 500 / self.words, 1),
        }


def load_cases(limit: int) -> list[tuple[str, list[str]]]:
    cases = []
    with (SHARED / "eval" / "multinews-val250.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            docs = [d for d in json.loads(line)["documents"] if d.strip()]
            if len(docs) < 2 or not 80 <= len(docs[0].split()) <= 1500:
                continue
            cases.append((docs[0], docs[1:]))
            if len(cases) == limit:
                break
    return cases


def run(name: str, repair: Repairer, cases: list[tuple[str, list[str]]], alone: bool) -> Tally:
    tally = Tally()
    for original, siblings in cases:
        gold = [s for _, s in split_text(original)]
        stripped = strip_text(original)
        start = time.perf_counter()
        predicted = repair(stripped, [] if alone else siblings)
        tally.add(gold, predicted, time.perf_counter() - start)
    return tally


def doj_cases() -> list[tuple[str, list[str]]]:
    """The punctuated DOJ-letter articles, each stripped in turn with the others as siblings."""
    folder = SHARED / "clusters" / "doj-letter"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    clean = [t for t in texts if not is_degraded(t)]
    return [(t, [o for o in clean if o is not t]) for t in clean]


def doj_degraded() -> dict[str, float]:
    """The acceptance case: the stripped DOJ article repaired against its four siblings."""
    folder = SHARED / "clusters" / "doj-letter"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    degraded = [t for t in texts if is_degraded(t)]
    siblings = [t for t in texts if not is_degraded(t)]
    start = time.perf_counter()
    sentences = repair_degraded(degraded[0], siblings)
    return {
        "sentences": len(sentences),
        "max_words": max(len(s.split()) for s in sentences),
        "ms": round(1000 * (time.perf_counter() - start), 1),
    }


def scaling(cases: list[tuple[str, list[str]]]) -> dict[str, float]:
    """Milliseconds to repair N stripped words against 5 siblings, for growing N."""
    pool = [doc for original, siblings in cases for doc in [original, *siblings]]
    words = strip_text(" ".join(pool)).split()
    siblings = pool[:5]
    out = {}
    for n in (250, 500, 1000, 2000, 4000):
        start = time.perf_counter()
        repair_degraded(" ".join(words[:n]), siblings)
        out[f"ms_{n}_words"] = round(1000 * (time.perf_counter() - start), 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clusters", type=int, default=120)
    parser.add_argument(
        "--skip", type=int, default=60, help="dev clusters the constants were set on"
    )
    args = parser.parse_args()
    cases = load_cases(args.skip + args.clusters)[args.skip :]
    repair_degraded("warm up the parser once", [])
    peers: dict[str, tuple[Repairer, bool]] = {
        "repair_siblings": (repair_degraded, False),
        "repair_alone": (repair_degraded, True),
        "first_version_siblings": (first_version, False),
        "spacy_parser_alone": (spacy_parser, True),
    }
    results = {name: run(name, fn, cases, alone).report() for name, (fn, alone) in peers.items()}
    base = results["first_version_siblings"]["f1"]
    for name, r in results.items():
        r["f1_vs_first_version"] = round(r["f1"] / base, 3) if base else 0.0
        print(f"{name:24s} " + " ".join(f"{k}={v}" for k, v in r.items()))
    doj = {
        "leave_one_out_siblings": run("doj", repair_degraded, doj_cases(), False).report(),
        "leave_one_out_alone": run("doj", repair_degraded, doj_cases(), True).report(),
        "first_version_siblings": run("doj", first_version, doj_cases(), False).report(),
        "degraded_002": doj_degraded(),
    }
    for name, r in doj.items():
        print(f"doj {name:24s} " + " ".join(f"{k}={v}" for k, v in r.items()))
    speed = scaling(cases)
    print("scaling " + " ".join(f"{k}={v}" for k, v in speed.items()))
    out = {"clusters": len(cases), "results": results, "doj_letter": doj, "scaling": speed}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
