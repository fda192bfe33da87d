"""The `discrepancies` stage: figures and claims on which outlets differ, each side cited.

Figures are aligned first (analysis/figures.py), so only mentions that measure the same thing are
compared; conflicting claims about one group of actors come from analysis/conflicts.py. A wrong
discrepancy is worse than a missing one, so both demand independent sources on each side and the
list is ranked by confidence.
"""

from __future__ import annotations

import re
from collections import Counter

from newsprism.align import Alignment
from newsprism.analysis.charges import charge_conflicts
from newsprism.analysis.complements import setting_conflicts
from newsprism.analysis.conflicts import claim_conflicts
from newsprism.analysis.counts import count_conflicts
from newsprism.analysis.date_conflicts import date_discrepancies, weekday_conflicts
from newsprism.analysis.distributive import each_or_in_all
from newsprism.analysis.doers import doer_conflicts
from newsprism.analysis.figure_sides import (
    estimate_sides,
    join_notes,
    one_estimate_note,
    shared_anchor,
    side_value,
    without_restated_conversions,
)
from newsprism.analysis.figures import FigureGroup, Mention, figure_groups
from newsprism.analysis.holders import holder_conflicts
from newsprism.analysis.labels import figure_label
from newsprism.analysis.opposites import opposite_conflicts
from newsprism.analysis.persons import person_conflicts
from newsprism.analysis.places import place_conflicts
from newsprism.analysis.polarity import polarity_conflicts
from newsprism.analysis.quote_wording import quote_wording_conflicts
from newsprism.analysis.sources import Sources, independent_sources
from newsprism.analysis.speakers import speaker_conflicts
from newsprism.analysis.status import status_conflicts
from newsprism.model import Article, Brief, Discrepancy, DiscrepancyValue, Quote
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.measures import unit_name
from newsprism.text.nlp import parse
from newsprism.text.quantities import Quantity, tolerance
from newsprism.text.terms import STOP_WORDS, stem, words

MIN_CONFIDENCE = 0.4
# Dates and years name many different events: demand closer context before calling a conflict.
COHESION_FLOOR = {"date": 0.55, "year": 0.65, "time": 0.45}
HEDGED = {"approx", "min"}
# Figures whose differing statements are judged by their own links (FigureGroup.across) when the
# group's mean is lower.
AMOUNTS = {"count", "money", "percent", "duration", "measure"}


def what_of(group: FigureGroup) -> str:
    """A label for the measured thing: its kind, and the words most of its sentences share."""
    q = group.mentions[0].quantity
    phrases = Counter(" ".join(m.quantity.phrase) for m in group.mentions if m.quantity.phrase)
    phrase = phrases.most_common(1)[0][0] if phrases else ""
    kind = {"count": "number", "duration": f"{q.unit}s", "date": "date", "year": "year",
            "measure": unit_name(q.unit, 2), "time": "time of day"}  # fmt: skip
    label = kind.get(q.kind, q.kind)
    about = shared_words(group.mentions, skip=set(phrase.split()))
    if q.kind == "count" and phrase:
        return f"number of {phrase}" + (f" ({about})" if about else "")
    owner = age_of(group)
    if owner:
        return f"age of {owner}"
    read = parsed_label(group)
    if read:
        return f"{read} ({label})" if q.kind in {"duration", "measure", "time"} else read
    return f"{label}: {about}" if about else label


_AGE_OF = re.compile(r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+),\s*$")


def age_of(group: FigureGroup) -> str | None:
    """'Kevin Johnson, 25,': a bare figure set after the same name in every outlet is that
    person's age (the news convention); the fullest form of the name is shown."""
    names = []
    for m in group.mentions:
        if m.quantity.kind != "count" or m.quantity.noun:
            return None
        found = _AGE_OF.search(m.sentence.text[: m.quantity.start])
        if not found:
            return None
        names.append(found.group(1))
    if len({n.split()[-1].lower() for n in names}) != 1:
        return None
    return max(names, key=lambda n: len(n.split()))


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


