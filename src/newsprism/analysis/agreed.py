"""The `agreed` stage: claims that several independent outlets report, every supporting sentence cited.

Three kinds of evidence, strongest first: aligned figures on which all sources agree (same value for
the same measured thing), claim anchors (distinctive words used together, analysis/claims.py), and
whole sentences the shared alignment matched. Syndicated copies count as one source; each fact lists
the outlets that omit it (the fact-level blindspot).
"""

from __future__ import annotations

import numpy as np

from newsprism.align import Alignment
from newsprism.analysis.claims import claim_anchors, clause_with, merge_anchors
from newsprism.analysis.figures import FigureGroup, figure_groups
from newsprism.analysis.semantic import meaning_matches, sentence_vectors
from newsprism.analysis.sources import Sources, independent_sources
from newsprism.model import AgreedFact, Brief, Sentence
from newsprism.pipeline import Context
from newsprism.registry import stage

MAX_FACTS = 25
SAME_FACT = 0.5
MIN_WORDS = 6


def _fact(brief: Brief, sources: Sources, text: str, cited: list[Sentence], source: str
          ) -> AgreedFact:  # fmt: skip
    """An agreed fact citing every supporting sentence (ids are '<article id>.<n>')."""
    citations = list(dict.fromkeys(s.id for s in cited))
    index = {a.id: k for k, a in enumerate(brief.articles)}
    articles = [index[c.rsplit(".", 1)[0]] for c in citations]
    outlets = list(dict.fromkeys(brief.articles[k].label for k in articles))
    omitted = [a.label for a in brief.articles if a.label not in outlets and not a.duplicate_of]
    return AgreedFact(text=text, outlets=outlets, citations=citations,
                      support=len({sources.group_of[k] for k in articles}),
                      omitted_by=list(dict.fromkeys(omitted)), source=source)  # fmt: skip


def figure_facts(brief: Brief, sources: Sources, groups: list[FigureGroup]) -> list[AgreedFact]:
    out = []
    for group in groups:
        if len(group.by_value()) != 1:
            continue
        first_sentence = representative([m.sentence for m in group.mentions], set())
        first = next(m for m in group.mentions if m.sentence is first_sentence)
        text = clause_with(first.sentence.text, ())
        cited = [m.sentence for m in group.mentions]
        out.append(_fact(brief, sources, text, cited, first.sentence.id))
    return out


def representative(sentences: list[Sentence], quoted: set[str]) -> Sentence:
    """An outlet's own words (not a quotation), of news-sentence length, shortest first."""
    return min(sentences, key=lambda s: (s.id in quoted, len(s.text.split()) < 8, len(s.text)))


def anchor_facts(brief: Brief, sources: Sources, quoted: set[str]) -> list[AgreedFact]:
    out = []
    for anchor in merge_anchors(claim_anchors(brief.articles, sources)):
        if all(sid in quoted for sid in anchor.sentences):
            continue  # a shared quotation: reported under quotes
        shortest = representative(list(anchor.sentences.values()), quoted)
        text = clause_with(shortest.text, anchor.terms)
        out.append(_fact(brief, sources, text, list(anchor.sentences.values()), shortest.id))
    return out


def sentence_facts(brief: Brief, sources: Sources, al: Alignment, quoted: set[str]
                   ) -> list[AgreedFact]:  # fmt: skip
    out = []
    for i, sentence in enumerate(al.sentences):
        supporters = al.supporters(i)
        groups = {sources.group_of[al.article_of[j]] for j in supporters}
        if len(groups) > 1 and not all(al.sentences[j].id in quoted for j in supporters):
            cited = [al.sentences[j] for j in supporters]
            out.append(_fact(brief, sources, sentence.text, cited, sentence.id))
    return out


def meaning_facts(brief: Brief, sources: Sources, al: Alignment, quoted: set[str],
                  vectors: dict[str, np.ndarray]) -> list[AgreedFact]:  # fmt: skip
    """Sentences that other sources restate in other words (semantic extra only)."""
    ids = [s.id for s in al.sentences]
    owner = [sources.group_of[k] for k in al.article_of]
    out = []
    for i, matches in enumerate(meaning_matches(vectors, ids, owner)):
        if matches and not all(ids[j] in quoted for j in [i, *matches]):
            cited = [al.sentences[j] for j in [i, *matches]]
            out.append(_fact(brief, sources, al.sentences[i].text, cited, ids[i]))
    return out


def _dedupe(facts: list[AgreedFact]) -> list[AgreedFact]:
    """One fact per claim: drop those citing mostly the same sentences or shown by the same one."""
    kept: list[AgreedFact] = []
    shown: set[str] = set()
    for fact in facts:
        ids = set(fact.citations)
        if len(fact.text.split()) < MIN_WORDS or fact.source in shown:
            continue
        if any(
            len(ids & set(k.citations)) >= SAME_FACT * len(ids | set(k.citations)) for k in kept
        ):
            continue
        kept.append(fact)
        shown.add(fact.source)
    return kept


def find_agreed(
    brief: Brief,
    sources: Sources,
    al: Alignment | None = None,
    groups: list[FigureGroup] | None = None,
    quoted: set[str] | None = None,
    vectors: dict[str, np.ndarray] | None = None,
) -> list[AgreedFact]:
    """Facts from figures, anchors and aligned sentences; quotations are left to the quotes."""
    if groups is None:
        groups = figure_groups(brief.articles, sources)
    facts = figure_facts(brief, sources, groups) + anchor_facts(brief, sources, quoted or set())
    if al is not None:
        facts += sentence_facts(brief, sources, al, quoted or set())
        if vectors is not None:
            facts += meaning_facts(brief, sources, al, quoted or set(), vectors)
    facts.sort(key=lambda f: -f.support)  # stable: figures, then anchors by weight, then sentences
    return _dedupe(facts)[:MAX_FACTS]


@stage(
    "agreed",
    version="1.0",
    requires=("sentences", "alignment"),
    assigns=("agreed",),
    on_error="skip",
)
def agreed_stage(ctx: Context) -> None:
    """Claims several independent outlets report, with the outlets that omit each."""
    sources = ctx.artifacts.get("sources") or independent_sources(ctx.brief.articles)
    ctx.artifacts["sources"] = sources
    ctx.brief.agreed = find_agreed(
        ctx.brief,
        sources,
        ctx.artifacts.get("alignment"),
        ctx.artifacts.get("figure_groups"),
        ctx.artifacts.get("quoted"),
        sentence_vectors(ctx),
    )
