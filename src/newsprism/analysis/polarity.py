"""Negation: one outlet says a thing happened, another that it did not.

Sentences the alignment pairs across independent sources say much the same thing (the alignment
ignores 'not', 'no' and 'never', so a sentence and its denial meet). Where exactly one of a pair is
negated, both are parsed: a conflict needs the same verb with the same doer, negated in one and
affirmed in the other, outside quotation marks ('Police did not name the victims' / 'Police named
the victims on Wednesday'). When the outlets' dates differ, it is flagged as possibly an update.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsprism.align import Alignment
from newsprism.analysis.pairs import aligned_pairs, slot_discrepancy
from newsprism.analysis.pronouns import antecedent
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy
from newsprism.text.nlp import parse
from newsprism.text.terms import stem

_NEGATION = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|«[^»]*»")
_EMPTY = {"be", "have", "do", "say", "tell", "report", "add"}


@dataclass(frozen=True)
class Act:
    """A verb with its doer in one sentence, and whether the sentence denies it."""

    verb: str
    doer: str  # stem of the subject's head word
    doer_text: str
    negated: bool
    phrase: str


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def acts(text: str, before: list[str] | None = None) -> list[Act]:
    """Verbs with a named or nominal subject, outside quotations; 'he' / 'she' counts as the
    person it refers to when the article's preceding sentences (``before``) name one."""
    clean = _unquoted(text)
    doc = parse([clean])[0]
    out = []
    for verb in doc:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _EMPTY:
            continue
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            continue
        person = antecedent(subject, clean, before or []) if subject.pos_ == "PRON" else None
        if subject.pos_ == "PRON" and person is None:
            continue
        negated = any(c.dep_ == "neg" for c in verb.children) or any(
            c.dep_ == "neg"
            for a in verb.children
            if a.dep_ in {"aux", "auxpass"}
            for c in a.children
        )
        doer = (
            (stem(person), person.capitalize())
            if person
            else (stem(subject.lower_), _doer(subject))
        )
        out.append(Act(verb.lemma_.lower(), doer[0], doer[1], negated, _phrase(verb)))
    return out


def _doer(subject: Any) -> str:
    compounds = [
        c.text for c in subject.children if c.dep_ in {"compound", "amod"} and c.i < subject.i
    ]
    return " ".join([*compounds, subject.text])


def _phrase(verb: Any, limit: int = 12) -> str:
    tokens = [t for t in verb.subtree if t.dep_ not in {"punct", "advcl", "ccomp", "conj", "cc"}]
    words = [t.text for t in tokens][:limit]
    return " ".join(words)


def opposed(a: list[Act], b: list[Act]) -> tuple[Act, Act] | None:
    """The same verb and doer, denied in one sentence and affirmed in the other."""
    for x in a:
        for y in b:
            if x.verb == y.verb and x.doer == y.doer and x.negated != y.negated:
                return x, y
    return None


def _before(brief: Brief, al: Alignment, k: int) -> list[str]:
    """The two sentences before aligned sentence k in its article."""
    sentences = brief.articles[al.article_of[k]].sentences
    index = al.sentences[k].index
    return [s.text for s in sentences[max(0, index - 2) : index]]


def polarity_conflicts(brief: Brief, al: Alignment, sources: Sources) -> list[Discrepancy]:
    """Aligned sentences of independent sources where one denies what the other states."""
    text = [_unquoted(s.text) for s in al.sentences]

    def admit(i: int, j: int) -> bool:
        return bool(_NEGATION.search(text[i])) != bool(_NEGATION.search(text[j]))

    found: dict[tuple[str, str], dict[bool, list[tuple[str, Act]]]] = {}
    for i, j in aligned_pairs(al, sources, admit):
        pair = opposed(*(acts(al.sentences[k].text, _before(brief, al, k)) for k in (i, j)))
        if pair:
            sides = found.setdefault((pair[0].verb, pair[0].doer), {True: [], False: []})
            for k, act in ((i, pair[0]), (j, pair[1])):
                sides[act.negated].append((al.sentences[k].id, act))
    return [
        slot_discrepancy(
            brief,
            f"whether {sides[True][0][1].doer_text} {sides[True][0][1].verb}",
            [(sides[neg][0][1].phrase, [sid for sid, _ in sides[neg]]) for neg in (False, True)],
            sources,
            "sentences that say the same thing in independent outlets, one denying the verb the "
            "other states for the same doer",
        )
        for sides in found.values()
    ]
