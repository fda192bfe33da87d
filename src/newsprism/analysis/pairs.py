"""Aligned sentence pairs of independent sources: where slot comparisons look for conflicts.

The alignment pairs sentences that say much the same thing. The slot readers (negation, places,
counts) parse only the pairs a cheap text test admits, within a per-story budget, since a parse
costs about 10 ms a sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice

from newsprism.align import Alignment
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy, DiscrepancyValue, Sentence

MAX_PAIRS = 20
SLOT_CONFIDENCE = 0.45  # read from a parse of each outlet's words: below well-aligned figures


def aligned_pairs(
    al: Alignment, sources: Sources, admit: Callable[[int, int], bool], limit: int = MAX_PAIRS
) -> Iterator[tuple[int, int]]:
    """Sentence positions (i, j), i < j, aligned across independent sources and admitted."""
    taken = 0
    for i, matches in enumerate(al.matches):
        for j, _ in matches:
            if taken >= limit:
                return
            if j <= i or sources.group_of[al.article_of[i]] == sources.group_of[al.article_of[j]]:
                continue
            if admit(i, j):
                taken += 1
                yield i, j


def in_turn(brief: Brief, keep: Callable[[str], bool], limit: int) -> list[tuple[int, Sentence]]:
    """(article index, sentence) for sentences whose text passes the cheap test, taken in turn from
    each article, so that every outlet is read within a parse budget however many there are."""
    queues = [[(k, s) for s in a.sentences if keep(s.text)] for k, a in enumerate(brief.articles)]
    longest = max(map(len, queues), default=0)
    turns = (q[n] for n in range(longest) for q in queues if n < len(q))
    return list(islice(turns, limit))


def slot_discrepancy(
    brief: Brief,
    what: str,
    sides: list[tuple[str, list[str]]],
    sources: Sources,
    basis: str,
) -> Discrepancy:
    """A claim discrepancy from (shown value, cited sentence ids) sides; a possible update when the
    sides' articles carry different dates."""
    values = [
        DiscrepancyValue(value=shown, citations=ids, outlets=brief.outlets_of(ids))
        for shown, ids in sides
    ]
    outlets = {o for v in values for o in v.outlets}
    index = brief.sentence_index()
    dates = sorted({str(index[c][0].date) for _, ids in sides for c in ids if index[c][0].date})
    timing = len(dates) > 1
    return Discrepancy(
        what=what,
        kind="claim",
        values=values,
        confidence=SLOT_CONFIDENCE,
        importance=round(min(1.0, len(outlets) / max(1, sources.count)), 3),
        basis=basis,
        timing=timing,
        note=f"reported on {', '.join(dates)}: possibly an update over time" if timing else None,
    )
