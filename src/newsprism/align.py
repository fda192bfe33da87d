"""Cross-article sentence alignment: which sentences in different articles say the same thing.

One alignment, many analyses: the summary, agreed facts and unique content all read it.
Lexical (TF-IDF cosine over word uni- and bigrams) by default.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from newsprism.model import Article, Sentence
from newsprism.pipeline import Context
from newsprism.registry import stage

SAME_CONTENT = 0.45


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


def align(articles: list[Article], threshold: float = SAME_CONTENT) -> Alignment:
    sentences = [s for a in articles for s in a.sentences]
    article_of = [k for k, a in enumerate(articles) for _ in a.sentences]
    if not sentences:
        return Alignment([], [], sparse.csr_matrix((0, 0)), [])
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
    try:
        vectors = vectorizer.fit_transform([s.text for s in sentences]).tocsr()
    except ValueError:  # every sentence is stop words only
        vectors = sparse.csr_matrix((len(sentences), 1))
    sims = (vectors @ vectors.T).tocoo()
    owner = np.asarray(article_of)
    keep = (sims.data >= threshold) & (owner[sims.row] != owner[sims.col])
    matches: list[list[tuple[int, float]]] = [[] for _ in sentences]
    for r, c, v in zip(sims.row[keep], sims.col[keep], sims.data[keep], strict=True):
        matches[int(r)].append((int(c), float(v)))
    for m in matches:
        m.sort(key=lambda x: -x[1])
    return Alignment(sentences, article_of, vectors, matches)


@stage("align", version="1.0", requires=("sentences",), assigns=("alignment",))
def align_stage(ctx: Context) -> None:
    """Find sentences that different articles share, for citations and agreement."""
    ctx.artifacts["alignment"] = align(ctx.brief.articles)
