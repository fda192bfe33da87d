"""The `unique` stage: for each outlet, what no other independent source reports.

A sentence is unique when the shared alignment finds no match for it in another source and its
distinctive words (names, figures, rare terms) appear in no other source. Page furniture (the
`boilerplate` stage), fragments and sentences that lean on a pronoun for their only subject never
qualify. Consecutive unique sentences of one paragraph form one item; items are ranked by how much
new information they carry, and an outlet's many items are grouped by a word they share (topic).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsprism.align import Alignment
from newsprism.analysis.readable import only_time
from newsprism.analysis.semantic import meaning_matches
from newsprism.analysis.sources import Sources
from newsprism.model import AgreedFact, Brief, Quote, Sentence, UniqueItem
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.terms import STOP_WORDS, stem, words
from newsprism.text.tokens import word_tokens

MIN_WORDS = 6
MIN_NEW_TERMS = 2  # a word or two of new wording is a paraphrase, not new information
MIN_NEW_SHARE = 0.2  # of the sentence's information (idf), so shared names weigh little
PARAPHRASE = 0.8  # embedding cosine at which another source says the same thing
MAX_PER_ARTICLE = 20
MIN_PER_ARTICLE = 8
SENTENCES_PER_ITEM = 3  # a long article may show more items: one per this many sentences
MIN_CONTENT = 3  # content words a sentence needs to say something on its own
CUT_SHARE = 0.6  # a fact shorter than this share of its sentence leaves the rest of it unreported
GROUP_FROM = 5  # an outlet with this many items gets them grouped by topic
_LEANING = {"he", "she", "it", "they", "this", "these", "those", "that", "we", "i", "there"}


def _novelty(al: Alignment, sources: Sources) -> list[float]:
    """Sum of idf of a sentence's stems that no other source uses; 0 when it is matched."""
    stems = [{stem(w) for w in words(s.text) if w not in STOP_WORDS} for s in al.sentences]
    groups_of: dict[str, set[int]] = {}
    for i, terms in enumerate(stems):
        for t in terms:
            groups_of.setdefault(t, set()).add(sources.group_of[al.article_of[i]])
    df = Counter(t for terms in stems for t in terms)
    n = len(stems) + 1
    scores = []
    for i, terms in enumerate(stems):
        own = sources.group_of[al.article_of[i]]
        matched = any(sources.group_of[al.article_of[j]] != own for j, _ in al.matches[i])
        new = [t for t in terms if groups_of[t] == {own}]
        gain = sum(math.log(n / df[t]) for t in new)
        total = sum(math.log(n / df[t]) for t in terms) or 1.0
        enough = len(new) >= MIN_NEW_TERMS and gain >= MIN_NEW_SHARE * total
        scores.append(gain if enough and not matched else 0.0)
    return scores


def shared_ids(
    quotes: Sequence[Quote], agreed: Sequence[AgreedFact], al: Alignment | None = None
) -> set[str]:
    """Sentences the brief reports as shared, so never unique: those carrying a quotation several
    outlets report, and those showing an agreed fact or restating (aligned with) another of its
    cited sentences."""
    shared = {c for q in quotes if len(q.outlets) > 1 for c in q.citations}
    position = al.position() if al is not None else {}
    for fact in agreed:
        if not _cut_from(fact, al, position):
            shared.add(fact.source)
        cited = {position[c] for c in fact.citations if c in position}
        for i in cited:
            if al is not None and any(j in cited for j, _ in al.matches[i]):
                shared.add(al.sentences[i].id)
    return shared


def _cut_from(fact: AgreedFact, al: Alignment | None, position: dict[str, int]) -> bool:
    """The fact shows only a part of its sentence (a claim cut out of it): the rest of that
    sentence is still the outlet's own and may be unique."""
    if al is None or fact.source not in position:
        return False
    whole = word_tokens(al.sentences[position[fact.source]].text, underscore=True)
    part = word_tokens(fact.text, underscore=True)
    return bool(part) and set(part) <= set(whole) and len(part) < CUT_SHARE * len(whole)


def stands_alone(text: str) -> bool:
    """A whole sentence that says something by itself: not a fragment (starts in lower case or has
    too few content words) and not one whose only subject is a pronoun with no name or figure."""
    tokens = text.lstrip("\"'“‘(").split()
    if not tokens or tokens[0][:1].islower():
        return False
    if len([w for w in words(text) if w not in STOP_WORDS]) < MIN_CONTENT:
        return False
    if tokens[0].lower().strip(",") in _LEANING:
        named = any(t[:1].isupper() for t in tokens[1:]) or any(c.isdigit() for c in text)
        return named
    return True


def paraphrased(al: Alignment, sources: Sources, vectors: dict[str, np.ndarray] | None) -> set[str]:
    """Sentences another source says in other words (by meaning; empty when lexical)."""
    if not vectors:
        return set()
    ids = [s.id for s in al.sentences]
    owner = [sources.group_of[k] for k in al.article_of]
    close = meaning_matches(vectors, ids, owner, PARAPHRASE)
    return {ids[i] for i, row in enumerate(close) if row}


