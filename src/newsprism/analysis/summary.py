"""The `summary` stage: extractive multi-document summary, every sentence citing all its supporters.

Selection is budgeted concept coverage (Gillick & Favre style, solved greedily): a concept is a
stemmed word or word pair, worth more the more articles use it and the earlier they use it. Each
step takes the sentence whose still-uncovered concepts, lead position, centrality and quoted speech
give the most per word, so repeats earn nothing and the budget goes to new facts. Page furniture
is never a candidate, and neither is text in someone else's voice (quotation without a speaker,
reprinted statements, advocacy: analysis/voice.py). Output is in reading order; a chosen sentence
that leans on an antecedent the summary lacks is swapped for the next best one
(analysis/references.py), a person is named in full at first mention, and a sentence taking a side
of a discrepancy carries a note with every side. Each sentence cites every sentence that says the
same thing: those the alignment matched and any candidate that restates it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.align import Alignment
from newsprism.analysis.agreed import contradicts
from newsprism.analysis.boilerplate import MIN_WORDS, is_boilerplate
from newsprism.analysis.readable import flaws
from newsprism.analysis.references import dangling, full_names, source_before, with_full_name
from newsprism.analysis.summary_voice import Voices, dispute_notes, quote_speakers, voices
from newsprism.analysis.voice import as_quotation, mostly_quoted
from newsprism.errors import NewsprismError
from newsprism.model import Article, Brief, Discrepancy, Quote, Sentence, SummarySentence
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.sparse import csr_rows
from newsprism.text.terms import stem

_TOKEN = re.compile(r"[a-z0-9]+")
_QUOTE = re.compile(r"[\"“”]")
_NEGATION = re.compile(r"\b(?:not|never|no|none|without)\b|n't|n’t")
RESTATED = 0.6  # share of the shorter sentence's content words that a restatement repeats
RESTATED_MIN_WORDS = 5


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
    figures: float = 0.9  # per figure the sentence states that other articles state too
    quotations: float = 0.6  # share of the budget for sentences mostly in someone's words
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
    shared_figures: np.ndarray  # figures stated that other articles state too
    same: sparse.csr_matrix  # candidate x candidate: aligned as saying the same thing
    quotation: np.ndarray | None = None  # mostly someone's words (set once voices are known)

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
    return csr_rows(rows, binary=True)[0]


def _candidates(al: Alignment, min_words: int, furniture: AbstractSet[str]) -> list[int]:
    keep = [
        i
        for i, s in enumerate(al.sentences)
        if s.id not in furniture and not is_boilerplate(s.text, min_words)
    ]
    return keep or [i for i, s in enumerate(al.sentences) if s.text.split()]


def build_pool(
    al: Alignment, min_words: int = MIN_WORDS, furniture: AbstractSet[str] = frozenset()
) -> Pool:
    """Features that do not depend on the selection knobs; built once per story. `furniture`:
    sentence ids the boilerplate stage learned from the cluster are page furniture."""
    index = np.asarray(_candidates(al, min_words, furniture), dtype=int)
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
    if not len(texts):
        return []
    overlap = (unigrams @ unigrams.T).tocoo()
    sizes = np.asarray(unigrams.sum(axis=1)).ravel()
    negated = [bool(_NEGATION.search(t.lower())) for t in texts]
    out = []
    for i, j, shared in zip(overlap.row, overlap.col, overlap.data, strict=True):
        smaller = min(sizes[i], sizes[j])
        if (
            article[i] != article[j]
            and smaller >= RESTATED_MIN_WORDS
            and shared >= RESTATED * smaller
            and negated[i] == negated[j]
        ):
            out.append((int(i), int(j)))
    return out


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


def select(
    pool: Pool, p: SummaryParams, words: int, banned: frozenset[int] = frozenset()
) -> list[int]:
    """Greedy budgeted coverage: best gain per word among sentences that still fit the budget."""
    if not len(pool):
        return []
    w_bi = concept_weights(pool.bigrams, pool, p)
    w_uni = p.unigrams * concept_weights(pool.unigrams, pool, p)
    bonus = p.position * np.exp(-pool.position / p.position_tau)
    bonus = bonus + (p.centroid * pool.centrality + p.quotes * pool.quoted) * pool.words
    bonus = bonus + p.figures * pool.shared_figures
    cost = np.maximum(pool.words, 1.0) ** p.length_power
    open_bi, open_uni = np.ones_like(w_bi), np.ones_like(w_uni)
    free = pool.words <= words
    if not free.any():  # a budget below every sentence still gets the best one
        free[:] = True
    free[list(banned)] = False
    chosen: list[int] = []
    total = 0.0
    quotation = pool.quotation if pool.quotation is not None else np.zeros(len(pool), dtype=bool)
    quoting = p.quotations * words
    while free.any():
        # what happened before what was said: quotations get a share of the budget
        free &= ~quotation | (pool.words <= quoting)
        free &= (pool.bigrams @ open_bi + pool.unigrams @ open_uni) > 0  # says something new
        if not free.any():
            break
        concepts = pool.bigrams @ (w_bi * open_bi) + pool.unigrams @ (w_uni * open_uni)
        k = int(np.argmax(np.where(free, (concepts + bonus) / cost, -np.inf)))
        chosen.append(k)
        total += pool.words[k]
        quoting -= pool.words[k] if quotation[k] else 0.0
        open_bi[_row(pool.bigrams, k)] = 0.0
        open_uni[_row(pool.unigrams, k)] = 0.0
        free &= pool.words <= words - total
        free[k] = False
        free[_row(pool.same, k)] = False
    return chosen


def reading_order(pool: Pool, chosen: list[int]) -> list[int]:
    """Lead material first: by relative position in its article, then by article."""
    return sorted(chosen, key=lambda k: (pool.relative[k], pool.article[k]))


ROUNDS = 4  # reselections when chosen sentences lean on antecedents the summary lacks


def summarize(
    brief: Brief,
    al: Alignment,
    words: int,
    params: SummaryParams | None = None,
    discrepancies: list[Discrepancy] | None = None,
    quotes: list[Quote] | None = None,
    furniture: AbstractSet[str] = frozenset(),
) -> list[SummarySentence]:
    if not al.sentences:
        return []
    p = params or SummaryParams()
    pool = build_pool(al, p.min_words, furniture)
    voice = voices(al, brief.articles, quote_speakers(quotes or []))
    voiced, attributed = voice.own, voice.speaker
    # Concepts are weighed over everything the articles say; only the outlets' own voice is shown,
    # and quoted words only with their speaker.
    unvoiced = {k for k, i in enumerate(pool.index) if int(i) not in voiced | set(attributed)}
    for k, i in enumerate(pool.index):  # '<Speaker> said:' counts against the budget
        if int(i) in attributed and int(i) not in voiced:
            pool.words[k] += len(attributed[int(i)].split()) + 1
    pool.quotation = _quotations(al, pool, set(attributed))
    order = readable_selection(brief, al, pool, p, words, unvoiced, attributed)
    label = {s.id: a.label for a in brief.articles for s in a.sentences}
    notes = dispute_notes(discrepancies or [])
    chosen = [_shown(al, pool, voice, k) for k in order]
    texts = _with_full_names(brief, [text for _, _, text in chosen], words)
    return [
        SummarySentence(
            text=text,
            citations=citations,
            outlets=list(dict.fromkeys(label[c] for c in citations if c in label)),
            source=shown.id,
            note=notes.get(shown.id),
        )
        for (shown, citations, _), text in zip(chosen, texts, strict=True)
    ]


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


def _shown(al: Alignment, pool: Pool, voice: Voices, k: int) -> tuple[Sentence, list[str], str]:
    """(sentence shown, citations, text as shown) for a chosen row: an outlet's own sentence, a
    quotation given its speaker, or a quotation given back its opening or closing mark."""
    row = int(pool.index[k])
    supporters = [al.sentences[j] for j in al.supporters(row)]
    supporters += [al.sentences[int(pool.index[j])] for j in _row(pool.same, k)]
    supporters = list({s.id: s for s in supporters}.values())
    shown = displayed(supporters)
    citations = [s.id for s in supporters if s is shown or not contradicts(shown, s)]
    if row in voice.speaker and row not in voice.own:
        shown = al.sentences[row]
        return shown, citations, as_quotation(shown.text, voice.speaker[row])
    if row in voice.reopened and shown is al.sentences[row]:
        return shown, citations, voice.reopened[row]
    return shown, citations, shown.text


def _with_full_names(brief: Brief, texts: list[str], words: int) -> list[str]:
    """Each person's first mention in full, as far as the word budget allows."""
    names = full_names(brief.articles)
    slack = words - sum(len(t.split()) for t in texts)
    mentioned: set[str] = set()
    out = []
    for text in texts:
        named, now = with_full_name(text, names, mentioned)
        extra = len(named.split()) - len(text.split())
        if extra <= slack:
            text, mentioned, slack = named, now, slack - extra
        out.append(text)
    return out


