"""Who holds a role: outlets name different owners (or operators, managers) of the same thing.

'Vell Holdings, which owns the tower' against 'a statement from the owner Arno Estates'. The
reader looks for a closed set of English patterns that tie a name to a holding verb or its agent
noun: 'NAME, which owns the THING', 'the (THING) owner (of the THING), NAME', 'the owner NAME',
'NAME, the owner of the THING', 'the THING, owned by NAME'. It is a regular-expression pass over
every sentence (no parse), so it costs the same per sentence however large the story. Two
independent outlets conflict when each names exactly one holder for the role, the holders share no
word, the things they hold are the same (or one outlet leaves the thing unsaid and no outlet names
two things for that role), and neither outlet mentions the other's holder anywhere in its text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from newsprism.analysis.pairs import slot_discrepancy
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy
from newsprism.text.tokens import word_tokens

# Holding verbs and their agent nouns: a closed class of English.
_ROLES = {"own": "owner", "operate": "operator", "manage": "manager"}
_VERB_FORMS = {"owns": "own", "owned": "own", "operates": "operate", "operated": "operate",
               "manages": "manage", "managed": "manage"}  # fmt: skip
_NOUN_FORMS = {noun: verb for verb, noun in _ROLES.items()}
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|«[^»]*»")
_WORD = r"(?:[A-Z][\w&'’.-]*|[IVX]+|\d+)"
_NAME = rf"((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+{_WORD}){{0,4}})"
_VERBS = "|".join(_VERB_FORMS)
_NOUNS = "|".join(_NOUN_FORMS)
_THING = r"(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)"
_PATTERNS = (  # (regex, group of the name, group of the role word, group of the thing or 0)
    (re.compile(rf"{_NAME},\s+(?:which|who)\s+(?:also\s+)?({_VERBS})\s+{_THING}"), 1, 2, 3),
    (
        re.compile(
            rf"\b[Tt]he\s+(?:([a-z-]+)(?:'s|’s)?\s+)?({_NOUNS})(?:\s+of\s+{_THING})?,?\s+{_NAME}"
        ),
        4,
        2,
        0,
    ),
    (re.compile(rf"{_NAME},\s+(?:the|its)\s+({_NOUNS})\s+of\s+{_THING}"), 1, 2, 3),
    (
        re.compile(
            rf"\b{_THING},?\s+(?:which\s+is\s+|that\s+is\s+)?(owned|operated|managed)\s+by\s+{_NAME}"
        ),
        3,
        2,
        1,
    ),
)
_NOT_A_HOLDER = {"the", "a", "an", "he", "she", "it", "they", "police", "officials", "company"}


@dataclass(frozen=True)
class Holding:
    """One sentence naming who holds a role over a thing."""

    role: str  # the holding verb's lemma: 'own'
    holder: str  # the name as written
    thing: str | None  # the head word of the thing held, when the sentence says it
    article: int
    sentence_id: str


def holdings(text: str, article: int = 0, sentence_id: str = "") -> list[Holding]:
    """Every role holder the sentence names, outside quotations."""
    text = _QUOTED.sub(" ", text)
    out = []
    for pattern, name_group, role_group, thing_group in _PATTERNS:
        for m in pattern.finditer(text):
            role_word = m.group(role_group).lower()
            role = _VERB_FORMS.get(role_word) or _NOUN_FORMS[role_word]
            thing = m.group(thing_group) if thing_group else (m.group(1) or m.group(3))
            holder = re.sub(r"^The\s+", "", m.group(name_group)).rstrip(".,")
            if holder.split()[0].lower() in _NOT_A_HOLDER:
                continue
            head = thing.split()[-1].lower() if thing else None
            out.append(Holding(role, holder, head, article, sentence_id))
    return out


def _words(name: str) -> set[str]:
    return {
        w.lower()
        for w in word_tokens(name, keep_case=True, ascii_only=True, letters_only=True, min_length=3)
    }


def holder_conflicts(brief: Brief, sources: Sources) -> list[Discrepancy]:
    """Independent outlets naming different holders of one role over one thing."""
    by_role: dict[str, list[Holding]] = defaultdict(list)
    for k, article in enumerate(brief.articles):
        for sentence in article.sentences:
            for found in holdings(sentence.text, k, sentence.id):
                by_role[found.role].append(found)
    out = []
    for role, told in by_role.items():
        things = {h.thing for h in told if h.thing}
        if len(things) > 1:
            continue  # owners of different things: which one a bare 'the owner' means is unsaid
        disc = _role_conflict(brief, sources, role, told)
        if disc is not None:
            out.append(disc)
    return out


def _role_conflict(
    brief: Brief, sources: Sources, role: str, found: list[Holding]
) -> Discrepancy | None:
    """The first two holders, each the only one its outlet names, that conflict. Blocked by
    holder: pairs of distinct holders (few), then the first pair of their outlets that counts."""
    holders: dict[int, dict[frozenset[str], list[Holding]]] = defaultdict(dict)
    for h in found:
        holders[h.article].setdefault(frozenset(_words(h.holder)), []).append(h)
    by_holder: dict[frozenset[str], list[int]] = defaultdict(list)
    for k, hs in sorted(holders.items()):
        if len(hs) == 1:  # an outlet naming two holders is not a side
            by_holder[next(iter(hs))].append(k)
    keys = [w for w in by_holder if w]
    for n, wa in enumerate(keys):
        for wb in keys[n + 1 :]:
            if wa & wb:
                continue  # 'Vell Holdings' / 'Vell Holdings Group': one holder
            pair = _outlets(brief, sources, by_holder[wa], by_holder[wb], holders, wa, wb)
            if pair is not None:
                return _discrepancy(
                    brief, sources, role, holders[pair[0]][wa], holders[pair[1]][wb]
                )
    return None


def _outlets(
    brief: Brief,
    sources: Sources,
    left: list[int],
    right: list[int],
    holders: dict[int, dict[frozenset[str], list[Holding]]],
    wa: frozenset[str],
    wb: frozenset[str],
) -> tuple[int, int] | None:
    """Two independent outlets, one per holder, neither naming the other's holder anywhere
    (each name is searched for once per article: many outlets share one written form)."""
    texts: dict[int, str] = {}
    found: dict[tuple[str, int], bool] = {}

    def names(article: int, name: str) -> bool:
        if (name, article) not in found:
            if article not in texts:
                texts[article] = brief.articles[article].text.lower()
            found[(name, article)] = name in texts[article]
        return found[(name, article)]

    for a in left:
        for b in right:
            name_a, name_b = holders[a][wa][0].holder.lower(), holders[b][wb][0].holder.lower()
            if sources.group_of[a] == sources.group_of[b]:
                continue
            if names(b, name_a) or names(a, name_b):
                continue  # an outlet that names the other holder may tell both apart
            return a, b
    return None


def _discrepancy(
    brief: Brief, sources: Sources, role: str, ha: list[Holding], hb: list[Holding]
) -> Discrepancy:
    thing = next((h.thing for h in [*ha, *hb] if h.thing), None)
    sides = [(hs[0].holder, list(dict.fromkeys(h.sentence_id for h in hs))) for hs in (ha, hb)]
    disc = slot_discrepancy(
        brief,
        f"who is the {_ROLES[role]}" + (f" of the {thing}" if thing else ""),
        sides,
        sources,
        f"independent outlets each name one {_ROLES[role]} (or say who {role}s it), and the "
        "names share no word; neither outlet mentions the other's name",
    )
    note = f"the outlets name different {_ROLES[role]}s"
    return disc.model_copy(update={"note": note + (f"; {disc.note}" if disc.note else "")})
