"""What a syndicated copy is: the one definition both copy finders read.

A syndicated copy is a text whose word shingles lie (almost) inside another's. Two finders apply it:
the clustering stream (``cluster/dedupe.py``: MinHash LSH over 3-word shingles, estimated Jaccard
>= 0.5; one pass, bounded memory, symmetric) and a story's sources stage (``analysis/sources.py``:
exact 5-word shingle containment >= 0.8, so a short reprint inside a longer article counts).
Why the two settings differ, and stay so, is in docs/hardening.md.
"""

from __future__ import annotations

import numpy as np

STREAM_SHINGLE = 3  # words per shingle in the clustering stream (ClusterConfig.shingle_size)
STREAM_JACCARD = 0.5  # MinHash Jaccard estimate that makes a copy (ClusterConfig.dedup_threshold)
STORY_SHINGLE = 5  # words per shingle inside one story (analysis/sources.py)
STORY_CONTAINMENT = 0.8  # share of the shorter text's shingles inside the longer one's

_MASK32 = np.uint64(0xFFFFFFFF)
# Odd 32-bit multipliers that mix the words of a shingle in order ("a b c" != "c b a").
_MIXERS = tuple(np.uint64(m) for m in (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1))


def shingle_hashes(word_hashes: list[int], size: int) -> np.ndarray:
    """Distinct hashes of every run of ``size`` consecutive words (all words when fewer)."""
    h = np.asarray(word_hashes, dtype=np.uint64)
    if len(h) < size:
        return np.unique(h).astype(np.uint32)
    n = len(h) - size + 1
    mixed = h[:n] * _MIXERS[0]
    for i in range(1, size):
        mixed = mixed + h[i : i + n] * _MIXERS[i % len(_MIXERS)]
    return np.unique((mixed ^ (mixed >> np.uint64(29))) & _MASK32).astype(np.uint32)


def story_shingles(tokens: list[str], size: int = STORY_SHINGLE) -> set[int]:
    """Exact shingle set of one text (a text shorter than ``size`` is one shingle)."""
    return {hash(tuple(tokens[i : i + size])) for i in range(max(1, len(tokens) - size + 1))}


def is_copy(a: set[int], b: set[int], threshold: float = STORY_CONTAINMENT) -> bool:
    """The shorter text's shingles lie almost all inside the longer one's."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= threshold
