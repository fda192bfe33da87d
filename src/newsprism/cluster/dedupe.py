"""Near-duplicate and syndicated-copy detection with MinHash LSH (datasketch).

What a copy is (shingles, thresholds) is defined once in ``text/copies.py``; this is the stream's
finder.

Only canonical articles enter the index, so every copy points at the first article of its group
and a group counts as one source downstream. The caller forgets canonicals whose story has closed,
so memory follows the clustering window, not the stream.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.model import Article
from newsprism.text.copies import STREAM_JACCARD

# MurmurHash3's 32-bit finalizer (shifts and multipliers), which datasketch's "affine32" scheme
# applies to each input hash before its permutations h -> a * h + b (mod 2^32).
_FMIX32 = tuple(np.uint32(k) for k in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))


class Signer:
    """Shingle hashes -> MinHash, reusing one prototype so permutations are built once."""

    def __init__(self, num_perm: int = 64, seed: int = 1) -> None:
        self._proto = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)
        self._direct = self._proto.scheme == "affine32"

    def sign(self, shingles: np.ndarray) -> MinHash:
        m = copy.copy(self._proto)  # update_batch rebinds hashvalues: nothing shared is mutated
        m.update_batch(shingles.tolist())
        return m

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        """The hash values `sign` gives, computed on the uint32 array itself: datasketch's
        ``update_batch`` first turns it into a list of ints and back, half its cost here.
        Another scheme than affine32 goes through `sign`."""
        if not self._direct:
            return self.sign(shingles).hashvalues
        s1, m1, s2, m2, s3 = _FMIX32
        h = shingles.astype(np.uint32).reshape(-1, 1)
        h = h ^ (h >> s1)
        h = h * m1
        h = h ^ (h >> s2)
        h = h * m2
        h = h ^ (h >> s3)
        a, b = self._proto.permutations
        return np.minimum(self._proto.hashvalues, (h * a + b).min(axis=0))


class Deduplicator:
    """Online duplicate finder: `check` returns the canonical key an article copies, or None.

    The banding is datasketch's (its MinHashLSH picks the bands and rows that minimise errors at
    the threshold); the buckets are plain dicts keyed by each band's bytes, because a query and
    insert through MinHashLSH's storage layer cost more than clustering the article did.
    """

    def __init__(self, threshold: float = STREAM_JACCARD, num_perm: int = 64) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        params = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.bands, self.rows = params.b, params.r
        self._buckets: list[dict[bytes, set[int]]] = [{} for _ in range(self.bands)]
        self._signatures: dict[int, tuple[np.ndarray, list[bytes]]] = {}

    def check(self, key: int, signature: np.ndarray | None) -> int | None:
        """``signature``: the article's MinHash values (None for an article without words)."""
        if signature is None:
            return None
        keys = self._band_keys(signature)
        original = self._match(signature, keys)
        if original is None:
            for bucket, band in zip(self._buckets, keys, strict=True):
                bucket.setdefault(band, set()).add(key)
            self._signatures[key] = (signature, keys)
        return original

    def _band_keys(self, signature: np.ndarray) -> list[bytes]:
        r = self.rows
        return [signature[j * r : (j + 1) * r].tobytes() for j in range(self.bands)]

    def _match(self, signature: np.ndarray, keys: list[bytes]) -> int | None:
        """The most similar indexed article at or above the threshold (ties: the earliest)."""
        found: set[int] = set()
        for bucket, band in zip(self._buckets, keys, strict=True):
            hit = bucket.get(band)
            if hit:
                found |= hit
        best, best_sim = None, self.threshold
        for key in sorted(found):
            sim = np.count_nonzero(signature == self._signatures[key][0]) / self.num_perm
            if sim > best_sim or (best is None and sim == best_sim):
                best, best_sim = key, sim
        return best

    def forget(self, key: int) -> None:
        """Drop a canonical from the index (its story has closed); unknown keys are ignored."""
        entry = self._signatures.pop(key, None)
        if entry is None:
            return
        for bucket, band in zip(self._buckets, entry[1], strict=True):
            members = bucket[band]
            members.discard(key)
            if not members:
                del bucket[band]

    def __len__(self) -> int:
        return len(self._signatures)


def source_groups(articles: Iterable[Article]) -> list[list[Article]]:
    """Articles grouped by duplicate group, canonical first: what analyses count as one source."""
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(a.duplicate_of or a.id, []).append(a)
    return [sorted(g, key=lambda a: a.duplicate_of is not None) for g in groups.values()]
