"""Who did it: outlets give the same act on the same thing to different people.

'The victim's husband wore the wire' against 'the victim wore the wire'. Such sentences rarely
align (the rest of the wording differs), so sentences naming a person or a kin or party noun are
parsed, in turn across articles and within a budget, and their acts indexed by (verb, thing). Only
doers that are distinct referents by their words are compared: named people (by last name) and
kin or party nouns (husband, mother, victim, witness); institutions and groups ('police',
'officers', 'authorities') are often one actor in other words, so they never count. The doers of
each side must not overlap ('Ana and Piet Holm carried the boat' names both), and an outlet that
gives the act to two doers is not a side.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from newsprism.analysis.conflicts import _EMPTY_VERBS
from newsprism.analysis.pairs import in_turn, slot_discrepancy
from newsprism.analysis.persons import KIN
from newsprism.analysis.pronouns import person_words
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy
from newsprism.text.nlp import names, parse

MAX_PARSED = 120  # candidate sentences parsed per story (about 5 ms each)
_PARTIES = KIN | {"victim", "witness"}
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|«[^»]*»")
_CANDIDATE = re.compile(
    rf"\b(?:{'|'.join(sorted(_PARTIES))})s?\b|(?<=[\w,;:] )[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+"
)

Slot = tuple[str, str]  # (verb lemma, lemma of the thing acted on)


def _doer_key(token: Any, people: frozenset[str]) -> str | None:
    """A named person's last name (a proper noun the recogniser puts in a person's name; a kin
    noun with the name beside it, 'her husband, Ivo Brandt', is that person), or a kin or party
    noun; None for anything else."""
    if token.pos_ == "PROPN":
        return token.lower_ if token.lower_ in people else None
    if token.pos_ == "NOUN" and token.lemma_.lower() in _PARTIES:
        named = [c for c in token.children if c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN"]
        if named:
            return named[-1].lower_ if named[-1].lower_ in people else None
        return token.lemma_.lower()
    return None


def _doers(verb: Any, people: frozenset[str]) -> tuple[frozenset[str], str] | None:
    """Every doer of the verb (joined subjects included) and the first as written."""
    infinitive = any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux")
    owner = verb.head if verb.dep_ == "xcomp" and infinitive else verb  # 'agreed to wear'
    if verb.dep_ == "xcomp" and not infinitive:
        return None  # 'told deputies her friend was attending': a misparsed clause, not control
    subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
    if subject is None and owner.dep_ == "conj":  # 'called police and agreed to ...'
        subject = next((c for c in owner.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    heads = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    keys = {_doer_key(h, people) for h in heads}
    if None in keys:
        return None
    shown = "".join(t.text_with_ws for t in subject.subtree if t.i <= subject.i).strip()
    return frozenset(k for k in keys if k), shown


def _acted(doc: Any) -> list[tuple[Any, Any]]:
    """(verb, noun it acts on) for every affirmed act with a direct object."""
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in _EMPTY_VERBS:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue  # denials are analysis/polarity.py's
        thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if thing is not None:
            out.append((verb, thing))
    return out


def acts(text: str) -> dict[Slot, tuple[frozenset[str], str]]:
    """(verb, thing acted on) -> (doers, first doer as written), outside quotations."""
    clean = _QUOTED.sub(" ", text)
    found = _acted(parse([clean])[0])
    people = person_words(clean) if found else frozenset()  # the recogniser only when needed
    out: dict[Slot, tuple[frozenset[str], str]] = {}
    for verb, thing in found:
        doers = _doers(verb, people)
        if doers is not None:
            out[(verb.lemma_.lower(), thing.lemma_.lower())] = doers
    return out


def _read_ahead(texts: list[str]) -> None:
    """Parse the sentences, and find names in those with an act, each in one batched pass (about
    half the cost of one sentence at a time); `acts` then reads the caches."""
    clean = [_QUOTED.sub(" ", text) for text in texts]
    names([c for c, doc in zip(clean, parse(clean), strict=True) if _acted(doc)])


def doer_conflicts(brief: Brief, sources: Sources) -> list[Discrepancy]:
    """Independent outlets giving one act on one thing to different people, each outlet to one."""
    told: dict[Slot, dict[int, set[frozenset[str]]]] = defaultdict(lambda: defaultdict(set))
    shown: dict[tuple[Slot, frozenset[str]], tuple[str, list[str]]] = {}
    named = in_turn(brief, lambda text: bool(_CANDIDATE.search(_QUOTED.sub(" ", text))), MAX_PARSED)
    _read_ahead([s.text for _, s in named])
    for k, sentence in named:
        for slot, (doers, written) in acts(sentence.text).items():
            told[slot][k].add(doers)
            shown.setdefault((slot, doers), (written, []))[1].append(sentence.id)
    out = []
    for slot, by_article in told.items():
        sides: dict[frozenset[str], set[int]] = defaultdict(set)
        for k, doer_sets in by_article.items():
            if len(doer_sets) == 1:  # an outlet naming two doers is not one side
                sides[next(iter(doer_sets))].add(sources.group_of[k])
        if len(sides) == 2:
            (a, ga), (b, gb) = sides.items()
            if not a & b and not ga & gb:
                out.append(_discrepancy(brief, sources, slot, [shown[(slot, a)], shown[(slot, b)]]))
    return out


def _discrepancy(brief: Brief, sources: Sources, slot: Slot,
                 found: list[tuple[str, list[str]]]) -> Discrepancy:  # fmt: skip
    shown = [(doer, list(dict.fromkeys(ids))) for doer, ids in found]
    return slot_discrepancy(
        brief,
        f"who did it: {slot[0]} the {slot[1]}",
        shown,
        sources,
        "independent outlets give the same verb and object to different named people, kin or "
        "parties (no doer in common); each outlet names one doer for it",
    )
