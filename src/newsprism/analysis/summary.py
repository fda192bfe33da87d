"""The `summary` stage: extractive multi-document summary, every sentence citing all its supporters.

Selection is budgeted concept coverage (Gillick & Favre style, solved greedily; the `exact` knob
solves it as an integer program instead, analysis/summary_exact.py, which scored lower on ROUGE and
is off): a concept is a stemmed word or word pair, worth more the more articles use it and the
earlier they use it. Each step takes the sentence whose still-uncovered concepts, lead position,
centrality and quoted speech give the most per word, so repeats earn nothing and the budget goes to
new facts. Page furniture is never a candidate, and neither is text in someone else's voice
(quotation without a speaker, reprinted statements, advocacy: analysis/voice.py). Quotations get a
share of the budget, and a statement some article reprints whole is one document however many
outlets quote it, so its quotations do not crowd out what happened. Output is in reading order; a
chosen sentence that leans on an antecedent the summary lacks is swapped for the next best one
(analysis/references.py), a person is named in full at first mention, and a sentence taking a side
of a discrepancy carries a note with every side. Each sentence cites every sentence that says the
same thing: those the alignment matched and any candidate that restates it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np
from scipy import sparse

from newsprism.align import Alignment
from newsprism.analysis.agreed import contradicts
from newsprism.analysis.boilerplate import MIN_WORDS
from newsprism.analysis.readable import flaws
from newsprism.analysis.references import (
    dangling,
    full_names,
    resolve_lead,
    resolve_speaker,
    source_before,
    with_full_name,
)
from newsprism.analysis.sources import Sources
from newsprism.analysis.summary_actors import missing_maker
from newsprism.analysis.summary_exact import CANDIDATES, Rules, shortlist, solve
from newsprism.analysis.summary_pool import (
    Pool,
    build_pool,
    concept_lists,
    incidence,
    voiced_pool,
)
from newsprism.analysis.summary_voice import Voices, dispute_notes, self_attributed
from newsprism.analysis.voice import as_quotation
from newsprism.errors import NewsprismError
from newsprism.model import (
    Article,
    Brief,
    Discrepancy,
    Entity,
    Quote,
    Sentence,
    SummarySentence,
)

__all__ = [
    "Pool", "SummaryParams", "build_pool", "concept_lists", "incidence", "select", "summarize",
    "voiced_pool",
]  # fmt: skip
from newsprism.pipeline import Context
from newsprism.registry import stage


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
    learned: float = 0.0  # per word, times the learned prior (analysis/summary_learned.py)
    per_speaker: int = 0  # >0: at most this many quotations of one speaker (0: no limit)
    per_statement: int = 2  # at most this many quotations of a statement an article reprints
    min_words: int = MIN_WORDS  # shorter lines are not candidates
    exact: float = 0.0  # share of the budget chosen by the integer program (1: all; 0: greedy)

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


def _values(pool: Pool, p: SummaryParams) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bigram and unigram concept values, and each sentence's own bonus (position, centrality,
    quoted speech, shared figures, the learned prior)."""
    w_bi = concept_weights(pool.bigrams, pool, p)
    w_uni = p.unigrams * concept_weights(pool.unigrams, pool, p)
    bonus = p.position * np.exp(-pool.position / p.position_tau)
    bonus = bonus + (p.centroid * pool.centrality + p.quotes * pool.quoted) * pool.words
    bonus = bonus + p.figures * pool.shared_figures
    if p.learned and pool.prior is not None and pool.prior.max() > 0:
        # per word, relative to the story's best prior and on the scale of its concept values
        value = (pool.bigrams @ w_bi + pool.unigrams @ w_uni) / np.maximum(pool.words, 1.0)
        relative = pool.prior / pool.prior.max()
        bonus = bonus + p.learned * float(value.mean()) * relative * pool.words
    return w_bi, w_uni, bonus


Values = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # w_bi, w_uni, bonus, cost


def select(
    pool: Pool, p: SummaryParams, words: int, banned: frozenset[int] = frozenset()
) -> list[int]:
    """Budgeted coverage: greedy (best gain per word among sentences that still fit the budget),
    or with `exact` the best set the integer program proves (analysis/summary_exact.py), in
    the order of its gains; the greedy choice stands where the program is not solved."""
    if not len(pool):
        return []
    w_bi, w_uni, bonus = _values(pool, p)
    cost = np.maximum(pool.words, 1.0) ** p.length_power
    free = pool.words <= words
    fits = bool(free.any())
    if not fits:  # a budget below every sentence still gets the best one
        free[:] = True
    free[list(banned)] = False
    values = (w_bi, w_uni, bonus, cost)
    chosen = _greedy(pool, p, words, free.copy(), values)
    if not p.exact or not fits or not chosen:
        return chosen
    return _exact(pool, p, words, free, chosen, values)


