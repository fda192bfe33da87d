"""The `entities` stage: key players (people, organisations, places, laws) merged across outlets.

Mentions come from the story's one NER pass (``names`` stage) and are merged by
``entity_merge``; roles come from title prefixes and appositions (``roles``). A role only one person
holds in the story also names them when used alone ("the attorney general"), so those mentions
count too. Entities are ranked by how many independent sources name them, then how often and how
early. ``entity_names`` (written form -> canonical name) lets later stages give one person one
name everywhere in the brief.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from newsprism.analysis.entity_merge import Cluster, TitleTest, abbreviation, group_mentions
from newsprism.analysis.mentions import Mention, Span, mentions_of
from newsprism.analysis.names_index import Openings
from newsprism.analysis.roles import Role, find_roles
from newsprism.analysis.sources import Sources
from newsprism.model import Article, Entity, EntityRole, content_hash
from newsprism.pipeline import Context
from newsprism.registry import stage

SOURCE_WEIGHT = 2.0  # an independent source naming it outweighs a few more mentions


@dataclass(frozen=True)
class Story:
    """The articles and their sentences, indexed for the entity builders."""

    articles: list[Article]
    texts: dict[str, str]
    article_of: dict[str, int]
    position: dict[str, float]  # sentence index / sentence count in its article

    @classmethod
    def of(cls, articles: list[Article]) -> Story:
        texts = {s.id: s.text for a in articles for s in a.sentences}
        article_of = {s.id: k for k, a in enumerate(articles) for s in a.sentences}
        position = {s.id: s.index / max(len(a.sentences), 1) for a in articles for s in a.sentences}
        return cls(articles, texts, article_of, position)


def _role_links(
    clusters: list[Cluster],
    roles: dict[int, list[Role]],
    story: Story,
    named: set[str],
    openings: Openings,
) -> None:
    """Add 'the <role>' mentions to the one person who holds that role in the story, unless the
    role is itself the name of an entity ("the State Police"). ``openings`` indexes the story's
    sentences joined by spaces, lowered: only sentences where "the <role>" occurs are searched."""
    holders: dict[str, set[int]] = {}
    for cluster in clusters:
        for role in roles.get(id(cluster), []):
            holders.setdefault(role.text.lower(), set()).add(id(cluster))
    by_id = {id(c): c for c in clusters}
    texts = list(story.texts.items())
    starts = list(accumulate((len(t.lower()) + 1 for _, t in texts), initial=0))
    odd = [k for k, (_, t) in enumerate(texts) if _FOLDS_ODDLY.search(t)]
    for key, owners in holders.items():
        if len(owners) != 1 or not any(c.isalpha() for c in key) or key in named:
            continue
        found = openings.find("the", key)
        if not found:
            continue
        cluster = by_id[next(iter(owners))]
        pattern = re.compile(rf"\b[Tt]he (?i:{re.escape(key)})\b(?!\s+[A-Z])(?!['’]s\s+[A-Z])")
        where = {bisect_right(starts, at) - 1 for at in found} | set(odd)
        for sid, text in (texts[k] for k in sorted(where)):
            for hit in pattern.finditer(text):
                article, place = story.article_of[sid], story.position[sid]
                mention = Mention(
                    sid, article, place, cluster.type, hit.group(), hit.start(), hit.end()
                )
                cluster.add(mention, hit.group().lower())
                cluster.linked.add(hit.group().lower())


# Letters whose lower case is longer, or that a case-blind regex matches to another letter: in a
# sentence holding one, the lowered text may not show a match, so it is always searched.
_FOLDS_ODDLY = re.compile(
    "[\u00b5\u017f\u0130\u0131\u0345\u0370-\u03ff\u1e9e\u1f00-\u1fff\u212a\u212b\ufb00-\ufb06]"
)


def _contains(text: str, name: str, person: bool) -> bool:
    """The role is another entity ("White House") or names another person ("Vice President
    Jane Roe's chief of staff" describes Roe's aide by Roe)."""
    if text == name:
        return True
    return person and " " in name and re.search(rf"\b{re.escape(name)}\b", text) is not None


def _roles(found: list[Role], labels: list[str], names: NameIndex, own: str) -> list[EntityRole]:
    """Roles grouped by wording; one that ends a longer role ("general") joins it; other
    entities' names ("White House" beside a name) are places or employers, not roles."""
    found = [r for r in found if not names.within(r.text.lower(), own)]
    keys = {r.text.lower() for r in found}
    grouped: dict[str, list[Role]] = {}
    for role in found:
        key = role.text.lower()
        longer = [k for k in keys if k.endswith(" " + key)]
        grouped.setdefault(max(longer, key=len) if longer else key, []).append(role)
    result = []
    for group in sorted(grouped.values(), key=lambda g: -len(g)):
        shown = Counter(r.text for r in group).most_common(1)[0][0]
        outlets = list(dict.fromkeys(labels[r.mention.article] for r in group))
        cites = list(dict.fromkeys(r.mention.sentence for r in group))
        result.append(EntityRole(text=shown, outlets=outlets, citations=cites))
    return result


