"""Lexical features of an article: stemmed content terms for stories, word shingles for duplicates.

One tokenisation feeds both, and a per-token cache makes stemming and hashing cost a dict lookup
for the common words that dominate news text. Hashes are CRC32, stable across processes, so Dask
workers agree on them.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

import numpy as np
import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dedupe import Signer
from newsprism.model import Article

_WORD = re.compile(r"[^\W_]+")
_MASK32 = np.uint64(0xFFFFFFFF)
# Odd 32-bit multipliers that mix the words of a shingle in order ("a b c" != "c b a").
_MIXERS = tuple(np.uint64(m) for m in (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1))
_CACHE_LIMIT = 1_000_000
_CHARS_PER_WORD = 12  # generous: news English averages about six characters per word and space


@dataclass(frozen=True)
class Features:
    """What clustering and deduplication need from one article (small enough to send between
    processes: the shingles travel as their MinHash values)."""

    terms: dict[str, float]
    signature: np.ndarray | None
    vector: dict[str, float] | None = None  # weighted already (by a stream's helper process)
    embedding: np.ndarray | None = None  # headline and lead, with the semantic extra


class Featurizer:
    """Tokenise once; derive content terms (for stories) and shingle hashes (for duplicates)."""

    def __init__(self, config: ClusterConfig | None = None) -> None:
        self.config = config or ClusterConfig()
        self._stem = snowballstemmer.stemmer("english").stemWord
        self._signer = Signer(self.config.num_perm)
        self._term: dict[str, str] = {}  # word -> stemmed term, '' for a stop word
        self._hash: dict[str, int] = {}  # word -> 32-bit hash

    def _learn(self, words: Iterable[str]) -> None:
        """Stem and hash the words not seen before (the cache is cleared when it is full)."""
        new = set(words).difference(self._term)
        if not new:
            return
        if len(self._term) + len(new) > _CACHE_LIMIT:
            self._term.clear()
            self._hash.clear()
        stem = self._stem
        for word in new:
            keep = len(word) > 1 and word not in ENGLISH_STOP_WORDS
            self._term[word] = stem(word) if keep else ""
            self._hash[word] = zlib.crc32(word.encode("utf-8"))

    def features(self, article: Article) -> Features:
        return self.of_text(article.text, article.title)

    def of_text(self, text: str, title: str | None = None) -> Features:
        """No Python loop over the words: Counter, the caches (through map) and numpy do the
        per-word work in C (a loop over every word was most of the featurising cost)."""
        words = self._words(text)
        heading = _WORD.findall(title.lower()) if title else []
        self._learn([*words, *heading])
        term_of = self._term
        terms: dict[str, float] = Counter(map(term_of.__getitem__, words))  # type: ignore[assignment]
        weight = self.config.title_weight
        for word in heading:
            term = term_of[word]
            terms[term] = terms.get(term, 0.0) + weight
        terms.pop("", None)  # stop words
        hashes = np.fromiter(map(self._hash.__getitem__, words), np.uint64, len(words))
        shingles = shingle_hashes(hashes, self.config.shingle_size)
        signature = self._signer.sign(shingles).hashvalues if len(shingles) else None
        return Features(terms, signature)

    def _words(self, text: str) -> list[str]:
        """The first ``max_tokens`` words, without lowering and scanning the rest of a long text."""
        limit = self.config.max_tokens
        head = text[: limit * _CHARS_PER_WORD]
        words = _WORD.findall(head.lower())
        if len(words) <= limit and len(head) < len(text):
            words = _WORD.findall(text.lower())
        return words[:limit]


def shingle_hashes(word_hashes: np.ndarray | list[int], size: int) -> np.ndarray:
    """Distinct hashes of every run of ``size`` consecutive words (all words when fewer)."""
    h = np.asarray(word_hashes, dtype=np.uint64)
    if len(h) < size:
        return np.unique(h).astype(np.uint32)
    n = len(h) - size + 1
    mixed = h[:n] * _MIXERS[0]
    for i in range(1, size):
        mixed = mixed + h[i : i + n] * _MIXERS[i % len(_MIXERS)]
    return np.unique((mixed ^ (mixed >> np.uint64(29))) & _MASK32).astype(np.uint32)


class DocFrequency:
    """Document frequencies for IDF: fixed (batch) or growing with the stream (online).

    Memory stays bounded: past ``limit`` terms, the ones seen in a single article are dropped,
    which changes no weight that matters (they are the rarest and get the default IDF again).
    """

    def __init__(self, limit: int = 2_000_000) -> None:
        self.counts: dict[str, int] = {}
        self.n = 0
        self.limit = limit

    def add(self, terms: Iterable[str]) -> None:
        counts = self.counts
        for t in terms:
            counts[t] = counts.get(t, 0) + 1
        self.n += 1
        if len(counts) > self.limit:
            self.counts = {t: c for t, c in counts.items() if c > 1}

    def merge(self, other: DocFrequency) -> None:
        for t, c in other.counts.items():
            self.counts[t] = self.counts.get(t, 0) + c
        self.n += other.n

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.counts.get(term, 0) + 1)) + 1.0


def weigh(terms: dict[str, float], df: DocFrequency, keep: int) -> dict[str, float]:
    """Unit-length sublinear TF-IDF vector of the ``keep`` heaviest terms, rarest term first.

    The order is what the story index reads postings in (`Postings.estimate`). Weights are
    computed with numpy over the article's terms; ties keep the terms' order (stable sort).
    """
    counts, n1 = df.counts, math.log(df.n + 1) + 1.0
    names = list(terms)
    n = len(names)
    tf = np.fromiter(terms.values(), np.float64, n)
    seen = np.fromiter(map(counts.get, names, repeat(0)), np.float64, n)
    w = (1.0 + np.log(tf)) * (n1 - np.log(seen + 1.0))
    top = np.argsort(-w, kind="stable")[:keep] if n > keep else np.arange(n)
    kept = w[top]
    norm = math.sqrt(float(kept @ kept)) or 1.0
    ranked = sorted(top.tolist(), key=lambda i: (seen[i], names[i]))
    return {names[i]: float(w[i]) / norm for i in ranked}
