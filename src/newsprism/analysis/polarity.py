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


def acts(text: str) -> list[Act]:
    """Verbs with a named or nominal subject, outside quotations."""
    doc = parse([_unquoted(text)])[0]
    out = []
    for verb in doc:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _EMPTY:
            continue
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        negated = any(c.dep_ == "neg" for c in verb.children) or any(
            c.dep_ == "neg"
            for a in verb.children
            if a.dep_ in {"aux", "auxpass"}
            for c in a.children
        )
        out.append(Act(verb.lemma_.lower(), stem(subject.lower_), _doer(subject), negated,
                       _phrase(verb)))  # fmt: skip
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


def polarity_conflicts(brief: Brief, al: Alignment, sources: Sources) -> list[Discrepancy]:
    """Aligned sentences of independent sources where one denies what the other states."""
    text = [_unquoted(s.text) for s in al.sentences]

    def admit(i: int, j: int) -> bool:
        return bool(_NEGATION.search(text[i])) != bool(_NEGATION.search(text[j]))

    found: dict[tuple[str, str], dict[bool, list[tuple[str, Act]]]] = {}
    for i, j in aligned_pairs(al, sources, admit):
        pair = opposed(acts(al.sentences[i].text), acts(al.sentences[j].text))
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
