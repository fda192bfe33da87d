"""Cross-article sentence alignment: which sentences in different articles say the same thing.

One alignment, many analyses: the summary, agreed facts and unique content all read it.
Lexical (TF-IDF cosine over word uni- and bigrams) by default. Small stories compare all pairs;
big ones (thousands of sentences) use prefix filtering: only pairs sharing a rarer term can reach
the threshold, so the cost grows about linearly with the story and no match is lost.
"""

from __future__ import annotations

from collections.abc import Callable
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
    vectors: sparse.csr_matrix, threshold: float = SAME_CONTENT, exact: bool | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, col, cosine) of every row pair that may reach `threshold`; all pairs if few.

    ``exact`` (default: at most EXACT_LIMIT rows) compares every pair, a row with itself included.
    Otherwise this is prefix filtering (Bayardo et al., 2007): each row's most
    common terms are set aside while their norm stays below the threshold, so two rows can only
    reach it if one shares a kept (rarer) term with the other. Only such pairs are generated,
    pairs whose bound falls short are dropped, and the rest get their exact cosine. Nothing at or
    above the threshold is lost, and rare terms keep the work about linear in the story's size.
    """
    if vectors.shape[0] <= EXACT_LIMIT if exact is None else exact:
        sims = (vectors @ vectors.T).tocoo()
        return sims.row, sims.col, sims.data
    kept, rest_norm = _prefixes(vectors, SET_ASIDE * threshold)
    partial = (kept @ vectors.T).tocoo()
    hopeful = (partial.data + rest_norm[partial.row] >= threshold) & (partial.row != partial.col)
    pairs = np.unique(
        np.sort(np.stack([partial.row[hopeful], partial.col[hopeful]], axis=1), axis=1), axis=0
    )
    rows, cols = pairs[:, 0], pairs[:, 1]
    sims = cosines(vectors, rows, cols)
    return np.concatenate([rows, cols]), np.concatenate([cols, rows]), np.concatenate([sims, sims])


def cosines(vectors: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The cosine of each (row, col) pair of L2-normalised rows."""
    return np.asarray(vectors[rows].multiply(vectors[cols]).sum(axis=1)).ravel()


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


def distinct_rows(vectors: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """(first row of each distinct row, distinct index of every row): sentences with identical
    vectors (repeated or reprinted sentences) are compared once, never copy by copy."""
    seen: dict[tuple[bytes, bytes], int] = {}
    first: list[int] = []
    of = np.empty(vectors.shape[0], dtype=np.int64)
    ptr, indices, data = vectors.indptr, vectors.indices, vectors.data
    for i in range(vectors.shape[0]):
        row = slice(ptr[i], ptr[i + 1])
        d = seen.setdefault((indices[row].tobytes(), data[row].tobytes()), len(seen))
        if d == len(first):
            first.append(i)
        of[i] = d
    return np.asarray(first, dtype=np.int64), of


def _linked(distinct: sparse.csr_matrix, copies: np.ndarray, threshold: float, exact: bool
            ) -> list[list[tuple[int, float]]]:  # fmt: skip
    """Per distinct row, the distinct rows (itself included when it has copies) at or above the
    threshold, with their cosine."""
    rows, cols, sims = similar_pairs(distinct, threshold, exact)
    if not exact:  # the pairwise scan does not pair a row with itself; its copies need it
        again = np.flatnonzero(copies > 1)
        rows, cols = np.concatenate([rows, again]), np.concatenate([cols, again])
        sims = np.concatenate([sims, cosines(distinct, again, again)])
    linked: list[list[tuple[int, float]]] = [[] for _ in range(distinct.shape[0])]
    keep = sims >= threshold
    for r, c, v in zip(rows[keep].tolist(), cols[keep].tolist(), sims[keep].tolist(), strict=True):
        linked[r].append((c, v))
    return linked


def _scan_order(distinct: sparse.csr_matrix, d: int, linked: list[tuple[int, float]],
                of: np.ndarray) -> Callable[[tuple[int, float]], tuple[float, int, int]]:  # fmt: skip
    """Sort key that lists a sentence's matches as the all-pairs product found them: by cosine,
    then latest first shared term, then latest sentence."""
    ptr, indices = distinct.indptr, distinct.indices
    mine = indices[ptr[d] : ptr[d + 1]].tolist()
    first_shared = {}
    for w, _ in linked:
        theirs = set(indices[ptr[w] : ptr[w + 1]].tolist())
        first_shared[w] = next(t for t in mine if t in theirs)
    return lambda m: (-m[1], -first_shared[int(of[m[0]])], -m[0])


def _later_first(i: int) -> Callable[[tuple[int, float]], tuple[float, bool]]:
    """Sort key of the pruned scan's order: by cosine, then sentences after i before those before."""
    return lambda m: (-m[1], m[0] < i)


def _matches(distinct: sparse.csr_matrix, of: np.ndarray, article_of: list[int], threshold: float,
             exact: bool) -> list[list[tuple[int, float]]]:  # fmt: skip
    """Each sentence's matches in other articles, best first: the distinct rows' pairs, spread
    over their copies. Ties keep the order the pairwise scan gave before copies were merged."""
    members: list[list[int]] = [[] for _ in range(distinct.shape[0])]
    for i, d in enumerate(of.tolist()):
        members[d].append(i)
    copies = np.asarray([len(m) for m in members])
    matches: list[list[tuple[int, float]]] = [[] for _ in article_of]
    for d, linked in enumerate(_linked(distinct, copies, threshold, exact)):
        if not linked:
            continue
        found = [(j, v) for w, v in linked for j in members[w]]
        found.sort(key=_scan_order(distinct, d, linked, of) if exact else lambda m: (-m[1], m[0]))
        by_article: dict[int, list[tuple[int, float]]] = {}
        for i in members[d]:
            own = article_of[i]
            if own not in by_article:
                by_article[own] = [m for m in found if article_of[m[0]] != own]
            if exact:
                matches[i] = list(by_article[own])
            else:  # the pruned scan listed later sentences before earlier ones among ties
                matches[i] = sorted(by_article[own], key=_later_first(i))
    return matches


def align(articles: list[Article], threshold: float = SAME_CONTENT) -> Alignment:
    sentences = [s for a in articles for s in a.sentences]
    article_of = [k for k, a in enumerate(articles) for _ in a.sentences]
    if not sentences:
        return Alignment([], [], sparse.csr_matrix((0, 0)), [])
    vectors = tfidf_vectors([s.text for s in sentences])
    first, of = distinct_rows(vectors)
    exact = len(sentences) <= EXACT_LIMIT
    matches = _matches(vectors[first], of, article_of, threshold, exact)
    return Alignment(sentences, article_of, vectors, matches)


@stage("align", version="1.0", requires=("sentences",), assigns=("alignment",))
def align_stage(ctx: Context) -> None:
    """Find sentences that different articles share, for citations and agreement."""
    ctx.put("alignment", align(ctx.get("sentences")))
