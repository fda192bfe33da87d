"""Cross-article sentence alignment: which sentences in different articles say the same thing.

One alignment, many analyses: the summary, agreed facts and unique content all read it.
Lexical (TF-IDF cosine over word uni- and bigrams) by default. Small stories compare all pairs;
big ones (thousands of sentences) use prefix filtering: only pairs sharing a rarer term can reach
the threshold, so the cost grows about linearly with the story and no match is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from scipy import sparse

from newsprism.model import Article, Sentence
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.sparse import csr_rows
from newsprism.text.tokens import GENERAL_STOP_WORDS, word_tokens

SAME_CONTENT = 0.45
EXACT_LIMIT = 5000  # up to this many sentences, every pair is compared
SET_ASIDE = 0.5  # above it, common terms weighing up to this share of the threshold are set aside


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
    tokens = word_tokens(text, underscore=True, min_length=2)  # scikit-learn's token_pattern
    words = [w for w in tokens if w not in GENERAL_STOP_WORDS]
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def tfidf_vectors(texts: list[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (sublinear tf, smooth idf), as scikit-learn's TfidfVectorizer
    with ngram_range=(1, 2) and English stop words computes them, without its per-call overhead."""
    counts, _ = csr_rows(terms(text) for text in texts)
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
    """(row, col, cosine) of every sentence pair that may reach `threshold`; all pairs if few.

    Above EXACT_LIMIT sentences this is prefix filtering (Bayardo et al., 2007): each row's most
    common terms are set aside while their norm stays below the threshold, so two rows can only
    reach it if one shares a kept (rarer) term with the other. Only such pairs are generated,
    pairs whose bound falls short are dropped, and the rest get their exact cosine. Nothing at or
    above the threshold is lost, and rare terms keep the work about linear in the story's size.
    """
    if vectors.shape[0] <= EXACT_LIMIT:
        sims = (vectors @ vectors.T).tocoo()
        return sims.row, sims.col, sims.data
    kept, rest_norm = _prefixes(vectors, SET_ASIDE * threshold)
    partial = (kept @ vectors.T).tocoo()
    hopeful = (partial.data + rest_norm[partial.row] >= threshold) & (partial.row != partial.col)
    pairs = np.unique(
        np.sort(np.stack([partial.row[hopeful], partial.col[hopeful]], axis=1), axis=1), axis=0
    )
    rows, cols = pairs[:, 0], pairs[:, 1]
    sims = np.asarray(vectors[rows].multiply(vectors[cols]).sum(axis=1)).ravel()
    return np.concatenate([rows, cols]), np.concatenate([cols, rows]), np.concatenate([sims, sims])


def _prefixes(vectors: sparse.csr_matrix, threshold: float) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Each row without its most common terms (while they weigh < threshold), and their norm."""
    coo = vectors.tocoo()
    in_rows = np.bincount(coo.col, minlength=vectors.shape[1])
    order = np.lexsort((-in_rows[coo.col], coo.row))  # per row, most common terms first
    rows, squares = coo.row[order], coo.data[order] ** 2
    running = np.cumsum(squares)
    row_start = np.searchsorted(rows, rows)  # first entry of each entry's row
    before = running - squares - (running[row_start] - squares[row_start])
    set_aside = np.sqrt(before + squares) < threshold
    rest = np.bincount(rows[set_aside], weights=squares[set_aside], minlength=vectors.shape[0])
    keep = order[~set_aside]
    kept = sparse.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=vectors.shape)
    return kept, np.sqrt(rest)


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
    ctx.put("alignment", align(ctx.get("sentences")))
