"""The summary's candidate pool: sentences, the concepts they carry and what they say alike.

Built once per story (no selection knob changes it): page furniture is dropped, each candidate gets
its stemmed words and word pairs, position, centrality, shared figures and the candidates that
restate it; then its voice (analysis/summary_voice.py), the speaker of any quotation it carries
and, when the selection uses it, the learned prior (analysis/summary_learned.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from newsprism.align import Alignment
from newsprism.analysis.boilerplate import MIN_WORDS, is_boilerplate
from newsprism.analysis.summary_learned import features, prior
from newsprism.analysis.summary_voice import Voices, quote_speakers, self_attributed, voices
from newsprism.analysis.voice import mostly_quoted, statement_sentences
from newsprism.model import Brief, Quote
from newsprism.text.sparse import components, csr_rows
from newsprism.text.terms import STOP_WORDS, stem, words
from newsprism.text.tokens import GENERAL_STOP_WORDS, word_tokens

if TYPE_CHECKING:
    from newsprism.analysis.summary import SummaryParams

_QUOTE = re.compile(r"[\"“”]")
_NEGATION = re.compile(r"\b(?:not|never|no|none|without)\b|n't|n’t")
RESTATED = 0.6  # share of the shorter sentence's content words that a restatement repeats
RESTATED_MIN_WORDS = 5
BLOCK = 512  # sentences whose restatements are looked up together


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
    shared_figures: np.ndarray  # figures stated that other articles state too
    same: sparse.csr_matrix  # candidate x candidate: aligned as saying the same thing
    quotation: np.ndarray | None = None  # mostly someone's words (set once voices are known)
    prior: np.ndarray | None = None  # learned chance of being a summary sentence
    speaker: np.ndarray | None = None  # who the quotes stage says is quoted in it (-1: nobody)
    reprint: np.ndarray | None = None  # quotes what an article reprints as a statement

    def __len__(self) -> int:
        return len(self.index)


def concept_lists(text: str) -> tuple[list[str], list[str]]:
    """Content-word stems and adjacent stem pairs that are not both stop words."""
    tokens = word_tokens(text, ascii_only=True)
    stems = [stem(t) if len(t) > 3 else t for t in tokens]
    stop = [t in GENERAL_STOP_WORDS for t in tokens]
    unigrams = [s for s, is_stop in zip(stems, stop, strict=True) if not is_stop]
    pairs = [
        f"{a} {b}"
        for a, b, sa, sb in zip(stems, stems[1:], stop, stop[1:], strict=False)
        if not (sa and sb)
    ]
    return unigrams, pairs


def incidence(rows: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Binary sentence x concept matrix."""
    return csr_rows(rows, binary=True)[0]


def _candidates(
    al: Alignment, min_words: int, furniture: AbstractSet[str], group_of: Sequence[int] | None
) -> list[int]:
    aside = off_story(al, group_of) if group_of is not None else set()
    keep = [
        i
        for i, s in enumerate(al.sentences)
        if s.id not in furniture
        and al.article_of[i] not in aside
        and not s.cut_off  # a snippet's last words are not a whole statement
        and not is_boilerplate(s.text, min_words)
    ]
    return keep or [i for i, s in enumerate(al.sentences) if s.text.split()]


def off_story(al: Alignment, group_of: Sequence[int]) -> set[int]:
    """Articles off the story: link articles whose independent sources share a pair of content
    words; the story is the linked group whose sources share the most pairs, and the articles of
    a group sharing at most half as many are something else (archive notices that only share
    words with each other, a sign-in page, another story swept into the cluster). Pairs, not
    single words: a notice shares 'data' or 'day' with anything, but reports of one event share
    names and phrases ('pole vaulter')."""
    pairs = _word_pairs(al)
    ids = sorted(pairs)
    source = np.array([group_of[a] for a in ids], dtype=np.int64)
    if len(set(source.tolist())) < 3:
        return set()
    groups = components(len(ids), *_linked(pairs, ids, source))
    weight = _shared_pairs(pairs, ids, source, groups)
    ranked = sorted(range(len(groups)), key=lambda k: -weight[k])
    if len(ranked) < 2 or not weight[ranked[0]] or 2 * weight[ranked[1]] > weight[ranked[0]]:
        return set()
    size = Counter(al.article_of[i] for i, s in enumerate(al.sentences) for _ in s.text.split())
    aside = {ids[k] for g in ranked[1:] for k in groups[g]}
    if sum(size[a] for a in aside) >= sum(size[a] for a in ids if a not in aside):
        return set()  # most of the text is not in the main group: no telling which is off
    return aside


