"""ROUGE as the Multi-News protocol defines it, over rouge-score (never our own re-implementation).

F1 of ROUGE-1, ROUGE-2 and ROUGE-Lsum with Porter stemming; Lsum reads newline-separated sentences;
a summary is cut to N whitespace words before scoring; several references are averaged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any

from newsprism.errors import NewsprismError

METRICS = ("rouge1", "rouge2", "rougeLsum")
LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeLsum": "RLsum"}


def cut_words(sentences: Sequence[str], words: int) -> list[str]:
    """Keep sentences in order until `words` whitespace words; the last one is truncated to fit."""
    out: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if left <= 0:
            break
        if not tokens:
            continue
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return out


@lru_cache(maxsize=1)
def _scorer() -> Any:
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise NewsprismError("extra-missing", feature="ROUGE evaluation", extra="eval") from exc
    return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def tokenize(text: str) -> list[str]:
    """rouge-score's own tokens (lower case, alphanumeric, stemmed), for oracles that must agree."""
    return list(_scorer()._tokenizer.tokenize(text))


def rouge(summary: Sequence[str], references: Sequence[Sequence[str]]) -> dict[str, float]:
    """Mean F1 (in %) over references; every text is a list of sentences."""
    if not references:
        raise NewsprismError("option-invalid", detail="ROUGE needs at least one reference summary")
    prediction = "\n".join(summary)
    totals = dict.fromkeys(METRICS, 0.0)
    for reference in references:
        scores = _scorer().score("\n".join(reference), prediction)
        for metric in METRICS:
            totals[metric] += scores[metric].fmeasure
    return {m: 100.0 * v / len(references) for m, v in totals.items()}


NgramCounts = tuple[Counter[str], Counter[tuple[str, str]]]


def ngram_counts(tokens: Sequence[str]) -> NgramCounts:
    """Unigram and bigram counts: enough for fast ROUGE-1/2 inside greedy searches."""
    return Counter(tokens), Counter(pairwise(tokens))


def ngram_f1(candidate: Counter[Any], reference: Counter[Any]) -> float:
    """ROUGE-N F1 from n-gram counts, as rouge-score computes it (clipped overlap)."""
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(candidate.values()), overlap / sum(reference.values())
    return 2 * p * r / (p + r)
