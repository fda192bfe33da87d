"""Checking agreed facts: each outlet is credited only if its own sentence states the fact, and
listed as omitting it only if its text lacks it. Split from the stage (analysis/agreed.py) because
every path that proposes facts (aligned, figures, restated claims) goes through these checks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsprism.analysis.sources import Sources
from newsprism.analysis.support import (
    LEANS_BACK,
    Coverage,
    common_core,
    safe_shortenings,
    whole_clause,
)
from newsprism.analysis.voice import (
    own_voice,
    printed_as_quotation,
    speaks_as_someone,
    statement_sentences,
)
from newsprism.analysis.whole_credit import credits, sources_named
from newsprism.model import AgreedFact, Article, Brief, Sentence
from newsprism.text.nlp import parse, parse_ahead
from newsprism.text.sparse import components

CHECKED_PER_FACT = 8  # candidates checked per fact shown, at most: each check parses sentences
MIN_WORDS = 6
MIN_SUPPORT = 2


def make_fact(
    brief: Brief, sources: Sources, text: str, cited: list[str], source: str
) -> AgreedFact:
    """An agreed fact citing every supporting sentence (ids are '<article id>.<n>')."""
    citations = list(dict.fromkeys(cited))
    index, labels = _articles(brief)
    articles = [index[c.rsplit(".", 1)[0]] for c in citations]
    outlets = list(dict.fromkeys(brief.articles[k].label for k in articles))
    stated = set(outlets)
    return AgreedFact(text=text, outlets=outlets, citations=citations,
                      support=independent(brief, sources, articles),
                      omitted_by=[o for o in labels if o not in stated], source=source)  # fmt: skip


_LAST_ARTICLES: list[tuple[list[Article], int, dict[str, int], list[str]]] = []


def _articles(brief: Brief) -> tuple[dict[str, int], list[str]]:
    """(article id -> position, the outlets of articles that are no copy, in order), worked out
    once per article list rather than once per fact."""
    last = _LAST_ARTICLES[0] if _LAST_ARTICLES else None
    if last is None or last[0] is not brief.articles or last[1] != len(brief.articles):
        index = {a.id: k for k, a in enumerate(brief.articles)}
        labels = list(dict.fromkeys(a.label for a in brief.articles if not a.duplicate_of))
        last = (brief.articles, len(brief.articles), index, labels)
        _LAST_ARTICLES[:] = [last]
    return last[2], last[3]  # the local entry: another thread's brief may replace the cache


def independent(brief: Brief, sources: Sources, articles: list[int]) -> int:
    """Independent outlets among articles: a syndicated copy and its original count once, and so
    do two articles of one outlet."""
    members = list(dict.fromkeys(articles))
    groups = {sources.group_of[k] for k in members}
    if len(groups) == len(members) == len({brief.articles[k].label for k in members}):
        return len(members)  # nothing shared: each article is its own outlet
    first: dict[object, int] = {}
    links = [
        (n, first.setdefault(key, n))
        for n, k in enumerate(members)
        for key in (("group", sources.group_of[k]), ("label", brief.articles[k].label))
    ]
    return len(components(len(members), [a for a, _ in links], [b for _, b in links]))


def owner(s: Sentence) -> str:
    return s.id.rsplit(".", 1)[0]


def outlet_sentences(brief: Brief) -> dict[str, list[Sentence]]:
    """Each outlet's sentences in article order, gathered once rather than per omitting outlet."""
    by_outlet: dict[str, list[Sentence]] = {}
    for article in brief.articles:
        by_outlet.setdefault(article.label, []).extend(article.sentences)
    return by_outlet


def omitted(fact: AgreedFact, coverage: Coverage) -> list[str]:
    """Outlets listed as not reporting the fact whose text indeed lacks it (support.reports)."""
    reporting = coverage.reporting(fact.text)
    return [o for o in fact.omitted_by if o not in reporting]


