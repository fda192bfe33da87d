"""Status: one outlet reports an act as done, another as still to come or not done.

'The council approved the grant' against 'the council is expected to approve the grant' (or 'has
yet to approve', 'will approve', 'has not approved', 'did not approve'): the same verb acting on the
same thing (with what it is of: 'the name of the victim'), done in one outlet and not in another.
Such claims rarely align as sentences (the wording differs), so every sentence is screened by text
first: only sentences with a pending or negation cue are parsed, and then only other outlets'
sentences that carry both the verb's stem and the thing's word. An outlet that tells both states
(a plan, then its outcome) is narrating, not conflicting, and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsprism.analysis.conflicts import _EMPTY_VERBS
from newsprism.analysis.pairs import in_turn, slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy
from newsprism.text.nlp import parse, parse_ahead

MAX_PENDING = 40  # parsed sentences with a pending cue, per story
MAX_DONE = 60  # parsed candidate sentences for the done side, per story
_CUE = re.compile(
    r"\b(?:refused|declined|failed|expected|scheduled|set|poised|due|planning|plans?|slated|will"
    r"|yet|not|pending)\b|n't\b",
    re.IGNORECASE,
)
_PLANNED = {"expect", "schedule", "set", "poise", "due", "plan", "slate", "intend", "prepare"}
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|«[^»]*»")
_NOUN_CLAUSES = {"relcl", "acl", "appos", "parataxis"}
_PAST_HELPERS = {"did", "has", "have", "had", "was", "were", "been"}
_PAST_HELPERS = {"did", "has", "have", "had", "was", "were", "been"}
_REFUSED = {"refuse", "decline", "fail"}
_WILLING = {"go", "agree", "want"}  # 'would not go so far as to', 'did not agree to'; not 'try'
_HYPOTHETICAL = {"if", "whether", "unless"}
_DETAIL_PREPS = {"with", "for", "over", "about", "against"}
# Verbs that report an act as a known fact when their object is a noun for it.
_MADE_KNOWN = {"confirm", "announce", "release", "reveal", "disclose", "complete", "publish"}
_MODAL = {"would", "could", "might", "may", "should", "can", "must"}


@dataclass(frozen=True)
class Status:
    """A verb acting on a thing in one sentence, and whether the sentence reports it done."""

    verb: str
    theme: str  # lemma of the thing acted on
    done: bool
    phrase: str
    article: int
    sentence_id: str
    detail: frozenset[str] = frozenset()  # what the act is for ('charged with theft': theft)
    position: int = 0  # the sentence's place in its article
    thing: str = ""  # the thing acted on as written


def _theme(verb: Any) -> str | None:
    """The thing acted on (the direct object, or the subject of a passive), with what it is of:
    'the name of the victim' and 'the name of the driver' are different things. A question
    clause as object names its thing by its wh-word: 'did not say whose car was found' -> car."""
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
            of = _of(child)
            return " of ".join([child.lemma_.lower(), *[o.lemma_.lower() for o in of[:1]]])
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for noun in clause.children:
            if (
                noun.dep_ in {"nsubj", "nsubjpass", "dobj"}
                and noun.pos_ == "NOUN"
                and any(w.tag_ in {"WP$", "WDT"} for w in noun.children)
            ):
                return noun.lemma_.lower()
    return None


def _of(noun: Any) -> list[Any]:
    """The nouns a noun is 'of': 'the name of the victim' -> [victim]."""
    return [
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"}
    ]


def _same_stem(noun: str, verb: str) -> bool:
    """A noun naming the verb's act: 'approval' / 'approve', 'resignation' / 'resign'."""
    stem = _stem_of(verb)
    common = _prefix_length(noun, stem)
    return common >= 5 and common >= len(stem) - 1


def _own_tokens(verb: Any, limit: int = 16) -> list[Any]:
    """The verb and what it acts on, without its subject or clauses hung on it."""
    skip = {"nsubj", "nsubjpass", "punct", "ccomp", "advcl", "conj", "cc", "mark"}
    drop = {t.i for c in verb.children if c.dep_ in skip for t in c.subtree}
    return [t for t in verb.subtree if t.i not in drop][:limit]


