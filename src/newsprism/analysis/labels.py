"""Readable labels for what a figure measures, read from the dependency parse of one sentence.

'weeks: greyfen, pipeline, stay, shut' says little; 'how long the Northline pipeline will stay shut
(weeks)' says what outlets differ on. From the figure we climb to the word it belongs to and read:
* a noun it measures ('an original sentence of up to nine years' -> 'original sentence recommended'),
* else the clause it sits in: its verb with subject, auxiliaries, particle, complement and object
  ('the pipeline will stay shut', 'residents noticed the smell of diesel'), introduced by the
  question the figure answers ('how long', 'when', 'how much').
Only a few sentences per discrepancy are parsed; None when the parse gives nothing usable.
"""

from __future__ import annotations

from typing import Any

from newsprism.text.nlp import parse
from newsprism.text.quantities import Quantity

MAX_WORDS = 10
_QUESTION = {"duration": "how long", "date": "when", "year": "when", "money": "how much",
             "percent": "how much"}  # fmt: skip
_NOUN_PARTS = {"det", "amod", "compound", "poss", "case", "nmod"}
_VERB_PARTS = {"aux", "auxpass", "neg", "prt", "acomp", "advmod"}


def _phrase(noun: Any, skip: set[int]) -> list[Any]:
    """The noun with its determiners, modifiers and a short 'of' phrase, figure words left out."""
    out = [
        c for c in noun.children
        if (c.dep_ in _NOUN_PARTS or c.text == "-") and c.i < noun.i and c.i not in skip
    ]  # fmt: skip
    out.append(noun)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i not in skip:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
            if objs:
                out += [child, *_phrase(objs[0], skip)]
    return out


def _clause(verb: Any, skip: set[int]) -> list[Any]:
    """Subject, verb group and object of a verb; the figure's own words left out."""
    out: list[Any] = []
    for child in verb.children:
        if child.i in skip:
            continue
        if child.dep_ in {"nsubj", "nsubjpass"} and child.tag_ not in {"WDT", "WP", "PRP"}:
            out += _phrase(child, skip)
        elif child.dep_ == "csubj" and len(list(child.subtree)) <= 4:
            out += list(child.subtree)
        elif child.dep_ in _VERB_PARTS and (child.dep_ != "advmod" or child.i < verb.i):
            out.append(child)
        elif child.dep_ in {"dobj", "xcomp", "attr"} and child.pos_ in {"NOUN", "PROPN", "ADJ"}:
            out += _phrase(child, skip) if child.pos_ != "ADJ" else [child]
    out.append(verb)
    return out


def figure_label(text: str, q: Quantity) -> str | None:
    """What the figure ``q`` of ``text`` measures, in words of the sentence; None if unclear."""
    doc = parse([text])[0]
    inside = [t for t in doc if q.start <= t.idx < q.end]
    if not inside:
        return None
    skip = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in skip or t.head is t]
    nouns = [t for t in heads if t.pos_ in {"NOUN", "PROPN", "NUM", "SYM"}]
    head = (nouns or heads or inside)[-1]
    skip |= {t.i for t in head.subtree if t.dep_ in {"nummod", "quantmod"}}
    tokens: list[Any]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        prep = head.head
        skip |= {prep.i}
        governor = prep.head
        if governor.pos_ == "ADJ" and governor.dep_ in {"acomp", "amod", "xcomp"}:
            governor = governor.head  # 'stay shut for five weeks': the verb 'stay'
        if governor.pos_ in {"NOUN", "PROPN"}:
            tokens = [
                t for t in _phrase(governor, skip) if not (t.dep_ == "det" and t.head == governor)
            ]
            verb = governor.head if governor.dep_ in {"dobj", "nsubjpass"} else None
            label = _render(tokens, None)
            if label and verb is not None and verb.tag_ in {"VBD", "VBN"}:
                label += " " + verb.text
            if label:
                label = " ".join([label, *_named_for(governor, skip), *_named_for(verb, skip)])
            return label
        if governor.pos_ in {"VERB", "AUX"}:
            return _render(_clause(governor, skip), _QUESTION.get(q.kind))
        return None
    if head.dep_ in {"dobj", "npadvmod", "attr"} and head.head.pos_ in {"VERB", "AUX"}:
        question = "what" if q.kind in {"money", "percent"} and head.dep_ == "dobj" else None
        return _render(_clause(head.head, skip), question or _QUESTION.get(q.kind))
    return None


def _named_for(word: Any, skip: set[int]) -> list[str]:
    """A short 'for Stone' / 'to Barr' phrase of the word, naming who the figure concerns."""
    if word is None:
        return []
    for child in word.children:
        if child.dep_ == "prep" and child.i not in skip and child.lower_ in {"for", "to"}:
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objs:
                return [child.text, objs[0].text]
    return []


def _render(tokens: list[Any], question: str | None) -> str | None:
    words = [t.text for t in sorted(set(tokens), key=lambda t: t.i)]
    content = [w for w in words if w[:1].isalnum()]
    if len(content) < 2 or len(words) > MAX_WORDS:
        return None
    first = min(tokens, key=lambda t: t.i)
    if first.is_sent_start and first.pos_ != "PROPN":
        words[0] = words[0].lower()
    text = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s").replace(" - ", "-")
    return f"{question} {text}" if question else text