def _linked(pairs: dict[int, set[str]], ids: list[int], source: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Edges joining articles of one independent source, and articles sharing a word pair (two
    of one source are joined anyway, so chaining each pair's articles joins the same groups as
    linking every pair of sources): linear in the story, not quadratic in its articles."""
    by_pair = csr_rows((pairs[a] for a in ids), binary=True)[0].tocsc()
    rows = by_pair.indices
    column = np.repeat(np.arange(by_pair.shape[1]), np.diff(by_pair.indptr))
    same = column[1:] == column[:-1]
    order = np.argsort(source, kind="stable")
    twin = source[order][1:] == source[order][:-1]
    left = np.concatenate([rows[:-1][same], order[:-1][twin]])
    right = np.concatenate([rows[1:][same], order[1:][twin]])
    return left, right


def _shared_pairs(pairs: dict[int, set[str]], ids: list[int], source: np.ndarray,
                  groups: list[list[int]]) -> list[int]:  # fmt: skip
    """Per group, the word pairs that two of its independent sources share."""
    incidence = csr_rows((pairs[a] for a in ids), binary=True)[0].tocoo()
    label = np.empty(len(ids), dtype=np.int64)
    for k, group in enumerate(groups):
        label[group] = k
    held = np.unique(np.stack([label[incidence.row], incidence.col, source[incidence.row]]), axis=1)
    per_pair, sources = np.unique(held[:2], axis=1, return_counts=True)
    return np.bincount(per_pair[0][sources >= 2], minlength=len(groups)).tolist()


def _word_pairs(al: Alignment) -> dict[int, set[str]]:
    """Article -> adjacent pairs of content words (stems) in its sentences."""
    stop = STOP_WORDS | GENERAL_STOP_WORDS
    pairs: dict[int, set[str]] = {}
    for i, s in enumerate(al.sentences):
        tokens = [w for w in words(s.text)]
        pairs.setdefault(al.article_of[i], set()).update(
            f"{stem(x)} {stem(y)}" for x, y in pairwise(tokens) if x not in stop and y not in stop
        )
    return pairs


def build_pool(
    al: Alignment,
    min_words: int = MIN_WORDS,
    furniture: AbstractSet[str] = frozenset(),
    group_of: Sequence[int] | None = None,
) -> Pool:
    """Features that do not depend on the selection knobs; built once per story. `furniture`:
    sentence ids the boilerplate stage learned from the cluster are page furniture; `group_of`:
    each article's independent source (then articles off the story are no candidates)."""
    index = np.asarray(_candidates(al, min_words, furniture, group_of), dtype=int)
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
        shared_figures=_shared_figures(texts, article),
        same=_same_content(al, index, incidence([c[0] for c in concepts]), article, texts),
    )


_FIGURE = re.compile(
    r"\b(?:\d[\d,.]*\d|\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|hundred|thousand|million|billion)\b"
)
_NUMBER_WORDS = "two three four five six seven eight nine ten"
_DIGIT_OF = {w: str(i + 2) for i, w in enumerate(_NUMBER_WORDS.split())}