def _exact(pool: Pool, p: SummaryParams, words: int, free: np.ndarray, chosen: list[int],
           values: Values) -> list[int]:  # fmt: skip
    """The program's best set, the greedy's first picks kept up to (1 - `exact`) of the budget,
    ordered by gain (the order `_make_room` drops from); the greedy's set if it is not solved."""
    w_bi, w_uni, bonus, cost = values
    first = (pool.bigrams @ w_bi + pool.unigrams @ w_uni + bonus) / cost
    spent = np.cumsum(pool.words[chosen])
    kept = [k for k, used in zip(chosen, spent, strict=True) if used <= (1 - p.exact) * words]
    best = solve(
        pool,
        shortlist(free, first, chosen, CANDIDATES),
        sparse.hstack([pool.bigrams, pool.unigrams]).tocsr(),
        np.concatenate([w_bi, w_uni]),
        bonus,
        Rules(words, p.quotations * words, p.per_statement, p.per_speaker),
        kept,
    )
    if best is None:
        return chosen
    unlimited = replace(p, quotations=1.0, per_statement=0, per_speaker=0)  # already met
    return _greedy(pool, unlimited, words, _mask(len(pool), best), values)


def _mask(n: int, rows: list[int]) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    mask[rows] = True
    return mask


def _greedy(pool: Pool, p: SummaryParams, words: int, free: np.ndarray, values: Values
            ) -> list[int]:  # fmt: skip
    """Best gain per word among the `free` sentences that still fit, until none says more."""
    w_bi, w_uni, bonus, cost = values
    open_bi, open_uni = np.ones_like(w_bi), np.ones_like(w_uni)
    chosen: list[int] = []
    total = 0.0
    quotation = pool.quotation if pool.quotation is not None else np.zeros(len(pool), dtype=bool)
    quoting = p.quotations * words
    speaker = pool.speaker if pool.speaker is not None else np.full(len(pool), -1)
    quoted: dict[int, int] = {}
    reprint = pool.reprint if pool.reprint is not None else np.zeros(len(pool), dtype=bool)
    reprinted = 0
    while free.any():
        # what happened before what was said: quotations get a share of the budget
        free &= ~quotation | (pool.words <= quoting)
        for who, times in quoted.items():  # and no one speaker fills it
            if p.per_speaker and times >= p.per_speaker:
                free &= ~(quotation & (speaker == who))
        if p.per_statement and reprinted >= p.per_statement:  # nor one reprinted document
            free &= ~reprint
        free &= (pool.bigrams @ open_bi + pool.unigrams @ open_uni) > 0  # says something new
        if not free.any():
            break
        concepts = pool.bigrams @ (w_bi * open_bi) + pool.unigrams @ (w_uni * open_uni)
        k = int(np.argmax(np.where(free, (concepts + bonus) / cost, -np.inf)))
        chosen.append(k)
        total += pool.words[k]
        quoting -= pool.words[k] if quotation[k] else 0.0
        reprinted += int(reprint[k])
        if quotation[k] and speaker[k] >= 0:
            quoted[int(speaker[k])] = quoted.get(int(speaker[k]), 0) + 1
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
    entities: Sequence[Entity] = (),
    sources: Sources | None = None,
) -> list[SummarySentence]:
    if not al.sentences:
        return []
    p = params or SummaryParams()
    group_of = sources.group_of if sources is not None else None
    pool, voice, unvoiced = voiced_pool(brief, al, p, quotes, furniture, group_of)
    attributed = voice.speaker
    order, resolved, rank = readable_selection(brief, al, pool, p, words, unvoiced, attributed)
    label = {s.id: a.label for a in brief.articles for s in a.sentences}
    notes = dispute_notes(discrepancies or [])
    chosen = [_shown(al, pool, voice, k, resolved) for k in order]
    maker = missing_maker(brief, entities, sources, [text for _, _, text in chosen])
    if maker is not None:
        chosen = _make_room(chosen, [rank[k] for k in order], len(maker.text.split()), words)
        chosen.append((maker.source, maker.citations, maker.text))
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


Shown = tuple[Sentence, list[str], str]