def _entity(
    cluster: Cluster,
    roles: list[Role],
    story: Story,
    sources: Sources,
    names: NameIndex,
    labels: list[str],
) -> Entity:
    ordered = sorted(cluster.mentions, key=lambda m: (m.article, m.position, m.start))
    name = cluster.name
    aliases = [f for f in cluster.forms if f != name] + sorted(cluster.acronyms - {name})
    groups = {sources.group_of[m.article] for m in ordered}
    first = min(m.position for m in ordered)
    score = SOURCE_WEIGHT * len(groups) + math.log2(1 + len(ordered)) + (1 - first)
    return Entity(
        id="e" + content_hash(cluster.type, name, length=10),
        name=name,
        type=cluster.type,
        aliases=list(dict.fromkeys(aliases)),
        roles=_roles(roles, labels, names, name.lower()) if roles else [],
        outlets=list(dict.fromkeys(labels[m.article] for m in ordered)),
        mentions=len(ordered),
        first_mention=round(first, 3),
        citations=list(dict.fromkeys(m.sentence for m in ordered)),
        score=round(score, 3),
    )


class NameIndex:
    """Whether a role holds another entity's name (see ``_contains``), looking up only the
    person names whose first word starts at one of the role's words: testing every name of a
    1,000-article story against every role took most of the entities stage."""

    def __init__(self, names: dict[str, bool]) -> None:
        self.names = names
        self.by_word: dict[str, list[str]] = {}
        self.odd: list[str] = []  # names that do not start with a word character
        for name, person in names.items():
            if person and " " in name:
                head = _WORD.match(name)
                if head:
                    self.by_word.setdefault(head.group(), []).append(name)
                else:
                    self.odd.append(name)
        self.patterns: dict[str, re.Pattern[str]] = {}

    def within(self, text: str, own: str) -> bool:
        if text != own and text in self.names:
            return True
        for word in _WORD.finditer(text):
            for name in self.by_word.get(word.group(), ()):
                if name != own and self._pattern(name).match(text, word.start()):
                    return True
        return any(n != own and _contains(text, n, True) for n in self.odd)

    def _pattern(self, name: str) -> re.Pattern[str]:
        if name not in self.patterns:
            self.patterns[name] = re.compile(rf"\b{re.escape(name)}\b")
        return self.patterns[name]


_WORD = re.compile(r"\w+")


def build_entities(
    articles: list[Article], spans: dict[str, list[Span]], sources: Sources
) -> list[Entity]:
    """Ranked entities of the story, most important first."""
    story = Story.of(articles)
    mentions = mentions_of(articles, spans)
    is_title = TitleTest(" ".join(story.texts.values()))
    clusters = group_mentions(mentions, is_title)
    people = [c for c in clusters if c.type == "PERSON"]
    roles = find_roles(people, story.texts)
    named = {f.lower() for c in clusters for f in c.forms}
    _role_links(people, roles, story, named, is_title.openings)
    names = NameIndex({c.name.lower(): c.type == "PERSON" for c in clusters if c.mentions})
    labels = [a.label for a in story.articles]  # once: per cluster, both were quadratic
    entities = [
        _entity(c, roles.get(id(c), []), story, sources, names, labels)
        for c in clusters
        if c.mentions
    ]
    entities = [e for e in entities if _is_a_name(e)]
    return sorted(entities, key=lambda e: (-e.score, e.name))


def _is_a_name(entity: Entity) -> bool:
    """Two letters at least, and not a lone title ("Sgt", "Gov.") that lost its name (initials
    such as "JFK" stay)."""
    name = entity.name
    if sum(ch.isalpha() for ch in name) < 2:
        return False
    lone_title = " " not in name and abbreviation(name) and not name.isupper()
    return not (entity.type == "PERSON" and lone_title)


def canonical_names(entities: list[Entity]) -> dict[str, str]:
    """Written form -> canonical name, leaving out forms that name two entities."""
    owners: dict[str, set[str]] = {}
    for entity in entities:
        for form in [entity.name, *entity.aliases]:
            owners.setdefault(form, set()).add(entity.name)
    return {form: next(iter(names)) for form, names in owners.items() if len(names) == 1}


@stage(
    "entities",
    version="1.2",
    requires=("sentences", "sources", "named_spans"),
    assigns=("entities", "entity_names"),
)
def entities_stage(ctx: Context) -> None:
    """Key players: people, organisations, places and laws, merged across outlets and ranked."""
    entities = build_entities(ctx.get("sentences"), ctx.get("named_spans"), ctx.get("sources"))
    ctx.put("entities", entities)
    ctx.put("entity_names", canonical_names(entities))
