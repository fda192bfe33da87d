"""The `agreed` stage: claims that several independent outlets report, every supporting sentence cited.

Three kinds of evidence, strongest first: aligned figures on which all sources agree (same value for
the same measured thing), claim anchors (distinctive words used together, analysis/claims.py), and
whole sentences the shared alignment matched. Syndicated copies count as one source; each fact lists
the outlets that omit it (the fact-level blindspot).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from newsprism.align import Alignment
from newsprism.analysis.agreed_check import (
    MIN_SUPPORT,
    MIN_WORDS,
    independent,
    make_fact,
    omitted,
    outlet_sentences,
    owner,
    says_too_little,
    stands_alone,
    verified,
    whole_credits,
)
from newsprism.analysis.claims import claim_anchors, clause_with, merge_anchors
from newsprism.analysis.figures import FigureGroup, closeness, figure_groups
from newsprism.analysis.readable import complete_clause, flaws
from newsprism.analysis.restated import Entry, restated_claims
from newsprism.analysis.semantic import meaning_matches
from newsprism.analysis.sources import Sources
from newsprism.analysis.support import Coverage, figures, parsed_ahead, whole_clause
from newsprism.analysis.voice import (
    mostly_quoted,
    printed_as_quotation,
    statement_sentences,
)
from newsprism.model import AgreedFact, Article, Brief, Discrepancy, Sentence
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.quantities import Quantity, find_quantities
from newsprism.text.terms import content_stems, stem

MAX_FACTS = 12  # a reader-sized list: the best-supported claims
SAME_FACT = 0.5
MIN_NEW = 2  # content words a claim citing a kept fact's sentences must add to be another fact
SAME_WORDING = 0.4  # content-word overlap (Dice) of two facts' texts that restate one claim
FIGURE_KINDS = frozenset({"count", "money", "percent", "duration", "measure"})


def _ids(sentences: list[Sentence]) -> list[str]:
    return [s.id for s in sentences]


Figure = tuple[str, str, float, float]


@lru_cache(maxsize=8192)
def _quantities(text: str, repaired: bool) -> tuple[Quantity, ...]:
    """Stated amounts, counts (with their noun), shares and durations."""
    return tuple(
        q
        for q in find_quantities(text, spaced_thousands=repaired)
        if q.kind in FIGURE_KINDS and not (q.kind == "count" and (q.high < 2 or not q.noun))
    )


def _figure(q: Quantity) -> Figure:
    """(kind, unit or counted noun, low, high): the stated figure, bounds aside."""
    unit = stem(q.noun) if q.kind == "count" else q.unit
    return (q.kind, unit, round(q.low, 6), round(q.high, 6))


def figures_of(s: Sentence) -> frozenset[Figure]:
    return frozenset(_figure(q) for q in _quantities(s.text, s.repaired))


def contradicts(shown: Sentence, other: Sentence) -> bool:
    """The other sentence states a different value for a figure of the shown one: same measure,
    not the same numbers, close enough to be one thing ('$6 million' / '$4 million', not 'two
    years' / 'seven to nine years')."""
    mine = _quantities(shown.text, shown.repaired)
    for q in _quantities(other.text, other.repaired):
        same_measure = [p for p in mine if _figure(p)[:2] == _figure(q)[:2]]
        differs = not any(_figure(p) == _figure(q) for p in same_measure)
        if differs and any(closeness(p, q) > 0 for p in same_measure):
            return True
    return False


def unsupported(shown: Sentence, cited: list[Sentence]) -> set[Figure]:
    """Figures of the shown sentence that no cited sentence of another article states."""
    others = {f for s in cited if owner(s) != owner(shown) for f in figures_of(s)}
    return set(figures_of(shown)) - others


def representative(
    sentences: list[Sentence],
    quoted: set[str],
    disputed: frozenset[str] = frozenset(),
    al: Alignment | None = None,
) -> Sentence:
    """The sentence to show: the outlet's own words (not a quotation), taking no side of a
    discrepancy, with no figure the others do not state, complete and clean
    (analysis/readable.py), of news-sentence length, closest to the others in wording, shortest."""
    central = _centrality(sentences, al)
    alone = _own_figures(sentences)
    return min(
        sentences,
        key=lambda s: (
            s.id in quoted or s.text.lstrip().startswith(('"', "“")),
            s.id in disputed,
            s.id in alone,
            *flaws(s),
            len(s.text.split()) < 8,
            -round(central.get(s.id, 0.0), 1),
            len(s.text),
        ),
    )


def _own_figures(sentences: list[Sentence]) -> set[str]:
    """Ids of the sentences with a figure no sentence of another article states (`unsupported`),
    from one count of the articles stating each figure instead of one pass per sentence."""
    owners: dict[Figure, set[str]] = {}
    for s in sentences:
        for f in figures_of(s):
            owners.setdefault(f, set()).add(owner(s))
    return {s.id for s in sentences if any(len(owners[f]) == 1 for f in figures_of(s))}


def _centrality(sentences: list[Sentence], al: Alignment | None) -> dict[str, float]:
    """Mean TF-IDF cosine of each sentence with the others cited (0 without an alignment)."""
    if al is None or len(sentences) < 3:
        return {}
    position = _position(al)
    rows = [position[s.id] for s in sentences if s.id in position]
    if len(rows) != len(sentences):
        return {}
    vectors = al.vectors[rows]
    sims = np.asarray((vectors @ vectors.T).todense())
    means = (sims.sum(axis=1) - sims.diagonal()) / (len(rows) - 1)
    return {s.id: float(m) for s, m in zip(sentences, means, strict=True)}


_LAST_ALIGNMENT: list[tuple[Alignment, dict[str, int]]] = []


def _position(al: Alignment) -> dict[str, int]:
    """Sentence id -> row of the alignment, built once per alignment, not once per fact shown."""
    last = _LAST_ALIGNMENT[0] if _LAST_ALIGNMENT else None
    if last is None or last[0] is not al:
        last = (al, al.position())
        _LAST_ALIGNMENT[:] = [last]
    return last[1]  # the local entry: another thread's brief may replace the cache


def figure_facts(brief: Brief, sources: Sources, groups: list[FigureGroup], quoted: set[str],
                 disputed: frozenset[str], al: Alignment | None = None
                 ) -> list[AgreedFact]:  # fmt: skip
    out = []
    for group in groups:
        if len(group.by_value()) != 1:
            continue
        cited = [m.sentence for m in group.mentions]
        shown = representative(cited, quoted, disputed, al)
        text = complete_clause(clause_with(shown.text, ()), shown.text)
        out.append(make_fact(brief, sources, text, _ids(cited), shown.id))
    return out


def anchor_facts(brief: Brief, sources: Sources, quoted: set[str], disputed: frozenset[str],
                 al: Alignment | None = None) -> list[AgreedFact]:  # fmt: skip
    out = []
    for anchor in merge_anchors(claim_anchors(brief.articles, sources)):
        if all(sid in quoted for sid in anchor.sentences):
            continue  # a shared quotation: reported under quotes
        cited = list(anchor.sentences.values())
        shown = representative(cited, quoted, disputed, al)
        text = complete_clause(clause_with(shown.text, anchor.terms), shown.text)
        out.append(make_fact(brief, sources, text, _ids(cited), shown.id))
    return out


def sentence_facts(brief: Brief, sources: Sources, al: Alignment, quoted: set[str],
                   disputed: frozenset[str]) -> list[AgreedFact]:  # fmt: skip
    out = []
    for i in range(len(al.sentences)):
        supporters = al.supporters(i)
        groups = {sources.group_of[al.article_of[j]] for j in supporters}
        if len(groups) > 1 and not all(al.sentences[j].id in quoted for j in supporters):
            cited = [al.sentences[j] for j in supporters]
            shown = representative(cited, quoted, disputed, al)
            out.append(make_fact(brief, sources, shown.text, _ids(cited), shown.id))
    return out


def meaning_facts(brief: Brief, sources: Sources, al: Alignment, quoted: set[str],
                  vectors: dict[str, np.ndarray], disputed: frozenset[str]
                  ) -> list[AgreedFact]:  # fmt: skip
    """Sentences that other sources restate in other words (semantic extra only)."""
    ids = [s.id for s in al.sentences]
    owner = [sources.group_of[k] for k in al.article_of]
    out = []
    for i, matches in enumerate(meaning_matches(vectors, ids, owner)):
        if matches and not all(ids[j] in quoted for j in [i, *matches]):
            cited = [al.sentences[j] for j in [i, *matches]]
            shown = representative(cited, quoted, disputed, al)
            out.append(make_fact(brief, sources, shown.text, _ids(cited), shown.id))
    return out


@lru_cache(maxsize=1 << 16)
def _wording(text: str) -> frozenset[str]:
    return frozenset(content_stems(text))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _dedupe(brief: Brief, sources: Sources, facts: list[AgreedFact]) -> list[AgreedFact]:
    """One fact per claim. A fact citing mostly the same sentences as a stronger one, or shown by
    the same sentence, is dropped; one that restates it (shared sentences and similar wording) is
    merged into it, so the stronger fact cites every sentence of both.

    Both tests need a shared sentence, so each fact meets only the kept facts citing one of its
    sentences (looked up by sentence id, in the order they were kept), not every kept fact."""
    kept: list[AgreedFact] = []
    shown: set[str] = set()
    citing: dict[str, set[int]] = {}  # sentence id -> positions in `kept` of facts citing it
    uncited = False  # a kept fact citing nothing meets every fact (an empty share is 'mostly')
    for fact in facts:
        ids = set(fact.citations)
        if len(fact.text.split()) < MIN_WORDS or fact.source in shown:
            continue
        wording = _wording(fact.text)
        near = sorted({k for c in ids for k in citing.get(c, ())})
        for k in range(len(kept)) if uncited or not ids else near:
            other = kept[k]
            theirs = set(other.citations)
            shared = len(ids & theirs)
            if shared >= SAME_FACT * len(ids | theirs):
                break
            if shared >= SAME_FACT * min(len(ids), len(theirs)) and (
                _dice(wording, _wording(other.text)) >= SAME_WORDING
            ):
                cited = other.citations + fact.citations
                kept[k] = make_fact(brief, sources, other.text, cited, other.source)
                for c in kept[k].citations:
                    citing.setdefault(c, set()).add(k)
                break
        else:
            for c in ids:
                citing.setdefault(c, set()).add(len(kept))
            uncited = uncited or not ids
            kept.append(fact)
            shown.add(fact.source)
    return kept


def _sides(discrepancies: Sequence[Discrepancy]) -> dict[str, dict[int, int]]:
    """Sentence id -> {discrepancy number: the side (value number) the sentence takes}."""
    out: dict[str, dict[int, int]] = {}
    for d, disc in enumerate(discrepancies):
        for v, value in enumerate(disc.values):
            for cid in value.citations:
                out.setdefault(cid, {}).setdefault(d, v)
    return out


def consistent(brief: Brief, sources: Sources, fact: AgreedFact,
               sides: dict[str, dict[int, int]],
               index: dict[str, tuple[Article, Sentence]] | None = None
               ) -> AgreedFact | None:  # fmt: skip
    """The fact citing only sentences that agree with its shown sentence on every discrepancy it
    takes a side in, on that same side ('up to five weeks' is agreed only by the outlets saying so),
    and on the figures it shows. None when outlets differ on a figure it shows that no other
    outlet states: that claim is not agreed."""
    index = brief.sentence_index() if index is None else index
    mine = sides.get(fact.source, {})
    shown = index[fact.source][1] if fact.source in index else None

    def agrees(cid: str) -> bool:
        theirs_sides = sides.get(cid, {})
        if any(theirs_sides.get(d) != v for d, v in mine.items()):
            return False  # another side of, or silent on, a discrepancy the fact takes a side in
        if shown is None or cid not in index or owner(index[cid][1]) == owner(shown):
            return True
        return not contradicts(shown, index[cid][1])

    kept = [c for c in fact.citations if agrees(c)]
    if len(kept) == len(fact.citations):
        return fact
    cited = [index[c][1] for c in kept if c in index]
    if fact.source in index and unsupported(index[fact.source][1], cited):
        return None
    return make_fact(brief, sources, fact.text, kept, fact.source)


def _consistent(brief: Brief, sources: Sources, facts: list[AgreedFact],
                sides: dict[str, dict[int, int]]) -> list[AgreedFact]:  # fmt: skip
    index = brief.sentence_index()
    out = [consistent(brief, sources, f, sides, index) for f in facts]
    return [f for f in out if f is not None and f.support >= MIN_SUPPORT]


def find_agreed(
    brief: Brief,
    sources: Sources,
    al: Alignment | None = None,
    groups: list[FigureGroup] | None = None,
    quoted: set[str] | None = None,
    vectors: dict[str, np.ndarray] | None = None,
    limit: int = MAX_FACTS,
    discrepancies: Sequence[Discrepancy] = (),
) -> list[AgreedFact]:
    """Facts from figures, anchors and aligned sentences; quotations are left to the quotes.

    A fact is read on its own: one whose subject names no one (agreed_check.says_too_little)
    is left out last, after it has kept the claims it covers from standing beside it; it is
    never swapped for a wording chosen against it.
    Facts never contradict the ``discrepancies``: each cites only
    the sentences on its shown sentence's side. Ranked by independent sources, strongest evidence
    first; at most ``limit``, each with at least two independent sources.
    """
    quoted = quoted or set()
    if groups is None:
        groups = figure_groups(brief.articles, sources)
    sides = _sides(discrepancies)
    disputed = frozenset(sides)
    facts = figure_facts(brief, sources, groups, quoted, disputed, al)
    facts += anchor_facts(brief, sources, quoted, disputed, al)
    if al is not None:
        facts += sentence_facts(brief, sources, al, quoted, disputed)
        if vectors is not None:
            facts += meaning_facts(brief, sources, al, quoted, vectors, disputed)
    facts = _consistent(brief, sources, facts, sides)
    facts.sort(key=lambda f: -f.support)  # stable: figures, then anchors by weight, then sentences
    merged = _dedupe(brief, sources, facts)
    merged = _consistent(brief, sources, merged, sides)
    merged = verified(brief, sources, merged, disputed, limit)
    claims = _consistent(brief, sources, restated(brief, sources, disputed, quoted), sides)
    claims.sort(key=lambda f: (-f.support, len(f.text)))
    merged = distinct(whole_credits(brief, sources, merged), whole_credits(brief, sources, claims))
    merged.sort(key=lambda f: -f.support)  # stable: aligned facts before restated claims
    return [f for f in merged if says_too_little(f.text) is None][:limit]


def restated(
    brief: Brief, sources: Sources, disputed: frozenset[str], quoted_ids: set[str]
) -> list[AgreedFact]:
    """Facts from claims several independent outlets restate inside their own sentences
    (analysis/restated.py), shown in one outlet's words, credited to every outlet stating them."""
    statements = {i for a in brief.articles for i in statement_sentences(a)}
    quoted = printed_as_quotation(brief.articles)
    position = {a.id: k for k, a in enumerate(brief.articles)}
    label_group: dict[str, int] = {}
    entries = [
        Entry(s, label_group.setdefault(a.label, sources.group_of[k]))
        for k, a in enumerate(brief.articles) for s in a.sentences if not s.repaired
    ]  # fmt: skip

    def showable(s: Sentence) -> bool:
        return (
            s.id not in quoted_ids and s.id not in disputed and not any(flaws(s))
            and stands_alone(s, statements, quoted) and not mostly_quoted(s.text)
        )  # fmt: skip

    def support_of(chosen: list[Entry]) -> int:
        return independent(brief, sources, [position[owner(e.sentence)] for e in chosen])

    coverage = Coverage(outlet_sentences(brief))
    found = restated_claims(entries, showable, support_of)
    with parsed_ahead(claim.text for claim in found):  # whole_clause parses each, batched here
        whole = [claim for claim in found if whole_clause(claim.text)]
    out = []
    for claim in whole:
        cited = [claim.source.id, *(e.sentence.id for e in claim.supporters)]
        fact = make_fact(brief, sources, claim.text, cited, claim.source.id)
        fact.omitted_by = omitted(fact, coverage)
        out.append(fact)
    return out


def distinct(kept: list[AgreedFact], claims: list[AgreedFact]) -> list[AgreedFact]:
    """The kept facts and each claim that is none of them: a claim shown by a sentence already
    shown, citing mostly the same sentences as a kept fact, or worded like it, is left out (never
    merged: a merged fact would credit sentences that do not state its text).

    A kept fact can only be the same as a claim when it shares a cited sentence or a word with it
    (or cites nothing), so each claim meets only those, found through indexes of the kept facts."""
    kept = list(kept)
    shown = {f.source for f in kept}
    uncited = any(not f.citations for f in kept)
    by_term: dict[str, set[int]] = {}  # sentence id or word -> positions in `kept`
    for k, fact in enumerate(kept):
        _index_fact(by_term, k, fact)
    for fact in claims:
        ids, wording = set(fact.citations), _wording(fact.text)
        if fact.source in shown:
            continue
        if kept and (not ids or uncited):
            continue  # an empty citation list shares 'mostly' everything (half of nothing)
        near = {k for term in (*ids, *wording) for k in by_term.get(term, ())}
        if not any(_same_claim(fact.text, ids, wording, kept[k]) for k in near):
            _index_fact(by_term, len(kept), fact)
            kept.append(fact)
            shown.add(fact.source)
            uncited = uncited or not fact.citations
    return kept


def _same_claim(text: str, ids: set[str], wording: frozenset[str], kept: AgreedFact) -> bool:
    """A claim says what a kept fact says when it adds no content word or figure to it. One
    holding all of the fact's words and MIN_NEW more is a more precise fact ('X was shot' and
    'X was shot on May 29 outside a car wash', perhaps credited to fewer outlets). Otherwise it
    is the same when the two cite mostly the same sentences (half of all they cite), or when it
    shares half of the fewer citations or is worded alike and adds fewer than MIN_NEW. Sharing
    one outlet's sentence is not enough on its own: 'X was shot on May 29' (four outlets) and
    'As X stood by his mother, he was shot' (two), both citing that sentence, are two facts."""
    mine, theirs = _content(text), _content(kept.text)
    new = len(mine - theirs)
    if mine <= theirs or theirs <= mine:
        return new < MIN_NEW
    cited = set(kept.citations)
    shared = len(ids & cited)
    if shared >= SAME_FACT * len(ids | cited):
        return True
    alike = shared >= SAME_FACT * min(len(ids), len(cited))
    return (alike or _dice(wording, _wording(kept.text)) >= SAME_WORDING) and new < MIN_NEW


@lru_cache(maxsize=1 << 16)
def _content(text: str) -> frozenset[str]:
    """Content stems and figures ('29' of 'May 29'): what a claim may add to another."""
    return _wording(text) | {f"#{f}" for f in figures(text)}


def _index_fact(by_term: dict[str, set[int]], k: int, fact: AgreedFact) -> None:
    for term in (*fact.citations, *_wording(fact.text)):
        by_term.setdefault(term, set()).add(k)


@stage(
    "agreed",
    version="2.9",
    requires=(
        "sentences",
        "alignment",
        "sources",
        "figure_groups",
        "quoted",
        "discrepancies",
        "sentence_vectors",
    ),
    assigns=("agreed",),
    on_error="skip",
)
def agreed_stage(ctx: Context) -> None:
    """Claims several independent outlets report, with the outlets that omit each."""
    facts = find_agreed(
        ctx.brief,
        ctx.get("sources"),
        ctx.get("alignment"),
        ctx.get("figure_groups"),
        ctx.get("quoted"),
        ctx.get("sentence_vectors"),
        discrepancies=ctx.get("discrepancies"),
    )
    ctx.put("agreed", facts)