def _excluded(sentence: Sentence, copy: bool, shared: set[str] | None, furniture: set[str]) -> bool:
    """Never unique: a syndicated copy's line, one the brief reports as shared, page furniture,
    or a line that cannot stand alone."""
    if copy or sentence.id in (shared or set()) or sentence.id in furniture:
        return True
    return not stands_alone(sentence.text)


def find_unique(
    brief: Brief,
    al: Alignment,
    sources: Sources,
    shared: set[str] | None = None,
    boilerplate: set[str] | None = None,
    vectors: dict[str, np.ndarray] | None = None,
) -> list[UniqueItem]:
    """Passages of each source's first article that no other source reports; with sentence
    vectors, a paraphrase another source carries (close in meaning) is not unique either."""
    scores = _novelty(al, sources)
    furniture = set(boilerplate or set()) | paraphrased(al, sources, vectors)
    canonical: dict[int, int] = {}
    for k, g in enumerate(sources.group_of):
        canonical.setdefault(g, k)
    for i, sentence in enumerate(al.sentences):
        k = al.article_of[i]
        if _excluded(sentence, canonical[sources.group_of[k]] != k, shared, furniture):
            scores[i] = 0.0
    items: list[UniqueItem] = []
    current: list[int] = []

    def flush() -> None:
        if current:
            sentences = [al.sentences[j] for j in current]
            article = brief.articles[al.article_of[current[0]]]
            items.append(UniqueItem(
                article_id=article.id, outlet=article.label,
                text=" ".join(s.text for s in sentences), citations=[s.id for s in sentences],
                score=round(sum(scores[j] for j in current), 3),
            ))  # fmt: skip
            current.clear()

    for i, sentence in enumerate(al.sentences):
        keep = (
            scores[i] >= 2 * math.log(2)
            and len(sentence.text.split()) >= MIN_WORDS
            and not only_time(sentence.text)
            and not sentence.cut_off  # a snippet's last words are not a whole report
        )
        same_run = current and (
            al.article_of[current[-1]] == al.article_of[i]
            and al.sentences[current[-1]].paragraph == sentence.paragraph
            and not sentence.repaired
        )
        if not keep or not same_run:
            flush()
        if keep:
            current.append(i)
    flush()
    ranked: list[UniqueItem] = []
    by_article: dict[str, list[UniqueItem]] = {}
    for u in items:
        by_article.setdefault(u.article_id, []).append(u)
    for article in brief.articles:
        mine = sorted(by_article.get(article.id, []), key=lambda u: -u.score)
        ranked += group_by_topic(mine[: item_budget(len(article.sentences))])
    return ranked


def item_budget(sentences: int) -> int:
    """How many items an article may show: more for a longer article, within fixed bounds."""
    return max(MIN_PER_ARTICLE, min(MAX_PER_ARTICLE, sentences // SENTENCES_PER_ITEM))


def group_by_topic(items: list[UniqueItem]) -> list[UniqueItem]:
    """When an outlet has many items, label each with a name it shares with another of them (the
    rarest such name: a person, place or body) and keep each topic's items together; items that
    share no name keep their rank, after the groups."""
    if len(items) < GROUP_FROM:
        return items
    bags = [_names(u.text) for u in items]
    df = Counter(t for bag in bags for t in bag)
    for item, bag in zip(items, bags, strict=True):
        shared = [t for t in bag if 1 < df[t] < len(items)]
        if shared:
            best = min(shared, key=lambda t: (df[t], -len(t), t))
            item.topic = bag[best]
    order = {t: n for n, t in enumerate(dict.fromkeys(u.topic for u in items if u.topic))}
    return sorted(items, key=lambda u: order.get(u.topic, len(order)) if u.topic else len(order))


def _names(text: str) -> dict[str, str]:
    """Capitalised words past each sentence's first word, keyed by stem: the names in a passage."""
    out: dict[str, str] = {}
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for token in sentence.split()[1:]:
            word = token.strip(".,;:!?\"'“”‘’()")
            if word[:1].isupper() and word.lower() not in STOP_WORDS and len(word) > 2:
                out.setdefault(stem(word.lower()), word)
    return out


@stage(
    "unique",
    version="2.2",
    requires=(
        "sentences",
        "alignment",
        "sources",
        "boilerplate",
        "sentence_vectors",
        "quotes",
        "agreed",
    ),
    assigns=("unique",),
    on_error="skip",
)
def unique_stage(ctx: Context) -> None:
    """Per outlet, the content no other independent source reports (the blindspots)."""
    al = ctx.get("alignment")
    shared = shared_ids(ctx.get("quotes"), ctx.get("agreed"), al)
    found = find_unique(
        ctx.brief,
        al,
        ctx.get("sources"),
        shared,
        ctx.get("boilerplate"),
        ctx.get("sentence_vectors"),
    )
    ctx.put("unique", found)