def stands_alone(s: Sentence, statements: set[str], quoted: set[tuple[str, ...]]) -> bool:
    """A sentence the brief may show as a shared fact: the outlet's own voice, not first person or
    an obligation, not pointing back at the sentence before, not a question."""
    return (
        own_voice(s, statements, quoted) and not speaks_as_someone(s.text)
        and not LEANS_BACK.match(s.text) and not s.text.rstrip(" \"'”’)").endswith("?")
    )  # fmt: skip


def verified(
    brief: Brief,
    sources: Sources,
    facts: list[AgreedFact],
    disputed: frozenset[str],
    limit: int | None = None,
) -> list[AgreedFact]:
    """Each fact shown by the supporter whose wording the others share most, credited only to
    outlets whose sentences state it, and omitted only by outlets whose text lacks it; facts that
    keep fewer than two independent outlets are dropped (analysis/support.py).

    Checking never credits more outlets than a fact cites, so once ``limit`` facts are checked,
    the rest are not when none of them cites more outlets than the weakest of those has support:
    they could not rank among the first ``limit``. At most ``CHECKED_PER_FACT`` x ``limit``
    candidates are checked at all (checking every candidate of a 1,000-article story took many
    minutes); one left unchecked is left out, never shown unchecked."""
    index = brief.sentence_index()
    statements = {i for a in brief.articles for i in statement_sentences(a)}
    quoted = printed_as_quotation(brief.articles)
    position = {a.id: k for k, a in enumerate(brief.articles)}
    out: list[AgreedFact] = []
    coverage = Coverage(outlet_sentences(brief))
    at_most = _best_after([_cites_outlets(brief, sources, f, position, index) for f in facts])
    for n, fact in enumerate(facts):
        if limit is not None and len(out) >= limit and at_most[n] <= _kth(out, limit):
            break
        if limit is not None and n >= CHECKED_PER_FACT * limit:
            break  # the strongest candidates are checked; the rest are not shown unchecked
        cited = [index[c][1] for c in fact.citations if c in index]
        checked = _verify(brief, sources, cited, statements, quoted, disputed, position, coverage)
        if checked is not None and not any(f.source == checked.source for f in out):
            out.append(checked)
    return out


def _cites_outlets(brief: Brief, sources: Sources, fact: AgreedFact, position: dict[str, int],
                   index: dict[str, tuple[Article, Sentence]]) -> int:  # fmt: skip
    """An upper bound of the support of any subset of the fact's citations: independent() never
    counts more outlets than there are distinct source groups, or distinct labels, among them."""
    cited = {position[index[c][0].id] for c in fact.citations if c in index}
    labels = {brief.articles[k].label for k in cited}
    return min(len({sources.group_of[k] for k in cited}), len(labels))


def _kth(facts: list[AgreedFact], k: int) -> int:
    return sorted((f.support for f in facts), reverse=True)[k - 1]


def _best_after(bounds: list[int]) -> list[int]:
    """For each position, the largest bound from there to the end."""
    out, best = [0] * len(bounds), 0
    for n in range(len(bounds) - 1, -1, -1):
        best = max(best, bounds[n])
        out[n] = best
    return out


def _verify(brief: Brief, sources: Sources, cited: list[Sentence], statements: set[str],
            quoted: set[tuple[str, ...]], disputed: frozenset[str],
            position: dict[str, int], coverage: Coverage
            ) -> AgreedFact | None:  # fmt: skip
    candidates = [
        s for s in common_core(cited)
        if stands_alone(s, statements, quoted) and s.id not in disputed and not s.repaired
        and not s.cut_off and len(s.text.split()) >= MIN_WORDS
    ]  # fmt: skip
    best: tuple[int, str, list[Sentence], Sentence] | None = None
    for shown in candidates[:3]:
        for text in reversed(safe_shortenings(shown.text)):
            if not whole_clause(text):
                continue  # a caption or a fragment says nothing on its own
            kept = [s for s in cited if s is shown or credits(text, s.text)]
            support = independent(brief, sources, [position[owner(s)] for s in kept])
            if support >= MIN_SUPPORT and (best is None or support > best[0]):
                best = (support, text, kept, shown)
    if best is not None:
        _, text, kept, shown = best
        fact = make_fact(brief, sources, text, [s.id for s in kept], shown.id)
        fact.omitted_by = omitted(fact, coverage)
        return fact
    return None


