"""Charge lists: outlets list different charges against the same named person.

'Faces charges of fraud and arson' against 'was held on suspicion of fraud and receiving stolen
goods'. A charge list is the text after a legal cue ('charges of',
'count of', 'suspicion of', 'charged with', 'convicted of', 'guilty of'), cut at
the end of its clause and split into items at 'and' and commas. The person is the subject of the
clause, from the parse: a name (keyed by last name), or 'he' / 'she' resolved to the last person
the article named before (first and last name) in the preceding sentences. Two outlets conflict
when each lists a charge none of whose words the other's list for that person has: one list longer
than the other is an omission, not a contradiction, and is not reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newsprism.analysis.pairs import in_turn, slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy, Sentence
from newsprism.text.nlp import names, parse
from newsprism.text.terms import STOP_WORDS, stem, words

_WHAT = {"charged": "charges against {name}", "convicted": "what {name} was convicted of",
         "acquitted": "what {name} was acquitted of"}  # fmt: skip
MAX_PARSED = 60  # sentences with a charge cue parsed per story
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|«[^»]*»")
_CUE = re.compile(
    r"\b(?:charges?\s+of|counts?\s+of|suspicion\s+of|(?:charged|booked|indicted)\s+(?:with|on|for)"
    r"|(?:convicted|guilty|acquitted)\s+of)\s+",
    re.IGNORECASE,
)
# A list ends at the clause's end: a full stop, a reporting tail, a relative clause, or a
# preposition that tells where, when or why rather than what ('in connection with', 'on May 2').
_END = re.compile(
    r"[.;:!?()]|,\s+(?:(?:\w+\s+){0,3}(?:said|says|told|according|alleged|stated)\b|who\b|which\b"
    r"|but\b|while\b|when\b|after\b|police\b|authorities\b|officials\b|prosecutors\b)"
    r"|\s(?:in|on|at|during|following|near|while|when|since|until|before|but|was|were|is|are|has"
    r"|had|and\s+(?:was|is|were|has|had|faces?|remains?|will))\s",
    re.IGNORECASE,
)
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+or\s+", re.IGNORECASE)
# Words of the legal frame, not of any one charge.
_FRAME = {"one", "two", "three", "four", "five", "count", "counts", "charge", "charges", "being",
          "first", "second", "third", "degree", "suspicion", "felony", "misdemeanor", "misdemeanour",
          "alleged", "allegedly", "related", "possible", "several", "multiple", "various"}  # fmt: skip
_NAME = re.compile(r"\b([A-Z][a-z'’-]+)\s+([A-Z][a-z'’-]{2,})\b")
_PRONOUNS = {"he", "she"}
_LEGAL_NOUNS = {"charge", "count", "suspicion"}
_CLAUSE_VERB = {"VERB", "AUX"}


@dataclass(frozen=True)
class ChargeList:
    """The charges one sentence lists against one person."""

    person: str  # last name, lower case
    stage: str  # 'charged', 'convicted' or 'acquitted': lists of different stages never meet
    name: str  # the name as the article wrote it, fullest form
    items: tuple[str, ...]  # each charge as written
    article: int
    sentence_id: str


def _key(item: str) -> frozenset[str]:
    """A charge's content stems: 'bribing a juror' and 'juror bribery' share one."""
    return frozenset(
        stem(w) for w in words(item.lower()) if w not in STOP_WORDS and w not in _FRAME
    )


def _stage(cue: str) -> str:
    """What the list is: charges brought, a conviction, or an acquittal. 'Charged with murder'
    and 'convicted of manslaughter' are two steps of one case, not a contradiction."""
    word = cue.split()[0].lower()
    return {"convicted": "convicted", "guilty": "convicted", "acquitted": "acquitted"}.get(
        word, "charged"
    )


def charge_items(text: str) -> list[tuple[int, str, list[str]]]:
    """(offset of the cue, stage, charges as written) for every charge list in the text."""
    out = []
    for cue in _CUE.finditer(text):
        rest = text[cue.end() :]
        end = _END.search(rest)
        span = rest[: end.start()] if end else rest
        items = []
        for part in _SPLIT.split(span):
            part = re.sub(r"^(?:(?:one|two|three|\d+)\s+counts?\s+of|being|a|an|the)\s+", "", part)
            if _key(part):
                items.append(part.strip())
        if items:
            out.append((cue.start(), _stage(cue.group(0)), items))
    return out


def _subject(doc: Any, offset: int) -> Any | None:
    """The subject of the clause holding the cue: climb from the cue's word to a verb with one.
    Another noun on the way, or a verb's other object, owns the charges ('tried to stop the
    indictment of the bank on charges of fraud': the bank's, not the subject's): no subject."""
    token = next((t for t in doc if t.idx >= offset), None)
    seen, path = 0, -1
    while token is not None and seen < 8:
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() not in _LEGAL_NOUNS:
            return None
        if token.pos_ in _CLAUSE_VERB:
            if any(c.dep_ == "dobj" and c.i != path for c in token.children):
                return None  # 'sought the arrest of the bank on charges of fraud'
            if any(c.dep_ == "neg" for c in token.children):
                return None  # 'has not been charged with the death': a denial, not a list
            subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None:
                return subject
        if token.head.i == token.i:
            return None
        path, token = token.i, token.head
        seen += 1
    return None