def compatible(a: Quantity, b: Quantity) -> bool:
    """Two statements of one figure that can both be true: the same numbers hedged differently
    ('about 2' / '2'), or a hedged figure whose own tolerance takes in the other ('about 1,500' /
    '1,540'). Exact figures and ranges that differ are different statements."""
    if (round(a.low, 6), round(a.high, 6)) == (round(b.low, 6), round(b.high, 6)):
        return True
    for cap, point in ((a, b), (b, a)):
        if cap.bound == "max" and point.bound == "exact" and point.low == point.high:
            return point.high <= cap.high  # 'below 50%' / '47%'; a range keeps its own floor
    if a.bound not in HEDGED and b.bound not in HEDGED:
        return False
    (lo_a, hi_a), (lo_b, hi_b) = tolerance(a), tolerance(b)
    return lo_a <= hi_b and lo_b <= hi_a


def hedge_note(a: Quantity, b: Quantity) -> str | None:
    """Why a hedged figure still conflicts: the other value lies outside what the hedge allows."""
    hedged, other = (a, b) if a.bound in HEDGED else (b, a)
    if hedged.bound not in HEDGED:
        return None
    lo, hi = tolerance(hedged)
    span = f"{_plain(hedged, lo)} to {_plain(hedged, hi)}"
    return f"'{hedged.text}' allows about {span}; '{other.text}' lies outside that range"


def _plain(q: Quantity, value: float) -> str:
    if q.kind == "time":
        h, m = divmod(round(value), 60)
        return f"{(h - 1) % 12 + 1}:{m:02d} {'p.m.' if h >= 12 else 'a.m.'}"
    return f"{value:,.0f}" if value >= 10 else f"{value:,.1f}"


def conflicting_pair(group: FigureGroup) -> tuple[Quantity, Quantity] | None:
    """Two values of the group that exclude each other, if any."""
    firsts = [ms[0].quantity for ms in group.by_value().values()]
    for i, a in enumerate(firsts):
        for b in firsts[i + 1 :]:
            if not compatible(a, b):
                return a, b
    return None


_MONTH = re.compile(  # capitalised: 'may' the verb is not May
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:19|20)\d\d)\b"
)
_NAMED_BEFORE = re.compile(r"([A-Z][\w'’-]+)(?:,|\s+(?:is|was|were|are|aged))\s*$")


def different_periods(sides: list[list[Mention]]) -> bool:
    """Every side's sentence names months or years and none is shared: 'jobs added in September'
    and 'jobs added in August' are two figures, not one."""
    months = [{w.lower() for m in ms for w in _MONTH.findall(m.sentence.text)} for ms in sides]
    if not all(months):
        return False
    return not any(a & b for i, a in enumerate(months) for b in months[i + 1 :])


def different_subjects(sides: list[list[Mention]]) -> bool:
    """Bare numbers that belong to different named people ('Lee, 43,' / 'Park was 41'), or a bare
    number set against a count of something: not one measured thing."""
    firsts = [ms[0].quantity for ms in sides]
    if len({bool(q.noun) for q in firsts}) > 1 and all(q.kind == "count" for q in firsts):
        return True
    owners = [_owner(ms[0]) for ms in sides]
    if any(o is None for o in owners):
        return False
    return len(set(owners)) == len(owners)


def _owner(mention: Mention) -> str | None:
    """The name a bare figure is attached to: 'Lee, 43' or 'Lee was 43' -> 'lee'."""
    if mention.quantity.noun:
        return None
    m = _NAMED_BEFORE.search(mention.sentence.text[: mention.quantity.start])
    return m.group(1).lower() if m else None


_MORE_AFTER = re.compile(r"\s+(?:more|additional|further|extra)\b", re.IGNORECASE)
_MORE_BEFORE = re.compile(r"\b(?:another|an additional|a further)\s+$", re.IGNORECASE)


def increment_and_total(sides: list[list[Mention]]) -> bool:
    """'added 12 more people' counts an increase, not the whole: set against a plain count it
    is a different figure, not a different statement of one."""
    marked = [{_increment(m) for m in ms} for ms in sides]
    return any(True in a for a in marked) and any(False in a for a in marked)


