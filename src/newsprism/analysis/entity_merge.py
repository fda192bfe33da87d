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
from newsprism.analysis.names_index import Openings
from newsprism.text.nlp import common_nouns

DOMINANT = 3.0  # a surname alone means the person named in full this many times more often
VARIANT_LENGTH = 5  # shorter surnames one letter apart are too often two names ("Dunn", "Dunne")
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
    surnames: set[str] = field(
        default_factory=set
    )  # "harkin" and "harkins": one person spelled two ways
    short_forms: tuple[tuple[int, int], set[str]] | None = field(default=None, repr=False)
    articles: set[int] = field(default_factory=set, repr=False)  # where its mentions are

    def add(self, mention: Mention, form: str) -> None:
        self.mentions.append(mention)
        self.articles.add(mention.article)
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


_CASE_ODD = re.compile("[\u017f\u212a\u0130\u0131]")  # long s, Kelvin sign, dotted/dotless i


class TitleTest:
    """Decides whether the words before a surname are a title ("AG", "Sen.", "Attorney General")."""

    def __init__(self, story_text: str) -> None:
        self.text = story_text
        self.openings = Openings(story_text.lower())  # spares most regex searches
        self.alone: dict[str, bool] = {}  # prefix -> used alone after an article (one search)
        # Positions in the lowered text are positions in `text` unless lowering changes a length
        # or the text holds a letter a case-blind regex matches to a different ASCII one.
        self.same_positions = len(self.openings.lower) == len(story_text) and not _CASE_ODD.search(
            story_text
        )

    def __call__(self, written: list[str], prefix: str) -> bool:
        if all(abbreviation(w) for w in written):
            return True
        if prefix not in self.alone:
            self.alone[prefix] = self._used_alone(prefix)
        return self.alone[prefix]

    def _used_alone(self, prefix: str) -> bool:
        """'the/a/an <prefix>' not followed by a name. The regex is tried only where the lowered
        text has the words: a search of the whole story per prefix grew with the story's size."""
        alone = re.compile(rf"\b(?:[Tt]he|[Aa]n?) (?i:{re.escape(prefix)})\b(?!\s+[A-Z])")
        found = [self.openings.find(article, prefix.lower()) for article in ("the", "a", "an")]
        if not any(found):
            return False
        if not self.same_positions or len(prefix.lower()) != len(prefix):
            return alone.search(self.text) is not None
        return any(alone.match(self.text, at) for positions in found for at in positions)


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


class People:
    """The full-name clusters so far, indexed by surname and first name: a name is tested only
    against the clusters it can join, not against every person in the story."""

    def __init__(self) -> None:
        self.full: list[Cluster] = []
        self.rank: dict[int, int] = {}  # id(cluster) -> order of creation (the order of `full`)
        self.by_surname: dict[str, list[Cluster]] = {}
        self.by_first: dict[str, list[Cluster]] = {}

    def add(self, cluster: Cluster) -> None:
        self.rank[id(cluster)] = len(self.rank)
        self.full.append(cluster)
        self.by_first.setdefault(cluster.first, []).append(cluster)

    def named(self, cluster: Cluster, surname: str) -> None:
        if surname not in cluster.surnames:
            cluster.surnames.add(surname)
            self.by_surname.setdefault(surname, []).append(cluster)

    def remove(self, cluster: Cluster) -> None:
        self.full.remove(cluster)
        del self.rank[id(cluster)]

    def candidates(self, first: str, last: str) -> list[Cluster]:
        """In story order, every live cluster with this surname or this first name."""
        found = {
            id(c): c
            for c in [*self.by_surname.get(last, ()), *self.by_first.get(first, ())]
            if id(c) in self.rank
        }
        return sorted(found.values(), key=lambda c: self.rank[id(c)])


