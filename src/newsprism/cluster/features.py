"""Lexical features of an article: stemmed content terms for stories, word shingles for duplicates.

One tokenisation feeds both, and a per-token cache makes stemming and hashing cost a dict lookup
for the common words that dominate news text. Hashes are CRC32, stable across processes, so Dask
workers agree on them.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
import snowballstemmer

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dedupe import Signer
from newsprism.model import Article
from newsprism.text.copies import shingle_hashes

__all__ = ["DocFrequency", "Features", "Featurizer", "shingle_hashes", "weigh"]
from newsprism.text.tokens import GENERAL_STOP_WORDS, word_tokens

_CACHE_LIMIT = 1_000_000
_CHARS_PER_WORD = 8  # news English averages about six characters per word and space


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
        self._cache: dict[str, tuple[str, int]] = {}

    def _token(self, word: str) -> tuple[str, int]:
        """word -> (stemmed term or '' for a stop word, 32-bit hash of the word)."""
        hit = self._cache.get(word)
        if hit is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            keep = len(word) > 1 and word not in GENERAL_STOP_WORDS
            hit = (self._stem(word) if keep else "", zlib.crc32(word.encode("utf-8")))
            self._cache[word] = hit
        return hit

    def features(self, article: Article) -> Features:
        return self.of_text(article.text, article.title)

    def of_text(self, text: str, title: str | None = None) -> Features:
        words = self._words(text)
        terms: dict[str, float] = {}
        hashes: list[int] = []
        token, cached = self._token, self._cache.get
        for word in words:
            term, h = cached(word) or token(word)
            hashes.append(h)
            if term:
                terms[term] = terms.get(term, 0.0) + 1.0
        if title:
            weight = self.config.title_weight
            for word in word_tokens(title):
                term = (cached(word) or token(word))[0]
                if term:
                    terms[term] = terms.get(term, 0.0) + weight
        shingles = shingle_hashes(hashes, self.config.shingle_size)
        signature = self._signer.signature(shingles) if len(shingles) else None
        return Features(terms, signature)

    def _words(self, text: str) -> list[str]:
        """The first ``max_tokens`` words, without lowering and scanning the rest of a long text.

        The head read grows until it holds more than the words needed (the last one may be cut
        in half) or is the whole text.
        """
        limit = self.config.max_tokens
        size = limit * _CHARS_PER_WORD
        while True:
            head = text[:size]
            words = word_tokens(head)
            if len(words) > limit or len(head) >= len(text):
                return words[:limit]
            size *= 4


class DocFrequency:
    """Document frequencies for IDF: fixed (batch) or growing with the stream (online).

    Memory stays bounded: past ``limit`` terms, the ones seen in a single article are dropped,
    which changes no weight that matters (they are the rarest and get the default IDF again).
    """

    def __init__(self, limit: int = 2_000_000) -> None:
        self.counts: dict[str, int] = {}
        self.n = 0
        self.limit = limit

    def add(self, terms: Iterable[str]) -> list[int] | None:
        """Count one article's terms; returns their counts after it, in order, for `weigh`
        (None when the table was just pruned, since some of those counts are then gone)."""
        counts = self.counts
        after: list[int] = []
        for t in terms:
            counts[t] = c = counts.get(t, 0) + 1
            after.append(c)
        self.n += 1
        if len(counts) > self.limit:
            self.counts = {t: c for t, c in counts.items() if c > 1}
            return None
        return after

    def merge(self, other: DocFrequency) -> None:
        for t, c in other.counts.items():
            self.counts[t] = self.counts.get(t, 0) + c
        self.n += other.n

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.counts.get(term, 0) + 1)) + 1.0


def weigh(
    terms: dict[str, float], df: DocFrequency, keep: int, counts: list[int] | None = None
) -> dict[str, float]:
    """Unit-length sublinear TF-IDF vector of the ``keep`` heaviest terms, rarest term first.

    The order is what the story index reads postings in (`Postings.estimate`). ``counts``: the
    terms' document frequencies in ``terms``' order when the caller has them (`DocFrequency.add`
    returns them), which saves looking each term up again. Rows are (count, term, weight), so
    one sort by row is the rarest-first order (terms are unique, so weights never decide).
    """
    if counts is None:
        get = df.counts.get
        counts = [get(t, 0) for t in terms]
    log, n1 = math.log, math.log(df.n + 1) + 1.0
    rows = [
        (c, t, (1.0 + log(tf)) * (n1 - log(c + 1)))
        for (t, tf), c in zip(terms.items(), counts, strict=True)
    ]
    if len(rows) > keep:  # heaviest first; ties keep their order (a stable sort)
        rows = sorted(rows, key=itemgetter(2), reverse=True)[:keep]
    norm = math.sqrt(sum(w * w for _, _, w in rows)) or 1.0
    rows.sort()
    return {t: w / norm for _, t, w in rows}
