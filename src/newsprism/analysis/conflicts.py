"""Conflicting claims about one actor: 'the four prosecutors resigned' vs 'withdrew from the case'.

Aligned figures on which outlets agree ('four prosecutors', 'on Wednesday') anchor one event across
outlets; only their sentences are parsed. For each anchor we read what the actor did in the outlet's
own words (quotations are skipped): the verb, and the things it acts on ('the case'). Verbs that
name one act in other words ('resign' / 'quit' / 'step down') are read as that one act. Two
readings conflict when no outlet gives both and either
* they are one act of leaving with a different scope: what was left ('resigned' / 'withdrew from
  the case': a post is not a case);
* one outlet's act is another's with a different scope (the other side reads it as one claim
  with another act); the same act told with more or less detail is agreement;
* they are different acts governing the same aligned date ('resigned on Wednesday' / 'was
  dismissed on Wednesday').
Only what the actor did counts: not a call, request or permission for it to act ('urged the
officials to resign'), not what it should or might do, nor a verb in another clause with a subject
of its own.
Verbs of saying, announcing and issuing never count: outlets describe one act in other words
('ruled' / 'issued the opinions', 'issued a subpoena' / 'announced'); and the same verb on both
sides is one act told with more or less detail.
Claims are harder than figures, so confidence stays below that of well-supported figure conflicts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsprism.analysis.attribution import REPORTING
from newsprism.analysis.figures import FigureGroup, Mention
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy, DiscrepancyValue
from newsprism.text.nlp import parse
from newsprism.text.terms import stem

MAX_PARSED = 30
MIN_SOURCES = 3
_COMMUNICATING = {
    "announce", "issue", "release", "publish", "rule", "order", "unveil", "post", "declare",
    "confirm", "state", "tell", "report", "reveal", "disclose", "send", "file", "deliver",
}  # fmt: skip
# Lemmas of the reporting verbs ('announced' -> 'announce', 'added' -> 'add'), plus stray stems.
_EMPTY_VERBS = (
    set(REPORTING.split("|"))
    | {w[:-cut] for w in REPORTING.split("|") for cut in (1, 2) if w.endswith(("ed", "s"))}
    | _COMMUNICATING
    | {"be", "have", "do", "say", "make", "get", "include", "go", "come", "take", "give", "see"}
)
# Verbs (lemma, with particle) naming one act in other words, general English: a verb in no group
# is its own act. The first group are acts of leaving, whose object says what was left.
_SAME_ACT = (
    frozenset({"resign", "quit", "withdraw", "step down", "step aside", "step away", "leave",
               "depart", "exit", "recuse", "bow out", "pull out", "stand down"}),
    frozenset({"fire", "dismiss", "sack", "oust", "remove", "discharge", "terminate", "expel"}),
    frozenset({"arrest", "detain", "apprehend"}),
    frozenset({"die", "perish"}),
    frozenset({"injure", "wound", "hurt"}),
    frozenset({"buy", "purchase", "acquire"}),
    frozenset({"sue", "take to court"}),
)  # fmt: skip
_LEAVING = {min(_SAME_ACT[0]), min(_SAME_ACT[0]) + " (passive)"}  # the acts of leaving
_OWN_POST = {"post", "job", "position", "role", "office", "seat", "duty", "duties"}
# Heads whose object is asked, urged or allowed to act: the object has not (yet) done it.
_REQUESTS = {
    "urge", "ask", "call", "demand", "press", "pressure", "push", "encourage", "invite", "want",
    "expect", "tell", "order", "request", "implore", "beg", "advise", "allow", "permit", "need",
    "wish", "challenge", "dare", "direct", "instruct", "petition", "appeal",
}  # fmt: skip
_PARTICLES = {"down", "aside", "away", "out", "off", "up", "back"}
_MODALS = {"should", "must", "ought", "could", "might", "may", "would", "shall"}
_TEMPORAL = {"on", "in", "at", "during", "after", "before", "since", "until", "by", "for", "within",
             "amid", "over", "throughout", "as", "like", "despite"}  # fmt: skip
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|«[^»]*»|(?<!\w)[‘'][^‘’']*[’'](?!\w)")
_DAYS = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|today|yesterday|week|year|month|"
    r"day|night|morning|evening)$"
)


@dataclass(frozen=True)
class Frame:
    """What an actor did in one sentence: verb lemma, what it acts on, and who did it."""

    verb: str
    objects: frozenset[str]
    surface: str
    subject: str  # stem of the doer's head word
    doer: str  # the doer as written
    group: int
    sentence_id: str
    anchored: bool  # the verb governs the aligned date itself

    @property
    def act(self) -> str:
        """The verb's group of same-act verbs (named by its first member), voice kept."""
        lemma, passive, _ = self.verb.partition(" (passive)")
        return _act(lemma) + passive


