"""Opposite acts on one person: 'Ivo Brandt was attacked' in one outlet, 'the bear ignored him' in another.

Which verbs exclude each other is learned from the story itself, not from a word list: a sentence
that contrasts two acts of one doer on different things with 'but' ('ignored him and his tent, but
attacked his horses', 'denied the theft but admitted the fraud') tells that, for one thing, the two acts
are alternatives. Outlets are then compared on the people those verbs act on: a named person, or
'him' / 'her' resolved to one (analysis/pronouns.py). A conflict needs independent outlets, each
telling only one of the two acts on that person, affirmed and as done, outside quotations. The
scan is blocked: only sentences with 'but' are parsed to learn pairs (within a budget), and only
sentences carrying a learned verb's stem are parsed to read acts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newsprism.analysis.pairs import in_turn, slot_discrepancy
from newsprism.analysis.pronouns import PERSONAL, antecedent
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy, Sentence
from newsprism.text.nlp import parse, parse_ahead

MAX_CONTRASTS = 40  # sentences with 'but' parsed per story
MAX_ACTS = 80  # sentences carrying a contrasted verb parsed per story
_BUT = re.compile(r"\bbut\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|«[^»]*»|‘[^’]*’")
_EMPTY = {"be", "have", "do", "say", "tell", "get", "make", "take", "go", "come", "give"}


@dataclass(frozen=True)
class Done:
    """One act told as done to a named person in one sentence."""

    verb: str
    person: str  # last name, lower case
    article: int
    sentence_id: str
    phrase: str


def contrasted_verbs(text: str) -> set[frozenset[str]]:
    """Pairs of verbs one doer does to different things, joined by 'but'."""
    doc = parse([_QUOTED.sub(" ", text)])[0]
    out = set()
    for second in doc:
        first = second.head
        if second.dep_ != "conj" or second.pos_ != "VERB" or first.pos_ != "VERB":
            continue
        if not any(
            c.lower_ == "but" for c in [*first.children, *second.children] if c.dep_ == "cc"
        ):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in second.children):
            continue  # 'police arrested one but a judge freed him': two doers, not alternatives
        if any(c.dep_ == "neg" for v in (first, second) for c in v.children):
            continue
        objects = [_object(v) for v in (first, second)]
        lemmas = {first.lemma_.lower(), second.lemma_.lower()}
        if all(objects) and len(lemmas) == 2 and not lemmas & _EMPTY:
            out.add(frozenset(lemmas))
    return out


def _object(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _patients(verb: Any) -> list[Any]:
    """Who the act is done to: the object and its conjuncts, or the subject of a passive."""
    head = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if head is None:
        return []
    return [head, *(c for c in head.children if c.dep_ == "conj")]


def _done(verb: Any) -> bool:
    """Affirmed and past: 'attacked', 'was attacked'; not 'could ignore' or 'did not attack'."""
    kids = list(verb.children)
    if any(c.dep_ == "neg" for c in kids) or verb.dep_ in {"xcomp", "advcl", "relcl", "acl"}:
        return False
    helpers = [c for c in kids if c.dep_ in {"aux", "auxpass"}]
    if any(h.tag_ == "MD" for h in helpers) or any(c.dep_ == "mark" for c in kids):
        return False
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(h.tag_ == "VBD" or h.lemma_ == "have" for h in helpers)
    )


def acts_on_people(
    text: str, verbs: set[str], before: list[str], article: int = 0, sentence_id: str = ""
) -> list[Done]:
    """The given verbs told as done to a named person (or 'him' / 'her' resolved to one)."""
    clean = _QUOTED.sub(" ", text)
    doc = parse([clean])[0]
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or not _done(verb):
            continue
        for patient in _patients(verb):
            person = None
            if patient.pos_ == "PROPN":
                person = patient.lower_
            elif patient.lower_ in PERSONAL:
                person = antecedent(patient, clean, before)
            if person:
                phrase = _phrase(verb)
                out.append(Done(verb.lemma_.lower(), person, article, sentence_id, phrase))
    return out


def _phrase(verb: Any) -> str:
    """The verb's own clause, without clauses joined to it ('was attacked at dawn')."""
    drop = {t.i for c in verb.children if c.dep_ in {"conj", "cc", "punct"} for t in c.subtree}
    return " ".join(t.text for t in verb.subtree if t.i not in drop)


def opposite_conflicts(brief: Brief, sources: Sources) -> list[Discrepancy]:
    """Independent outlets telling opposite acts (as the story itself contrasts them) on one
    named person, each outlet telling only one."""
    contrasts = in_turn(brief, lambda t: bool(_BUT.search(_QUOTED.sub(" ", t))), MAX_CONTRASTS)
    parse_ahead(_QUOTED.sub(" ", s.text) for _, s in contrasts)
    pairs = {p for _, s in contrasts for p in contrasted_verbs(s.text)}
    if not pairs:
        return []
    verbs = set().union(*pairs)
    probe = re.compile(
        r"\b(?:" + "|".join(re.escape(v[:-1] if len(v) > 3 else v) for v in sorted(verbs)) + r")",
        re.IGNORECASE,
    )
    carried = in_turn(brief, lambda t: bool(probe.search(t)), MAX_ACTS)
    told = [
        d for k, s in carried for d in acts_on_people(s.text, verbs, _before(brief, k, s), k, s.id)
    ]
    out = []
    for pair in sorted(pairs, key=sorted):
        for person in sorted({d.person for d in told if d.verb in pair}):
            found = _conflict(
                brief, sources, pair, [d for d in told if d.person == person and d.verb in pair]
            )
            if found:
                out.append(found)
    return out


def _before(brief: Brief, article: int, sentence: Sentence) -> list[str]:
    sentences = brief.articles[article].sentences
    return [s.text for s in sentences[max(0, sentence.index - 2) : sentence.index]]


def _conflict(
    brief: Brief, sources: Sources, pair: frozenset[str], told: list[Done]
) -> Discrepancy | None:
    verbs_of: dict[int, set[str]] = defaultdict(set)
    for d in told:
        verbs_of[d.article].add(d.verb)
    sides = []
    for verb in sorted(pair):
        mine = [d for d in told if d.verb == verb and verbs_of[d.article] == {verb}]
        if not mine:
            return None
        sides.append(mine)
    groups = [{sources.group_of[d.article] for d in side} for side in sides]
    if groups[0] & groups[1]:
        return None
    shown = [(side[0].phrase, list(dict.fromkeys(d.sentence_id for d in side))) for side in sides]
    name = told[0].person.capitalize()
    found = slot_discrepancy(
        brief,
        f"what was done to {name}: {' or '.join(sorted(pair))}",
        shown,
        sources,
        "independent outlets tell opposite acts on the same named person; the story itself "
        "contrasts the two verbs ('... but ...') as alternatives",
    )
    note = f"'{sorted(pair)[0]}' and '{sorted(pair)[1]}' exclude each other for one person"
    return found.model_copy(update={"note": note + (f"; {found.note}" if found.note else "")})
