"""Align figure mentions that measure the same thing across outlets.

A figure is only comparable with a figure of the same kind and unit, in a similar context (the words
around it), counting a related noun ("officials" / "employees" are not related, "signatures" /
"signed" are). Mentions are grouped by average-linkage clustering with one hard rule: an outlet is
consistent with itself, so two different values from one source never share a group. Groups whose
sources state different values are discrepancies; groups where they all agree are agreed facts.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from newsprism.analysis.figure_links import Bounds, Links, mean
from newsprism.analysis.sources import Sources
from newsprism.model import Article, Sentence
from newsprism.text.embeddings import similarity_scale
from newsprism.text.quantities import Quantity, comparable, find_quantities
from newsprism.text.sparse import components, csr_rows, shared_pairs
from newsprism.text.terms import STOP_WORDS, related, stem, words

LINK = 0.36
OVERLAP_MIX = 0.5  # context similarity: cosine, blended with overlap of the shorter context
UNRELATED = 0.2
DIFFERENT_NOUNS_CONTEXT = 0.5
SAME_SPECIFIC = 0.15  # two sources stating the very same specific figure, or ranges sharing an end
SHARED_ANCHOR = 0.1  # both sentences also state one other specific figure alike ('23rd floor')
NEAR = 8  # words either side of a figure that describe it most


@dataclass
class Mention:
    quantity: Quantity
    article: int
    group: int
    sentence: Sentence
    context: dict[str, float]  # stem -> weight (position-weighted, before idf)
    anchors: frozenset[tuple[str, str, str, float, float]] = frozenset()  # other specific figures

    @property
    def noun(self) -> str:
        return stem(self.quantity.noun) if self.quantity.noun else ""


@dataclass
class FigureGroup:
    mentions: list[Mention]
    cohesion: float  # mean link score inside the group
    # the stronger half of links between mentions stating different values: how surely the
    # differing statements measure one thing, whatever weaker restatements joined the group
    across: float = 0.0

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
        weight = 1.0 if distance < NEAR else 0.7
        key = stem(word)
        weights[key] = max(weights.get(key, 0.0), weight)
    return weights


def find_mentions(articles: list[Article], sources: Sources) -> list[Mention]:
    out = []
    for k, article in enumerate(articles):
        for sentence in article.sentences:
            found = find_quantities(sentence.text, spaced_thousands=sentence.repaired)
            specific = {q.key for q in found if _anchor(q)}
            for q in found:
                if q.kind == "count" and q.low == q.high and q.low < 2 and not q.noun:
                    continue
                context = _context(sentence.text, q)
                anchors = frozenset(specific - {q.key})
                out.append(Mention(q, k, sources.group_of[k], sentence, context, anchors))
    return out


def _anchor(q: Quantity) -> bool:
    """A figure specific enough that two sentences stating it alike tell of one scene: not a
    year, a weekday or a small count, which recur across the events of a story."""
    if q.kind in {"money", "percent", "ordinal", "time", "measure"}:
        return True
    if q.kind == "date":
        return q.unit in {"md", "ymd"}
    return q.kind == "count" and q.low >= 20 and bool(q.noun)


def sentence_idf(articles: list[Article]) -> dict[str, float]:
    """Inverse sentence frequency of stems over the whole story."""
    df: Counter[str] = Counter()
    n = 1
    for article in articles:
        for sentence in article.sentences:
            n += 1
            df.update({stem(w) for w in words(sentence.text) if w not in STOP_WORDS})
    return {t: math.log(n / c) + 1.0 for t, c in df.items()}


class _Bags:
    """Each context's idf-weighted stems, norm, total and 4-letter prefixes, computed once per
    mention rather than once per pair it is scored in."""

    def __init__(self, idf: dict[str, float]) -> None:
        self.idf = idf
        self._bags: dict[int, tuple[dict[str, float], _Bag]] = {}

    def of(self, context: dict[str, float]) -> _Bag:
        kept = self._bags.get(id(context))
        if kept is None:
            weighted = {t: w * self.idf.get(t, 1.0) for t, w in context.items()}
            norm = math.sqrt(sum(w * w for w in weighted.values()))
            buckets: dict[str, list[str]] = {}
            for t in weighted:
                buckets.setdefault(t[:4], []).append(t)
            positions = {t: k for k, t in enumerate(weighted)}
            bag = (weighted, norm, sum(weighted.values()), buckets, positions)
            kept = self._bags[id(context)] = (context, bag)
        return kept[1]


_Bag = tuple[dict[str, float], float, float, dict[str, list[str]], dict[str, int]]


def _cosine(a: dict[str, float], b: dict[str, float], idf: dict[str, float],
            bags: _Bags | None = None) -> float:  # fmt: skip
    """Cosine of idf-weighted stem bags; derived forms ('sign'/'signatur') count as shared (they
    share a 4-letter prefix, as ``related`` demands: bags sharing none have nothing in common)."""
    if not a or not b:
        return 0.0
    bags = bags or _Bags(idf)
    (wa, norm_a, total_a, in_a, at_a), (wb, norm_b, total_b, in_b, _) = bags.of(a), bags.of(b)
    shared_prefixes = in_a.keys() & in_b.keys()
    if not shared_prefixes:
        return 0.0
    pairs = [(t, t) for t in wa.keys() & wb.keys()]
    loose: list[tuple[int, str, str]] = []  # (position in a, term of a, related term of b)
    for prefix in shared_prefixes:  # 'related' terms share their 4-letter prefix
        bucket = [u for u in in_b[prefix] if u not in wa]
        for t in in_a[prefix]:
            if t in wb:
                continue
            match = next((u for u in bucket if related(t, u)), None)
            if match:
                loose.append((at_a[t], t, match))
                bucket.remove(match)
    pairs += [(t, u) for _, t, u in sorted(loose)]  # in a's order, as a scan of a finds them
    dot = sum(wa[x] * wb[y] for x, y in pairs)
    shared = sum(min(wa[x], wb[y]) for x, y in pairs)
    overlap = shared / min(total_a, total_b)
    return OVERLAP_MIX * overlap + (1 - OVERLAP_MIX) * dot / (norm_a * norm_b)


def closeness(a: Quantity, b: Quantity) -> float:
    """1 when the stated numbers overlap, falling to 0 at a factor of three apart.

    Hedges are ignored here: 'up to $25 million' is not close to '$4 million'. Dates are close
    within a few days.
    """
    if a.low <= b.high and b.low <= a.high:
        return 1.0
    if a.kind == "date":
        return _date_closeness(a, b)
    if a.kind == "time":
        return max(0.0, 1.0 - abs(a.low - b.low) / 120)  # clock minutes: two hours apart is far
    mid_a, mid_b = (a.low + a.high) / 2, (b.low + b.high) / 2
    if mid_a <= 0 or mid_b <= 0:
        return 0.0
    return max(0.0, 1.0 - abs(math.log(mid_a / mid_b)) / math.log(3))


def _echoes(noun: str, context: dict[str, float]) -> bool:
    """The other sentence uses a derived form of the counted noun ('signed' for 'signatures').

    The very same noun there, counted as something else, is evidence of a different count.
    """
    return any(related(noun, t) and t != noun for t in context)


def _date_closeness(a: Quantity, b: Quantity) -> float:
    gap = abs(a.low - b.low)
    if a.unit == "weekday":
        gap = min(gap, 7 - gap)
    elif a.unit == "md":
        gap = gap if a.low // 100 == b.low // 100 else 99  # same month only
    elif a.unit == "ym":
        gap = 99
    return max(0.0, 1.0 - gap / 4)


def noun_agreement(a: Mention, b: Mention) -> float:
    """1 for the same counted noun, or one's noun echoing the other's words ('1,140 signatures' /
    '1,100 officials signed'); 0.5 when unknown; else the overlap of the counted phrases."""
    if not a.noun or not b.noun:
        return 0.5
    if related(a.noun, b.noun):
        return 1.0
    if _echoes(a.noun, b.context) or _echoes(b.noun, a.context):
        return 1.0
    phrase_a = {stem(w) for w in a.quantity.phrase}
    phrase_b = {stem(w) for w in b.quantity.phrase}
    dice = 2 * len(phrase_a & phrase_b) / (len(phrase_a) + len(phrase_b))
    return max(UNRELATED, dice)


def link_score(
    a: Mention, b: Mention, idf: dict[str, float], meaning: float = 0.0, bags: _Bags | None = None
) -> float:
    """How likely two mentions measure the same thing; 0 when they cannot.

    ``meaning``: embedding similarity of the two sentences (0..1) when the semantic extra is on;
    the context counts as similar when either words or meaning say so.
    """
    qa, qb = a.quantity, b.quantity
    if a.group == b.group or not comparable(qa, qb):
        return 0.0
    near = closeness(qa, qb)
    if qa.kind in {"count", "money", "percent"} and near == 0.0:
        return 0.0  # outlets disagreeing by more than threefold measure different things
    context = max(_cosine(a.context, b.context, idf, bags), meaning)
    noun = noun_agreement(a, b)
    same = SAME_SPECIFIC if (qa.key == qb.key and _specific(qa)) or _shared_end(qa, qb) else 0.0
    same += SHARED_ANCHOR if a.anchors & b.anchors else 0.0
    score = 0.55 * context + 0.3 * noun + 0.15 * near + same
    if noun <= UNRELATED and context < DIFFERENT_NOUNS_CONTEXT:
        score /= 2  # 'four prosecutors' and 'seven charges' likely count different things
    return score


def _shared_end(a: Quantity, b: Quantity) -> bool:
    """Two ranges with one end in common ('2 to 16 metres' / '2 to 15 metres'): a shape unlikely
    to recur by chance, so likely one measured thing."""
    if a.low == a.high or b.low == b.high or a.key == b.key:
        return False
    return a.low == b.low or a.high == b.high


def _specific(q: Quantity) -> bool:
    """A figure unlikely to recur by chance: not a small whole count."""
    return q.kind in {"money", "percent"} or q.low >= 20 or not float(q.low).is_integer()


BLOCK_CAP = 1000  # a context word in more mentions than this makes no pair on its own
DENSE_COMPONENT = 400  # up to this many linked mentions, every pair of them is scored


def _block_keys(m: Mention) -> set[str]:
    """What a pair must share to reach the link threshold: a context stem, the counted noun or a
    phrase word (by 4-letter prefix, as ``related`` matches), or the very same specific figure.
    Without one, context is 0 and the noun at most unknown: 0.3 x 0.5 + 0.15 < LINK."""
    keys = {t[:4] for t in m.context} | {stem(w)[:4] for w in m.quantity.phrase}
    if m.noun:
        keys.add(m.noun[:4])
    if _specific(m.quantity):
        keys.add(f"={m.quantity.key}")
    return keys


def candidate_pairs(mentions: list[Mention], dense: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (rows[k] < cols[k]) of comparable mentions from different sources that may link;
    every such pair when ``dense``. Blocking by shared keys keeps this near-linear in the story."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        blocks.setdefault((m.quantity.kind, m.quantity.unit), []).append(i)
    rows: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    cols: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for members in blocks.values():
        if dense:
            r, c = np.triu_indices(len(members), k=1)
        else:
            incidence, _ = csr_rows((_block_keys(mentions[i]) for i in members), binary=True)
            r, c, _ = shared_pairs(incidence, max_rows=BLOCK_CAP)
        index = np.asarray(members, dtype=np.int64)
        rows.append(index[r])
        cols.append(index[c])
    r, c = np.concatenate(rows), np.concatenate(cols)
    group = np.array([m.group for m in mentions], dtype=np.int64)
    apart = group[r] != group[c] if len(mentions) else np.zeros(0, dtype=bool)
    return r[apart], c[apart]


def cluster_mentions(
    mentions: list[Mention],
    idf: dict[str, float],
    threshold: float = LINK,
    meaning: np.ndarray | None = None,
) -> list[FigureGroup]:
    """Merge the best-linked clusters first; never two values of one source in a group.

    Linkage is the mean of the stronger half of the links between two clusters: robust to one
    outlet phrasing a figure differently ('1,140 signatures'), stricter than single linkage. A
    merge needs one link at the threshold, so clusters never cross the connected components of
    such links: each component is clustered alone, every pair in it linked while it is small, the
    candidate pairs in it when large. Only candidates whose score bound reaches the threshold are
    scored up front (analysis/figure_links.py); weaker links are scored when the clustering reads
    them.
    """
    links, found, strong = link_components(mentions, idf, threshold, meaning)
    clusters: list[list[int]] = []
    for k, members in enumerate(found):
        clusters += _agglomerate(members, strong.get(k, []), links, mentions, threshold)
    clusters.sort(key=lambda c: min(c))
    return [_group(c, links, mentions) for c in clusters if len({mentions[i].group for i in c}) > 1]


_Strong = dict[int, list[tuple[int, int, float]]]  # component -> its links at the threshold


def link_components(mentions: list[Mention], idf: dict[str, float], threshold: float,
                    meaning: np.ndarray | None) -> tuple[Links, list[list[int]], _Strong]:  # fmt: skip
    """The links the clustering may read, the connected components of links at the threshold,
    and each component's links at the threshold."""
    bags = _Bags(idf)

    def score(i: int, j: int) -> float:
        sem = float(meaning[i, j]) if meaning is not None else 0.0
        return link_score(mentions[i], mentions[j], idf, sem, bags)

    rows, cols = candidate_pairs(mentions, meaning is not None)
    bounds = Bounds(mentions, bags)
    bound = bounds.scores(rows, cols, meaning) if len(rows) else np.zeros(0)
    hopeful = bound >= threshold
    strong = [(i, j, v) for i, j in zip(rows[hopeful].tolist(), cols[hopeful].tolist(), strict=True)
              if (v := score(i, j)) >= threshold]  # fmt: skip
    links = Links(score)
    for i, j, v in strong:
        links.add(i, j, v, v)
    found = components(len(mentions), [i for i, _, _ in strong], [j for _, j, _ in strong])
    label = np.zeros(len(mentions), dtype=np.int64)
    for k, members in enumerate(found):
        label[members] = k
    sizes = np.array([len(members) for members in found], dtype=np.int64)
    inside = np.flatnonzero((label[rows] == label[cols]) & (sizes[label[rows]] > DENSE_COMPONENT))
    keep = _positive(mentions, bounds, rows[inside], cols[inside])
    for i, j, b in zip(rows[inside][keep].tolist(), cols[inside][keep].tolist(),
                       bound[inside][keep].tolist(), strict=True):  # fmt: skip
        links.add(i, j, b)
    strong += _dense_links(_small_pairs(found, mentions, bounds), bounds, links, threshold, meaning)
    by_component: _Strong = {}
    for i, j, v in set(strong):
        by_component.setdefault(int(label[i]), []).append((i, j, v))
    return links, found, by_component


