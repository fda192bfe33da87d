"""Where a measured span is spent: 'six weeks in a field hospital' against 'six weeks in a clinic'.

A duration aligned across outlets (analysis/figures.py) can agree on its length and still differ on
what it is spent in: the noun after 'in' that follows the figure. A conflict needs independent
outlets on each side, each article naming only one such noun for the figure, the nouns' head
words different ('county jail' and 'jail' are one place told with more or less detail), and at
least one side naming a kind ('county jail', 'state prison'): bare 'jail' against bare 'prison' is
often loose wording, not a claim.
"""

from __future__ import annotations

import re

from newsprism.analysis.figures import FigureGroup, Mention
from newsprism.analysis.pairs import slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy
from newsprism.text.nlp import parse

# Words after 'in' that say how or when, not where the span is spent.
_NOT_PLACES = {"total", "all", "addition", "part", "order", "fact", "case", "time", "length",
               "advance", "turn", "return", "which", "recent", "each", "both", "place", "response",
               "connection", "relation", "exchange", "full", "person", "charge", "question"}  # fmt: skip


def setting(mention: Mention) -> str | None:
    """The noun phrase 'in' takes right after the figure ('six months in county jail'), as
    modifiers plus head lemma; None when the figure is not followed by 'in'."""
    text = mention.sentence.text
    if not re.match(r"\s+in\s", text[mention.quantity.end :]):
        return None
    doc = parse([text])[0]
    prep = next((t for t in doc if t.idx > mention.quantity.end and t.lower_ == "in"), None)
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() in _NOT_PLACES:
        return None
    mods = [c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    return " ".join([*mods, noun.lemma_.lower()])


def setting_conflicts(
    brief: Brief, sources: Sources, groups: list[FigureGroup]
) -> list[Discrepancy]:
    """Duration groups whose outlets put the same span in different settings."""
    out = []
    for group in groups:
        if group.mentions[0].quantity.kind != "duration":
            continue
        found = _conflict(brief, sources, group)
        if found:
            out.append(found)
    return out


def _conflict(brief: Brief, sources: Sources, group: FigureGroup) -> Discrepancy | None:
    per_article: dict[int, set[str]] = {}
    said: list[tuple[Mention, str]] = []
    for m in group.mentions:
        where = setting(m)
        if where:
            per_article.setdefault(m.article, set()).add(where.split()[-1])
            said.append((m, where))
    by_head: dict[str, list[tuple[Mention, str]]] = {}
    for m, where in said:
        if len(per_article[m.article]) == 1:  # an article naming two settings is not one side
            by_head.setdefault(where.split()[-1], []).append((m, where))
    if len(by_head) != 2:
        return None
    sides = list(by_head.values())
    groups = [{sources.group_of[m.article] for m, _ in side} for side in sides]
    if groups[0] & groups[1]:
        return None
    if not any(" " in where for side in sides for _, where in side):
        return None  # bare 'in jail' / 'in prison' is loose usage; a named kind is a claim
    # One sentence per article: a discrepancy's sentences are kept out of agreed facts.
    shown = [
        (f"{side[0][0].quantity.text} in {side[0][1]}",
         list({m.article: m.sentence.id for m, _ in reversed(side)}.values()))
        for side in sides
    ]  # fmt: skip
    return slot_discrepancy(
        brief,
        f"where the {sides[0][0][0].quantity.text} are spent",
        shown,
        sources,
        "one duration aligned across independent outlets, each outlet naming a different setting "
        "for it ('in ...' right after the figure) and none naming both",
    )
