"""Which name mentions refer to the same entity: surname and first-name subsumption, title prefixes,
acronyms, and the majority type of a name across the story.

People: full names join when surname and first name agree ("Paul Dorsey", "Paul K. Dorsey";
"Pete Dorsey" does NOT join: first names must match, be an initial or a prefix of three letters or
more, or be a nickname the story gives in quotes, 'Elizabeth "Liz" Roe'). A lone "Dorsey" joins the
one person with that surname, else the one such person its own article names in full, else one who
outnumbers the others three to one; otherwise it stays apart, so two people sharing a surname are never
merged. Words before a name ("AG Dorsey") are a title, not a first name, when they are an
abbreviation ("Sen.", "AG", "Lt"; not an initial), are used alone with "the" elsewhere in the story
("the attorney general"), or are a person noun ("Spokeswoman Jane Roe").
Organisations and places join on their normalised form, "X (ACR)" acronyms, initials ("FBI" for
"Federal Bureau of Investigation") and "Department of X" = "X Department".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsprism.analysis.mentions import KEPT_TYPES, SUFFIXES, Mention, name_tokens
from newsprism.text.nlp import common_nouns

DOMINANT = 3.0  # a surname alone means the person named in full this many times more often
_TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "EVENT", "NORP")
_AGENT_NOUN = ("man", "woman", "person", "ist")  # person nouns that are never first names
_NICKNAME = re.compile(r"[“\"‘']([A-Z][a-z]+)[”\"’']")
_LINKS = frozenset({"of", "the", "and", "for", "on", "&"})


@dataclass
class Cluster:
    """Mentions judged to name one entity, with every written form and any title prefixes."""

    type: str
    mentions: list[Mention] = field(default_factory=list)
    forms: Counter[str] = field(default_factory=Counter)
    acronyms: set[str] = field(default_factory=set)
    titles: list[tuple[str, Mention]] = field(default_factory=list)
    nicknames: set[str] = field(default_factory=set)  # 'Elizabeth "Liz" Roe' -> liz
    linked: set[str] = field(default_factory=set)  # "the attorney general": a role, not a name
    first: str = ""
    last: str = ""
    suffix: str = ""

    def add(self, mention: Mention, form: str) -> None:
        self.mentions.append(mention)
        self.forms[form] += 1
        if mention.acronym:
            self.acronyms.add(mention.acronym)

    @property
    def name(self) -> str:
        """The fullest form: most words (people), else the most used form of several words."""
        forms = sorted(
            ((f, n) for f, n in self.forms.items() if f not in self.linked),
            key=lambda kv: (-kv[1], kv[0]),
        )
        if self.type == "PERSON":
            return max(forms, key=lambda kv: len(kv[0].split()))[0]
        spelled = [f for f, _ in forms if not _is_acronym(f)]
        several = [f for f in spelled if " " in f]
        return (several or spelled or [f for f, _ in forms])[0]


def _is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return letters.isupper() and 1 < len(letters) <= 6 and " " not in form


def _key(tokens: list[str]) -> str:
    return " ".join(tokens[1:] if tokens[:1] == ["the"] and len(tokens) > 1 else tokens)


def story_types(mentions: list[Mention]) -> dict[str, str]:
    """Normalised name -> the label most of its mentions get (spaCy varies between sentences)."""
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        votes.setdefault(_key(m.tokens), Counter())[m.label] += 1
    types = {
        k: max(c.items(), key=lambda kv: (kv[1], -_TYPE_ORDER.index(kv[0])))[0]
        for k, c in votes.items()
    }
    surnames = {k.split()[-1] for k, t in types.items() if t == "PERSON" and " " in k}
    for k, t in types.items():
        if " " not in k and k in surnames and t in ("ORG", "NORP"):
            types[k] = "PERSON"  # "Trump" tagged ORG in one sentence is still the person
    return types


def _compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return (len(short) == 1 and long_.startswith(short)) or (
        len(short) >= 3 and long_.startswith(short)
    )


class TitleTest:
    """Decides whether the words before a surname are a title ("AG", "Sen.", "Attorney General")."""

    def __init__(self, story_text: str) -> None:
        self.text = story_text
        self.alone: dict[str, bool] = {}  # prefix -> used alone after an article (one search)

    def __call__(self, written: list[str], prefix: str) -> bool:
        if all(abbreviation(w) for w in written):
            return True
        if prefix not in self.alone:
            alone = rf"\b(?:[Tt]he|[Aa]n?) (?i:{re.escape(prefix)})\b(?!\s+[A-Z])"
            self.alone[prefix] = re.search(alone, self.text) is not None
        return self.alone[prefix]


def abbreviation(word: str) -> bool:
    """'Sen.', 'AG', 'Lt', 'Cmdr' (not an initial such as 'J.'): a shortened title."""
    letters = word.strip(".")
    if len(letters) < 2:
        return False
    no_vowel = len(letters) <= 4 and not re.search(r"[aeiouyAEIOUY]", letters)
    return word.endswith(".") or (letters.isupper() and len(letters) <= 4) or no_vowel


def _person_parts(
    m: Mention, is_title: TitleTest, names: set[tuple[str, ...]]
) -> tuple[list[str], str | None]:
    """(name tokens without a title prefix, the title as written or None). Words before a full
    name the story also uses alone ("Sergeant Jane Roe" beside "Jane Roe") are a title too when
    they are common nouns (a first name, as in "Mary Jane Roe", is not)."""
    toks = m.tokens
    written = m.text.split()
    if len(toks) != len(written) or _NICKNAME.search(m.text):
        return toks, None
    for cut in range(len(toks) - 1, 0, -1):
        if is_title(written[:cut], " ".join(toks[:cut])):
            return toks[cut:], " ".join(written[:cut])
    if len(toks) >= 3 and toks[0].endswith(_AGENT_NOUN) and toks[0] in common_nouns():
        return toks[1:], written[0]  # "Spokeswoman Jane Roe": a person noun, not a first name
    for cut in range(1, len(toks) - 1):
        if tuple(toks[cut:]) in names and all(t in common_nouns() for t in toks[:cut]):
            return toks[cut:], " ".join(written[:cut])
    return toks, None


def group_people(mentions: list[Mention], is_title: TitleTest) -> list[Cluster]:
    """Clusters of person mentions; an ambiguous surname alone gets its own cluster."""
    names = {tuple(m.tokens) for m in mentions if len(m.tokens) >= 2}
    parsed = [(m, *_person_parts(m, is_title, names)) for m in mentions]
    full: list[Cluster] = []
    by_last: dict[tuple[str, str], list[Cluster]] = {}  # an index: no scan of every cluster
    order = sorted(
        (p for p in parsed if len(p[1]) > 1), key=lambda p: (-len(p[1]), p[0].article, p[0].start)
    )
    for m, toks, title in order:
        suffix = toks[-1] if toks[-1] in SUFFIXES and len(toks) > 2 else ""
        core = toks[:-1] if suffix else toks
        fits = [
            c
            for c in by_last.get((core[-1], suffix), [])
            if _compatible(c.first, core[0]) or core[0] in c.nicknames
        ]
        cluster = fits[0] if len(fits) == 1 else None
        if cluster is None:
            cluster = Cluster("PERSON", first=core[0], last=core[-1], suffix=suffix)
            full.append(cluster)
            by_last.setdefault((core[-1], suffix), []).append(cluster)
        cluster.nicknames |= {n.lower() for n in _NICKNAME.findall(m.text)}
        _add_person(cluster, m, title)
    alone: dict[str, Cluster] = {}
    named: dict[tuple[str, str], list[Cluster]] = {}  # ("last"|"first", word) -> clusters
    for c in full:
        named.setdefault(("last", c.last), []).append(c)
        named.setdefault(("first", c.first), []).append(c)
    for m, toks, title in parsed:
        if len(toks) == 1:
            cluster = _single_owner(toks[0], m.article, named)
            if cluster is None:
                cluster = alone.setdefault(toks[0], Cluster("PERSON", first=toks[0], last=toks[0]))
            _add_person(cluster, m, title)
    return full + list(alone.values())


def _add_person(cluster: Cluster, m: Mention, title: str | None) -> None:
    form = m.text.split(maxsplit=len(title.split()))[-1] if title else m.text
    cluster.add(m, form)
    if title:
        cluster.titles.append((title, m))


def _single_owner(
    word: str, article: int, named: dict[tuple[str, str], list[Cluster]]
) -> Cluster | None:
    """The one person a lone surname (else first name) refers to, or None when ambiguous."""
    for attr in ("last", "first"):
        options = named.get((attr, word), [])
        if len(options) == 1:
            return options[0]
        if len(options) > 1:
            here = [c for c in options if any(m.article == article for m in c.mentions)]
            if len(here) == 1:
                return here[0]
            ranked = sorted(options, key=lambda c: -len(c.mentions))
            if len(ranked[0].mentions) >= DOMINANT * len(ranked[1].mentions):
                return ranked[0]
            return None
    return None


def _initials(tokens: list[str], skip_links: bool) -> str:
    return "".join(t[0] for t in tokens if t and not (skip_links and t in _LINKS))


def _short_forms(cluster: Cluster) -> set[str]:
    """Acronyms given in brackets and the initials of every spelled-out form."""
    forms = {a.lower().replace(".", "") for a in cluster.acronyms}
    for form in cluster.forms:
        tokens = name_tokens(form)
        forms |= {_initials(tokens, True), _initials(tokens, False)}
    return {f for f in forms if len(f) > 1}


def _reordered(tokens: list[str]) -> str:
    """'(u.s) department of justice' -> '(u.s) justice department', one body named two ways."""
    if "of" in tokens[1:-1] and tokens.count("of") == 1:
        at = tokens.index("of")
        return " ".join([*tokens[: at - 1], *tokens[at + 1 :], tokens[at - 1]])
    return " ".join(tokens)


def group_others(mentions: list[Mention], types: dict[str, str]) -> list[Cluster]:
    """Organisations, places, laws: same normalised form, acronym or reordered name."""
    by_key: dict[str, Cluster] = {}
    for m in mentions:
        key = _key(m.tokens)
        cluster = by_key.setdefault(_reordered(key.split()), Cluster(types[key]))
        cluster.add(m, m.text[4:] if m.text.lower().startswith("the ") else m.text)
    places = {k for k, t in types.items() if t in ("GPE", "LOC")}
    for key, cluster in sorted(by_key.items(), key=lambda kv: " " not in kv[0]):
        owners = _owners(key, cluster, by_key, places)
        if len(owners) == 1:
            owner = owners[0]
            for m in cluster.mentions:
                owner.add(m, m.text)
            if " " not in key:
                owner.acronyms.add(cluster.name)
            del by_key[key]
    return list(by_key.values())


def _owners(
    key: str, cluster: Cluster, by_key: dict[str, Cluster], places: set[str]
) -> list[Cluster]:
    """The longer-named clusters a short or place-prefixed name belongs to.

    "FBI" -> "Federal Bureau of Investigation"; "Department" -> the one "... Department";
    "U.S. Justice Department" -> "Justice Department" (a place before a name already known).
    """
    if " " not in key:
        found = [c for k, c in by_key.items() if " " in k and key in _short_forms(c)]
        if not found and cluster.type == "ORG":
            found = [c for k, c in by_key.items() if k.endswith(" " + key) and c.type == "ORG"]
        return [c for c in found if c is not cluster]
    words = key.split()
    for cut in range(1, len(words) - 1):
        if " ".join(words[:cut]) in places and " ".join(words[cut:]) in by_key:
            owner = by_key[" ".join(words[cut:])]
            return [owner] if owner.type == cluster.type and owner is not cluster else []
    return []


def group_mentions(mentions: list[Mention], story_text: str) -> list[Cluster]:
    """All clusters of the story, people first; types are the story-wide majority."""
    types = story_types(mentions)
    is_title = TitleTest(story_text)
    surnames = {k.split()[-1] for k, t in types.items() if t == "PERSON" and " " in k}
    for m in mentions:
        written, key = m.text.split(), _key(m.tokens)
        if (
            types[key] == "ORG"
            and len(written) >= 2
            and m.tokens[-1] in surnames
            and is_title(written[:-1], " ".join(m.tokens[:-1]))
        ):
            types[key] = "PERSON"  # "AG Olsen" tagged as an organisation
    kept = [m for m in mentions if types[_key(m.tokens)] in KEPT_TYPES]
    people = [m for m in kept if types[_key(m.tokens)] == "PERSON"]
    others = [m for m in kept if types[_key(m.tokens)] != "PERSON"]
    return group_people(people, is_title) + group_others(others, types)
