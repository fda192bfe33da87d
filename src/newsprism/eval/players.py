"""Score a brief's key players and timeline against an answer key (``expected.json``).

Entities: a key name matches a brief entity when one of its written forms equals one of the
entity's forms (name or alias) after lower-casing, dropping punctuation, a leading "the" and
honorifics; people also match on first and last word alone (middle names and initials vary),
organisations on initials ("FBI") or a trailing run of two or more words ("U.S. Coast Guard" /
"Coast Guard"). Key names may list variants in brackets or after "/"; "Town, State" also
matches "Town". Recall is over all key
names. A merge error is one brief entity matching two key people; a split error is a key person
matched by more than one brief person.

Timeline: key events and brief entries become sets of content stems and numbers (the entry's
text, its date as stated and its resolved day, month, weekday and year). An entry matches a key
event when they share at least ``MIN_SHARED`` stems and ``MIN_SHARE`` of the key event's stems;
pairs are taken best first, one to one, by that share plus the share of the key's time (its text
before the first colon, "March 9, 2015: ...") that the entry's time (date as stated, resolved day)
gives; on a tie the earlier entry. What places an event is its time: by words alone an entry about
another day that repeats the event's nouns could take the event, and ties went to whichever entry
came later in the timeline.
Recall is matched key events over all; order is the share of matched key-event pairs whose
entries come in the same order.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

from newsprism.eval.brief_score import Tally
from newsprism.model import Brief, Entity, TimelineEvent
from newsprism.text.calendar_names import MONTHS, WEEKDAYS
from newsprism.text.terms import content_stems

MIN_SHARED = 2
MIN_SHARE = 0.25
_LINKS = {"of", "the", "and", "for", "&"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "miss"}
_DOC_REF = re.compile(r"\((?:d\d[^)]*)\)|\bd\d\b(?:['’]s)?")
_BRACKETS = re.compile(r"\(([^)]*)\)")
_CALENDAR = frozenset(content_stems(" ".join((*WEEKDAYS, *MONTHS))))
_NUMBER = re.compile(r"(?<![\w.])\d+(?![\w.])")


def _tokens(text: str) -> tuple[str, ...]:
    words = [w for w in re.findall(r"[\w&]+", text.lower().replace(".", "")) if w]
    while words and words[0] in _HONORIFICS | {"the"}:
        words = words[1:]
    return tuple(words)


def key_variants(name: str) -> set[tuple[str, ...]]:
    """'Liberty (Libby) German' -> liberty german, libby german, libby; 'A / B' -> a, b."""
    variants: set[tuple[str, ...]] = set()
    outer = _BRACKETS.sub(" ", name)
    inner = [part for group in _BRACKETS.findall(name) for part in group.split("/")]
    mains = [_tokens(part) for part in outer.split("/")]
    mains += [_tokens(part.split(",")[0]) for part in outer.split("/") if "," in part]
    for main in mains:
        variants.add(main)
        for alt in (_tokens(p) for p in inner):
            if not alt or alt in {("pseudonym",), ("alias",)}:
                continue
            variants.add(alt)
            if len(alt) == 1 and len(main) >= 2:
                variants.add((alt[0], *main[1:]))
                variants.add((*main[:-1], alt[0]))
    return {v for v in variants if v}


def _forms(entity: Entity) -> set[tuple[str, ...]]:
    return {t for t in (_tokens(f) for f in [entity.name, *entity.aliases]) if t}


def _same(key: tuple[str, ...], form: tuple[str, ...], person: bool) -> bool:
    if key == form:
        return True
    if len(key) >= 2 and len(form) >= 2:
        if person:
            return key[0] == form[0] and key[-1] == form[-1]
        short, long_ = sorted((key, form), key=len)
        return long_[-len(short) :] == short
    if not person:
        one, many = (key, form) if len(key) == 1 else (form, key)
        initials = {"".join(w[0] for w in many), "".join(w[0] for w in many if w not in _LINKS)}
        return len(one) == 1 and len(many) >= 2 and one[0] in initials
    return False


def matches(key_name: str, entity: Entity, person: bool) -> bool:
    """Whether the brief entity is the key's entity (see the module docstring)."""
    return any(_same(k, f, person) for k in key_variants(key_name) for f in _forms(entity))