def _small_pairs(found: list[list[int]], mentions: list[Mention], bounds: Bounds
                 ) -> list[tuple[int, int]]:  # fmt: skip
    """Every pair with a positive score inside a component small enough to link in full."""
    small = [np.asarray(m) for m in found if 1 < len(m) <= DENSE_COMPONENT]
    pairs = [(m[a], m[b]) for m in small for a, b in [np.triu_indices(len(m), k=1)]]
    first = np.concatenate([a for a, _ in pairs]) if pairs else np.zeros(0, dtype=np.int64)
    second = np.concatenate([b for _, b in pairs]) if pairs else np.zeros(0, dtype=np.int64)
    keep = _positive(mentions, bounds, first, second)
    return list(zip(first[keep].tolist(), second[keep].tolist(), strict=True))


def _dense_links(pairs: list[tuple[int, int]], bounds: Bounds, links: Links, threshold: float,
                 meaning: np.ndarray | None) -> list[tuple[int, int, float]]:  # fmt: skip
    """Links every pair of a small component; returns those scoring at the threshold, scored
    only where their bound reaches it."""
    if not pairs:
        return []
    rows, cols = np.array(pairs, dtype=np.int64).T
    bound = bounds.scores(rows, cols, meaning).tolist()
    for (i, j), b in zip(pairs, bound, strict=True):
        links.add(i, j, b)
    hopeful = (pair for pair, b in zip(pairs, bound, strict=True) if b >= threshold)
    return [(i, j, v) for i, j in hopeful if (v := links.value(i, j)) >= threshold]