def _increment(mention: Mention) -> bool:
    q, text = mention.quantity, mention.sentence.text
    return bool(_MORE_AFTER.match(text, q.end) or _MORE_BEFORE.search(text[: q.start]))


_COPULAR = {"be", "have", "remain_be"}


def different_acts(sides: list[list[Mention]], tries: int = 2) -> bool:
    """Each side counts what a different verb does or undergoes, and no verb is shared: the same
    noun counted for different events, not one figure."""
    verbs = [{v for m in ms[:tries] if (v := counted_verb(m))} for ms in sides]
    if not all(verbs):
        return False
    return not any(a & b for i, a in enumerate(verbs) for b in verbs[i + 1 :])


def counted_verb(mention: Mention) -> str | None:
    """The content verb whose doer or object the counted noun is ('12 people were arrested')."""
    if mention.quantity.kind != "count" or not mention.quantity.noun:
        return None
    doc = parse([mention.sentence.text])[0]
    token = next((t for t in doc if t.idx >= mention.quantity.start), None)
    if token is None:
        return None
    noun = token.head if token.dep_ == "nummod" else token
    if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} and noun.head.pos_ == "VERB":
        lemma = noun.head.lemma_.lower()
        return None if lemma in _COPULAR else lemma
    return None


def figure_discrepancy(brief: Brief, sources: Sources, group: FigureGroup) -> Discrepancy | None:
    """A discrepancy when independent sources state values for one aligned figure that cannot
    all be true."""
    by_value = group.by_value()
    pair = conflicting_pair(group)
    if pair is None:
        return None  # 'about 2' and '2', 'more than 22' and '22': one figure, hedged differently
    sides = list(by_value.values())
    if all(m.quantity.converted for m in group.mentions):
        return None  # conversions of one amount differ by the rate each outlet used
    kind = group.mentions[0].quantity.kind
    cohesion = group.cohesion
    if kind in AMOUNTS:  # not dates, years, times or ranks: those name many events of a story
        cohesion = max(cohesion, group.across)
    if kind in COHESION_FLOOR and cohesion < COHESION_FLOOR[kind]:
        return None
    if different_periods(sides) or different_subjects(sides) or increment_and_total(sides):
        return None
    if different_acts(sides):
        return None  # '36 people remained in hospital' / 'killed 22 people': two counts (the
        # parse-reading test last: it costs the most)
    values = []
    for mentions in sorted(estimate_sides(sides), key=lambda ms: -len({m.group for m in ms})):
        citations = list(dict.fromkeys(m.sentence.id for m in mentions))
        values.append(
            DiscrepancyValue(
                value=side_value(mentions),
                citations=citations,
                outlets=brief.outlets_of(citations),
                dates=_dates(brief.articles, mentions),
            )
        )
    n_sources = len(group.groups())
    confidence = min(1.0, cohesion * (0.75 + 0.05 * min(n_sources, 4)))
    timing = revision_over_time(brief.articles, group)
    note = join_notes(hedge_note(*pair), one_estimate_note(values))
    if timing:
        dates = sorted({d for v in values for d in v.dates})
        when = f"reported on {', '.join(dates)}: " if len(dates) > 1 else ""
        note = (note + "; " if note else "") + (
            f"{when}possibly an update over time (later reports, or wording such as 'so far' or "
            "'rose to'), not necessarily a contradiction"
        )
    return Discrepancy(
        what=what_of(group),
        kind="figure",
        values=values,
        confidence=round(confidence, 3),
        note=note,
        importance=round(n_sources / max(1, sources.count), 3),
        basis=(
            f"one figure aligned across {n_sources} independent sources by its unit, counted noun "
            f"and surrounding words (similarity {cohesion:.2f}){shared_anchor(group)}; the "
            "stated values exclude each other"
        ),
        timing=timing,
    )


_UPDATE = re.compile(
    r"\b(?:so far|as of|rose to|risen to|climbed to|increased to|grew to|has grown|now stands?|"
    r"latest|updated?|revised|at least)\b",
    re.IGNORECASE,
)


