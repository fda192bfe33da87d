"""Descriptions of one named person that exclude each other across outlets.

News names a person with a rank or office before the name ('Sgt. Ana Ruiz', 'Sen. Ana Ruiz'), an
apposition after it ('Ana Ruiz, the boy's aunt'), or an age ('Ana Ruiz, 41,', '41-year-old Ana
Ruiz'). Only closed classes whose members exclude each other are compared: a rank on one ladder,
a legislative seat, a kin term of the other gender or of the same possessor, suspect or victim,
an age. Free descriptions ('a teacher' / 'a mother of two') are different facets, not conflicts.
Each sentence is read once by pattern, so the cost is linear in the story's text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from newsprism.analysis.pairs import slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy
from newsprism.text.calendar_names import MONTHS, WEEKDAYS

_RANKS = {"sgt": "sergeant", "sergeant": "sergeant", "lt": "lieutenant", "lieutenant": "lieutenant",
          "capt": "captain", "captain": "captain", "cpl": "corporal", "corporal": "corporal",
          "col": "colonel", "colonel": "colonel"}  # fmt: skip
# 'General', 'Major' and 'Private' are left out: too often ordinary words before a name.
_SEATS = {"sen": "senator", "senator": "senator", "rep": "representative",
          "representative": "representative", "congressman": "representative",
          "congresswoman": "representative", "gov": "governor", "governor": "governor",
          "mayor": "mayor", "councilman": "council member", "councilwoman": "council member",
          "assemblyman": "assembly member", "assemblywoman": "assembly member"}  # fmt: skip
_MALE = {"father", "son", "brother", "husband", "grandfather", "grandson", "uncle", "nephew",
         "stepfather", "stepson", "boyfriend"}  # fmt: skip
_FEMALE = {"mother", "daughter", "sister", "wife", "grandmother", "granddaughter", "aunt", "niece",
           "stepmother", "stepdaughter", "girlfriend"}  # fmt: skip
KIN = _MALE | _FEMALE | {"cousin"}

_NAME = r"([A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2})"
_TITLE_FIRST = re.compile(
    rf"\b((?i:{'|'.join(sorted({*_RANKS, *_SEATS}, key=len, reverse=True))}))\.?\s+{_NAME}"
)
_APPOSITION = re.compile(
    rf"{_NAME},\s+(?:\d{{1,3}},\s+)?(?:the|a|an|his|her|their)\s+(?:([\w-]+)(?:'s|’s)\s+)?"
    rf"(?:[a-z-]+\s+)?({'|'.join(sorted(KIN))})\b"
)
_KIN_FIRST = re.compile(
    rf"\b(?:the|his|her|their)\s+(?:([\w-]+)(?:'s|’s)\s+)?({'|'.join(sorted(KIN))}),\s+{_NAME}"
)
_PARTY_AFTER = re.compile(rf"{_NAME},\s+(?:the|a|an)\s+(?:alleged\s+)?(suspect|victim)\b(?!['’])")
_PARTY_FIRST = re.compile(rf"\b(?:the\s+)?(?:alleged\s+)?(suspect|victim),?\s+{_NAME}")
_AGE_AFTER = re.compile(  # 'Ana Holm, 41,'  'Ana Holm,41,'  'Ana Holm, aged 41,'  'Ana Holm (41)'
    rf"{_NAME}(?:,\s*(?:aged\s+)?(\d{{1,3}})(?=,|\.|\s+and\b|\))|\s+\((?:aged\s+)?(\d{{1,3}})\))"
)
_AGE_BEFORE = re.compile(rf"\b(\d{{1,3}})-year-old\s+{_NAME}")
_NOT_NAMES = re.compile(rf"^(?:{'|'.join(MONTHS)}|{'|'.join(WEEKDAYS)}|The|A|An|In|On|At)\b")


@dataclass(frozen=True)
class Said:
    """One outlet's description of one person in one class ('rank', 'seat', 'kin', 'age')."""

    person: tuple[str, str]  # (first name, last name), lower-cased
    name: str
    slot: str
    value: str
    possessor: str
    article: int
    sentence_id: str