def _positive(mentions: list[Mention], bounds: Bounds, rows: np.ndarray, cols: np.ndarray
              ) -> np.ndarray:  # fmt: skip
    """Which pairs of one kind and unit score above 0: every term of ``link_score`` is at least
    0 and the noun's at least UNRELATED, unless one of its early returns applies."""
    keep, unsure = bounds.positive(rows, cols)
    for k in np.flatnonzero(unsure).tolist():
        a, b = mentions[int(rows[k])].quantity, mentions[int(cols[k])].quantity
        keep[k] = closeness(a, b) > 0.0
    return keep


def _agglomerate(members: list[int], strong: list[tuple[int, int, float]], links: Links,
                 mentions: list[Mention], threshold: float) -> list[list[int]]:  # fmt: skip
    """Average-of-the-stronger-half linkage, best pair first (a heap; stale entries skipped).
    Only links at the threshold can start a merge, so only they seed the heap. A veto between two
    clusters holds for every cluster grown from them, so it is remembered."""
    clusters = {i: [i] for i in members}
    owner = {i: i for i in members}
    values = {i: {mentions[i].group: mentions[i].quantity.key} for i in members}
    version = dict.fromkeys(members, 0)
    reach = {i: set(links.neighbours(i)) for i in members}  # mentions linked to the cluster
    vetoed: dict[int, set[int]] = {i: set() for i in members}
    heap = [(-v, i, j, 0, 0) for i, j, v in strong]
    heapq.heapify(heap)
    while heap:
        negative, x, y, vx, vy = heapq.heappop(heap)
        if -negative < threshold:
            break
        if x not in clusters or y not in clusters or (version[x], version[y]) != (vx, vy):
            continue  # one of them has merged since: its links were pushed again
        if any(values[y].get(g, key) != key for g, key in values[x].items()):
            continue  # one source, two values: never the same figure
        for i in clusters[y]:
            owner[i] = x
        clusters[x] += clusters.pop(y)
        values[x].update(values.pop(y))
        version[x] += 1
        reach[x] = _union(reach[x], reach.pop(y))
        vetoed[x] = _union(vetoed[x], vetoed.pop(y))
        for other in {owner[j] for j in reach[x] if j in owner} - {x}:
            if other in vetoed[x] or x in vetoed[other]:
                continue
            value = _linkage(links, mentions, clusters[x], clusters[other], threshold)
            if value == VETOED:
                vetoed[x].add(other)
            elif value > 0:
                a, b = min(x, other), max(x, other)
                heapq.heappush(heap, (-value, a, b, version[a], version[b]))
    return list(clusters.values())


