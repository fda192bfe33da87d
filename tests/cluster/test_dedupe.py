"""MinHash LSH duplicates: light edits are copies, same-story rewrites are not."""

from __future__ import annotations

import numpy as np

from newsprism.cluster.dedupe import Deduplicator, Signer, source_groups
from newsprism.cluster.features import Featurizer
from newsprism.model import Article

from .conftest import Stream


def test_edited_copies_point_at_their_original(stream: Stream) -> None:
    featurizer, dedup = Featurizer(), Deduplicator()
    found: dict[str, str] = {}
    for key, article in enumerate(stream.articles):
        original = dedup.check(key, featurizer.features(article).signature)
        if original is not None:
            found[article.id] = stream.articles[original].id
    assert found == stream.copies
    assert len(found) > 5


def test_forgotten_originals_are_no_longer_matched(stream: Stream) -> None:
    featurizer, dedup = Featurizer(), Deduplicator()
    copy_id, original_id = next(iter(stream.copies.items()))
    by_id = {a.id: a for a in stream.articles}
    dedup.check(0, featurizer.features(by_id[original_id]).signature)
    dedup.forget(0)
    assert dedup.check(1, featurizer.features(by_id[copy_id]).signature) is None
    assert len(dedup) == 1


def test_empty_text_is_never_a_duplicate() -> None:
    dedup = Deduplicator()
    empty = Featurizer().of_text("").signature
    assert dedup.check(0, empty) is None
    assert dedup.check(1, empty) is None


def test_source_groups_put_copies_with_their_canonical() -> None:
    a = Article.create("original text", outlet="Wire")
    b = Article.create("original text!", outlet="Daily").model_copy(update={"duplicate_of": a.id})
    c = Article.create("another report", outlet="Herald")
    groups = source_groups([b, c, a])
    assert [[x.id for x in g] for g in groups] == [[a.id, b.id], [c.id]]


def test_signature_equals_datasketchs_minhash_of_the_same_shingles() -> None:
    """`Signer.signature` computes on the array what datasketch's MinHash computes from a list;
    the oracle is datasketch itself (a MinHash of its own with the same seed)."""
    from datasketch import MinHash

    rng = np.random.default_rng(11)
    signer = Signer(num_perm=64, seed=1)
    for n in (1, 2, 3, 50, 400, 2000):
        for _ in range(10):
            shingles = np.unique(rng.integers(0, 2**32, n, dtype=np.uint64)).astype(np.uint32)
            reference = MinHash(num_perm=64, seed=1, hashfunc=int)
            reference.update_batch([int(h) for h in shingles])
            got = signer.signature(shingles)
            assert got.dtype == reference.hashvalues.dtype
            assert np.array_equal(got, reference.hashvalues)