def _prefix_length(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def nominal_statuses(text: str, keys: set[tuple[str, str]], article: int, sentence_id: str,
                     position: int = 0) -> list[Status]:  # fmt: skip
    """Acts told as done through a noun for them: 'announced the approval of the grant' says
    the grant was approved, 'confirmed the release of the files' that the files were
    released. Only verbs that report a fact as done carry the act, and only for the given keys."""
    doc = parse([_QUOTED.sub(" ", text)])[0]
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MADE_KNOWN or not _done(verb):
            continue
        for noun in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
            for thing in _of(noun)[:1]:
                for act, theme in keys:
                    if theme == thing.lemma_.lower() and _same_stem(noun.lemma_.lower(), act):
                        phrase = _text(_own_tokens(verb))
                        out.append(Status(act, theme, True, phrase, article, sentence_id,
                                          frozenset(), position, thing.text))  # fmt: skip
    return out


def _thing(verb: Any) -> str:
    """The thing acted on as written, with its modifiers ('foul play', 'the $50 reward')."""
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            mods = [c for c in child.children if c.dep_ in {"compound", "amod"} and c.i < child.i]
            return _text([*mods, child])
    return ""


def _pending(verb: Any) -> bool:
    """Not done: 'is expected to approve', 'will approve', 'has yet to approve', 'has not
    approved', 'did not approve', 'declined to approve'."""
    kids = list(verb.children)
    if any(c.lower_ == "will" for c in kids if c.dep_ == "aux"):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PLANNED | {"yet"}:
        return True
    if verb.dep_ == "xcomp" and any(c.lower_ == "yet" for c in verb.head.children):
        return True
    head = verb.head.lemma_.lower()
    if _to_infinitive(verb) and (
        head in _REFUSED or (head in _WILLING and any(c.dep_ == "neg" for c in verb.head.children))
    ):
        return True  # 'declined to name the driver', 'would not go so far as to name the driver'
    helpers = {c.lower_ for c in kids if c.dep_ in {"aux", "auxpass"}}
    # 'has not approved', 'did not approve', 'was not charged'; not 'is not stopping'
    return any(c.dep_ == "neg" for c in kids) and bool(helpers & _PAST_HELPERS)


def _to_infinitive(verb: Any) -> bool:
    return verb.dep_ in {"xcomp", "advcl"} and any(
        c.lower_ == "to" for c in verb.children if c.dep_ == "aux"
    )


def _done(verb: Any) -> bool:
    """Told as having happened: past tense or a passive/perfect past, affirmed, not hypothetical."""
    kids = list(verb.children)
    if any(c.dep_ == "neg" for c in kids) or verb.dep_ in {"xcomp", "advcl", "relcl"}:
        return False
    if any(c.lower_ in _MODAL | {"will"} for c in kids if c.dep_ in {"aux", "auxpass"}):
        return False
    if any(c.lower_ in _HYPOTHETICAL for c in kids if c.dep_ == "mark"):
        return False
    if verb.tag_ == "VBD":
        return True
    helpers = [c for c in kids if c.dep_ in {"aux", "auxpass"}]
    past = any(h.tag_ == "VBD" or h.lemma_ == "have" for h in helpers)
    return verb.tag_ == "VBN" and past  # 'was approved', 'has approved'; 'is suspected' is a state


def statuses(text: str, article: int, sentence_id: str, position: int = 0) -> list[Status]:
    """Every (verb, thing) in the sentence outside quotations, done or pending (or neither)."""
    doc = parse([_QUOTED.sub(" ", text)])[0]
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() in _EMPTY_VERBS | _PLANNED:
            continue
        theme = _theme(verb)
        if theme is None:
            continue
        state = True if _done(verb) else False if _pending(verb) else None
        if state is None:
            continue
        phrase = _text(_phrase_tokens(verb))
        out.append(Status(verb.lemma_.lower(), theme, state, phrase, article,
                          sentence_id, _detail(verb), position, _thing(verb)))  # fmt: skip
    return out


def _detail(verb: Any) -> frozenset[str]:
    """Nouns the act is with, for or about: 'charged with theft' and 'charged with assault' are
    two acts."""
    return frozenset(
        obj.lemma_.lower()
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in _DETAIL_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"}
    )


def _phrase_tokens(verb: Any, limit: int = 16) -> list[Any]:
    """The verb with its helpers and the planning verb above it, and what it acts on, without
    clauses hung on the nouns ('Ana Holm, who ran the port for years, was named')."""
    top = verb.head if verb.dep_ == "xcomp" else verb
    skip = {"punct", "advcl", "ccomp", "conj", "cc", "nsubj", "relcl", "mark"}
    if top is not verb:
        skip.add("nsubjpass")  # 'the board is expected to approve': the doer is not the state
    drop = {t.i for c in top.children if c.dep_ in skip for t in c.subtree}
    clauses = [t for t in top.subtree if t.dep_ in _NOUN_CLAUSES and t.i not in (top.i, verb.i)]
    drop |= {t.i for c in clauses for t in c.subtree}
    return [t for t in top.subtree if t.i not in drop and t.text != ","][:limit]


def _text(tokens: list[Any]) -> str:
    """Tokens as written, a space where words were left out between them."""
    out = ""
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        gap = prev is not None and (prev.whitespace_ or tok.i != prev.i + 1)
        out += (" " if gap else "") + tok.text
    return out


def _stem_of(verb: str) -> str:
    """A prefix every inflection of a regular lemma shares ('approve' -> 'approv', 'city'
    -> 'cit', 'stop' -> 'stop')."""
    return verb[:-1] if verb.endswith(("e", "y")) and len(verb) > 3 else verb


def status_conflicts(brief: Brief, sources: Sources) -> list[Discrepancy]:
    """Done in some independent outlets, pending in others, for the same verb and thing."""
    cued = in_turn(brief, lambda text: bool(_CUE.search(_QUOTED.sub(" ", text))), MAX_PENDING)
    parse_ahead(_QUOTED.sub(" ", s.text) for _, s in cued)
    pending = [x for k, s in cued for x in statuses(s.text, k, s.id, s.index) if not x.done]
    keys = {(p.verb, p.theme) for p in pending}
    found = pending + _done_side(brief, keys)
    return [d for key in sorted(keys) if (d := _discrepancy(brief, sources, found, key))]


def _done_side(brief: Brief, keys: set[tuple[str, str]]) -> list[Status]:
    """Done statements for the keys, parsing only sentences that carry a key's verb and thing."""
    if not keys:
        return []
    # The verb's stem less a letter, so that a noun for the act passes too ('approva').
    probes = [
        (
            re.compile(rf"\b{re.escape(_stem_of(v)[: max(4, len(_stem_of(v)) - 1)])}\w*", re.I),
            re.compile(rf"\b{re.escape(_stem_of(t.split()[0]))}", re.I),  # 'city': 'cities'
        )
        for v, t in sorted(keys)
    ]
    carried = in_turn(
        brief, lambda text: any(v.search(text) and t.search(text) for v, t in probes), MAX_DONE
    )
    plain = {k for k in keys if " of " not in k[1]}
    parse_ahead(_QUOTED.sub(" ", s.text) for _, s in carried)
    return [
        x
        for k, s in carried
        for x in [
            *statuses(s.text, k, s.id, s.index),
            *nominal_statuses(s.text, plain, k, s.id, s.index),
        ]
        if x.done and (x.verb, x.theme) in keys
    ]


def _sides(mine: list[Status]) -> tuple[dict[bool, list[Status]], bool]:
    """Done and not-done statements by side. An article telling both states is narrating (a plan,
    then its outcome) and is left out, unless the done statement comes first: an update put on
    top of older text, which then stands on both sides (returned as True)."""
    first: dict[tuple[int, bool], int] = {}
    for x in mine:
        first[(x.article, x.done)] = min(first.get((x.article, x.done), x.position), x.position)
    both = {k for k, done in first if done and (k, False) in first}
    updated = {k for k in both if first[(k, True)] < first[(k, False)]}
    sides = {d: [x for x in mine if x.article not in both - updated] for d in (True, False)}
    return {d: [x for x in xs if x.done == d] for d, xs in sides.items()}, bool(updated)


def _discrepancy(
    brief: Brief, sources: Sources, found: list[Status], key: tuple[str, str]
) -> Discrepancy | None:
    sides, updated = _sides([x for x in found if (x.verb, x.theme) == key])
    details = [frozenset().union(*(x.detail for x in sides[d])) for d in (True, False)]
    if all(details) and not details[0] & details[1]:
        return None  # 'charged with theft' / 'not charged with assault': two acts
    groups = [{sources.group_of[x.article] for x in sides[d]} for d in (True, False)]
    if not groups[0] or not groups[1] or groups[0] == groups[1]:
        return None
    shown = [
        (sides[d][0].phrase, list(dict.fromkeys(x.sentence_id for x in sides[d])))
        for d in (True, False)
    ]
    found_one = slot_discrepancy(
        brief,
        f"whether '{key[0]}' was done: {sides[True][0].thing or key[1]}",
        shown,
        sources,
        "independent outlets state the same verb acting on the same thing, as done in one and as "
        "expected, planned, not yet done or denied in the other",
    )
    if not updated:
        return found_one
    note = "an outlet reports it done above its own older text saying otherwise: an update"
    return found_one.model_copy(update={"timing": True, "note": note})