def whole_credits(brief: Brief, sources: Sources, facts: Iterable[AgreedFact]) -> list[AgreedFact]:
    """Each fact credited only to the sentences stating all of it (analysis/whole_credit.py).
    When some do not, the fact may be cut to what more of them state whole: a safe shortening
    of its text (support.safe_shortenings: a tail or an optional circumstance dropped, which the
    longer text implies) that is still a whole clause and keeps every source the text names. A
    fact its own shown sentence does not state, or left with fewer than two independent outlets,
    is dropped. Outlets listed as omitting it stay listed only if their text lacks the kept text;
    an outlet stating part of a fact is neither credited nor listed as omitting it."""
    index = brief.sentence_index()
    position = {a.id: k for k, a in enumerate(brief.articles)}
    coverage: Coverage | None = None
    facts = list(facts)
    parse_ahead(  # the uncached texts in one batched pass, not one parse each
        t for f in facts for t in (f.text, *(index[c][1].text for c in f.citations if c in index))
    )
    out = []
    for fact in facts:
        kept = _whole_credit(fact.text, fact, index)
        if len(kept) == len(fact.citations):
            out.append(fact)
            continue
        best = (_support(brief, sources, position, kept), fact.text, kept)
        for cut in _cuts(fact.text):
            cited = _whole_credit(cut, fact, index)
            support = _support(brief, sources, position, cited)
            if support > best[0]:
                best = (support, cut, cited)
        support, text, cited = best
        if support < MIN_SUPPORT:
            continue
        shortened = text != fact.text
        omitting = list(fact.omitted_by)
        fact = make_fact(brief, sources, text, cited, fact.source)
        fact.omitted_by = omitting
        if shortened:  # an outlet lacking the longer text may state the shorter one
            coverage = coverage or Coverage(outlet_sentences(brief))
            fact.omitted_by = omitted(fact, coverage)
        out.append(fact)
    return out


def _support(brief: Brief, sources: Sources, position: dict[str, int], cited: list[str]) -> int:
    return independent(brief, sources, [position[c.rsplit(".", 1)[0]] for c in cited])


def _whole_credit(text: str, fact: AgreedFact,
                  index: dict[str, tuple[Article, Sentence]]) -> list[str]:  # fmt: skip
    """The fact's citations whose sentences state all of ``text``; none unless its own does."""
    kept = [c for c in fact.citations if c in index and credits(text, index[c][1].text)]
    return kept if fact.source in kept else []


def _cuts(text: str) -> list[str]:
    """Safe shortenings of the text that read whole and keep the sources it names, longest first."""
    named = set(sources_named(text))
    return [
        cut for cut in reversed(safe_shortenings(text)[:-1])
        if len(cut.split()) >= MIN_WORDS and whole_clause(cut) and named <= set(sources_named(cut))
    ]  # fmt: skip


# A subject that counts or groups people the item never names: 'the three', 'both', 'the pair'.
_GROUP_WORDS = frozenset(["both", "all", "each", "either", "neither", "pair", "duo", "trio",
                          "couple"])  # fmt: skip


def says_too_little(text: str) -> str | None:
    """Why an item read on its own points at people it never names ('The three were shot
    dead.'), or None. A short item with a bare verb is not refused: the parse cannot tell 'Anna
    Smith was born.' from 'The mayor resigned.', and the second is a fact a reader needs."""
    doc = parse([text])[0]
    for root in (t for t in doc if t.dep_ == "ROOT"):
        for subj in (c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}):
            if _names_no_one(subj):
                return f"subject '{subj.text}' names no one"
    return None


def _names_no_one(subj: Any) -> bool:
    """A number with no noun ('the three', 'two'; a year in digits is no count), a quantifier
    alone ('both'), a group word ('the pair'); 'the three suspects' and 'both of the men' name
    whom they count."""
    if any(w.pos_ in {"NOUN", "PROPN"} for w in subj.subtree if w is not subj):
        return False
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"} for c in subj.children)
    if subj.pos_ == "NUM":
        return subj.is_alpha or definite
    return subj.lower_ in _GROUP_WORDS
