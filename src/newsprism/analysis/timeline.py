"""The `timeline` stage: events of the story with a stated time, merged across outlets, in order.

Each sentence carrying a point in time (``dates``: a date, "hours after ...", a time frame, a clock
time) is a candidate event. Relative times resolve against the article's date, else the story's
(other articles' dates), else a dateline the text gives (basis "text"). Sentences of different
articles that the shared alignment matches, or that give the same time with overlapping content
words, are one event citing them all; when they give different days, the event keeps the majority
date, names the other in its note and is reported in the ``date_conflicts`` artifact for the
discrepancy table. Order: by date and time of day; undated weekdays and "today" are the latest
days; other undated events follow the dated sentence before them in their article; plans without
a date come last (``_sort_keys``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date as Date
from statistics import median_low
from typing import Any

from newsprism.align import Alignment
from newsprism.analysis.dates import (
    DATELINE_LAG,
    DateRef,
    clock_time,
    looks_ahead,
    names_a_day,
    names_a_year,
    names_recent_days,
    part_of_day,
    recent_rank,
    relative_phrase,
    resolve,
    time_frame,
    weekday_matches,
    weekday_of,
)
from newsprism.analysis.mentions import Span
from newsprism.model import Article, Sentence, TimelineEvent
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.sparse import components, csr_rows, linked_across, shared_pairs
from newsprism.text.terms import content_stems

SAME_EVENT_OVERLAP = 0.3  # share of content stems two same-date sentences must have in common
_MIDDAY = 12 * 60  # minutes: where an event of a day with no time of its own is placed
_DAY = 24 * 60 * 1000  # the order inside a day runs below this
_LAST = Date.max.toordinal() + 1  # after every date: plans with no date to place them
_PRECISION_RANK = {"year": 0, "month": 1, "week": 2, "day": 3, "relative": 4}


@dataclass
class Candidate:
    """One sentence with the time it states."""

    article: int
    sentence: Sentence
    ref: DateRef
    upcoming: bool
    stems: frozenset[str]
    minutes: int | None = None  # a clock time the sentence gives, to order events of one day
    clock_only: bool = False  # no day is stated, only the clock time


def _story_base(articles: list[Article]) -> Date | None:
    dates = sorted(a.date for a in articles if a.date)
    return median_low(dates) if dates else None


def date_spans(sentence: str, spans: list[Span]) -> list[tuple[int, str]]:
    """(start, text) of each DATE span, and TIME span naming a day ('early Saturday afternoon'),
    neighbours that make one date joined ('Monday' + '24 March', '24 March' + '2014'; not
    '2016' + 'nine years')."""
    joined: list[tuple[int, int, str]] = []
    for label, start, end, text in sorted(spans, key=lambda sp: sp[1]):
        if label != "DATE" and not (label == "TIME" and names_a_day(text)):
            continue
        if (
            joined
            and start - joined[-1][1] <= 2
            and sentence[joined[-1][1] : start].strip(" ,") == ""
            and names_a_day(text) | names_a_year(text)
        ):
            first = joined.pop()[0]
            joined.append((first, end, sentence[first:end]))
        else:
            joined.append((start, end, sentence[start:end]))
    return [(start, text) for start, _end, text in joined]


def _stated(article: Article, spans: dict[str, list[Span]], year: int | None) -> list[DateRef]:
    """Days the article states with a weekday that fits them ('Tuesday, June 23, 2015'),
    outside future plans: a dateline that fixes the week its bare weekdays mean."""
    found = []
    for s in article.sentences:
        for start, text in date_spans(s.text, spans.get(s.id, [])):
            if looks_ahead(s.text, start):
                continue
            ref = resolve(text, None, None, ahead=False, year=year)
            if ref and ref.date and ref.precision == "day" and weekday_matches(text, ref.date):
                found.append(ref)
    return found


def _latest_year(articles: list[Article], spans: dict[str, list[Span]]) -> int | None:
    years = [
        ref.date.year
        for a in articles
        for s in a.sentences
        for _, text in date_spans(s.text, spans.get(s.id, []))
        if (ref := resolve(text, None, None, ahead=False)) is not None and ref.date is not None
    ]
    return max(years, default=None)


def _bases(
    articles: list[Article], spans: dict[str, list[Span]]
) -> tuple[list[tuple[Date | None, str]], int | None]:
    """Per article: the base date and what it is (article, story, text); the latest stated year."""
    year = _latest_year(articles, spans)
    story = _story_base(articles)
    datelines = [[r.date for r in _stated(a, spans, year) if r.date] for a in articles]
    anywhere = max((d for days in datelines for d in days), default=None)
    result: list[tuple[Date | None, str]] = []
    for article, days in zip(articles, datelines, strict=True):
        if article.date:
            result.append((article.date, "article"))
        elif story:
            result.append((story, "story"))
        else:
            result.append((max(days) if days else anywhere, "text"))
    return result, year


def _first_time(
    s: Sentence, spans: list[Span], base: Date | None, basis: str, year: int | None
) -> Candidate | None:
    """The sentence's first point in time (a date spaCy marks, else 'hours after ...', else a
    clock time), with the clock time it gives."""
    found = _stated_time(s, spans, base, basis, year)
    clock = clock_time(s.text)
    if found is None and clock is not None:
        ref = DateRef(clock[0], None, "relative", None)
        found = Candidate(-1, s, ref, False, frozenset(), clock_only=True)
    if found is not None:
        found.stems = frozenset(content_stems(s.text))
        found.minutes = clock[1] if clock else part_of_day(_told_with(s.text, found.ref.text))
    return found


def _told_with(sentence: str, time: str) -> str:
    """The time and the few words after it ('Tuesday' -> 'Tuesday morning at the')."""
    at = sentence.find(time)
    if at < 0:
        return time
    return " ".join(sentence[at:].split()[: len(time.split()) + 3])


def _stated_time(
    s: Sentence, spans: list[Span], base: Date | None, basis: str, year: int | None
) -> Candidate | None:
    stems: frozenset[str] = frozenset()
    for start, text in date_spans(s.text, spans):
        ahead = looks_ahead(s.text, start)
        ref = resolve(text, base, basis, ahead, year)
        frame = None if ref or ahead else time_frame(s.text, start, text)
        if frame:
            ref = DateRef(frame, None, "relative", None)
        if ref is not None:
            known = ref.date is not None and basis != "text"
            upcoming = ahead or bool(known and base and ref.date and ref.date > base)
            return Candidate(-1, s, ref, upcoming, stems)
    relative = relative_phrase(s.text)
    if relative is None:
        return None
    phrase, start = relative
    ahead = looks_ahead(s.text, start)
    return Candidate(-1, s, DateRef(phrase, None, "relative", None), ahead, stems)


def candidates(articles: list[Article], spans: dict[str, list[Span]]) -> list[Candidate]:
    """Every sentence stating a point in time, with its first such time resolved."""
    found = []
    bases, year = _bases(articles, spans)
    for k, (article, (base, basis)) in enumerate(zip(articles, bases, strict=True)):
        for s in article.sentences:
            c = _first_time(s, spans.get(s.id, []), base, basis, year)
            if c is not None:
                c.article = k
                found.append(c)
    return found


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _lead_words(text: str) -> list[str]:
    """'hours after the tweet' -> ['hours', 'after']: the time told, without what it follows."""
    return text.lower().split()[:2]


def _same_event(a: Candidate, b: Candidate, aligned: set[tuple[str, str]]) -> bool:
    if a.article == b.article:
        return False
    if (a.sentence.id, b.sentence.id) in aligned:
        return True
    same_time = (a.ref.date, a.ref.precision) == (b.ref.date, b.ref.precision) and (
        a.ref.date is not None or _lead_words(a.ref.text) == _lead_words(b.ref.text)
    )
    return same_time and _overlap(a.stems, b.stems) >= SAME_EVENT_OVERLAP


def group_events(found: list[Candidate], alignment: Alignment | None) -> list[list[Candidate]]:
    """Candidates told by several outlets, joined: connected components of same-event pairs."""
    aligned: set[tuple[str, str]] = set()
    if alignment is not None:
        for i, matches in enumerate(alignment.matches):
            aligned |= {(alignment.sentences[i].id, alignment.sentences[j].id) for j, _ in matches}
    rows, cols = _event_pairs(found, aligned)
    return [[found[i] for i in group] for group in components(len(found), rows, cols)]


def _event_pairs(
    found: list[Candidate], aligned: set[tuple[str, str]]
) -> tuple[list[int], list[int]]:
    """Links connecting exactly what the (i < j) pairs ``_same_event`` accepts connect, without
    testing every pair: aligned sentences (by id) directly; otherwise two candidates need the
    same stated time and shared content stems, which depend only on that time and those stems,
    so the overlap is decided once per pair of distinct (time, stems) sharing a stem (a sparse
    product over (time, stem) columns finds those), and copies of one sentence in many
    articles are linked across articles without listing their pairs (``linked_across``)."""
    at: dict[str, list[int]] = {}
    for i, c in enumerate(found):
        at.setdefault(c.sentence.id, []).append(i)
    links = [
        (i, j) for x, y in aligned for i in at.get(x, ()) for j in at.get(y, ())
        if i < j and found[i].article != found[j].article
    ]  # fmt: skip
    kinds: dict[tuple[Any, frozenset[str]], list[int]] = {}
    for i, c in enumerate(found):
        kinds.setdefault((_time_key(c), c.stems), []).append(i)
    members = list(kinds.values())
    incidence, _ = csr_rows((((key, t) for t in stems) for key, stems in kinds), binary=True)
    rows, cols, _ = shared_pairs(incidence)
    article_of = [c.article for c in found]
    for m in members:
        if _overlap(found[m[0]].stems, found[m[0]].stems) >= SAME_EVENT_OVERLAP:
            links += linked_across(article_of, m, m)
    for a, b in zip(rows.tolist(), cols.tolist(), strict=True):
        if _overlap(found[members[a][0]].stems, found[members[b][0]].stems) >= SAME_EVENT_OVERLAP:
            links += linked_across(article_of, members[a], members[b])
    return [i for i, _ in links], [j for _, j in links]


def _time_key(c: Candidate) -> tuple[Any, ...]:
    """What two candidates must share to tell the same time (see ``_same_event``)."""
    lead = tuple(_lead_words(c.ref.text)) if c.ref.date is None else ()
    return (c.ref.date, c.ref.precision, lead)


def _chosen(group: list[Candidate]) -> tuple[Candidate, list[Candidate]]:
    """The member whose date most members give (most precise first), and those dated otherwise."""
    dated = [c for c in group if c.ref.date is not None]
    if not dated:
        return group[0], []
    votes = Counter((c.ref.date, c.ref.precision) for c in dated)
    best = max(votes, key=lambda k: (votes[k], _PRECISION_RANK[k[1]]))
    lead = next(c for c in dated if (c.ref.date, c.ref.precision) == best)
    others = [c for c in dated if c.ref.precision == "day" == lead.ref.precision]
    return lead, [c for c in others if c.ref.date != lead.ref.date]


def _conflict(lead: Candidate, others: list[Candidate], labels: list[str]) -> dict[str, Any]:
    values: dict[str, dict[str, Any]] = {}
    for c in [lead, *others]:
        key = c.ref.date.isoformat() if c.ref.date else c.ref.text
        entry = values.setdefault(
            key, {"value": key, "text": c.ref.text, "citations": [], "outlets": [], "articles": []}
        )
        entry["citations"].append(c.sentence.id)
        entry["articles"] = list(dict.fromkeys([*entry["articles"], c.article]))
        entry["outlets"] = list(dict.fromkeys([*entry["outlets"], labels[c.article]]))
    return {"kind": "date", "what": lead.sentence.text, "values": list(values.values())}


def _placed(c: Candidate) -> bool:
    """Its date can place it: stated or resolved, or a guessed year for a past event."""
    return c.ref.date is not None and not (c.upcoming and c.ref.guessed)


def _sort_keys(found: list[Candidate]) -> dict[str, tuple[int, int, int]]:
    """Sentence id -> order key. Dated events go by date. An undated weekday, "today" or "last
    week" names the latest days, so it joins the latest past events; an undated order ("hours
    after", "a day later") follows the dated sentence before it in its article, else joins the
    latest events too (news leads with what just happened). Undated plans come last."""
    present = max(
        (c.ref.date.toordinal() for c in found if _placed(c) and not c.upcoming and c.ref.date),
        default=0,
    )
    keys: dict[str, tuple[int, int, int]] = {}
    by_article: dict[int, list[Candidate]] = {}
    for c in found:
        by_article.setdefault(c.article, []).append(c)
    for members in by_article.values():
        members.sort(key=lambda c: c.sentence.index)
        dated = [(c.sentence.index, _key(c)) for c in members if _placed(c) and not c.upcoming]
        for c in members:
            index = c.sentence.index
            if _placed(c):
                keys[c.sentence.id] = _key(c)
            elif c.upcoming:
                keys[c.sentence.id] = (_LAST, c.ref.date.toordinal() if c.ref.date else 0, index)
            else:
                before = [k for i, k in dated if i < index and _can_follow(c, k)]
                if before and not names_recent_days(c.ref.text):
                    day, rank, after = before[-1]
                    timed = c.minutes is not None
                    keys[c.sentence.id] = (day, rank, _within_day(c) - _DAY if timed else after + 1)
                else:
                    keys[c.sentence.id] = (present, 9, index)
    real_day = any(
        c.ref.resolved and c.ref.precision == "day" and c.ref.date.toordinal() == present
        for c in found
        if c.ref.date
    )
    recent = [c for c in found if keys[c.sentence.id][:2] == (present, 9)]
    weekdays, start = _order_weekdays(recent, keys, week_before=7 if real_day else 0)
    if real_day:
        _weekdays_around(weekdays, start, keys, Date.fromordinal(present))
    return keys


def _weekdays_around(
    weekdays: dict[str, int], start: int, keys: dict[str, tuple[int, int, int]], latest: Date
) -> None:
    """When the latest stated day is a real date, the undated weekdays are days of its week, in
    the week order ``_order_weekdays`` chose: a "Saturday" told beside a Sunday's dated post is
    the day before it, a "Wednesday" after a dated Monday two days after it. Only when the
    dated day's own weekday is among those named (it anchors the week) or no weekday falls more
    than ``DATELINE_LAG`` days before it; otherwise the dated day may be background ("passed on
    March 3, 2015 ... on Wednesday the court ...")."""
    here = (latest.weekday() - start) % 7
    offsets = {sid: (day - start) % 7 - here for sid, day in weekdays.items()}
    anchored = latest.weekday() in weekdays.values()
    if not offsets or not (anchored or min(offsets.values()) >= -DATELINE_LAG):
        return
    for sid, offset in offsets.items():
        _present, rank, within = keys[sid]
        keys[sid] = (latest.toordinal() + offset, rank, within % _DAY)


def _can_follow(c: Candidate, key: tuple[int, int, int]) -> bool:
    """A clock time alone only follows a dated day or week: after '2016' it could be any day."""
    return not c.clock_only or key[1] >= _PRECISION_RANK["week"]


def _order_weekdays(
    recent: list[Candidate], keys: dict[str, tuple[int, int, int]], week_before: int
) -> tuple[dict[str, int], int]:
    """Undated weekdays of the latest days in week order: the week is taken to start after the
    longest gap between the weekdays named, so that they span as few days as possible (Sunday,
    Monday, Wednesday read in that order; Tuesday and Friday as Tuesday first); on a tie, the
    day most sentences tell of (the news itself) comes last. "Last week" comes before them (a week before
    the latest day, when that day is known), "today" after."""
    named = {c.sentence.id: w for c in recent if (w := weekday_of(c.ref.text)) is not None}
    days = sorted(set(named.values()))
    gaps = [
        ((days[(i + 1) % len(days)] - d) % 7 or 7, days[(i + 1) % len(days)])
        for i, d in enumerate(days)
    ]
    longest = max((g for g, _ in gaps), default=0)
    counts = Counter(named.values())
    lead = max(days, key=lambda d: (counts[d], d)) if days else 0
    starts = [d for g, d in gaps if g == longest] or [0]
    start = max(starts, key=lambda d: (lead - d) % 7)  # on a tie the most told day comes last
    placed = {}
    for c in recent:
        day = named.get(c.sentence.id)
        if day is None and c.clock_only:
            day = lead if days else None  # a bare clock time: the day the news is about
        rank = (day - start) % 7 + 1 if day is not None else 1 + recent_rank(c.ref.text)
        present = keys[c.sentence.id][0] - (week_before if rank < 1 else 0)
        keys[c.sentence.id] = (present, 9, rank * _DAY + _within_day(c))
        if day is not None:
            placed[c.sentence.id] = day
    return placed, start


def _key(c: Candidate) -> tuple[int, int, int]:
    assert c.ref.date is not None
    return (c.ref.date.toordinal(), _PRECISION_RANK[c.ref.precision], _within_day(c) - _DAY)


def _within_day(c: Candidate) -> int:
    """Order inside a day: by clock time or part of day when the sentence gives one, else as
    if at midday, in the order the article tells."""
    minutes = c.minutes if c.minutes is not None else _MIDDAY
    return minutes * 1000 + c.sentence.index


def build_timeline(
    articles: list[Article], spans: dict[str, list[Span]], alignment: Alignment | None
) -> tuple[list[TimelineEvent], list[dict[str, Any]]]:
    """Ordered events and the date conflicts found while merging them."""
    found = candidates(articles, spans)
    keys = _sort_keys(found)
    labels = [a.label for a in articles]
    events: list[tuple[tuple[int, int, int], TimelineEvent]] = []
    conflicts = []
    for group in group_events(found, alignment):
        lead, differing = _chosen(group)
        note = None
        if differing:
            conflicts.append(_conflict(lead, differing, labels))
            other = ", ".join(f"{labels[c.article]} says {c.ref.text}" for c in differing)
            note = f"Outlets differ on the date: {other}."
        members = sorted(group, key=lambda c: (c.article, c.sentence.index))
        event = TimelineEvent(
            date=lead.ref.date if lead.ref.resolved else None,
            date_text=lead.ref.text,
            precision=lead.ref.precision if lead.ref.resolved else "relative",
            resolved=lead.ref.resolved,
            basis=lead.ref.basis,
            upcoming=any(c.upcoming for c in group),
            text=lead.sentence.text,
            outlets=list(dict.fromkeys(labels[c.article] for c in members)),
            citations=[c.sentence.id for c in members],
            note=note,
        )
        events.append((keys[lead.sentence.id], event))
    events.sort(key=lambda ke: (ke[0], ke[1].citations[0]))
    return [e for _, e in events], conflicts


@stage(
    "timeline",
    version="1.2",
    requires=("sentences", "named_spans", "alignment"),
    assigns=("timeline", "date_conflicts"),
)
def timeline_stage(ctx: Context) -> None:
    """Events with a stated time, resolved to dates where possible, merged across outlets."""
    events, conflicts = build_timeline(
        ctx.get("sentences"), ctx.get("named_spans"), ctx.get("alignment")
    )
    ctx.put("timeline", events)
    ctx.put("date_conflicts", conflicts)
