"""Align figure mentions that measure the same thing across outlets.

A figure is only comparable with a figure of the same kind and unit, in a similar context (the words
around it), counting a related noun ("officials" / "employees" are not related, "signatures" /
"signed" are). Mentions are grouped by average-linkage clustering with one hard rule: an outlet is
consistent with itself, so two different values from one source never share a group. Groups whose
sources state different values are discrepancies; groups where they all agree are agreed facts.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from newsprism.analysis.sources import Sources
from newsprism.model import Article, Sentence
from newsprism.text.quantities import Quantity, comparable, find_quantities
from newsprism.text.terms import STOP_WORDS, related, stem, words

LINK = 0.36
NEAR = 8  # words either side of a figure that describe it most


@dataclass
class Mention:
    quantity: Quantity
    article: int
    group: int
    sentence: Sentence
    context: dict[str, float]  # stem -> weight (position-weighted, before idf)

    @property
    def noun(self) -> str:
        return stem(self.quantity.noun) if self.quantity.noun else ""


@dataclass
class FigureGroup:
    mentions: list[Mention]
    cohesion: float  # mean link score inside the group

    def groups(self) -> set[int]:
        return {m.group for m in self.mentions}

    def by_value(self) -> dict[tuple[str, str, str, float, float], list[Mention]]:
        out: dict[tuple[str, str, str, float, float], list[Mention]] = {}
        for m in self.mentions:
            out.setdefault(m.quantity.key, []).append(m)
        return out


def _context(text: str, q: Quantity) -> dict[str, float]:
    """Stems around the figure, nearer words weigh more; the figure itself is left out."""
    before = words(text[: q.start])
    after = words(text[q.end :])
    weights: dict[str, float] = {}
    for distance, word in [*enumerate(reversed(before)), *enumerate(after)]:
        if word in STOP_WORDS or word.isdigit():
            continue
        weight = 1.0 if distance < NEAR else 0.4
        key = stem(word)
        weights[key] = max(weights.get(key, 0.0), weight)
    return weights


def find_mentions(articles: list[Article], sources: Sources) -> list[Mention]:
    out = []
    for k, article in enumerate(articles):
        for sentence in article.sentences:
            for q in find_quantities(sentence.text, spaced_thousands=sentence.repaired):
                if q.kind == "count" and q.low == q.high and q.low < 2 and not q.noun:
                    continue
                context = _context(sentence.text, q)
                out.append(Mention(q, k, sources.group_of[k], sentence, context))
    return out


def sentence_idf(articles: list[Article]) -> dict[str, float]:
    """Inverse sentence frequency of stems over the whole story."""
    df: Counter[str] = Counter()
    n = 1
    for article in articles:
        for sentence in article.sentences:
            n += 1
            df.update({stem(w) for w in words(sentence.text) if w not in STOP_WORDS})
    return {t: math.log(n / c) + 1.0 for t, c in df.items()}


def _cosine(a: dict[str, float], b: dict[str, float], idf: dict[str, float]) -> float:
    """Cosine of idf-weighted stem bags; derived forms ('sign'/'signatur') count as shared."""
    if not a or not b:
        return 0.0
    wa = {t: w * idf.get(t, 1.0) for t, w in a.items()}
    wb = {t: w * idf.get(t, 1.0) for t, w in b.items()}
    dot = sum(wa[t] * wb[t] for t in wa.keys() & wb.keys())
    loose_a = [t for t in wa if t not in wb]
    loose_b = [t for t in wb if t not in wa]
    for t in loose_a:
        match = next((u for u in loose_b if related(t, u)), None)
        if match:
            dot += wa[t] * wb[match]
            loose_b.remove(match)
    norm = math.sqrt(sum(w * w for w in wa.values())) * math.sqrt(sum(w * w for w in wb.values()))
    return dot / norm


def closeness(a: Quantity, b: Quantity) -> float:
    """1 when intervals overlap, falling to 0 at a factor of three apart."""
    if a.overlaps(b):
        return 1.0
    mid_a, mid_b = (a.low + a.high) / 2, (b.low + b.high) / 2
    if mid_a <= 0 or mid_b <= 0:
        return 0.0
    return max(0.0, 1.0 - abs(math.log(mid_a / mid_b)) / math.log(3))


def noun_agreement(a: Mention, b: Mention) -> float:
    """1 for the same counted noun, or one's noun echoing the other's nearby words
    ('1,140 signatures' / '1,100 officials signed'); 0.5 when unknown; low when different."""
    if not a.noun or not b.noun:
        return 0.5
    if related(a.noun, b.noun):
        return 1.0
    if any(related(a.noun, t) for t in b.context) or any(related(b.noun, t) for t in a.context):
        return 1.0
    phrase_a = {stem(w) for w in a.quantity.phrase}
    phrase_b = {stem(w) for w in b.quantity.phrase}
    dice = 2 * len(phrase_a & phrase_b) / (len(phrase_a) + len(phrase_b))
    return max(0.2, dice)


def link_score(a: Mention, b: Mention, idf: dict[str, float]) -> float:
    """How likely two mentions measure the same thing; 0 when they cannot."""
    qa, qb = a.quantity, b.quantity
    if a.group == b.group or not comparable(qa, qb):
        return 0.0
    near = closeness(qa, qb)
    if qa.kind in {"count", "money", "percent"} and near == 0.0:
        return 0.0  # outlets disagreeing by more than threefold measure different things
    context = _cosine(a.context, b.context, idf)
    noun = noun_agreement(a, b)
    return 0.55 * context + 0.3 * noun + 0.15 * near


def score_matrix(mentions: list[Mention], idf: dict[str, float]) -> np.ndarray:
    n = len(mentions)
    scores = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            scores[i, j] = scores[j, i] = link_score(mentions[i], mentions[j], idf)
    return scores


def cluster_mentions(
    mentions: list[Mention], idf: dict[str, float], threshold: float = LINK
) -> list[FigureGroup]:
    """Average-linkage merging of mentions; never two values of one source in a group."""
    scores = score_matrix(mentions, idf)
    sums = np.where(_incompatible(mentions, scores), -np.inf, scores)
    counts = np.ones_like(scores)
    alive = np.ones(len(mentions), dtype=bool)
    members = [[i] for i in range(len(mentions))]
    values = [{m.group: m.quantity.key} for m in mentions]
    np.fill_diagonal(sums, -np.inf)
    while alive.any():
        avg = np.where(np.outer(alive, alive), sums / counts, -np.inf)
        x, y = np.unravel_index(int(np.argmax(avg)), avg.shape)
        if avg[x, y] < threshold:
            break
        if any(values[y].get(g, key) != key for g, key in values[x].items()):
            sums[x, y] = sums[y, x] = -np.inf  # one source, two values: never the same figure
            continue
        members[x] += members[y]
        values[x].update(values[y])
        sums[x, :] += sums[y, :]
        sums[:, x] = sums[x, :]
        counts[x, :] += counts[y, :]
        counts[:, x] = counts[x, :]
        sums[x, x] = -np.inf
        alive[y] = False
    groups = [members[i] for i in np.flatnonzero(alive)]
    return [_group(c, scores, mentions) for c in groups if len({mentions[i].group for i in c}) > 1]


def _incompatible(mentions: list[Mention], scores: np.ndarray) -> np.ndarray:
    """Pairs from different sources that can never measure the same thing (complete-link veto)."""
    groups = np.array([m.group for m in mentions])
    return (scores == 0) & (groups[:, None] != groups[None, :])


def _group(members: list[int], scores: np.ndarray, mentions: list[Mention]) -> FigureGroup:
    sub = scores[np.ix_(members, members)]
    cross = sub[sub > 0]
    return FigureGroup([mentions[i] for i in members], float(cross.mean()) if cross.size else 0.0)


def figure_groups(articles: list[Article], sources: Sources) -> list[FigureGroup]:
    return cluster_mentions(find_mentions(articles, sources), sentence_idf(articles))