def group_people(mentions: list[Mention], is_title: TitleTest) -> list[Cluster]:
    """Clusters of person mentions; an ambiguous surname alone gets its own cluster."""
    names = {tuple(m.tokens) for m in mentions if len(m.tokens) >= 2}
    parsed = [(m, *_person_parts(m, is_title, names)) for m in mentions]
    people = People()
    order = sorted(
        (p for p in parsed if len(p[1]) > 1), key=lambda p: (-len(p[1]), p[0].article, p[0].start)
    )
    for m, toks, title in order:
        suffix = toks[-1] if toks[-1] in SUFFIXES and len(toks) > 2 else ""
        core = toks[:-1] if suffix else toks
        fits = [
            c
            for c in people.candidates(core[0], core[-1])
            if _same_surname(c, core[0], core[-1])
            and c.suffix == suffix
            and (_compatible(c.first, core[0]) or core[0] in c.nicknames)
        ]
        cluster = _fitting(fits, core, people)
        if cluster is None:
            cluster = Cluster("PERSON", first=core[0], last=core[-1], suffix=suffix)
            people.add(cluster)
        people.named(cluster, core[-1])
        cluster.nicknames |= {n.lower() for n in _NICKNAME.findall(m.text)}
        _add_person(cluster, m, title)
    alone: dict[str, Cluster] = {}
    owners: dict[str, list[list[Cluster]]] = {}  # the full names' words stay fixed from here on
    lookup = _Owners(people.full)
    for m, toks, title in parsed:
        if len(toks) == 1:
            if toks[0] not in owners:
                owners[toks[0]] = lookup.options(toks[0])
            cluster = _single_owner(owners[toks[0]], m.article)
            if cluster is None:
                cluster = alone.setdefault(toks[0], Cluster("PERSON", first=toks[0], last=toks[0]))
            _add_person(cluster, m, title)
    return people.full + list(alone.values())


def _fitting(fits: list[Cluster], core: list[str], people: People) -> Cluster | None:
    """The one cluster a full name joins: the only fit, else the only one with its exact surname;
    a name that spells its surname between two spellings of one first name ("Harkin" between
    "Harkins" and "Harkinn") joins those clusters into one."""
    exact = [c for c in fits if core[-1] in c.surnames]
    if len(fits) == 1 or len(exact) == 1:
        return (exact or fits)[0]
    if not fits or exact or any(c.first != core[0] for c in fits):
        return None
    kept = fits[0]
    for other in fits[1:]:
        kept.mentions += other.mentions
        kept.articles |= other.articles
        kept.forms.update(other.forms)
        kept.acronyms |= other.acronyms
        kept.titles += other.titles
        kept.nicknames |= other.nicknames
        for surname in other.surnames:
            people.named(kept, surname)
        people.remove(other)
    return kept


def _add_person(cluster: Cluster, m: Mention, title: str | None) -> None:
    form = m.text.split(maxsplit=len(title.split()))[-1] if title else m.text
    cluster.add(m, form)
    if title:
        cluster.titles.append((title, m))


class _Owners:
    """The people a lone word may name, in order of preference: by surname, by first name or
    nickname, by the one surname it misspells. The clusters are indexed once (their names are
    fixed by then), so a word is looked up, not tested against every person."""

    def __init__(self, full: list[Cluster]) -> None:
        self.by_surname: dict[str, list[Cluster]] = {}
        self.by_first: dict[str, list[Cluster]] = {}
        self.by_shape: dict[tuple[str, int], list[Cluster]] = {}  # (first letter, length)
        for c in full:
            for key in {c.first, *c.nicknames}:
                self.by_first.setdefault(key, []).append(c)
            for surname in c.surnames:
                self.by_surname.setdefault(surname, []).append(c)
            for shape in {(s[:1], len(s)) for s in c.surnames}:
                self.by_shape.setdefault(shape, []).append(c)
        self.rank = {id(c): k for k, c in enumerate(full)}

    def options(self, word: str) -> list[list[Cluster]]:
        near = [
            c
            for size in (len(word) - 1, len(word), len(word) + 1)
            for c in self.by_shape.get((word[:1], size), ())
        ]  # a one-letter edit keeps the first letter and changes the length by one at most
        near = list({id(c): c for c in near}.values())
        spelled = [c for c in near if word not in c.surnames and _variant(word, c.surnames)]
        return [
            self._ordered(self.by_surname.get(word, [])),
            self._ordered(self.by_first.get(word, [])),
            spelled if len(spelled) == 1 else [],
        ]

    def _ordered(self, clusters: list[Cluster]) -> list[Cluster]:
        return sorted({id(c): c for c in clusters}.values(), key=lambda c: self.rank[id(c)])


def _single_owner(choices: list[list[Cluster]], article: int) -> Cluster | None:
    """The one person a lone surname (else first name) refers to, or None when ambiguous."""
    for options in choices:
        if len(options) == 1:
            return options[0]
        if len(options) > 1:
            here = [c for c in options if article in c.articles]
            if len(here) == 1:
                return here[0]
            ranked = sorted(options, key=lambda c: -len(c.mentions))
            if len(ranked[0].mentions) >= DOMINANT * len(ranked[1].mentions):
                return ranked[0]
            return None
    return None