def readable_selection(
    brief: Brief,
    al: Alignment,
    pool: Pool,
    p: SummaryParams,
    words: int,
    unvoiced: set[int] | None = None,
    attributed: dict[int, str] | None = None,
) -> list[int]:
    """Selected rows in reading order, none opening with a reference the summary cannot resolve.
    Such a sentence first moves to just after a summary sentence that resolves it; failing
    that, it is banned and the budget chosen again (after a few rounds, it is dropped)."""
    where = {s.id: (a, s) for a in brief.articles for s in a.sentences}
    banned: set[int] = set(unvoiced or ())
    order: list[int] = []

    def check(rows: list[int]) -> set[int]:
        return _dangling(al, pool, rows, where, attributed or {})

    for _ in range(ROUNDS):
        order = reading_order(pool, select(pool, p, words, frozenset(banned)))
        order, bad = _reattach(order, check(order), check)
        if not bad:
            return order
        banned |= bad
    bad = check(order)
    return [k for k in order if k not in bad]


def _reattach(
    order: list[int], bad: set[int], check: Callable[[list[int]], set[int]]
) -> tuple[list[int], set[int]]:
    """Move each unresolved sentence after one that resolves it, if that breaks nothing else."""
    for k in [k for k in order if k in bad]:
        rest = [j for j in order if j != k]
        for at in range(len(rest)):
            trial = [*rest[: at + 1], k, *rest[at + 1 :]]
            now = check(trial)
            if k not in now and now <= bad:
                order, bad = trial, now
                break
    return order, bad


