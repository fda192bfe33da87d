"""Openings: the positions of "<article> <phrase>" a scan of the whole text finds, from an index."""

from __future__ import annotations

import random

import pytest

from newsprism.analysis.names_index import Openings


def _scan(text: str, needle: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(needle, i)]


@pytest.mark.parametrize("seed", [1, 2])
def test_every_position_a_scan_finds(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = ["the", "a", "an", "attorney", "general", "ag", "at", "theatre", "banana", "x"]
    text = " ".join(rng.choice(vocabulary) for _ in range(3000)) + " the"
    openings = Openings(text)
    for article in ("the", "a", "an"):
        for phrase in ["attorney general", "attorney", "ag", "a", "x", "general", "th", "", "zz"]:
            expected = _scan(text, f"{article} {phrase}")
            assert openings.find(article, phrase) == expected, (article, phrase)
