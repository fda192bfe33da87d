"""The `summary` stage: extractive multi-document summary, every sentence citing all its supporters.

Selection is budgeted concept coverage (Gillick & Favre style, solved greedily): a concept is a
stemmed word or word pair, worth more the more articles use it and the earlier they use it. Each
step takes the sentence whose still-uncovered concepts, lead position, centrality and quoted speech
give the most per word, so repeats earn nothing and the budget goes to new facts. Page furniture
is never a candidate. Output is in reading order; each sentence cites every aligned sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.align import Alignment
from newsprism.analysis.agreed import contradicts
from newsprism.analysis.boilerplate import MIN_WORDS, is_boilerplate
from newsprism.analysis.readable import flaws
from newsprism.errors import NewsprismError
from newsprism.model import Brief, Sentence, SummarySentence
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.terms import stem

_TOKEN = re.compile(r"[a-z0-9]+")
_QUOTE = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class SummaryParams:
    """Selection knobs. Defaults: bench/summary_cv.py's search run on all Multi-News dev stories;
    its held-out scores per fold are in docs/summary-eval.md."""

    shared: float = 1.0  # concept value per additional article that uses it
    lead_mass: float = 1.0  # value of concepts that articles use early ...
    lead_tau: float = 10.0  # ... decaying with position over this many sentences
    lead_floor: float = 1.0  # early use by one article alone earns nothing
    unigrams: float = 0.1  # single words relative to word pairs
    position: float = 2.0  # bonus for a sentence near its article's top ...
    position_tau: float = 8.0  # ... decaying over this many sentences
    length_power: float = 0.75  # gain is divided by words**power
    centroid: float = 0.05  # per word, times cosine to the story centroid
    quotes: float = 0.1  # per word, for sentences carrying quoted speech
    min_words: int = MIN_WORDS  # shorter lines are not candidates

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> SummaryParams:
        """Override defaults from BriefConfig.options['summary'] (a dict), refusing unknown keys."""
        given = dict(options.get("summary") or {})
        defaults = cls()
        unknown = sorted(set(given) - {f.name for f in fields(cls)})
        if unknown:
            raise NewsprismError(
                "option-invalid", detail=f"unknown summary option(s): {', '.join(unknown)}"
            )
        try:
            return replace(defaults, **{k: type(getattr(defaults, k))(v) for k, v in given.items()})
        except (TypeError, ValueError) as exc:
            raise NewsprismError("option-invalid", detail=f"summary option: {exc}") from exc


@dataclass
class Pool:
    """Candidate sentences and the concepts they carry (row k is alignment sentence index[k])."""

    index: np.ndarray
    article: np.ndarray
    position: np.ndarray
    relative: np.ndarray
    words: np.ndarray
    bigrams: sparse.csr_matrix
    unigrams: sparse.csr_matrix
    centrality: np.ndarray
    quoted: np.ndarray
    same: sparse.csr_matrix  # candidate x candidate: aligned as saying the same thing

    def __len__(self) -> int:
        return len(self.index)


def concept_lists(text: str) -> tuple[list[str], list[str]]:
    """Content-word stems and adjacent stem pairs that are not both stop words."""
    tokens = _TOKEN.findall(text.lower())
    stems = [stem(t) if len(t) > 3 else t for t in tokens]
    stop = [t in ENGLISH_STOP_WORDS for t in tokens]
    unigrams = [s for s, is_stop in zip(stems, stop, strict=True) if not is_stop]
    pairs = [
        f"{a} {b}"
        for a, b, sa, sb in zip(stems, stems[1:], stop, stop[1:], strict=False)
        if not (sa and sb)
    ]
    return unigrams, pairs


def incidence(rows: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Binary sentence x concept matrix."""
    vocab: dict[str, int] = {}
    indptr, indices = [0], []
    for items in rows:
        indices.extend([vocab.setdefault(x, len(vocab)) for x in items])
        indptr.append(len(indices))
    data = np.ones(len(indices))
    m = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(vocab), 1)))
    m.sum_duplicates()
    m.data[:] = 1.0
    return m


def _candidates(al: Alignment, min_words: int) -> list[int]:
    keep = [i for i, s in enumerate(al.sentences) if not is_boilerplate(s.text, min_words)]
    return keep or [i for i, s in enumerate(al.sentences) if s.text.split()]


def build_pool(al: Alignment, min_words: int = MIN_WORDS) -> Pool:
    """Features that do not depend on the selection knobs; built once per story."""
    index = np.asarray(_candidates(al, min_words), dtype=int)
    article = np.asarray([al.article_of[i] for i in index], dtype=int)
    position = np.zeros(len(index))
    seen: dict[int, int] = {}
    for k, a in enumerate(article):
        position[k] = seen.get(a, 0)
        seen[a] = seen.get(a, 0) + 1
    relative = position / np.maximum(1, np.asarray([seen[a] for a in article]))
    texts = [al.sentences[i].text for i in index]
    concepts = [concept_lists(t) for t in texts]
    vectors = al.vectors[index] if len(index) else al.vectors
    centroid = np.asarray(vectors.mean(axis=0)).ravel() if len(index) else np.zeros(0)
    norm = np.linalg.norm(centroid) or 1.0
    return Pool(
        index=index,
        article=article,
        position=position,
        relative=relative,
        words=np.asarray([len(t.split()) for t in texts], dtype=float),
        bigrams=incidence([c[1] for c in concepts]),
        unigrams=incidence([c[0] for c in concepts]),
        centrality=np.asarray(vectors @ (centroid / norm)).ravel() if len(index) else position,
        quoted=np.asarray([bool(_QUOTE.search(t)) for t in texts], dtype=float),
        same=_same_content(al, index),
    )