def _person(name: str) -> tuple[str, str] | None:
    if _NOT_NAMES.match(name):
        return None
    parts = [p for p in name.split() if not p.endswith(".")]
    return (parts[0].lower(), parts[-1].lower()) if len(parts) >= 2 else None


def descriptions(text: str, article: int, sentence_id: str) -> list[Said]:
    """Rank, seat, kin and age statements about two-word names in one sentence."""
    found: list[tuple[str, str, str, str]] = []  # name, slot, value, possessor
    for m in _TITLE_FIRST.finditer(text):
        word = m.group(1).lower()
        slot, value = ("rank", _RANKS[word]) if word in _RANKS else ("seat", _SEATS[word])
        found.append((m.group(2), slot, value, ""))
    for m in _APPOSITION.finditer(text):
        found.append((m.group(1), "kin", m.group(3), (m.group(2) or "").lower()))
    for m in _KIN_FIRST.finditer(text):
        found.append((m.group(3), "kin", m.group(2), (m.group(1) or "").lower()))
    found += [(m.group(1), "party", m.group(2), "") for m in _PARTY_AFTER.finditer(text)]
    found += [(m.group(2), "party", m.group(1), "") for m in _PARTY_FIRST.finditer(text)]
    ages = [(m.group(1), m.group(2) or m.group(3)) for m in _AGE_AFTER.finditer(text)]
    ages += [(m.group(2), m.group(1)) for m in _AGE_BEFORE.finditer(text)]
    found += [(name, "age", str(int(age)), "") for name, age in ages if 0 < int(age) < 120]
    out = []
    for name, slot, value, possessor in found:
        person = _person(name)
        if person:
            out.append(Said(person, name, slot, value, possessor, article, sentence_id))
    return out


def _exclusive(slot: str, a: list[Said], b: list[Said]) -> bool:
    """Kin terms exclude each other when their genders differ or they name the same possessor."""
    if slot != "kin":
        return True
    x, y = a[0].value, b[0].value
    if (x in _MALE and y in _FEMALE) or (x in _FEMALE and y in _MALE):
        return True
    return bool({s.possessor for s in a} & {s.possessor for s in b} - {""})


def person_conflicts(brief: Brief, sources: Sources) -> list[Discrepancy]:
    """A person given values in one class that exclude each other, by independent outlets, each
    outlet giving only one value."""
    by_slot: dict[tuple[tuple[str, str], str], list[Said]] = defaultdict(list)
    for k, article in enumerate(brief.articles):
        for s in article.sentences:
            for said in descriptions(s.text, k, s.id):
                by_slot[(said.person, said.slot)].append(said)
    return [d for key, saids in by_slot.items() if (d := _conflict(brief, sources, key, saids))]


def _conflict(brief: Brief, sources: Sources, key: tuple[tuple[str, str], str],
              saids: list[Said]) -> Discrepancy | None:  # fmt: skip
    values: dict[int, set[str]] = defaultdict(set)
    for s in saids:
        values[s.article].add(s.value)
    sides: dict[str, list[Said]] = defaultdict(list)
    for s in saids:
        if len(values[s.article]) == 1:  # an outlet giving two values is not one side
            sides[s.value].append(s)
    if len(sides) != 2:
        return None
    a, b = sides.values()
    groups = [{sources.group_of[s.article] for s in side} for side in (a, b)]
    if groups[0] & groups[1] or not _exclusive(key[1], a, b):
        return None
    name = max((s.name for s in saids), key=len)
    shown = [(side[0].value, list(dict.fromkeys(s.sentence_id for s in side))) for side in (a, b)]
    what = {"rank": "rank", "seat": "office", "kin": "relation", "age": "age", "party": "role"}[
        key[1]
    ]
    return slot_discrepancy(
        brief,
        f"{what} of {name}",
        shown,
        sources,
        f"independent outlets give the same named person (first and last name) different values "
        f"of one {what}, values that exclude each other; no outlet gives both",
    )
