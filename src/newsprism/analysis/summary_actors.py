"""Who made the thing a story is about, when several outlets say so and the summary does not.

A summary chosen for the concepts most outlets share can leave out who organised, compiled or
published the central thing: outlets tend to say it once, late, in a passing clause ("the
document, which was compiled by X"). When at least two independent outlets name the same person
or organisation as the agent of a passive verb ("compiled by X", "is maintained by X") and the
summary does not name it, the summary states it in one short sentence lifted from that clause:
the thing, the verb as printed, and the agent's name ("The document was compiled by X."),
citing every sentence that says it. The words are the outlet's own, cut to the clause, so the
sentence claims nothing more than its sources do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.analysis.readable import flaws
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Entity, Sentence
from newsprism.text.nlp import parse

MIN_OUTLETS = 2  # independent outlets that must name the maker
_BY = re.compile(r"\bby\b")
_KINDS = frozenset(["PERSON", "ORG"])
_NOUN_LEFT = frozenset(["det", "amod", "compound", "nummod", "poss", "case"])


@dataclass(frozen=True)
class Maker:
    """A summary sentence naming who made something: its text, the sentence it is cut from
    (shown as its source) and every sentence that names the maker so."""

    text: str
    source: Sentence
    citations: list[str]


def missing_maker(
    brief: Brief, entities: Sequence[Entity], sources: Sources | None, summary: Sequence[str]
) -> Maker | None:
    """The best-supported maker the summary does not name yet, as a sentence; None if none."""
    index = brief.sentence_index()
    group = _groups(brief, sources)
    said = " ".join(summary).lower()
    best: tuple[tuple[int, int], Maker] | None = None
    for entity in entities:
        if entity.type not in _KINDS or _named(entity, said):
            continue
        found = []
        for cid in entity.citations:
            article, sentence = index.get(cid, (None, None))
            clause = _clause(sentence.text, entity) if sentence is not None else None
            if article is not None and sentence is not None and clause is not None:
                found.append((group.get(article.id, article.id), sentence, clause))
        if len({g for g, _, _ in found}) < MIN_OUTLETS:
            continue
        _, source, text = min(found, key=lambda f: (flaws(f[1]), len(f[2].split())))
        maker = Maker(text, source, [s.id for _, s, _ in found])
        rank = (-len({g for g, _, _ in found}), -entity.mentions)
        if best is None or rank < best[0]:
            best = (rank, maker)
    return best[1] if best else None


def _groups(brief: Brief, sources: Sources | None) -> dict[str, str]:
    """Article id -> its independent source group (syndicated copies count once)."""
    if sources is None or len(sources.group_of) != len(brief.articles):
        return {a.id: a.id for a in brief.articles}
    return {a.id: str(g) for a, g in zip(brief.articles, sources.group_of, strict=True)}


def _named(entity: Entity, said: str) -> bool:
    names = [entity.name, *entity.aliases]
    return any(re.search(rf"\b{re.escape(n.lower())}\b", said) for n in names if n)


def _clause(text: str, entity: Entity) -> str | None:
    """'<thing> <auxiliaries> <verb> by <entity>.' when the sentence names the entity as the
    agent of a passive verb whose subject is a noun (or a relative pronoun for one)."""
    names = [n.lower() for n in (entity.name, *entity.aliases) if n]
    low = text.lower()
    first_by = _BY.search(low)
    after = low[first_by.end() :] if first_by else ""
    if not any(re.search(rf"\b{re.escape(n)}\b", after) for n in names):
        return None  # no name after a 'by': no parse can find the name as an agent
    doc = parse([text])[0]  # tags and parse: no names read here
    for agent in (t for t in doc if t.dep_ == "agent" and t.lower_ == "by"):
        phrase = doc[agent.i + 1 : agent.right_edge.i + 1].text
        found = [m for n in names if (m := re.search(rf"\b{re.escape(n)}\b", phrase.lower()))]
        thing = _thing(doc, agent.head) if found else None
        if thing is None:
            continue
        verb = agent.head if agent.head.dep_ != "conj" else agent.head.head
        start = min([c.i for c in verb.children if c.dep_ in {"aux", "auxpass"}] + [verb.i])
        predicate = doc[start : agent.i + 1].text
        maker = phrase[: max(m.end() for m in found)]  # 'the nonprofit X', cut after the name
        said = f"{thing} {predicate} {maker}."
        return said[:1].upper() + said[1:]
    return None


def _thing(doc: Any, verb: Any) -> str | None:
    """The passive verb's subject as a phrase: the noun phrase itself, or the noun a relative
    pronoun stands for ('the document, which was compiled ...' -> 'the document')."""
    main = verb.head if verb.dep_ == "conj" else verb
    subject = next((c for c in main.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    if subject.tag_ in {"WDT", "WP"} and main.dep_ == "relcl" and main.head.pos_ == "NOUN":
        noun = main.head
        left = [t for t in noun.lefts if t.dep_ in _NOUN_LEFT]
        start = min([t.left_edge.i for t in left] + [noun.i])
        return str(doc[start : noun.i + 1].text)
    if subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return str(doc[subject.left_edge.i : subject.right_edge.i + 1].text)