def _shared_figures(texts: list[str], article: np.ndarray) -> np.ndarray:
    """Per sentence: how many of its figures (digits or number words) other articles state too,
    weighted by how many: key facts are the ones several outlets put numbers on."""
    found = [
        {_DIGIT_OF.get(m.group(), m.group().replace(",", "")) for m in _FIGURE.finditer(t.lower())}
        for t in texts
    ]
    articles: dict[str, set[int]] = {}
    for figs, a in zip(found, article, strict=True):
        for f in figs:
            articles.setdefault(f, set()).add(int(a))
    return np.asarray([sum(len(articles[f]) - 1 for f in figs) for figs in found], dtype=float)


def _same_content(
    al: Alignment,
    index: np.ndarray,
    unigrams: sparse.csr_matrix,
    article: np.ndarray,
    texts: list[str],
) -> sparse.csr_matrix:
    """Candidates that say the same thing: a chosen sentence cites them and they are not chosen.
    The alignment's matches, and restatements in other words: most of the shorter sentence's
    content words in the other, from another article, with the same polarity."""
    row_of = {int(i): k for k, i in enumerate(index)}
    pairs = [(k, row_of[j]) for k, i in enumerate(index) for j, _ in al.matches[i] if j in row_of]
    pairs += _restatements(unigrams, article, texts)
    rows, cols = zip(*pairs, strict=True) if pairs else ((), ())
    shape = (len(index), len(index))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)


def _restatements(
    unigrams: sparse.csr_matrix, article: np.ndarray, texts: list[str]
) -> list[tuple[int, int]]:
    """Both orders of every pair of sentences from different articles, with the same polarity,
    whose shared concepts are at least RESTATED of the shorter one's (of RESTATED_MIN_WORDS or more).

    Multiplying the whole incidence by itself lists every pair sharing any concept, common ones
    included: quadratic in the story (64 GB at 10,000 articles). A pair that shares k concepts
    must share one among the shorter sentence's n - k + 1 rarest (the rest hold at most k - 1), so
    only those rarest concepts are looked up, and the shared count is taken for the pairs found."""
    if not len(texts):
        return []
    sizes = np.asarray(unigrams.getnnz(axis=1))
    need = np.ceil(RESTATED * sizes).astype(np.int64)  # the fewest shared concepts that pass
    rarest = _rarest(unigrams, np.maximum(sizes - need + 1, 0) * (sizes >= RESTATED_MIN_WORDS))
    negated = np.array([bool(_NEGATION.search(t.lower())) for t in texts])
    out: list[tuple[int, int]] = []
    for start in range(0, rarest.shape[0], BLOCK):  # bounded memory, whatever the story's size
        found = (rarest[start : start + BLOCK] @ unigrams.T).tocoo()
        i, j = found.row + start, found.col
        keep = (sizes[j] > sizes[i]) | ((sizes[j] == sizes[i]) & (j > i))  # i is the shorter, once
        keep &= (article[i] != article[j]) & (negated[i] == negated[j])
        i, j = i[keep], j[keep]
        shared = np.asarray(unigrams[i].multiply(unigrams[j]).sum(axis=1)).ravel()
        passed = shared >= RESTATED * sizes[i]
        out += zip(i[passed].tolist(), j[passed].tolist(), strict=True)
    return out + [(j, i) for i, j in out]


def _rarest(unigrams: sparse.csr_matrix, counts: np.ndarray) -> sparse.csr_matrix:
    """Each row with only its `counts` rarest concepts (fewest sentences; ties by column)."""
    df = np.asarray(unigrams.getnnz(axis=0))
    rows, cols = [], []
    for r in range(unigrams.shape[0]):
        if counts[r] <= 0:
            continue
        row = unigrams.indices[unigrams.indptr[r] : unigrams.indptr[r + 1]]
        order = np.lexsort((row, df[row]))[: counts[r]]
        rows.extend([r] * len(order))
        cols.extend(row[order].tolist())
    data = np.ones(len(rows))
    return sparse.csr_matrix((data, (rows, cols)), shape=unigrams.shape)


