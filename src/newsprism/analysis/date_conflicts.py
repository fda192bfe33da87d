"""Events that outlets date differently, as rows of the discrepancy table (kind: date).

The timeline stage finds them while merging one event told by several outlets (``date_conflicts``);
here they become discrepancies, unless another finder already reported the same sentences (a date
figure). Two days both written out ("March 3" against "March 4") are surer than days resolved from
relative words ("Sunday"), which depend on each article's date.

Bare weekdays in undated articles resolve to no day, so the timeline cannot compare them; yet the
weekday of a past event does not depend on when an article was written. ``weekday_conflicts``
reads them directly: sentences of independent sources in which the same past-tense verb ('was
arrested Monday' / 'was arrested Friday') carries different weekdays, the sentences sharing most
of their other words.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

from newsprism.analysis.pairs import in_turn, slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Article, Brief, Discrepancy, DiscrepancyValue, Sentence
from newsprism.text.nlp import parse
from newsprism.text.quantities import find_quantities
from newsprism.text.terms import content_stems

STATED_CONFIDENCE = 0.6  # both days written out with month and day
RELATIVE_CONFIDENCE = 0.45  # a day resolved from "Sunday" or "yesterday" against an article date
WHAT_WORDS = 14
_STATED_DAY = re.compile(r"\b\d{1,2}\b")


def date_discrepancies(
    conflicts: list[dict[str, Any]],
    articles: list[Article],
    sources: Sources,
    found: list[Discrepancy],
) -> list[Discrepancy]:
    """Discrepancies for the timeline's date conflicts not already among ``found``."""
    cited = [{c for v in d.values for c in v.citations} for d in found]
    result = []
    for conflict in conflicts:
        values = conflict["values"]
        if _year_only_guessed(values):
            continue
        mine = {c for v in values for c in v["citations"]}
        if any(len(mine & other) >= 2 for other in cited):
            continue
        groups = {sources.group_of[k] for v in values for k in v["articles"]}
        stated = all(_STATED_DAY.search(v["text"]) for v in values)
        result.append(
            Discrepancy(
                what=_what(conflict["what"]),
                kind="date",
                values=[_value(v, articles) for v in values],
                confidence=STATED_CONFIDENCE if stated else RELATIVE_CONFIDENCE,
                importance=round(len(groups) / max(1, sources.count), 3),
                basis="one event matched across outlets by the sentence alignment; the days "
                + ("they state" if stated else "their relative dates resolve to")
                + " differ",
            )
        )
    return result


_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def _year_only_guessed(values: list[dict[str, Any]]) -> bool:
    """The same month and day, a year written on one side only ('Nov. 14' / 'Nov. 14, 2013'):
    the unwritten year was supplied by the reader, so the days do not differ as stated."""
    if all(_YEAR.search(v["text"]) for v in values):
        return False
    return len({str(v["value"])[4:] for v in values}) == 1


def _what(sentence: str) -> str:
    return f"date of: {_short(sentence)}"


def _short(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:WHAT_WORDS]) + (" …" if len(words) > WHAT_WORDS else "")


def _value(value: dict[str, Any], articles: list[Article]) -> DiscrepancyValue:
    text, day = value["text"], value["value"]
    dates = [articles[k].date for k in value["articles"]]
    return DiscrepancyValue(
        value=text if text == day else f"{text} ({day})",
        citations=list(value["citations"]),
        outlets=list(value["outlets"]),
        dates=[d.isoformat() for d in dates if d],
    )


WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_PAST = {"VBD", "VBN"}
_LINKS = {"npadvmod", "pobj", "prep", "tmod", "obl", "compound", "appos"}
_MODAL = {"will", "would", "could", "may", "might", "shall", "should", "can", "must"}
MAX_WEEKDAY_READ = 200  # sentences naming a weekday parsed per story, in turn across outlets
MIN_SHARED = 4  # content stems two sentences share besides the verb and the weekday
MIN_SHARE = 0.4  # ... as a share of the shorter sentence's


def dated_verbs(text: str) -> dict[str, str]:
    """Past-tense verb lemma -> the weekday it is dated by ('was arrested Friday' -> arrest:
    Friday). A verb with a modal ('will vote Tuesday') or in a clause of purpose tells of a
    plan, which may move; a verb dated by two weekdays is left out."""
    doc = parse([text])[0]
    out: dict[str, str] = {}
    dropped: set[str] = set()
    for token in doc:
        if not WEEKDAY.fullmatch(token.text):
            continue
        head = token.head
        while head.dep_ in _LINKS and head.pos_ != "VERB" and head.head is not head:
            head = head.head
        if head.pos_ != "VERB" or head.tag_ not in _PAST or head.dep_ in {"xcomp", "advcl"}:
            continue
        if any(c.lower_ in _MODAL for c in head.children):
            continue
        lemma = head.lemma_.lower()
        if out.get(lemma, token.text) != token.text:
            dropped.add(lemma)
        out[lemma] = token.text
    return {v: d for v, d in out.items() if v not in dropped}


def _stems(text: str) -> frozenset[str]:
    return frozenset(content_stems(WEEKDAY.sub(" ", text)))


def _told_alike(a: frozenset[str], b: frozenset[str], verb: str) -> bool:
    sa, sb = a - {verb}, b - {verb}
    shared = len(sa & sb)
    return shared >= MIN_SHARED and shared >= MIN_SHARE * min(len(sa), len(sb))


def _weekday_only(text: str) -> bool:
    """Names a weekday and no day of a month: a full date is the timeline's to compare."""
    if not WEEKDAY.search(text):
        return False
    return not any(q.kind == "date" and q.unit in {"md", "ymd"} for q in find_quantities(text))


def weekday_conflicts(brief: Brief, sources: Sources) -> list[Discrepancy]:
    """The same past event dated by different weekdays in independent sources; an outlet that
    dates the verb by both weekdays tells of two events, and no conflict is drawn from it."""
    read = in_turn(brief, _weekday_only, MAX_WEEKDAY_READ)
    parse([s.text for _, s in read])
    stems = {s.id: _stems(s.text) for _, s in read}
    said: dict[str, list[tuple[int, Sentence, str]]] = {}  # verb -> (group, sentence, weekday)
    for k, sentence in read:
        for verb, day in dated_verbs(sentence.text).items():
            said.setdefault(verb, []).append((sources.group_of[k], sentence, day))
    out = []
    for verb, told in sorted(said.items()):
        days_of: dict[int, set[str]] = {}
        for group, _, day in told:
            days_of.setdefault(group, set()).add(day)
        sides: dict[str, dict[str, None]] = {}
        for (ga, a, da), (gb, b, db) in combinations(told, 2):
            if ga == gb or da == db or days_of[ga] != {da} or days_of[gb] != {db}:
                continue
            if _told_alike(stems[a.id], stems[b.id], verb):
                sides.setdefault(da, {})[a.id] = None
                sides.setdefault(db, {})[b.id] = None
        if len(sides) == 2:
            shown = [(day, list(ids)) for day, ids in sorted(sides.items())]
            out.append(slot_discrepancy(brief, f"day of: {_short(_first(brief, shown))}",
                shown, sources, "independent outlets date the same past-tense verb by different "
                "weekdays, in sentences that share most of their other words"))  # fmt: skip
    return out


def _first(brief: Brief, shown: list[tuple[str, list[str]]]) -> str:
    index = brief.sentence_index()
    return index[shown[0][1][0]][1].text
