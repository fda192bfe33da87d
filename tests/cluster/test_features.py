"""Tokens, stems, title weight, shingles and IDF."""

from __future__ import annotations

import numpy as np

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.features import DocFrequency, Featurizer, shingle_hashes, weigh


def test_terms_drop_stop_words_and_stem() -> None:
    f = Featurizer().of_text("The councils were voting on the bridges and the council voted.")
    assert "the" not in f.terms and "and" not in f.terms
    assert f.terms["council"] == 2.0
    assert f.terms["vote"] == 2.0


def test_title_words_count_more() -> None:
    f = Featurizer(ClusterConfig(title_weight=2.0)).of_text("harbor news", title="Harbor")
    assert f.terms["harbor"] == 3.0


def test_shingles_are_stable_across_featurizers_and_order_sensitive() -> None:
    text = "one two three four five six"
    a, b = Featurizer().of_text(text), Featurizer().of_text(text)
    assert a.signature is not None and np.array_equal(a.signature, b.signature)
    reordered = Featurizer().of_text("three two one four five six")
    assert not np.array_equal(a.signature, reordered.signature)
    assert Featurizer().of_text("").signature is None


def test_shingles_cover_every_run_of_words_and_short_texts() -> None:
    assert len(shingle_hashes([1, 2, 3, 4, 5, 6], 3)) == 4
    assert len(shingle_hashes([1, 2, 3, 1, 2, 3], 3)) == 3
    assert len(shingle_hashes([7, 9], 3)) == 2
    assert len(shingle_hashes([], 3)) == 0


def test_idf_favours_rare_terms_and_vectors_are_unit_length() -> None:
    df = DocFrequency()
    for terms in (["court", "ruling"], ["court", "storm"], ["court", "vote"]):
        df.add(terms)
    assert df.idf("ruling") > df.idf("court")
    vec = weigh({"court": 1.0, "ruling": 1.0}, df, keep=10)
    assert abs(sum(w * w for w in vec.values()) - 1.0) < 1e-9
    assert vec["ruling"] > vec["court"]
    assert list(weigh({"court": 1.0, "ruling": 1.0, "vote": 1.0}, df, keep=1)) in (
        ["ruling"],
        ["vote"],
    )


def test_doc_frequency_prunes_singletons_past_its_limit() -> None:
    df = DocFrequency(limit=3)
    df.add(["a", "b"])
    df.add(["a", "c", "d"])
    assert df.counts == {"a": 2}
    assert df.n == 2


def test_only_the_first_words_are_read_however_long_they_are() -> None:
    """Short words, long words (past the head first read) and texts shorter than the limit all
    give exactly the first ``max_tokens`` words of the whole text."""
    import re

    cfg = ClusterConfig(max_tokens=50)
    featurizer = Featurizer(cfg)
    every = re.compile(r"[^\W_]+")
    texts = [
        " ".join(f"w{i}" for i in range(500)),
        " ".join("x" * 30 + str(i) for i in range(200)),  # 31+ characters a word
        "Ünïcode Straße " * 10,
        "a, b; c",
        "",
    ]
    for text in texts:
        assert featurizer._words(text) == every.findall(text.lower())[:50]


def test_heaviest_terms_are_kept_with_ties_in_their_order() -> None:
    df = DocFrequency()
    terms = {f"t{i}": 1.0 for i in range(10)}
    df.add(terms)
    vec = weigh(terms, df, keep=4)
    assert set(vec) == {"t0", "t1", "t2", "t3"}  # equal weights: the first four


def _reference_vector(terms: dict[str, float], counts: dict[str, int], n: int, keep: int) -> dict:
    """The documented weighting written out: sublinear TF x IDF, the ``keep`` heaviest (ties in
    term order), unit length, rarest first (ties by term)."""
    import math

    idf = {t: math.log(n + 1) + 1.0 - math.log(counts.get(t, 0) + 1) for t in terms}
    raw = {t: (1.0 + math.log(tf)) * idf[t] for t, tf in terms.items()}
    order = list(raw)
    kept = sorted(order, key=lambda t: (-raw[t], order.index(t)))[:keep]
    norm = math.sqrt(sum(raw[t] ** 2 for t in kept))
    return {t: raw[t] / norm for t in sorted(kept, key=lambda t: (counts.get(t, 0), t))}


def test_weigh_with_the_counts_add_returns_matches_the_formula_and_the_lookup() -> None:
    """`DocFrequency.add` returns the terms' counts after the article; `weigh` given them gives
    the same vector, bit for bit, as looking each count up, and both follow the formula."""
    df = DocFrequency()
    seen: dict[str, int] = {}
    for i in range(40):
        terms = {f"w{(i * 7 + j * j) % 23}": float(1 + (i + j) % 3) for j in range(i % 9 + 1)}
        terms[f"title{i % 4}"] = 2.0
        counts = df.add(terms)
        for t in terms:
            seen[t] = seen.get(t, 0) + 1
        assert counts == [seen[t] for t in terms]
        given_counts = weigh(terms, df, keep=5, counts=counts)
        looked_up = weigh(terms, df, keep=5)
        assert list(given_counts.items()) == list(looked_up.items())
        expected = _reference_vector(terms, seen, i + 1, keep=5)
        assert list(given_counts) == list(expected)
        assert all(abs(given_counts[t] - w) < 1e-12 for t, w in expected.items())


def test_doc_frequency_add_returns_none_when_it_prunes() -> None:
    df = DocFrequency(limit=3)
    assert df.add(["a", "b"]) == [1, 1]
    assert df.add(["a", "c", "d"]) is None  # pruned: the singletons' counts are gone
    assert weigh({"a": 1.0, "c": 1.0}, df, keep=2)  # still weighs from the table as it is
