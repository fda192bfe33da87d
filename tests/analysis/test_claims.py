"""Claim anchors merged by shared sentences: the indexed merge keeps what the pairwise rule keeps."""

from __future__ import annotations

import random

from newsprism.analysis.claims import Anchor, merge_anchors
from newsprism.model import Sentence


def _anchor(name: str, weight: float, ids: list[str], groups: int) -> Anchor:
    anchor = Anchor((f"{name}1", f"{name}2"), weight)
    anchor.sentences = {i: Sentence(id=i, index=0, text=f"Sentence {i}.") for i in ids}
    anchor.groups = set(range(groups))
    return anchor


def _pairwise(anchors: list[Anchor], overlap: float) -> list[Anchor]:
    """The rule by definition: keep an anchor unless it shares `overlap` of the smaller sentence
    set with an anchor kept before it (more groups first, then heavier)."""
    kept: list[Anchor] = []
    for anchor in sorted(anchors, key=lambda a: (-len(a.groups), -a.weight)):
        if all(
            len(set(anchor.sentences) & set(o.sentences))
            < overlap * min(len(anchor.sentences), len(o.sentences))
            for o in kept
        ):
            kept.append(anchor)
    return kept


def test_an_anchor_citing_mostly_kept_sentences_is_merged() -> None:
    strong = _anchor("a", 3.0, ["x.1", "y.1", "z.1"], 3)
    same = _anchor("b", 5.0, ["x.1", "y.1"], 2)
    other = _anchor("c", 1.0, ["x.1", "w.1", "v.1"], 2)
    assert merge_anchors([same, other, strong]) == [strong, other]


def test_the_indexed_merge_keeps_what_the_pairwise_rule_keeps() -> None:
    rng = random.Random(7)
    for _ in range(300):
        pool = [f"a{k}.{n}" for k in range(4) for n in range(rng.randint(1, 6))]
        anchors = [
            _anchor(f"t{j}", rng.choice([1.0, 2.0, rng.random()]),
                    rng.sample(pool, rng.randint(1, min(5, len(pool)))), rng.randint(2, 4))
            for j in range(rng.randint(0, 25))
        ]  # fmt: skip
        overlap = rng.choice([0.5, 0.3, 1.0])
        assert merge_anchors(anchors, overlap) == _pairwise(anchors, overlap)