def _union(a: set[int], b: set[int]) -> set[int]:
    """Both sets, the smaller added into the larger."""
    if len(a) < len(b):
        a, b = b, a
    a |= b
    return a


VETOED = -1.0


def _linkage(links: Links, mentions: list[Mention], a: list[int], b: list[int],
             threshold: float) -> float:  # fmt: skip
    """VETOED when two mentions from different sources cannot measure one thing (complete-link
    veto); 0 when the bounds on the links show the linkage is below the threshold, where it could
    never start a merge; scores are read only past both tests."""
    bound = []
    for i in a:
        near, group = links.neighbours(i), mentions[i].group
        for j in b:
            value = near.get(j, 0.0)
            if value == 0.0 and mentions[j].group != group:
                return VETOED
            bound.append(value)
    if _stronger_half(bound) < threshold:
        return 0.0
    return _stronger_half([links.value(i, j) for i in a for j in b])


def _stronger_half(cross: list[float]) -> float:
    cross.sort(reverse=True)
    if not cross or cross[0] <= 0:
        return 0.0
    return mean(cross[: max(1, (len(cross) + 1) // 2)])


def _group(members: list[int], links: Links, mentions: list[Mention]) -> FigureGroup:
    pairs = [(i, j, links.value(i, j)) for k, i in enumerate(members) for j in members[k + 1 :]]
    inside = [v for _, _, v in pairs if v > 0]
    cross = [v for i, j, v in pairs if mentions[i].quantity.key != mentions[j].quantity.key]
    return FigureGroup(
        [mentions[i] for i in members],
        float(np.mean(inside)) if inside else 0.0,
        _stronger_half(cross),
    )


def figure_groups(
    articles: list[Article], sources: Sources, vectors: dict[str, np.ndarray] | None = None
) -> list[FigureGroup]:
    """Aligned figures; ``vectors`` (sentence id -> unit embedding) adds meaning to the context."""
    mentions = find_mentions(articles, sources)
    meaning = None
    if vectors is not None and mentions:
        matrix = np.stack([vectors[m.sentence.id] for m in mentions])
        meaning = similarity_scale(matrix @ matrix.T)
    return cluster_mentions(mentions, sentence_idf(articles), meaning=meaning)
