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
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy, DiscrepancyValue
from newsprism.text.nlp import parse
from newsprism.text.terms import stem

MAX_PAIRS = 20  # parsed pairs per story: a parse costs ~10 ms a sentence
CONFIDENCE = 0.45
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
    found: dict[tuple[str, str], dict[bool, list[tuple[str, Act]]]] = {}
    parsed = 0
    for i, matches in enumerate(al.matches):
        for j, _ in matches:
            if j <= i or parsed >= MAX_PAIRS:
                continue
            gi, gj = sources.group_of[al.article_of[i]], sources.group_of[al.article_of[j]]
            ti, tj = al.sentences[i].text, al.sentences[j].text
            if gi == gj or bool(_NEGATION.search(_unquoted(ti))) == bool(
                _NEGATION.search(_unquoted(tj))
            ):
                continue
            parsed += 1
            pair = opposed(acts(ti), acts(tj))
            if pair:
                sides = found.setdefault((pair[0].verb, pair[0].doer), {True: [], False: []})
                for sid, act in ((al.sentences[i].id, pair[0]), (al.sentences[j].id, pair[1])):
                    sides[act.negated].append((sid, act))
    return [_discrepancy(brief, sides, sources) for sides in found.values()]


def _discrepancy(
    brief: Brief, sides: dict[bool, list[tuple[str, Act]]], sources: Sources
) -> Discrepancy:
    values = []
    for negated in (False, True):
        cited = list(dict.fromkeys(sid for sid, _ in sides[negated]))
        shown = sides[negated][0][1].phrase
        values.append(
            DiscrepancyValue(value=shown, citations=cited, outlets=brief.outlets_of(cited))
        )
    act = sides[True][0][1]
    outlets = {o for v in values for o in v.outlets}
    index = brief.sentence_index()
    dates = {str(index[c][0].date) for v in values for c in v.citations if index[c][0].date}
    timing = len(dates) > 1
    return Discrepancy(
        what=f"whether {act.doer_text} {act.verb}",
        kind="claim",
        values=values,
        confidence=CONFIDENCE,
        importance=round(min(1.0, len(outlets) / max(1, sources.count)), 3),
        basis="sentences that say the same thing in independent outlets, one denying the verb "
        "the other states for the same doer",
        timing=timing,
        note=(
            f"reported on {', '.join(sorted(dates))}: possibly an update over time"
            if timing
            else None
        ),
    )
