"""Repair of degraded text: restore sentence boundaries and display case.

First version: casing from sibling articles and boundaries every ~20 words at likely clause starts.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"\S+")


def casing_table(references: list[str]) -> dict[str, str]:
    """Most frequent non-sentence-initial casing of each word in the sibling articles."""
    counts: dict[str, Counter[str]] = {}
    for ref in references:
        tokens = re.findall(r"[\w']+|[.!?]", ref)
        for prev, tok in zip(["."] + tokens, tokens, strict=False):
            if prev in ".!?" or not tok[:1].isalpha():
                continue
            counts.setdefault(tok.lower(), Counter())[tok] += 1
    return {low: c.most_common(1)[0][0] for low, c in counts.items()}


def repair_degraded(text: str, references: list[str], target: int = 20) -> list[str]:
    table = casing_table(references)
    words = _TOKEN.findall(text)
    sentences: list[str] = []
    for start in range(0, len(words), target):
        chunk = [table.get(w.lower(), w) for w in words[start : start + target]]
        chunk[0] = chunk[0][:1].upper() + chunk[0][1:]
        sentences.append(" ".join(chunk) + ".")
    return sentences