def _outside_quotes(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTED.finditer(text)]


def _objects(verb: Any) -> tuple[frozenset[str], str]:
    """Nouns the verb acts on (direct objects, non-temporal prepositions) and a readable phrase."""
    objects: set[str] = set()
    words = [verb.text]
    for child in verb.children:
        if child.dep_ == "prt":
            words.append(child.text)
        elif child.dep_ == "dobj" and child.pos_ in {"NOUN", "PROPN"}:
            objects.add(child.lemma_.lower())
            words += ["the", child.text] if child.pos_ == "NOUN" else [child.text]
        elif child.dep_ == "prep" and child.lemma_.lower() not in _TEMPORAL:
            for pobj in child.children:
                lemma = pobj.lemma_.lower()
                if (
                    pobj.dep_ == "pobj"
                    and pobj.pos_ in {"NOUN", "PROPN"}
                    and not _DAYS.match(lemma)
                ):
                    objects.add(lemma)
                    words += [child.text, "the", pobj.text]
    return frozenset(objects), " ".join(words)


def _verbs_of(noun: Any) -> list[tuple[Any, bool]]:
    """Verbs whose doer is the noun: as subject, in its relative clause, or 'led X to V'."""
    out = []
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.pos_ == "VERB":
        out.append(noun.head)
    out += [c for c in noun.children if c.dep_ == "relcl" and c.pos_ == "VERB"]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() not in _REQUESTS:
        later = [t for t in noun.head.subtree if t.i > noun.i and t.pos_ == "VERB"]
        to_verbs = [
            t for t in later if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        ]
        out += [v for v in to_verbs[:1] if _same_clause(v, noun)]
    return [(v, False) for v in out]


def _same_clause(verb: Any, noun: Any) -> bool:
    """'led X to V': no verb between V and the verb governing X has a subject of its own (V is
    then another clause's act, not X's). Verbs inside X's own phrase are parse slips, allowed."""
    own = {t.i for t in noun.subtree}
    token = verb
    while token.i != noun.head.i and token.head.i != token.i:
        if token.i not in own and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            return False
        token = token.head
    return True


def _act(lemma: str) -> str:
    group = next((g for g in _SAME_ACT if lemma in g), None)
    return min(group) if group else lemma


def _phrasal(verb: Any) -> str:
    """The verb's lemma with its particle ('step down'), so 'step up' is not 'step down'."""
    particles = [
        c.lower_
        for c in verb.children
        if c.dep_ == "prt" or (c.i == verb.i + 1 and c.lower_ in _PARTICLES and c.dep_ != "prep")
    ]
    return " ".join([verb.lemma_.lower(), *particles])


def _not_done(verb: Any) -> bool:
    """What the actor should, could or might do, not what it did."""
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _verb_of_date(token: Any) -> list[tuple[Any, bool]]:
    for _ in range(4):
        if token.pos_ == "VERB":
            return [(token, True)]
        if token.head is token:
            break
        token = token.head
    return []


def _subject(verb: Any, noun: Any | None) -> tuple[str, str]:
    """The doer's head word (stem, and as written with its compounds); a relative pronoun stands
    for the noun its clause modifies."""
    head = noun or next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if head is None:
        return "", ""
    if head.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        head = verb.head
    compounds = [c.text for c in head.children if c.dep_ == "compound" and c.i < head.i]
    return stem(head.lower_), " ".join([*compounds, head.text])


def mention_frames(mention: Mention) -> list[Frame]:
    text = mention.sentence.text
    doc = parse([text])[0]
    token = next((t for t in doc if t.idx >= mention.quantity.start), None)
    if token is None:
        return []
    if mention.quantity.kind == "date":
        verbs, noun = _verb_of_date(token), None
    else:
        noun = token.head if token.dep_ == "nummod" else token
        verbs = _verbs_of(noun)
    quoted = _outside_quotes(text)
    frames = []
    for verb, anchored in verbs:
        lemma = _phrasal(verb)
        if verb.lemma_.lower() in _EMPTY_VERBS or any(lo <= verb.idx < hi for lo, hi in quoted):
            continue
        if _not_done(verb):
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        objects, surface = _objects(verb)
        if passive:
            surface = "was " + surface
        subject, doer = _subject(verb, noun)
        voice = " (passive)" if passive else ""
        frames.append(Frame(lemma + voice, objects, surface, subject, doer, mention.group,
                            mention.sentence.id, anchored))  # fmt: skip
    return frames


def _same_claim(a: Frame, b: Frame) -> bool:
    return (a.act == b.act and a.objects == b.objects) or bool(a.objects & b.objects)


