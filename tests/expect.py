"""Small oracles shared by tests: written here, independent of the code under test."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

_WORDS = {
    w: float(n)
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "hundred": 100.0}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+|[-–]")


def the(items: Iterable[T], what: str, where: Callable[[T], bool] = lambda _: True) -> T:
    """The first item that matches, or a failure saying which item was missing and from what."""
    seen = list(items)
    for item in seen:
        if where(item):
            return item
    shown = ", ".join(repr(x)[:60] for x in seen[:8]) or "nothing"
    raise AssertionError(f"missing: {what}; there were {len(seen)}: {shown}")


def stated_numbers(text: str) -> set[tuple[float, float]]:
    """(low, high) of each figure written in ``text``: digits or number words, a scale word
    ('4.2 million'), and 'X to Y' or 'X-Y' ranges. Hedges are not figures ('more than 3' is 3)."""
    seq: list[float | str | None] = []
    for token in _TOKEN.findall(text.lower()):
        last = seq[-1] if seq else None
        if token[0].isdigit():
            seq.append(float(token.replace(",", "")))
        elif token in _WORDS:
            seq.append(_WORDS[token])
        elif token in _SCALE and isinstance(last, float):
            seq[-1] = last * _SCALE[token]
        else:
            seq.append("to" if token in {"to", "-", "–"} else None)
    out: set[tuple[float, float]] = set()
    i = 0
    while i < len(seq):
        x = seq[i]
        if isinstance(x, float):
            y = seq[i + 2] if i + 2 < len(seq) and seq[i + 1] == "to" else None
            if isinstance(y, float):
                out.add((x, y))
                i += 3
                continue
            out.add((x, x))
        i += 1
    return out


_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "to",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "he",
        "she",
        "they",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "as",
        "not",
        "no",
        "said",
        "says",
    ]
)


def stems(text: str) -> list[str]:
    """Snowball stems of the content words: the tests' own reading of a phrase."""
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("english")
    found = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    return [str(stemmer.stemWord(w)) for w in found if w not in _STOP]


def covers(description: str, text: str, share: float = 0.5) -> bool:
    """At least ``share`` of the description's content words appear in the text, a derived form
    counting ('signed' for 'signatures': the same first four letters and one a prefix)."""
    want = [t for t in stems(description) if len(t) > 2]
    have = stems(text)

    def near(a: str, b: str) -> bool:
        return a == b or (len(a) >= 4 and a[:4] == b[:4] and (a.startswith(b) or b.startswith(a)))

    hits = sum(any(near(w, h) for h in have) for w in want)
    return bool(want) and hits >= share * len(want)


def named_as_agent(name: str, texts: Iterable[str]) -> int:
    """How many texts name `name` right after 'by' (up to two words between: 'by the nonprofit X'),
    in any case: a plain reading of who did something, for passive clauses like 'compiled by X'."""
    pattern = re.compile(rf"\bby\s+(?:[a-z-]+\s+){{0,2}}{re.escape(name.lower())}\b")
    return sum(bool(pattern.search(text.lower())) for text in texts)


def groups_linked(n: int, linked: Callable[[int, int], bool]) -> list[list[int]]:
    """Oracle for grouping code: a union-find over every pair i < j of 0..n-1 that ``linked``
    joins. Groups come in order of their first member, members in index order."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if linked(i, j):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())
