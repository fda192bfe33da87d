"""Near-duplicate and syndicated-copy detection with MinHash LSH (datasketch).

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


class Signer:
    """Shingle hashes -> MinHash, reusing one prototype so permutations are built once."""

    def __init__(self, num_perm: int = 64, seed: int = 1) -> None:
        self._proto = MinHash(num_perm=num_perm, seed=seed, hashfunc=int)

    def sign(self, shingles: np.ndarray) -> MinHash:
        m = copy.copy(self._proto)  # update_batch rebinds hashvalues: nothing shared is mutated
        m.update_batch(shingles.tolist())
        return m

    def wrap(self, hashvalues: np.ndarray) -> MinHash:
        """A MinHash around hash values computed elsewhere (another process)."""
        m = copy.copy(self._proto)
        m.hashvalues = hashvalues
        return m


class Deduplicator:
    """Online duplicate finder: `check` returns the canonical key an article copies, or None."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 64) -> None:
        self.threshold = threshold
        self.signer = Signer(num_perm)
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[int, MinHash] = {}

    def check(self, key: int, signature: np.ndarray | None) -> int | None:
        """``signature``: the article's MinHash values (None for an article without words)."""
        if signature is None:
            return None
        sig = self.signer.wrap(signature)
        original = self.match(sig)
        if original is None:
            self.lsh.insert(key, sig, check_duplication=False)
            self._signatures[key] = sig
        return original

    def match(self, sig: MinHash) -> int | None:
        """The most similar indexed article at or above the threshold (ties: the earliest)."""
        best, best_sim = None, self.threshold
        for key in sorted(self.lsh.query(sig)):
            sim = sig.jaccard(self._signatures[key])
            if sim > best_sim or (best is None and sim == best_sim):
                best, best_sim = key, sim
        return best

    def forget(self, key: int) -> None:
        """Drop a canonical from the index (its story has closed); unknown keys are ignored."""
        if self._signatures.pop(key, None) is not None:
            self.lsh.remove(key)

    def __len__(self) -> int:
        return len(self._signatures)


def source_groups(articles: Iterable[Article]) -> list[list[Article]]:
    """Articles grouped by duplicate group, canonical first: what analyses count as one source."""
    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(a.duplicate_of or a.id, []).append(a)
    return [sorted(g, key=lambda a: a.duplicate_of is not None) for g in groups.values()]
