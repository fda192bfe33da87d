"""Counts written with an article: 'a man confronted him' against 'two men confronted him'.

Figure alignment skips a lone 'a' or 'one' (nearly always a determiner, not a figure), so a single
actor set against several is read here instead: the same verb, a doer or object with the same noun,
counted one ('a', 'an', 'one', 'a single', 'a lone') in one outlet and two or more in the other.
Candidate sentence pairs come from the alignment and, since outlets often tell one act in
sentences too different to align ('dispatched a helicopter, plane and boat' / 'dispatched the
helicopter ... and two boats'), from an index of the nouns that follow a count, built once: a pair
shares such a noun and one more content word, and both the read and the pairs are budgeted.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any

from newsprism.align import Alignment
from newsprism.analysis.conflicts import QUOTED
from newsprism.analysis.pairs import aligned_pairs, in_turn, slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy, Sentence
from newsprism.text.nlp import parse, parse_ahead
from newsprism.text.quantities import find_quantities, parse_number
from newsprism.text.terms import STOP_WORDS, content_stems, stem, words

_ONE = {"a", "an", "one"}
_SINGLE = {"single", "lone", "sole"}
_SINGULAR = re.compile(r"\b(?:a|an|one|single|lone)\s+", re.IGNORECASE)
_NUMBER = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.IGNORECASE
)
_ROLES = {"nsubj", "nsubjpass", "dobj"}
MAX_READ = 300  # sentences with a count cue read into the noun index, in turn across outlets
MAX_BLOCKED = 30  # pairs from the index parsed per story
_DESCRIBING = {"appos", "attr"}
_ONE_OF_MORE = {"more", "other", "another", "further", "additional", "last", "next"}
_MONEY = {"$", "£", "€"}
_SCALES = {"hundred", "thousand", "million", "billion", "trillion"}
PER_NOUN = 40  # sentences per counted noun compared (an index bucket's budget)
AFTER_CUE = 4  # words after a cue that may be the counted noun ('two 27-foot coast guard boats')


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
    return first, (1.0, f"{_article(how[1].split()[0], noun.text)} {noun.text}")


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
    verbs += _object_joined_to_a_name(noun)
    for child in noun.children:
        if child.pos_ == "VERB" and (
            child.dep_ == "relcl"
            or (child.dep_ == "acl" and any(c.dep_ == "dobj" for c in child.children))
        ):
            verbs.append(child)
    joined = [c for v in verbs for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return verbs + [v for v in joined if not any(c.dep_ in _ROLES for c in v.children)]


def _object_joined_to_a_name(noun: Any) -> list[Any]:
    """'dispatched the helicopter from Cape Cod and two boats': a counted common noun parsed as
    joined to a proper name after a preposition is another object of the verb (nothing comes
    'from a place and two boats')."""
    first = noun
    while first.dep_ == "conj":
        first = first.head
    if first is noun or first.pos_ != "PROPN" or first.dep_ != "pobj" or noun.pos_ != "NOUN":
        return []
    verb = first.head.head
    if first.head.dep_ != "prep" or verb.pos_ != "VERB":
        return []
    return [verb] if any(c.dep_ == "dobj" for c in verb.children) else []


def _how_many(noun: Any) -> tuple[float, str] | None:
    """How many of the noun the text counts. Not an amount ('a $1 million clause'), nor a noun
    that describes another ('Rex, a dog that was hurt', 'he is a driver'): that is not a count
    of those taking part."""
    if noun.dep_ in _DESCRIBING or any(t.text in _MONEY for t in noun.lefts):
        return None
    words = {c.lower_ for c in noun.children if c.dep_ in {"det", "amod"}}
    if words & _ONE_OF_MORE:
        return None  # 'one more thing', 'two other men': beyond others, not the whole count
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    if numbers:
        if any(t.text in _MONEY or t.lower_ in _SCALES for t in numbers[0].subtree):
            return None
        value = parse_number(numbers[0].text)
        return (value, f"{numbers[0].text} {noun.text}") if value else None
    if noun.tag_ == "NN" and (words & _SINGLE or words & _ONE):
        marks = [_article(c.text, noun.text) for c in noun.children if c.lower_ in _ONE | _SINGLE]
        return 1.0, " ".join([*marks, noun.text])
    return None


def _article(mark: str, noun: str) -> str:
    """'a van' but 'an ambulance', when the words between are not shown."""
    if mark.lower() not in {"a", "an"}:
        return mark
    return mark[0] + ("n" if noun[:1].lower() in "aeiou" else "")


def different_days(a: str, b: str) -> bool:
    """Both sentences name days or dates and none in common ('on Sunday' / 'on Saturday'): two
    events, whose counts are not one figure."""
    days = [{q.key for q in find_quantities(t) if q.kind == "date"} for t in (a, b)]
    return all(days) and not days[0] & days[1]


def _one_and_many(a: str, b: str) -> bool:
    one, many = _SINGULAR.search, _NUMBER.search
    return bool((one(a) and many(b)) or (one(b) and many(a)))


def _cue_nouns(text: str, cue: re.Pattern[str]) -> set[str]:
    """Stems of the content words just after each count cue: where the counted noun is."""
    out: set[str] = set()
    text = QUOTED.sub(" ", text)  # a count inside a quotation is the speaker's, not the outlet's
    for m in cue.finditer(text):
        after = [w for w in words(text[m.end() :])[:AFTER_CUE] if w not in STOP_WORDS]
        out |= {stem(w) for w in after if not w.isdigit()}
    return out


def blocked_pairs(brief: Brief, sources: Sources) -> list[tuple[Sentence, Sentence]]:
    """Sentence pairs of independent sources, one counting a noun as one and the other the same
    noun as several, sharing one more content word: found through a noun index (never by
    comparing every pair of sentences); the pairs sharing most words are parsed first."""
    read = in_turn(brief, lambda t: bool(_SINGULAR.search(t) or _NUMBER.search(t)), MAX_READ)
    ones: dict[str, list[tuple[int, Sentence]]] = {}
    manys: dict[str, list[tuple[int, Sentence]]] = {}
    for k, sentence in read:
        for noun in sorted(_cue_nouns(sentence.text, _SINGULAR)):
            ones.setdefault(noun, []).append((k, sentence))
        for noun in sorted(_cue_nouns(sentence.text, _NUMBER)):
            manys.setdefault(noun, []).append((k, sentence))
    stems = {s.id: set(content_stems(s.text)) for _, s in read}
    scored: dict[tuple[str, str], tuple[int, Sentence, Sentence]] = {}
    for noun in sorted(ones.keys() & manys.keys()):
        for (ka, a), (kb, b) in product(ones[noun][:PER_NOUN], manys[noun][:PER_NOUN]):
            if sources.group_of[ka] == sources.group_of[kb]:
                continue
            shared = len(stems[a.id] & stems[b.id])
            if shared >= 2:
                scored[(a.id, b.id)] = (shared, a, b)
    best = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0]))[:MAX_BLOCKED]
    return [(a, b) for _, (_, a, b) in best]


def count_conflicts(brief: Brief, al: Alignment, sources: Sources) -> list[Discrepancy]:
    """One against several for the same verb and noun, in sentences of two sources that the
    alignment pairs or that count one noun (blocked_pairs)."""
    text = [s.text for s in al.sentences]
    pairs = {
        (al.sentences[i].id, al.sentences[j].id): (al.sentences[i], al.sentences[j])
        for i, j in aligned_pairs(al, sources, lambda i, j: _one_and_many(text[i], text[j]))
    }
    for one, many in blocked_pairs(brief, sources):
        pairs.setdefault((one.id, many.id), (one, many))
    found: dict[str, dict[float, dict[str, str]]] = {}  # noun -> count -> sentence id -> words
    verbs: dict[str, set[str]] = {}
    same_day = [(a, b) for a, b in pairs.values() if not different_days(a.text, b.text)]
    parse_ahead(s.text for pair in same_day for s in pair)
    for first, second in same_day:
        a, b = counted(first.text), counted(second.text)
        for slot in a.keys() & b.keys():
            (na, wa), (nb, wb) = a[slot], b[slot]
            if na != nb and 1.0 in (na, nb):
                sides = found.setdefault(slot[1], {})
                sides.setdefault(na, {})[first.id] = wa
                sides.setdefault(nb, {})[second.id] = wb
                verbs.setdefault(slot[1], set()).add(slot[0])
    out = []
    group_of = {
        s.id: sources.group_of[k] for k, a in enumerate(brief.articles) for s in a.sentences
    }
    for noun, sides in found.items():
        groups = [{group_of[sid] for sid in c} for c in sides.values()]
        if any(a & b for i, a in enumerate(groups) for b in groups[i + 1 :]):
            continue  # an outlet counting one and several tells of different sets ('a record')
        written = max((w for c in sides.values() for w in c.values()), key=len).split()[-1]
        shown = [(" / ".join(dict.fromkeys(c.values())), list(c)) for _, c in sorted(sides.items())]
        what = f"how many {written} ({' / '.join(sorted(verbs[noun]))})"
        out.append(slot_discrepancy(brief, what, shown, sources,
            "independent outlets count the doer or object of the same verb as one and as several, "
            "in sentences the alignment pairs or that share the counted noun and another word"))  # fmt: skip
    return out
