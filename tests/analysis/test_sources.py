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


def test_copy_candidates_hold_every_copy_among_many_texts() -> None:
    """Prefix filtering never drops a copy: every pair whose shorter set lies at least 80 %
    inside the other (counted here pair by pair) is a candidate."""
    import random

    from newsprism.analysis.sources import copy_candidates

    rng = random.Random(7)
    common = list(range(40))  # stock shingles nearly every text holds
    texts: list[set[int]] = []
    for k in range(120):
        own = {1000 * (k + 1) + i for i in range(rng.randint(1, 60))}
        texts.append(own | set(rng.sample(common, 10)))
    for k in range(0, 120, 6):  # reprints: a share of the original's shingles, plus a few more
        kept = rng.sample(
            sorted(texts[k]), max(1, int(len(texts[k]) * rng.choice([0.75, 0.8, 0.9])))
        )
        texts.append(set(kept) | {999_000 + k})
    copies = {
        (i, j)
        for i in range(len(texts))
        for j in range(i + 1, len(texts))
        if len(texts[i] & texts[j]) / min(len(texts[i]), len(texts[j])) >= 0.8
    }
    rows, cols = copy_candidates(texts)
    candidates = set(zip(rows.tolist(), cols.tolist(), strict=True))
    assert len(copies) >= 10
    assert copies <= candidates
    assert len(candidates) < len(texts) * (len(texts) - 1) // 4  # stock shingles make no pair