def revision_over_time(articles: list[Article], group: FigureGroup) -> bool:
    """A count that may have changed between reports: update wording ('so far', 'rose to', 'at
    least') in a sentence stating it, or later-dated articles giving the larger value."""
    if group.mentions[0].quantity.kind not in {"count", "money"}:
        return False
    if any(_UPDATE.search(m.sentence.text) for m in group.mentions):
        return True
    dated = [(articles[m.article].date, m.quantity.low) for m in group.mentions]
    known = sorted((d, v) for d, v in dated if d is not None)
    if len({d for d, _ in known}) < 2:
        return False
    earliest = [v for d, v in known if d == known[0][0]]
    latest = [v for d, v in known if d == known[-1][0]]
    return min(latest) > max(earliest)


def rank(found: list[Discrepancy]) -> list[Discrepancy]:
    """Surest and most important first: confidence x importance (share of outlets involved)."""
    return sorted(found, key=lambda d: -(d.confidence * (0.5 + 0.5 * d.importance)))


def _new_people(found: list[Discrepancy], people: list[Discrepancy]) -> list[Discrepancy]:
    """Person descriptions not already reported from the aligned figures ('age of Ana Ruiz')."""
    told = {d.what.split()[-1].lower() for d in found if d.what.startswith("age of ")}
    return [
        d
        for d in people
        if not (d.what.startswith("age of ") and d.what.split()[-1].lower() in told)
    ]


def _not_told(found: list[Discrepancy], more: list[Discrepancy]) -> list[Discrepancy]:
    """Those of ``more`` whose every side cites a sentence no reported discrepancy cites."""
    cited = {c for d in found for v in d.values for c in v.citations}
    return [d for d in more if not all(set(v.citations) & cited for v in d.values)]


def find_discrepancies(
    brief: Brief,
    sources: Sources | None = None,
    groups: list[FigureGroup] | None = None,
    quoted: set[str] | None = None,
    quotes: list[Quote] | None = None,
    alignment: Alignment | None = None,
) -> list[Discrepancy]:
    sources = sources or independent_sources(brief.articles)
    if groups is None:
        groups = figure_groups(brief.articles, sources)
    compared = without_restated_conversions(groups)
    found = [d for g in compared if (d := figure_discrepancy(brief, sources, g)) is not None]
    found += [d for g in groups if (d := each_or_in_all(brief, sources, g)) is not None]
    found += claim_conflicts(brief, sources, groups, quoted or set())
    found += speaker_conflicts(brief, quotes or [], sources)
    found += setting_conflicts(brief, sources, groups)
    found += status_conflicts(brief, sources)
    found += doer_conflicts(brief, sources)
    found += charge_conflicts(brief, sources)
    found += holder_conflicts(brief, sources)
    found += opposite_conflicts(brief, sources)
    found += _not_told(found, weekday_conflicts(brief, sources))
    found += _new_people(found, person_conflicts(brief, sources))
    if alignment is not None:
        found += polarity_conflicts(brief, alignment, sources)
        found += place_conflicts(brief, alignment, sources)
        found += count_conflicts(brief, alignment, sources)
    found += quote_wording_conflicts(brief, quotes or [], sources, alignment)
    found = [d for d in found if d.confidence >= MIN_CONFIDENCE]
    return rank(found)


@stage(
    "discrepancies",
    version="2.6",
    requires=(
        "sentences",
        "sources",
        "alignment",
        "quotes",
        "quoted",
        "sentence_vectors",
        "date_conflicts",
    ),
    assigns=("discrepancies", "figure_groups"),
    on_error="skip",
)
def discrepancies_stage(ctx: Context) -> None:
    """Figures and claims that outlets report differently, ranked by confidence."""
    sources = ctx.get("sources")
    groups = figure_groups(ctx.brief.articles, sources, ctx.get("sentence_vectors"))
    ctx.put("figure_groups", groups)
    found = find_discrepancies(
        ctx.brief,
        sources,
        groups,
        ctx.get("quoted"),
        quotes=ctx.get("quotes"),
        alignment=ctx.get("alignment"),
    )
    dated = date_discrepancies(ctx.get("date_conflicts"), ctx.brief.articles, sources, found)
    ctx.put("discrepancies", rank(found + dated))
