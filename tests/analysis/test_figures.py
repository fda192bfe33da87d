"""Figure alignment: the context similarity reads each mention's weighted bag once."""

from __future__ import annotations

import math
import random

from newsprism.analysis.figures import OVERLAP_MIX, _Bags, _cosine
from newsprism.text.terms import related


def _cosine_every_term(a: dict[str, float], b: dict[str, float], idf: dict[str, float]) -> float:
    """The oracle: the former implementation, weighing and scanning every term per pair."""
    if not a or not b:
        return 0.0
    wa = {t: w * idf.get(t, 1.0) for t, w in a.items()}
    wb = {t: w * idf.get(t, 1.0) for t, w in b.items()}
    pairs = [(t, t) for t in wa.keys() & wb.keys()]
    loose_b: dict[str, list[str]] = {}
    for t in wb:
        if t not in wa:
            loose_b.setdefault(t[:4], []).append(t)
    for t in wa:
        if t in wb:
            continue
        bucket = loose_b.get(t[:4], [])
        match = next((u for u in bucket if related(t, u)), None)
        if match:
            pairs.append((t, match))
            bucket.remove(match)
    dot = sum(wa[x] * wb[y] for x, y in pairs)
    norm = math.sqrt(sum(w * w for w in wa.values())) * math.sqrt(sum(w * w for w in wb.values()))
    shared = sum(min(wa[x], wb[y]) for x, y in pairs)
    overlap = shared / min(sum(wa.values()), sum(wb.values()))
    return OVERLAP_MIX * overlap + (1 - OVERLAP_MIX) * dot / norm


def test_context_similarity_is_bit_for_bit_the_scan_of_every_term() -> None:
    rng = random.Random(11)
    stems = ["sign", "signatur", "signal", "vote", "voter", "fire", "firefight", "cour", "court",
             "courtroom", "harb", "harbour", "pier", "mayor", "mayoral", "fund"]  # fmt: skip
    idf = {t: 1.0 + rng.random() * 3 for t in stems[::2]}
    contexts = [
        {t: rng.choice([1.0, 0.7]) for t in rng.sample(stems, rng.randint(0, 7))} for _ in range(80)
    ]
    bags = _Bags(idf)
    linked = 0
    for a in contexts:
        for b in contexts:
            expected = _cosine_every_term(a, b, idf)
            assert _cosine(a, b, idf, bags) == expected
            linked += expected > 0
    assert linked > 100