def _make_room(chosen: list[Shown], rank: list[int], need: int, words: int) -> list[Shown]:
    """Drop the sentences chosen last (the least new content) until `need` more words fit."""
    kept = list(range(len(chosen)))
    used = sum(len(text.split()) for _, _, text in chosen)
    for k in sorted(kept, key=lambda k: -rank[k]):
        if used + need <= words:
            break
        kept.remove(k)
        used -= len(chosen[k][2].split())
    return [chosen[k] for k in kept]


def _shown(al: Alignment, pool: Pool, voice: Voices, k: int, resolved: Mapping[int, str]) -> Shown:
    """(sentence shown, citations, text as shown) for a chosen row: an outlet's own sentence (its
    opening pronoun named when `resolved` says so), a quotation given its speaker, or a
    quotation given back its opening or closing mark."""
    row = int(pool.index[k])
    supporters = [al.sentences[j] for j in al.supporters(row)]
    supporters += [al.sentences[int(pool.index[j])] for j in _row(pool.same, k)]
    supporters = list({s.id: s for s in supporters}.values())
    shown = displayed(supporters)
    citations = [s.id for s in supporters if s is shown or not contradicts(shown, s)]
    own = self_attributed(al, voice, row)
    if own is not None:
        return al.sentences[own], citations, al.sentences[own].text
    if row in voice.speaker and row not in voice.own:
        shown = al.sentences[row]
        return shown, citations, as_quotation(shown.text, voice.speaker[row])
    if row in voice.reopened and shown is al.sentences[row]:
        return shown, citations, voice.reopened[row]
    if row in resolved:
        return al.sentences[row], citations, resolved[row]
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
) -> tuple[list[int], dict[int, str], dict[int, int]]:
    """Selected rows in reading order, none opening with a reference the summary cannot resolve;
    the rows whose opening pronoun is replaced by its antecedent (row -> text); and each selected
    row's step in the greedy selection (later steps add less). An unresolved
    sentence first moves to just after a summary sentence that resolves it; failing that, it is
    banned and the budget chosen again (after a few rounds, it is dropped)."""
    where = {s.id: (a, s) for a in brief.articles for s in a.sentences}
    banned: set[int] = set(unvoiced or ())
    order: list[int] = []
    greedy: list[int] = []

    def check(rows: list[int]) -> set[int]:
        return _dangling(al, pool, rows, where, attributed or {})[0]

    for _ in range(ROUNDS):
        greedy = select(pool, p, words, frozenset(banned))
        order = reading_order(pool, greedy)
        order, bad = _reattach(order, check(order), check)
        if not bad:
            break
        banned |= bad
    bad = check(order)
    order = [k for k in order if k not in bad]
    rank = {k: step for step, k in enumerate(greedy)}
    return order, _dangling(al, pool, order, where, attributed or {})[1], rank


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
) -> tuple[set[int], dict[int, str]]:
    """Rows whose opening (or quotation's opening) points back at what the summary lacks, and
    the rows in an outlet's own voice made readable by naming their pronoun's antecedent."""
    bad: set[int] = set()
    resolved: dict[int, str] = {}
    earlier: list[str] = []
    previous: set[str] = set()
    for k in order:
        row = int(pool.index[k])
        sentence = al.sentences[row]
        article, _ = where[sentence.id]
        prior = article.sentences[sentence.index - 1] if sentence.index else None
        follows = prior is not None and prior.id in previous
        before = source_before(article, sentence)
        text = sentence.text
        if row not in attributed and prior is not None and not follows:
            text = resolve_lead(text, prior.text) or text
            text = resolve_speaker(text, before) or text
        texts = [text, as_quotation(text, attributed[row])] if row in attributed else [text]
        last = earlier[-1] if earlier else ""
        if any(dangling(t, before, last, " ".join(earlier), follows) for t in texts):
            bad.add(k)
            continue
        if text != sentence.text:
            resolved[row] = text
        supporters = [al.sentences[j] for j in al.supporters(row)]
        earlier.append(resolved.get(row) or displayed(supporters).text)
        previous = {s.id for s in supporters}
    return bad, resolved


def displayed(supporters: list[Sentence]) -> Sentence:
    """The chosen sentence, unless it was restored from degraded text and an aligned sentence from
    a punctuated article says the same: readers should see an outlet's own punctuation and case."""
    chosen = supporters[0]
    if not chosen.repaired:
        return chosen
    return min(supporters, key=flaws)


@stage(
    "summary",
    version="3.6",
    requires=(
        "sentences",
        "sources",
        "boilerplate",
        "alignment",
        "entities",
        "discrepancies",
        "quotes",
    ),
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
        ctx.get("entities"),
        ctx.get("sources"),
    )
    ctx.put("summary", summary)
