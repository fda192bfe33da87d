"""Places: one outlet puts an event in one place, another in a different one.

Aligned sentences of independent sources (they say much the same thing) are compared on the named
places their verbs take ('was found in Varna' / 'was found in Burgas'). A conflict needs the same
verb with the same doer in both, places that differ, and each outlet silent on the other's place
anywhere in its article: an outlet that also names the other place may just be more precise (a
town and its region), which is agreement.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.align import Alignment
from newsprism.analysis.pairs import aligned_pairs, in_turn, slot_discrepancy
from newsprism.analysis.pronouns import antecedent
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy, Sentence
from newsprism.text.nlp import parse, parse_ahead
from newsprism.text.terms import stem

_PLACE = re.compile(
    r"\b(?:in|at|near|outside|inside|off|from)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)"
)
MAX_PLACE_SENTENCES = 120  # sentences naming a place parsed per story, in turn across outlets
_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "off", "from"}


def named_places(text: str) -> set[str]:
    """Capitalised names after a place preposition, sentence-initial words aside."""
    return {m.group(1) for m in _PLACE.finditer(text) if m.start() > 0}


def verb_places(text: str, before: list[str] | None = None) -> dict[tuple[str, str], set[str]]:
    """(verb lemma, doer stem) -> the named places the verb takes through a preposition. A doer
    'he' or 'she' is the named person it refers to (analysis/pronouns.py), given the article's
    preceding sentences: 'She was found in Varna' after 'Ana Holm went missing' is Holm's."""
    doc = parse([text])[0]
    out: dict[tuple[str, str], set[str]] = {}
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ not in _PREPOSITIONS:
            continue
        verb = prep.head
        if verb.pos_ == "NOUN" and verb.dep_ in {"dobj", "nsubjpass", "attr"}:
            verb = verb.head  # 'found the raft in Korvel': the place of the finding
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        place = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        if subject is None or place is None:
            continue
        doer = antecedent(subject, text, before or []) if subject.pos_ == "PRON" else subject.lower_
        if doer is None:
            continue
        out.setdefault((verb.lemma_.lower(), stem(doer)), set()).add(_name(place))
    return out


def _name(token: Any) -> str:
    parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(t.text for t in sorted([*parts, token], key=lambda t: t.i))


def place_conflicts(brief: Brief, al: Alignment, sources: Sources) -> list[Discrepancy]:
    """Same act by the same doer, placed differently by outlets that never name each other's place:
    first on aligned sentence pairs, then on every sentence naming a place, read in turn across
    outlets within a parse budget (such sentences often differ too much to align)."""
    names = PlaceIndex([a.text for a in brief.articles])
    places = [named_places(s.text) for s in al.sentences]

    def admit(i: int, j: int) -> bool:
        pi, pj = places[i], places[j]
        if not pi or not pj or pi & pj:
            return False
        return not names.names_any(al.article_of[j], pi) and not names.names_any(
            al.article_of[i], pj
        )

    read = [(al.article_of[k], al.sentences[k]) for i, j in aligned_pairs(al, sources, admit)
            for k in (i, j)]  # fmt: skip
    read += in_turn(brief, lambda text: bool(named_places(text)), MAX_PLACE_SENTENCES)
    parse_ahead(sentence.text for _, sentence in read)
    told: dict[tuple[str, str], dict[int, tuple[set[str], str]]] = {}
    for k, sentence in read:
        _tell(told, brief, k, sentence)
    return [d for slot, said in told.items() if (d := _conflict(brief, sources, names, slot, said))]


class PlaceIndex:
    """Which articles name a place, searched once per place: the pair checks ask the same place
    of many articles, and a substring search of every article text per pair grows with the
    square of the story."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._naming: dict[str, frozenset[int]] = {}

    def naming(self, place: str) -> frozenset[int]:
        found = self._naming.get(place)
        if found is None:
            found = frozenset(k for k, text in enumerate(self._texts) if place in text)
            self._naming[place] = found
        return found

    def names_any(self, article: int, places: set[str]) -> bool:
        return any(article in self.naming(p) for p in places)


def _tell(told: dict[tuple[str, str], dict[int, tuple[set[str], str]]], brief: Brief,
          article: int, sentence: Sentence) -> None:  # fmt: skip
    sentences = brief.articles[article].sentences
    before = [s.text for s in sentences[max(0, sentence.index - 2) : sentence.index]]
    for slot, where in verb_places(sentence.text, before).items():
        places, _ = told.setdefault(slot, {}).setdefault(article, (set(), sentence.id))
        places.update(where)


def _conflict(brief: Brief, sources: Sources, names: PlaceIndex, slot: tuple[str, str],
              said: dict[int, tuple[set[str], str]]) -> Discrepancy | None:  # fmt: skip
    """Two independent outlets placing the act in different places, neither naming the other's."""
    arts = sorted(said)
    for x, a in enumerate(arts):
        for b in arts[x + 1 :]:
            (pa, sa), (pb, sb) = said[a], said[b]
            if sources.group_of[a] == sources.group_of[b] or pa & pb:
                continue
            if names.names_any(b, pa) or names.names_any(a, pb):
                continue
            sides = [(" / ".join(sorted(pa)), [sa]), (" / ".join(sorted(pb)), [sb])]
            return slot_discrepancy(brief, f"where the {slot[1]} {slot[0]}", sides, sources,
                "independent outlets put the same doer's act in different named places, and "
                "neither outlet names the other's place")  # fmt: skip
    return None