def score_entities(brief: Brief, key: dict[str, Any]) -> dict[str, Any]:
    """Recall of the key's entities, merge and split errors among people, misses listed."""
    found: list[str] = []
    missed: list[str] = []
    by_type: dict[str, list[int]] = {}
    person_hits: dict[str, list[str]] = {}
    for kind, names in key.get("entities", {}).items():
        person = kind == "PERSON"
        for name in names:
            hits = [e for e in brief.entities if matches(name, e, person)]
            (found if hits else missed).append(name)
            by_type.setdefault(kind, [0, 0])[0] += bool(hits)
            by_type[kind][1] += 1
            if person:
                person_hits[name] = [e.id for e in hits if e.type == "PERSON"]
    owners: dict[str, set[str]] = {}
    for name, ids in person_hits.items():
        for eid in ids:
            owners.setdefault(eid, set()).add(name)
    merges = [sorted(names) for names in owners.values() if len(names) > 1]
    splits = [name for name, ids in person_hits.items() if len(ids) > 1]
    total = len(found) + len(missed)
    return {
        "key_entities": total,
        "found": len(found),
        "recall": round(len(found) / total, 3) if total else None,
        "recall_by_type": {k: round(v[0] / v[1], 3) for k, v in by_type.items()},
        "merge_errors": merges,
        "split_errors": splits,
        "missed": missed,
    }


def _stems(text: str) -> set[str]:
    """Content stems plus numbers (days and years are what place an event)."""
    return set(content_stems(text)) | set(_NUMBER.findall(text))


def _time_stems(event: TimelineEvent) -> set[str]:
    words = event.date_text
    if event.date is not None and event.resolved:
        words += f" {event.date:%B} {event.date.day} {event.date.year} {event.date:%A}"
    return _stems(words)


def _entry_stems(event: TimelineEvent) -> set[str]:
    return _stems(event.text) | _time_stems(event)


def _key_time(event: str) -> set[str]:
    """What pins the key event's time: numbers, months and weekdays in its text before the
    first colon, when it has one ("Early Saturday (March 12)" -> saturday, march, 12)."""
    head, colon, _rest = event.partition(":")
    return {t for t in _stems(head) if t.isdigit() or t in _CALENDAR} if colon else set()


def score_timeline(brief: Brief, key: dict[str, Any]) -> dict[str, Any]:
    """Key events found in the brief's timeline (content overlap) and how many pairs keep order."""
    events = [str(e) for e in key.get("timeline", [])]
    wanted = [_stems(_DOC_REF.sub(" ", e)) for e in events]
    key_times = [_key_time(_DOC_REF.sub(" ", e)) for e in events]
    entries = [_entry_stems(e) for e in brief.timeline]
    times = [_time_stems(e) for e in brief.timeline]
    pairs = []
    for i, k in enumerate(wanted):
        for j, e in enumerate(entries):
            shared = len(k & e)
            if shared >= MIN_SHARED and k and shared / len(k) >= MIN_SHARE:
                timely = len(key_times[i] & times[j]) / len(key_times[i]) if key_times[i] else 0
                pairs.append((-(shared / len(k) + timely), j, i))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, j, i in sorted(pairs):
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    ordered = list(combinations(sorted(matched), 2))
    right = sum(matched[a] < matched[b] for a, b in ordered)
    return {
        "key_events": len(events),
        "found": len(matched),
        "recall": round(len(matched) / len(events), 3) if events else None,
        "pairs": len(ordered),
        "in_order": right,
        "order": round(right / len(ordered), 3) if ordered else None,
        "brief_events": len(brief.timeline),
        "missed": [events[i] for i in range(len(events)) if i not in matched],
        "matched": {str(i): j for i, j in sorted(matched.items())},
    }


def player_tallies(brief: Brief, key: dict[str, Any]) -> dict[str, Tally]:
    """The `eval brief` columns for key players and the timeline: entity recall, merge and
    split errors over key people, timeline recall, timeline pairs in order."""
    entities = score_entities(brief, key)
    timeline = score_timeline(brief, key)
    people = len(key.get("entities", {}).get("PERSON", []))
    merges = [" + ".join(names) for names in entities["merge_errors"]]
    return {
        "entities": Tally(entities["found"], entities["key_entities"], entities["missed"]),
        "merges": Tally(len(merges), people, merges),
        "splits": Tally(len(entities["split_errors"]), people, entities["split_errors"]),
        "timeline": Tally(timeline["found"], timeline["key_events"], timeline["missed"]),
        "order": Tally(timeline["in_order"], timeline["pairs"]),
    }