def _dangling(
    al: Alignment,
    pool: Pool,
    order: list[int],
    where: dict[str, tuple[Article, Sentence]],
    attributed: dict[int, str],
) -> set[int]:
    bad: set[int] = set()
    earlier: list[str] = []
    previous: set[str] = set()
    for k in order:
        sentence = al.sentences[int(pool.index[k])]
        article, _ = where[sentence.id]
        prior = article.sentences[sentence.index - 1].id if sentence.index else None
        before = source_before(article, sentence)
        last = earlier[-1] if earlier else ""
        row = int(pool.index[k])
        text = as_quotation(sentence.text, attributed[row]) if row in attributed else sentence.text
        if dangling(text, before, last, " ".join(earlier), prior in previous):
            bad.add(k)
            continue
        earlier.append(displayed([al.sentences[j] for j in al.supporters(int(pool.index[k]))]).text)
        previous = {al.sentences[j].id for j in al.supporters(int(pool.index[k]))}
    return bad


def displayed(supporters: list[Sentence]) -> Sentence:
    """The chosen sentence, unless it was restored from degraded text and an aligned sentence from
    a punctuated article says the same: readers should see an outlet's own punctuation and case."""
    chosen = supporters[0]
    if not chosen.repaired:
        return chosen
    return min(supporters, key=flaws)


@stage(
    "summary",
    version="3.1",
    requires=("sentences", "boilerplate", "alignment", "discrepancies", "quotes"),
    assigns=("summary",),
)
def summary_stage(ctx: Context) -> None:
    """Neutral extractive summary; each sentence cites every sentence that says the same."""
    params = SummaryParams.from_options(ctx.config.options)
    summary = summarize(
        ctx.brief,
        ctx.get("alignment"),
        ctx.config.words,
        params,
        ctx.get("discrepancies"),
        ctx.get("quotes"),
        ctx.get("boilerplate"),
    )
    ctx.put("summary", summary)
