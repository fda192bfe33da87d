"""The `discrepancies` stage: figures and claims on which outlets differ, each side cited.

Figures are aligned first (analysis/figures.py), so only mentions that measure the same thing are
compared; conflicting claims about one group of actors come from analysis/conflicts.py. A wrong
discrepancy is worse than a missing one, so both demand independent sources on each side and the
list is ranked by confidence.
"""

from __future__ import annotations

from collections import Counter

from newsprism.analysis.conflicts import claim_conflicts
from newsprism.analysis.figures import FigureGroup, Mention, figure_groups
from newsprism.analysis.labels import figure_label
from newsprism.analysis.sources import Sources, independent_sources
from newsprism.model import Article, Brief, Discrepancy, DiscrepancyValue
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.quantities import describe
from newsprism.text.terms import STOP_WORDS, stem, words

MIN_CONFIDENCE = 0.4
# Dates and years name many different events: demand closer context before calling a conflict.
COHESION_FLOOR = {"date": 0.55, "year": 0.65}


def what_of(group: FigureGroup) -> str:
    """A label for the measured thing: its kind, and the words most of its sentences share."""
    q = group.mentions[0].quantity
    phrases = Counter(" ".join(m.quantity.phrase) for m in group.mentions if m.quantity.phrase)
    phrase = phrases.most_common(1)[0][0] if phrases else ""
    kind = {"count": "number", "duration": f"{q.unit}s", "date": "date", "year": "year"}
    label = kind.get(q.kind, q.kind)
    about = shared_words(group.mentions, skip=set(phrase.split()))
    if q.kind == "count" and phrase:
        return f"number of {phrase}" + (f" ({about})" if about else "")
    read = parsed_label(group)
    if read:
        return f"{read} ({label})" if q.kind == "duration" else read
    return f"{label}: {about}" if about else label


def parsed_label(group: FigureGroup, tries: int = 3) -> str | None:
    """What the figure measures, from the parse of its clearest sentences (analysis/labels.py)."""
    mentions = sorted(group.mentions, key=lambda m: (m.sentence.repaired, len(m.sentence.text)))
    for m in mentions[:tries]:
        label = figure_label(m.sentence.text, m.quantity)
        if label:
            return label
    return None


def shared_words(mentions: list[Mention], limit: int = 5, skip: set[str] | None = None) -> str:
    """Words near the figure that most of the outlets use, as the first outlet wrote them."""
    counts = Counter(t for m in mentions for t in {t for t, w in m.context.items() if w >= 1.0})
    common = {t for t, c in counts.items() if c >= max(2, len(mentions) / 2)}
    taken = set(skip or ())
    out: list[str] = []
    for word in words(mentions[0].sentence.text):
        if word not in STOP_WORDS and word not in taken and stem(word) in common:
            out.append(word)
            taken.add(word)
    return ", ".join(out[:limit])


def _dates(articles: list[Article], mentions: list[Mention]) -> list[str]:
    return sorted({str(articles[m.article].date) for m in mentions if articles[m.article].date})


def figure_discrepancy(brief: Brief, sources: Sources, group: FigureGroup) -> Discrepancy | None:
    """A discrepancy when independent sources state different values for one aligned figure."""
    by_value = group.by_value()
    numbers = {(round(k[3], 6), round(k[4], 6)) for k in by_value}
    if len(numbers) < 2:
        return None  # 'about 2' and '2', 'more than 22' and '22': one figure, hedged differently
    kind = group.mentions[0].quantity.kind
    if kind in COHESION_FLOOR and group.cohesion < COHESION_FLOOR[kind]:
        return None
    values = []
    for mentions in sorted(by_value.values(), key=lambda ms: -len({m.group for m in ms})):
        citations = list(dict.fromkeys(m.sentence.id for m in mentions))
        values.append(
            DiscrepancyValue(
                value=describe(mentions[0].quantity),
                citations=citations,
                outlets=brief.outlets_of(citations),
                dates=_dates(brief.articles, mentions),
            )
        )
    n_sources = len(group.groups())
    confidence = min(1.0, group.cohesion * (0.55 + 0.1 * min(n_sources, 4)))
    note = None
    dates = {d for v in values for d in v.dates}
    if len(dates) > 1 and group.mentions[0].quantity.kind == "count":
        note = (
            f"reported on different dates ({', '.join(sorted(dates))}): possibly an update over "
            "time, not necessarily a contradiction"
        )
    return Discrepancy(
        what=what_of(group),
        kind="figure",
        values=values,
        confidence=round(confidence, 3),
        note=note,
    )


def find_discrepancies(
    brief: Brief,
    sources: Sources | None = None,
    groups: list[FigureGroup] | None = None,
    quoted: set[str] | None = None,
) -> list[Discrepancy]:
    sources = sources or independent_sources(brief.articles)
    if groups is None:
        groups = figure_groups(brief.articles, sources)
    found = [d for g in groups if (d := figure_discrepancy(brief, sources, g)) is not None]
    found += claim_conflicts(brief, sources, groups, quoted or set())
    found = [d for d in found if d.confidence >= MIN_CONFIDENCE]
    return sorted(found, key=lambda d: -d.confidence)


@stage(
    "discrepancies",
    version="1.0",
    requires=("sentences", "sources", "quoted", "sentence_vectors"),
    assigns=("discrepancies", "figure_groups"),
    on_error="skip",
)
def discrepancies_stage(ctx: Context) -> None:
    """Figures and claims that outlets report differently, ranked by confidence."""
    sources = ctx.get("sources")
    groups = figure_groups(ctx.brief.articles, sources, ctx.get("sentence_vectors"))
    ctx.put("figure_groups", groups)
    ctx.put("discrepancies", find_discrepancies(ctx.brief, sources, groups, ctx.get("quoted")))
