"""Syndicated copies count as one source."""

from __future__ import annotations

from newsprism.analysis.sources import independent_sources
from newsprism.model import Article

WIRE = (
    "Harbour officials closed the eastern pier on Tuesday after divers found cracks in three of its "
    "concrete piles. Ferries will use the western terminal until engineers finish an inspection, "
    "which the port authority expects to take at least two weeks. No one was hurt."
)


def test_near_identical_texts_are_one_source() -> None:
    original = Article.create(WIRE, outlet="Wire")
    reprint = Article.create(WIRE.replace("No one was hurt.", "Nobody was hurt."), outlet="Gazette")
    other = Article.create("The council voted to fund a new library in the old market hall.",
                           outlet="Post")  # fmt: skip
    sources = independent_sources([original, reprint, other])
    assert sources.count == 2
    assert sources.group_of[0] == sources.group_of[1] != sources.group_of[2]
    assert sources.labels[sources.group_of[0]] == "Wire (also: Gazette)"


def test_marked_duplicate_joins_its_original() -> None:
    a = Article.create(WIRE, outlet="Wire")
    b = Article.create("A shorter rewrite about the pier.", outlet="Blog", duplicate_of=a.id)
    assert independent_sources([a, b]).count == 1