def _same_content(al: Alignment, index: np.ndarray) -> sparse.csr_matrix:
    """Which candidates the alignment matched: a chosen sentence already cites them."""
    row_of = {int(i): k for k, i in enumerate(index)}
    pairs = [(k, row_of[j]) for k, i in enumerate(index) for j, _ in al.matches[i] if j in row_of]
    rows, cols = zip(*pairs, strict=True) if pairs else ((), ())
    shape = (len(index), len(index))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


def _article_counts(m: sparse.csr_matrix, article: np.ndarray) -> np.ndarray:
    """For each concept, how many articles use it."""
    coo = m.tocoo()
    pairs = np.unique(article[coo.row].astype(np.int64) * m.shape[1] + coo.col)
    return np.bincount(pairs % m.shape[1], minlength=m.shape[1]).astype(float)


def _lead_mass(m: sparse.csr_matrix, pool: Pool, tau: float) -> np.ndarray:
    """Sum over articles of exp(-first position / tau): concepts many articles use early."""
    coo = m.tocoo()
    keys = pool.article[coo.row].astype(np.int64) * m.shape[1] + coo.col
    order = np.lexsort((pool.position[coo.row], keys))
    first = np.ones(len(order), dtype=bool)
    first[1:] = keys[order][1:] != keys[order][:-1]
    rows, cols = coo.row[order][first], coo.col[order][first]
    decay = np.exp(-pool.position[rows] / tau)
    return np.bincount(cols, weights=decay, minlength=m.shape[1])


def concept_weights(m: sparse.csr_matrix, pool: Pool, p: SummaryParams) -> np.ndarray:
    shared = _article_counts(m, pool.article) - 1.0
    lead = np.maximum(0.0, _lead_mass(m, pool, p.lead_tau) - p.lead_floor)
    return p.shared * shared + p.lead_mass * lead


def _row(m: sparse.csr_matrix, k: int) -> np.ndarray:
    return m.indices[m.indptr[k] : m.indptr[k + 1]]


def select(pool: Pool, p: SummaryParams, words: int) -> list[int]:
    """Greedy budgeted coverage: best gain per word among sentences that still fit the budget."""
    if not len(pool):
        return []
    w_bi = concept_weights(pool.bigrams, pool, p)
    w_uni = p.unigrams * concept_weights(pool.unigrams, pool, p)
    bonus = p.position * np.exp(-pool.position / p.position_tau)
    bonus = bonus + (p.centroid * pool.centrality + p.quotes * pool.quoted) * pool.words
    cost = np.maximum(pool.words, 1.0) ** p.length_power
    open_bi, open_uni = np.ones_like(w_bi), np.ones_like(w_uni)
    free = pool.words <= words
    if not free.any():  # a budget below every sentence still gets the best one
        free[:] = True
    chosen: list[int] = []
    total = 0.0
    while free.any():
        free &= (pool.bigrams @ open_bi + pool.unigrams @ open_uni) > 0  # says something new
        if not free.any():
            break
        concepts = pool.bigrams @ (w_bi * open_bi) + pool.unigrams @ (w_uni * open_uni)
        k = int(np.argmax(np.where(free, (concepts + bonus) / cost, -np.inf)))
        chosen.append(k)
        total += pool.words[k]
        open_bi[_row(pool.bigrams, k)] = 0.0
        open_uni[_row(pool.unigrams, k)] = 0.0
        free &= pool.words <= words - total
        free[k] = False
        free[_row(pool.same, k)] = False
    return chosen


def reading_order(pool: Pool, chosen: list[int]) -> list[int]:
    """Lead material first: by relative position in its article, then by article."""
    return sorted(chosen, key=lambda k: (pool.relative[k], pool.article[k]))


def summarize(
    brief: Brief, al: Alignment, words: int, params: SummaryParams | None = None
) -> list[SummarySentence]:
    if not al.sentences:
        return []
    p = params or SummaryParams()
    pool = build_pool(al, p.min_words)
    label = {s.id: a.label for a in brief.articles for s in a.sentences}
    out = []
    for k in reading_order(pool, select(pool, p, words)):
        supporters = [al.sentences[j] for j in al.supporters(int(pool.index[k]))]
        shown = displayed(supporters)
        citations = [s.id for s in supporters if s is shown or not contradicts(shown, s)]
        out.append(
            SummarySentence(
                text=shown.text,
                citations=citations,
                outlets=list(dict.fromkeys(label[c] for c in citations if c in label)),
                source=shown.id,
            )
        )
    return out


def displayed(supporters: list[Sentence]) -> Sentence:
    """The chosen sentence, unless it was restored from degraded text and an aligned sentence from
    a punctuated article says the same: readers should see an outlet's own punctuation and case."""
    chosen = supporters[0]
    if not chosen.repaired:
        return chosen
    return min(supporters, key=flaws)


@stage("summary", version="2.1", requires=("sentences", "alignment"), assigns=("summary",))
def summary_stage(ctx: Context) -> None:
    """Neutral extractive summary; each sentence cites every sentence that says the same."""
    params = SummaryParams.from_options(ctx.config.options)
    ctx.put("summary", summarize(ctx.brief, ctx.get("alignment"), ctx.config.words, params))
