"""Cross-article sentence alignment: which sentences in different articles say the same thing.

One alignment, many analyses: the summary, agreed facts and unique content all read it.
Lexical (TF-IDF cosine over word uni- and bigrams) by default. Small stories compare all pairs;
big ones (thousands of sentences) compare only pairs that share a rarer term and could still reach
the threshold, so the cost grows about linearly with the story instead of quadratically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.model import Article, Sentence
from newsprism.pipeline import Context
from newsprism.registry import stage

SAME_CONTENT = 0.45
_WORD = re.compile(r"(?u)\b\w\w+\b")
EXACT_LIMIT = 5000  # up to this many sentences, every pair is compared
PAIR_BUDGET = 50  # above it, candidate pairs allowed per stored vector value


@dataclass
class Alignment:
    """Sentence vectors plus, for each sentence, its matches in other articles."""

    sentences: list[Sentence]
    article_of: list[int]
    vectors: sparse.csr_matrix
    matches: list[list[tuple[int, float]]]

    def position(self) -> dict[str, int]:
        return {s.id: i for i, s in enumerate(self.sentences)}

    def supporters(self, i: int) -> list[int]:
        """Sentence i plus every sentence in another article that says the same thing."""
        return [i] + [j for j, _ in self.matches[i]]


def terms(text: str) -> list[str]:
    """Words (2+ characters, lower case, no stop words) and pairs of neighbouring kept words."""
    words = [w for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def tfidf_vectors(texts: list[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf, smooth idf), as scikit-learn's TfidfVectorizer
    with ngram_range=(1, 2) and English stop words computes them, without its per-call overhead."""
    vocab: dict[str, int] = {}
    indptr: list[int] = [0]
    indices: list[int] = []
    for text in texts:
        indices.extend(vocab.setdefault(t, len(vocab)) for t in terms(text))
        indptr.append(len(indices))
    counts = sparse.csr_matrix(
        (np.ones(len(indices)), indices, indptr), shape=(len(texts), max(len(vocab), 1))
    )
    counts.sum_duplicates()
    counts.data = 1.0 + np.log(counts.data)
    in_rows = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1.0 + len(texts)) / (1.0 + in_rows)) + 1.0
    weighted = sparse.csr_matrix(counts @ sparse.diags(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)


def similar_pairs(
    vectors: sparse.csr_matrix, threshold: float = SAME_CONTENT
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, col, cosine) of sentence pairs that may reach `threshold`; every pair if few.

    Above EXACT_LIMIT sentences, candidates are pairs sharing a rarer term, taking terms from the
    rarest up while the pairs they create stay within PAIR_BUDGET per stored value: cost grows
    linearly with the story. A candidate is kept only if its rare-term similarity plus the most its
    remaining (common) terms could add reaches the threshold; survivors get their exact cosine.
    """
    if vectors.shape[0] <= EXACT_LIMIT:
        sims = (vectors @ vectors.T).tocoo()
        return sims.row, sims.col, sims.data
    present = vectors.copy()
    present.data[:] = 1.0
    counts = np.asarray(present.sum(axis=0)).ravel()
    by_rarity = np.argsort(counts, kind="stable")
    affordable = np.cumsum(counts[by_rarity] ** 2) <= PAIR_BUDGET * vectors.nnz
    rare = np.zeros(vectors.shape[1], dtype=bool)
    rare[by_rarity[affordable]] = True
    rare_part, common_part = vectors[:, rare], vectors[:, ~rare]
    partial = sparse.triu(rare_part @ rare_part.T, k=1).tocoo()
    common_norm = np.sqrt(np.asarray(common_part.multiply(common_part).sum(axis=1)).ravel())
    bound = partial.data + common_norm[partial.row] * common_norm[partial.col]
    rows, cols = partial.row[bound >= threshold], partial.col[bound >= threshold]
    sims = np.asarray(vectors[rows].multiply(vectors[cols]).sum(axis=1)).ravel()
    return np.concatenate([rows, cols]), np.concatenate([cols, rows]), np.concatenate([sims, sims])


def align(articles: list[Article], threshold: float = SAME_CONTENT) -> Alignment:
    sentences = [s for a in articles for s in a.sentences]
    article_of = [k for k, a in enumerate(articles) for _ in a.sentences]
    if not sentences:
        return Alignment([], [], sparse.csr_matrix((0, 0)), [])
    vectors = tfidf_vectors([s.text for s in sentences])
    rows, cols, sims = similar_pairs(vectors, threshold)
    owner = np.asarray(article_of)
    keep = (sims >= threshold) & (owner[rows] != owner[cols])
    matches: list[list[tuple[int, float]]] = [[] for _ in sentences]
    for r, c, v in zip(rows[keep], cols[keep], sims[keep], strict=True):
        matches[int(r)].append((int(c), float(v)))
    for m in matches:
        m.sort(key=lambda x: -x[1])
    return Alignment(sentences, article_of, vectors, matches)


@stage("align", version="1.0", requires=("sentences",), assigns=("alignment",))
def align_stage(ctx: Context) -> None:
    """Find sentences that different articles share, for citations and agreement."""
    ctx.artifacts["alignment"] = align(ctx.brief.articles)
