"""Counts written with an article: 'a man confronted him' against 'two men confronted him'.

Figure alignment skips a lone 'a' or 'one' (nearly always a determiner, not a figure), so a single
actor set against several is read here instead, on aligned sentences of independent sources: the
same verb, a doer or object with the same noun, counted one ('a', 'an', 'one', 'a single', 'a lone')
in one outlet and two or more in the other.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.align import Alignment
from newsprism.analysis.pairs import aligned_pairs, slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy
from newsprism.text.nlp import parse
from newsprism.text.quantities import parse_number
from newsprism.text.terms import stem

_ONE = {"a", "an", "one"}
_SINGLE = {"single", "lone", "sole"}
_SINGULAR = re.compile(r"\b(?:a|an|one|single|lone)\s+", re.IGNORECASE)
_NUMBER = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.IGNORECASE
)
_ROLES = {"nsubj", "nsubjpass", "dobj"}


def counted(text: str) -> dict[tuple[str, str], tuple[float, str]]:
    """(verb lemma, noun stem) -> (how many, as written) for the verb's doers and objects."""
    doc = parse([text])[0]
    out: dict[tuple[str, str], tuple[float, str]] = {}
    for noun in doc:
        if noun.pos_ != "NOUN":
            continue
        head, how = noun, _how_many(noun)
        if how is None:
            head, how = _listed_after_one(noun)
        if how is None:
            continue
        for verb in _verbs_of(head):
            out[(verb.lemma_.lower(), stem(noun.lemma_.lower()))] = how
    return out


def _listed_after_one(noun: Any) -> tuple[Any, tuple[float, str] | None]:
    """'a helicopter, plane and boat': a bare singular noun listed after one counted by its
    article is one as well, and does what the first does."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
    if (
        first is noun
        or noun.tag_ != "NN"
        or any(c.dep_ in {"det", "nummod"} for c in noun.children)
    ):
        return noun, None
    how = _how_many(first)
    if how is None or how[0] != 1.0:
        return noun, None
    return first, (1.0, f"{how[1].split()[0]} {noun.text}")


def _verbs_of(noun: Any) -> list[Any]:
    """Verbs the noun does or undergoes: as subject or object, as the agent of a passive ('by two
    men'), through its relative clause ('men who asked'), an active participle with its own object
    ('a man confronted Price', a common misparse), and verbs joined to those by 'and' that have
    no doer or object of their own."""
    verbs = []
    if noun.dep_ in _ROLES and noun.head.pos_ == "VERB":
        verbs.append(noun.head)
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent" and noun.head.head.pos_ == "VERB":
        verbs.append(noun.head.head)
    for child in noun.children:
        if child.pos_ == "VERB" and (
            child.dep_ == "relcl"
            or (child.dep_ == "acl" and any(c.dep_ == "dobj" for c in child.children))
        ):
            verbs.append(child)
    joined = [c for v in verbs for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return verbs + [v for v in joined if not any(c.dep_ in _ROLES for c in v.children)]


def _how_many(noun: Any) -> tuple[float, str] | None:
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    if numbers:
        value = parse_number(numbers[0].text)
        return (value, f"{numbers[0].text} {noun.text}") if value else None
    words = {c.lower_ for c in noun.children if c.dep_ in {"det", "amod"}}
    if noun.tag_ == "NN" and (words & _SINGLE or words & _ONE):
        marks = [c.text for c in noun.children if c.lower_ in _ONE | _SINGLE]
        return 1.0, " ".join([*marks, noun.text])
    return None


def count_conflicts(brief: Brief, al: Alignment, sources: Sources) -> list[Discrepancy]:
    """One against several for the same verb and noun, in aligned sentences of two sources."""
    text = [s.text for s in al.sentences]

    def admit(i: int, j: int) -> bool:
        one, many = _SINGULAR.search, _NUMBER.search
        return bool((one(text[i]) and many(text[j])) or (one(text[j]) and many(text[i])))

    found: dict[str, dict[float, dict[str, str]]] = {}  # noun -> count -> sentence id -> words
    verbs: dict[str, set[str]] = {}
    for i, j in aligned_pairs(al, sources, admit):
        a, b = counted(text[i]), counted(text[j])
        for slot in a.keys() & b.keys():
            (na, wa), (nb, wb) = a[slot], b[slot]
            if na != nb and 1.0 in (na, nb):
                sides = found.setdefault(slot[1], {})
                sides.setdefault(na, {})[al.sentences[i].id] = wa
                sides.setdefault(nb, {})[al.sentences[j].id] = wb
                verbs.setdefault(slot[1], set()).add(slot[0])
    out = []
    for noun, sides in found.items():
        written = max((w for c in sides.values() for w in c.values()), key=len).split()[-1]
        shown = [(" / ".join(dict.fromkeys(c.values())), list(c)) for _, c in sorted(sides.items())]
        what = f"how many {written} ({' / '.join(sorted(verbs[noun]))})"
        out.append(slot_discrepancy(brief, what, shown, sources,
            "sentences that say the same thing in independent outlets count the doer or object of "
            "the same verb as one and as several"))  # fmt: skip
    return out