def _same_surname(cluster: Cluster, first: str, last: str) -> bool:
    """The cluster's surname, or a spelling of it one letter apart ("Harkins" / "Harkin") under
    the same first name written out in full: reporters misspell names, and two people in one
    story rarely share a first name and a near-identical surname."""
    if last in cluster.surnames:
        return True
    return first == cluster.first and len(first) >= 3 and _variant(last, cluster.surnames)


def _variant(word: str, surnames: set[str]) -> bool:
    return any(min(len(word), len(s)) >= VARIANT_LENGTH and _one_edit(word, s) for s in surnames)


def _one_edit(a: str, b: str) -> bool:
    """One letter inserted, dropped or replaced (not a letter at the start: "Dunn" / "Lunn")."""
    if a == b or abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    at = next((i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[at:] == long_[at + 1 :]


def _initials(tokens: list[str], skip_links: bool) -> str:
    return "".join(t[0] for t in tokens if t and not (skip_links and t in _LINKS))


def _short_forms(cluster: Cluster) -> set[str]:
    """Acronyms given in brackets and the initials of every spelled-out form (kept while the
    cluster's forms do not change: asked for every pair of names)."""
    stamp = (len(cluster.forms), len(cluster.acronyms))
    if cluster.short_forms is None or cluster.short_forms[0] != stamp:
        cluster.short_forms = (stamp, _spelled_short_forms(cluster))
    return cluster.short_forms[1]


def _spelled_short_forms(cluster: Cluster) -> set[str]:
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
    longer: LongNames | None = None  # built once the several-word names are settled
    for key, cluster in sorted(by_key.items(), key=lambda kv: " " not in kv[0]):
        if " " not in key and longer is None:
            longer = LongNames(by_key)
        owners = _owners(key, cluster, by_key, places, longer)
        if len(owners) == 1:
            owner = owners[0]
            for m in cluster.mentions:
                owner.add(m, m.text)
            if " " not in key:
                owner.acronyms.add(cluster.name)
            if longer is not None:
                longer.changed(owner)
            del by_key[key]
    return list(by_key.values())


class LongNames:
    """The several-word names, indexed by their short forms and last word, so a one-word name
    ("FBI", "Department") is looked up instead of tested against every name of the story."""

    def __init__(self, by_key: dict[str, Cluster]) -> None:
        self.rank: dict[int, int] = {}  # id(cluster) -> its place in the story's order of names
        self.by_form: dict[str, dict[int, Cluster]] = {}
        self.by_last: dict[str, list[Cluster]] = {}
        for key, cluster in by_key.items():
            if " " in key:
                self.rank[id(cluster)] = len(self.rank)
                self.by_last.setdefault(key.rsplit(" ", 1)[1], []).append(cluster)
                self.changed(cluster)

    def changed(self, cluster: Cluster) -> None:
        """Index the short forms a name has gained (they only grow)."""
        for form in _short_forms(cluster):
            self.by_form.setdefault(form, {})[id(cluster)] = cluster

    def shortened(self, key: str) -> list[Cluster]:
        found = self.by_form.get(key, {}).values()
        return sorted(found, key=lambda c: self.rank[id(c)])

    def ending(self, key: str) -> list[Cluster]:
        return self.by_last.get(key, [])


def _owners(
    key: str,
    cluster: Cluster,
    by_key: dict[str, Cluster],
    places: set[str],
    longer: LongNames | None,
) -> list[Cluster]:
    """The longer-named clusters a short or place-prefixed name belongs to.

    "FBI" -> "Federal Bureau of Investigation"; "Department" -> the one "... Department";
    "U.S. Justice Department" -> "Justice Department" (a place before a name already known).
    """
    if " " not in key and longer is not None:
        found = longer.shortened(key)
        if not found and cluster.type == "ORG":
            found = [c for c in longer.ending(key) if c.type == "ORG"]
        return [c for c in found if c is not cluster]
    words = key.split()
    for cut in range(1, len(words) - 1):
        if " ".join(words[:cut]) in places and " ".join(words[cut:]) in by_key:
            owner = by_key[" ".join(words[cut:])]
            return [owner] if owner.type == cluster.type and owner is not cluster else []
    return []


def group_mentions(mentions: list[Mention], is_title: TitleTest) -> list[Cluster]:
    """All clusters of the story, people first; types are the story-wide majority. ``is_title``
    holds the story's text (its sentences joined by spaces)."""
    types = story_types(mentions)
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
