"""Claim anchors: pairs of distinctive words that several sources use close together.

Outlets rarely repeat each other's sentences, but a shared claim keeps its distinctive words near
each other ('served ... both Republican and Democratic administrations', 'Democrats and
Republicans'). Pairs of such words within a short window, found in several independent sources, align
claims below the sentence level without a parser.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from newsprism.analysis.sources import Sources
from newsprism.model import Article, Sentence
from newsprism.text.terms import STOP_WORDS, related, stem, words

WINDOW = 5
ADJACENT = 0.8
MAX_SHARE = 0.25  # a word in more than a quarter of sentences is the topic, not a claim


@dataclass
class Anchor:
    terms: tuple[str, str]
    weight: float
    sentences: dict[str, Sentence] = field(default_factory=dict)  # id -> sentence
    groups: set[int] = field(default_factory=set)
    gaps: Counter[int] = field(default_factory=Counter)  # words between the two, per occurrence


def _stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def claim_anchors(articles: list[Article], sources: Sources) -> list[Anchor]:
    """Distinctive word pairs within a window, reported by two or more independent sources.

    Names and titles (the two words always at the same distance), pairs of name parts, and
    topic-wide pairs (more than two sentences per source) are not claims.
    """
    per_sentence = [(k, s, _stems(s.text)) for k, a in enumerate(articles) for s in a.sentences]
    df = Counter(t for _, _, stems in per_sentence for t in set(stems))
    n = len(per_sentence) + 1
    idf = {t: math.log(n / c) for t, c in df.items()}
    limit = MAX_SHARE * n
    anchors: dict[tuple[str, str], Anchor] = {}
    for k, sentence, stems in per_sentence:
        for i, a in enumerate(stems):
            if df[a] > limit:
                continue
            for gap, b in enumerate(stems[i + 1 : i + 1 + WINDOW]):
                if df[b] > limit or related(a, b):
                    continue
                key = (min(a, b), max(a, b))
                anchor = anchors.get(key)
                if anchor is None:
                    anchor = anchors[key] = Anchor(key, idf[a] + idf[b])
                anchor.gaps[gap] += 1
                anchor.sentences[sentence.id] = sentence
                anchor.groups.add(sources.group_of[k])
    names = name_stems(articles)
    return [
        a for a in anchors.values()
        if len(a.groups) > 1
        and not _fixed_phrase(a)
        and len(a.sentences) <= 2 * len(a.groups)
        and not set(a.terms) <= names
    ]  # fmt: skip


def _fixed_phrase(anchor: Anchor) -> bool:
    """Words at the same distance nearly every time form a name or title ('Attorney General
    William Barr'), not a claim."""
    total = sum(anchor.gaps.values())
    return anchor.gaps.most_common(1)[0][1] >= ADJACENT * total if total else False


def name_stems(articles: list[Article], share: float = 0.8) -> set[str]:
    """Stems written capitalised mid-sentence nearly always: parts of names ('Donald', 'Barr').

    Two name parts near each other ('Donald Trump and William Barr') are not a claim.
    """
    upper: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article in articles:
        if article.degraded:
            continue
        for sentence in article.sentences:
            for word in re.findall(r"(?<=\s)[^\W\d_][\w’'-]*", sentence.text):
                key = stem(word.lower().replace("’s", "").replace("'s", ""))
                total[key] += 1
                upper[key] += word[0].isupper()
    return {t for t, n in total.items() if upper[t] >= share * n}


def merge_anchors(anchors: list[Anchor], overlap: float = 0.5) -> list[Anchor]:
    """Anchors citing mostly the same sentences state one claim: keep the strongest.

    Kept anchors are looked up by the sentences they cite (an index built as they are kept), so
    each anchor meets only the kept anchors it shares a sentence with, not all of them.
    """
    ranked = sorted(anchors, key=lambda a: (-len(a.groups), -a.weight))
    kept: list[Anchor] = []
    citing: dict[str, list[int]] = {}  # sentence id -> positions in `kept` of anchors citing it
    for anchor in ranked:
        if not _restates_kept(anchor, kept, citing, overlap):
            for sid in anchor.sentences:
                citing.setdefault(sid, []).append(len(kept))
            kept.append(anchor)
    return kept


def _restates_kept(
    anchor: Anchor, kept: list[Anchor], citing: dict[str, list[int]], overlap: float
) -> bool:
    """The anchor shares at least `overlap` of the smaller sentence set with a kept anchor."""
    size = len(anchor.sentences)
    if kept and (size == 0 or not kept[0].sentences or overlap <= 0):
        return True  # sharing nothing is enough (only an empty anchor can be kept first)
    shared = Counter(k for sid in anchor.sentences for k in citing.get(sid, ()))
    return any(n >= overlap * min(size, len(kept[k].sentences)) for k, n in shared.items())


def clause_with(sentence: str, terms: tuple[str, ...]) -> str:
    """The shortest clause of a sentence that holds all the anchor words, else the sentence."""
    pieces = [p.strip() for p in _split_clauses(sentence)]
    holding = [p for p in pieces if set(terms) <= {stem(w) for w in words(p)}]
    best = min(holding, key=len) if holding else sentence
    return best if len(best.split()) >= 5 else sentence


def _split_clauses(sentence: str) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for ch in sentence:
        if ch in ";:()—" or (ch == "," and not (current and current[-1].isdigit())):
            out.append("".join(current))
            current = []
        else:
            current.append(ch)
    out.append("".join(current))
    return out