def _person(subject: Any, before: list[str]) -> tuple[str, str] | None:
    """(last name, name as written) of the subject; 'he' / 'she' is the last person named in
    full in the preceding sentences."""
    if subject.pos_ == "PROPN":
        parts = [t for t in subject.subtree if t.pos_ == "PROPN" and t.i <= subject.i]
        parts = [t for t in parts if t.i >= subject.i - 3]
        return subject.text.lower(), " ".join(t.text for t in parts)
    if subject.lower_ in _PRONOUNS and before:
        people = [e for doc in names(before) for e in doc.ents if e.label_ == "PERSON"]
        if people:
            last = people[-1]
            return last[-1].lower_, _fullest(last.text, before)
    return None


def _fullest(name: str, texts: list[str]) -> str:
    """The longest form of the name the texts write ('Jarrett' -> 'Ana Jarrett')."""
    last = name.split()[-1]
    forms = [f for t in texts for f in _NAME.findall(t) if f[1] == last]
    return " ".join(forms[-1]) if forms and len(name.split()) < 2 else name


def charge_lists(sentences: list[tuple[int, Sentence]], brief: Brief) -> list[ChargeList]:
    """Every charge list in the sentences, with the person it is against."""
    out = []
    for k, sentence in sentences:
        text = _QUOTED.sub(" ", sentence.text)
        found = charge_items(text)
        if not found:
            continue
        doc = parse([text])[0]
        before = [
            s.text for s in brief.articles[k].sentences[max(0, sentence.index - 3) : sentence.index]
        ]
        for offset, stage, items in found:
            subject = _subject(doc, offset)
            person = _person(subject, before) if subject is not None else None
            if person:
                out.append(ChargeList(person[0], stage, person[1], tuple(items), k, sentence.id))
    return out


def charge_conflicts(brief: Brief, sources: Sources) -> list[Discrepancy]:
    """Independent outlets whose charge lists for one person each name a charge the other lacks."""
    cued = in_turn(brief, lambda text: bool(_CUE.search(text)), MAX_PARSED)
    by_person: dict[tuple[str, str], list[ChargeList]] = defaultdict(list)
    for found in charge_lists(cued, brief):
        by_person[(found.person, found.stage)].append(found)
    return [d for lists in by_person.values() if (d := _person_conflict(brief, sources, lists))]


def _person_conflict(brief: Brief, sources: Sources, lists: list[ChargeList]) -> Discrepancy | None:
    """The first two independent outlets that contradict each other, with every outlet that
    sides with one of them (lists one side's extra charge and not the other's)."""
    by_article: dict[int, list[ChargeList]] = defaultdict(list)
    for found in lists:
        by_article[found.article].append(found)
    keys = {k: [_key(i) for c in cs for i in c.items] for k, cs in by_article.items()}
    order = sorted(by_article)
    for n, a in enumerate(order):
        for b in order[n + 1 :]:
            if sources.group_of[a] == sources.group_of[b]:
                continue
            only_a, only_b = _lacking(keys[a], keys[b]), _lacking(keys[b], keys[a])
            if only_a and only_b:
                return _discrepancy(brief, sources, by_article, keys, (a, only_a), (b, only_b))
    return None


def _stage_of(by_article: dict[int, list[ChargeList]]) -> str:
    return next(c.stage for cs in by_article.values() for c in cs)


def _lacking(mine: list[frozenset[str]], other: list[frozenset[str]]) -> list[frozenset[str]]:
    """My charges none of whose words the other list has."""
    theirs = frozenset().union(*other)
    return [k for k in mine if not k & theirs]


def _discrepancy(
    brief: Brief,
    sources: Sources,
    by_article: dict[int, list[ChargeList]],
    keys: dict[int, list[frozenset[str]]],
    *sides: tuple[int, list[frozenset[str]]],
) -> Discrepancy:
    """Each side: its first outlet and every outlet whose list matches that one both ways."""
    shown = []
    for first, extra in sides:
        members = [
            k
            for k in by_article
            if not _lacking(keys[k], keys[first]) and not _lacking(keys[first], keys[k])
        ]
        items = [i for c in by_article[first] for i in c.items if _key(i) in extra]
        ids = list(dict.fromkeys(c.sentence_id for k in members for c in by_article[k]))
        shown.append(("; ".join(dict.fromkeys(items)), ids))
    name = max((c.name for cs in by_article.values() for c in cs), key=len)
    found = slot_discrepancy(
        brief,
        _WHAT[_stage_of(by_article)].format(name=name),
        shown,
        sources,
        "independent outlets list charges against the same named person, and each lists a charge "
        "that the other's list does not contain",
    )
    note = "the outlets' charge lists differ: each names a charge the other does not"
    if found.note:
        note += f"; {found.note}"
    return found.model_copy(update={"note": note})