def voiced_pool(
    brief: Brief,
    al: Alignment,
    p: SummaryParams,
    quotes: list[Quote] | None = None,
    furniture: AbstractSet[str] = frozenset(),
    group_of: Sequence[int] | None = None,
) -> tuple[Pool, Voices, set[int]]:
    """The candidate pool with each row's voice known: (pool, voices, rows that may not be shown).
    Concepts are weighed over everything the articles say; only the outlets' own voice is shown,
    and quoted words only with their speaker."""
    pool = build_pool(al, p.min_words, furniture, group_of)
    voice = voices(al, brief.articles, quote_speakers(quotes or []))
    voiced, attributed = voice.own, voice.speaker
    showable = voiced | set(attributed)  # built once: per row it was quadratic in the story
    unvoiced = {k for k, i in enumerate(pool.index) if int(i) not in showable}
    for k, i in enumerate(pool.index):  # '<Speaker> said:' counts against the budget
        if int(i) in attributed and int(i) not in voiced:
            variant = self_attributed(al, voice, int(i))
            pool.words[k] = (
                len(al.sentences[variant].text.split())
                if variant is not None
                else pool.words[k] + len(attributed[int(i)].split()) + 1
            )
    quoting = _quotations(al, pool, set(attributed))
    # a sentence in which the outlet reports who said it ('"...," the mayor said.') is its own
    # reporting: it does not draw on the quotations' share, but a reprinted statement's words
    # stay one document's however they are shown
    own = np.asarray([int(i) in voiced for i in pool.index], dtype=bool)
    pool.quotation = quoting & ~own
    pool.speaker = _speakers(al, pool, quotes or [])
    pool.reprint = _reprinted(al, brief, pool, quotes or []) & quoting
    if p.learned:
        texts = [al.sentences[int(i)].text for i in pool.index]
        pool.prior = prior(features(pool, texts))
    return pool, voice, unvoiced


def _reprinted(al: Alignment, brief: Brief, pool: Pool, quotes: list[Quote]) -> np.ndarray:
    """Per candidate: it, a sentence aligned with it, or another printing of its quotation is
    part of a statement some article reprints in paragraphs with no quotation mark (a letter
    printed whole): one document's words, however many outlets quote them."""
    plain: set[str] = set()
    for article in brief.articles:
        statements = statement_sentences(article)
        quoting = {s.paragraph for s in article.sentences if _QUOTE.search(s.text)}
        plain |= {
            s.id for s in article.sentences if s.id in statements and s.paragraph not in quoting
        }
    printed = set(plain)
    for quote in quotes:
        cited = {cid for variant in quote.variants for cid in variant.citations}
        if cited & plain:
            printed |= cited
    return np.asarray(
        [any(al.sentences[j].id in printed for j in al.supporters(int(i))) for i in pool.index],
        dtype=bool,
    )


def _speakers(al: Alignment, pool: Pool, quotes: list[Quote]) -> np.ndarray:
    """Per candidate: an id for the speaker of the quotation it carries (-1: none)."""
    speaker_of: dict[str, str] = {}
    for quote in quotes:
        for variant in quote.variants:
            who = (quote.speaker or variant.speaker or "").lower()
            for cid in variant.citations if who else ():
                speaker_of.setdefault(cid, who)
    ids: dict[str, int] = {}
    return np.asarray(
        [
            ids.setdefault(speaker_of[sid], len(ids)) if sid in speaker_of else -1
            for sid in (al.sentences[int(i)].id for i in pool.index)
        ],
        dtype=int,
    )


def _quotations(al: Alignment, pool: Pool, attributed: set[int]) -> np.ndarray:
    """Per candidate: shown as someone's words (with its speaker, or mostly inside quotation
    marks in the candidate or in any sentence that may be shown for it)."""
    return np.asarray(
        [
            int(i) in attributed
            or any(mostly_quoted(al.sentences[j].text) for j in [int(i), *al.supporters(int(i))])
            for i in pool.index
        ],
        dtype=bool,
    )