def _classes(frames: list[Frame]) -> list[list[Frame]]:
    classes: list[list[Frame]] = []
    for frame in frames:
        joined = [c for c in classes if any(_same_claim(frame, f) for f in c)]
        merged = [frame] + [f for c in joined for f in c]
        classes = [c for c in classes if c not in joined] + [merged]
    return classes


def _linked(a: list[Frame], b: list[Frame], counted: bool) -> bool:
    """Both sides talk about the same actor (always so for one counted group)."""
    if counted:
        return True
    return bool({f.subject for f in a if f.subject} & {f.subject for f in b})


def _conflict(a: list[Frame], b: list[Frame]) -> bool:
    groups_a, groups_b = {f.group for f in a}, {f.group for f in b}
    if groups_a & groups_b or len(groups_a | groups_b) < MIN_SOURCES:
        return False
    acts_a, acts_b = {f.act for f in a}, {f.act for f in b}
    if _leaves_other_thing(a, b):
        return True
    if acts_a == acts_b:
        return False  # the same act, told with more or less detail ('shot' / 'shot outside')
    if acts_a & acts_b:
        return True  # one side's act is also told with another scope, read as one claim
    # On one date, only what happened to the doer itself ('resigned' / 'was fired': no object)
    # can conflict; acts on something ('voted' / 'accused Lerner') are one event told two ways.
    return any(f.anchored and not f.objects for f in a) and any(
        f.anchored and not f.objects for f in b
    )


def _leaves_other_thing(a: list[Frame], b: list[Frame]) -> bool:
    """One act of leaving on both sides, with a different thing left."""
    shared = {f.act for f in a} & {f.act for f in b}
    return bool(shared & _LEAVING) and _left(a) != _left(b)


def _left(frames: list[Frame]) -> frozenset[str]:
    """What the side's acts of leaving left; nothing named, or one's post, is the post."""
    return frozenset(o for f in frames if f.act in _LEAVING for o in f.objects - _OWN_POST)


def _side(brief: Brief, frames: list[Frame]) -> DiscrepancyValue:
    citations = list(dict.fromkeys(f.sentence_id for f in frames))
    label = " / ".join(dict.fromkeys(f.surface for f in frames))
    return DiscrepancyValue(value=label, citations=citations, outlets=brief.outlets_of(citations))


def claim_conflicts(
    brief: Brief,
    sources: Sources,
    groups: list[FigureGroup],
    quoted: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Discrepancy]:
    """Conflicting claims about the actors of agreed figures, both sides cited."""
    pools: dict[tuple[Any, ...], list[Mention]] = {}
    for group in groups:
        if len(group.by_value()) == 1 and group.mentions[0].quantity.kind in {"count", "date"}:
            pools.setdefault(group.mentions[0].quantity.key, []).extend(group.mentions)
    parsed, out = 0, []
    for key, mentions in pools.items():
        if len({m.group for m in mentions}) < MIN_SOURCES:
            continue  # too few sources for a conflict: not worth a parse
        frames: list[Frame] = []
        for mention in mentions:
            if mention.sentence.id in quoted or parsed >= MAX_PARSED:
                continue
            parsed += 1
            frames += mention_frames(mention)
        classes = _classes(frames)
        for i, a in enumerate(classes):
            for b in classes[i + 1 :]:
                if _conflict(a, b) and _linked(a, b, key[0] == "count"):
                    out.append(_discrepancy(brief, a, b, mentions[0]))
    return out


def _discrepancy(brief: Brief, a: list[Frame], b: list[Frame], anchor: Mention) -> Discrepancy:
    n_sources = len({f.group for f in a + b})
    q = anchor.quantity
    doers = Counter(f.doer for f in a + b if f.doer)
    doer = doers.most_common(1)[0][0] if doers else "it"
    if q.kind == "count":
        what = f"what the {' '.join(q.phrase) or doer} did"
    else:
        what = f"what {doer} did on {q.text}"
    values = sorted([_side(brief, a), _side(brief, b)], key=lambda v: -len(v.outlets))
    confidence = round(min(0.5, 0.3 + 0.04 * n_sources), 3)
    total = (
        len({f.group for f in a + b})
        if not brief.articles
        else len({a.duplicate_of or a.id for a in brief.articles})
    )
    return Discrepancy(
        what=what,
        kind="claim",
        values=values,
        confidence=confidence,
        importance=round(n_sources / max(1, total), 3),
        basis=(
            f"{n_sources} independent sources describe one event (an agreed figure or date) with "
            + (
                "one act of leaving but a different thing left"
                if _leaves_other_thing(a, b)
                else "different acts"
            )
            + "; read from the parse of each outlet's own words, so less sure than a figure"
        ),
    )
