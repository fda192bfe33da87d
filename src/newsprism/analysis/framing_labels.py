"""The story's main entities and how each outlet labels them (titles, epithets, appositions).

Entities are found cheaply: capitalised name sequences that several outlets repeat, grouped by
their last word ('Finance Minister Clara Voss', 'Clara Voss' and 'Voss' are one entity).
Labels need grammar, so only the sentences that first mention a main entity in each article are
parsed (spaCy, with named entities): a full parse of every sentence would cost more than the whole
brief. From the parse: modifiers before the name ('longtime party ally Edwin Hart'), titles
('Finance Minister Clara Voss') and appositions ('Hart, a former lobbyist for the industry').
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsprism.model import Article, EntityLabel, Sentence
from newsprism.text.calendar_names import MONTHS, WEEKDAYS
from newsprism.text.tokens import GENERAL_STOP_WORDS

_NAME = re.compile(
    r"(?<![\w’'.])(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?|(?:[A-Z]\.){2,}|[A-Z]{2,5}|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|(?:[A-Z]\.){2,}|[A-Z]\.|[A-Z]{2,5}))*"
)
_CALENDAR = frozenset(name.lower() for name in (*WEEKDAYS, *MONTHS))
# Sentence openers and honorifics are not part of a name ('After Voss', 'Mr. Hart').
_NOT_NAME_START = GENERAL_STOP_WORDS | {"mr", "mrs", "ms", "dr", "sen", "rep", "gov"}
MAX_ENTITIES = 4
LABELS_PER_ENTITY = 1  # first mentions parsed per entity and article
MAX_LABEL_WORDS = 12
WINDOW_BEFORE, WINDOW_AFTER, WINDOW_APPOS = 8, 3, 16  # words parsed around a name
_DROP_LEAD = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that"})
_PENN = {
    "PROPN": re.compile(r"NNPS?$"),
    "NOUN": re.compile(r"NNS?$"),
    "ADJ": re.compile(r"JJ[RS]?$"),
}
_APPOS_AFTER = re.compile(r"^[’']?s?,\s+(?:a|an|the|who|whose|his|her|its|their)\b")
_HONORIFIC = re.compile(r"^[A-Z][a-z]{1,3}\.$")  # 'Mr.', 'Sen.', 'Gov.'
_DATELINE = re.compile(r"[\d()/]")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass
class Entity:
    key: str  # the last word of the name, lower case
    name: str  # how it is shown
    forms: Counter[str]
    outlets: set[str]
    mentions: int


def _names(sentence: Sentence) -> list[str]:
    """Name sequences; a lone capitalised word opening the sentence is not a name."""
    return _names_in(sentence.text)


@lru_cache(maxsize=16384)
def _names_in(text: str) -> list[str]:
    found = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower().rstrip(".") in _NOT_NAME_START:
            words = words[1:]
        if not words or (m.start() == 0 and len(words) == 1):
            continue
        if words[-1].lower() in _CALENDAR or len(words[-1]) < 3:
            continue
        found.append(" ".join(words))
    return found


def main_entities(articles: list[Article], limit: int = MAX_ENTITIES) -> list[Entity]:
    """Names several outlets repeat, most widely and often mentioned first."""
    by_key: dict[str, Entity] = {}
    for article in articles:
        for s in article.sentences:
            for name in _names(s):
                key = name.split()[-1].lower()
                ent = by_key.setdefault(key, Entity(key, name, Counter(), set(), 0))
                ent.forms[name] += 1
                ent.outlets.add(article.label)
                ent.mentions += 1
    several = len({a.label for a in articles}) > 1
    ranked = [e for e in by_key.values() if e.mentions >= 2 and (len(e.outlets) > 1 or not several)]
    ranked.sort(key=lambda e: (-len(e.outlets), -e.mentions, e.key))
    for ent in ranked:
        ent.name = _display_name(ent.forms)
    return ranked[:limit]


def _display_name(forms: Counter[str]) -> str:
    """The most used multi-word form, else the most used form."""
    multi = [f for f in forms if len(f.split()) > 1]
    pool = multi or list(forms)
    return max(pool, key=lambda f: (forms[f], -len(f.split()), f))


def _may_label(text: str, name: str) -> bool:
    """A label is possible: a content word or title right before the name, or ', a/an/the' after.

    Checked with a pattern so that only sentences that can carry a label are parsed.
    """
    at = text.find(name)
    if at < 0:
        return False
    if len(name.split()) >= 3:
        return True  # room for a title: 'Finance Minister Clara Voss'
    before = text[:at].split()[-1:] if at else []
    if before and (before[0][:1].isupper() or before[0].lower() not in GENERAL_STOP_WORDS):
        return True
    return bool(_APPOS_AFTER.match(text[at + len(name) :]))


def mention_fragments(article: Article, entities: list[Entity]
                      ) -> dict[str, list[tuple[Sentence, str]]]:  # fmt: skip
    """Per entity, the article's first mentions that may carry a label, as (sentence, window).

    Only the words around the name are parsed (a few before it, and the apposition after it):
    the parse costs in proportion to the words, and labels sit next to the name.
    """
    found: dict[str, list[tuple[Sentence, str]]] = defaultdict(list)
    keys = {e.key for e in entities}
    for s in article.sentences:
        for name in _names(s):
            key = name.split()[-1].lower()
            mine = found[key]
            if key not in keys or len(mine) >= LABELS_PER_ENTITY or not _may_label(s.text, name):
                continue
            if not mine or mine[-1][0] is not s:
                mine.append((s, _window(s.text, name)))
    return found


def _window(text: str, name: str) -> str:
    at = text.find(name)
    before = text[:at].split()[-WINDOW_BEFORE:]
    rest = text[at + len(name) :]
    appos = _APPOS_AFTER.match(rest)
    if appos:
        close = rest.find(",", appos.end())
        after = rest[: close if close >= 0 else len(rest)].split()[:WINDOW_APPOS]
    else:
        after = rest.split()[:WINDOW_AFTER]
    return " ".join([*before, name, *after]).replace(" ,", ",")


def _span_text(tokens: list[Any]) -> str:
    while tokens and tokens[0].lower_ in _DROP_LEAD:
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in {"and", "or", ",", "'s"}):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_LABEL_WORDS:
        return ""
    doc = tokens[0].doc
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)


def _title(doc: Any, end: int, entity: Entity) -> tuple[str, int]:
    """Proper nouns before the surname at ``end`` that attach to it, less the first name:
    'Finance Minister' in 'Finance Minister Clara Voss'; and where that title starts.

    A word is a first name when the outlets also write it alone before the surname ('Clara
    Voss'); without one ('United States Department') the capitalised words are part of the name.
    """
    first = end
    while first > 0 and _is(doc[first - 1], "PROPN"):
        first -= 1
    run = list(doc[first:end])
    given = f"{run[-1].text} {doc[end].text}" if run and run[-1].text.isalpha() else ""
    if len(run) >= 2 and given in entity.forms:
        run = run[:-1]
    elif not (len(run) == 1 and _HONORIFIC.match(run[0].text)):
        return "", end - len(run)
    if all(first <= t.head.i <= end for t in run):
        return " ".join(t.text for t in run), first
    return "", end


def labels_in(doc: Any, entity: Entity) -> list[tuple[str, str]]:
    """(kind, text) labels of ``entity`` in one parsed sentence."""
    out: list[tuple[str, str]] = []
    for tok in doc:
        if tok.lower_ != entity.key or tok.dep_ == "compound":
            continue
        title, name_start = _title(doc, tok.i, entity)
        if title:
            out.append(("title", title))
        out += _modifier(doc, tok, name_start)
        out += [("apposition", t) for t in _appositions(tok)]
    return out


def _modifier(doc: Any, tok: Any, name_start: int) -> list[tuple[str, str]]:
    """Common-noun and adjective phrase before the name: 'longtime party ally'."""
    modifiers = [c for c in tok.lefts if c.dep_ in _MODIFIER_DEPS and c.i < name_start]
    if not modifiers:
        return []
    left = min(m.left_edge.i for m in modifiers)
    span = list(doc[left:name_start])
    if not any(_is(t, "NOUN") or _is(t, "ADJ") for t in span):
        return []
    text = _span_text(span)
    return [("modifier", text)] if text else []


def _appositions(tok: Any) -> list[str]:
    """'Hart, a former lobbyist for the industry' and 'the mayor's adviser, Edwin Hart'."""
    found = []
    for child in tok.rights:
        if child.dep_ == "appos":
            found.append(_span_text(list(child.subtree)))
    if tok.dep_ == "appos" and _is(tok.head, "NOUN"):
        found.append(_span_text([t for t in tok.head.subtree if t.i < tok.left_edge.i]))
    return [t for t in found if t and t.split()[-1].islower() and not _DATELINE.search(t)]


def entity_labels(
    article: Article, entities: list[Entity], docs: dict[str, Any]
) -> list[EntityLabel]:
    """Labels of the main entities in this article, from parses of its first mentions."""
    seen: set[tuple[str, str]] = set()
    out = []
    for key, mentions in mention_fragments(article, entities).items():
        entity = next((e for e in entities if e.key == key), None)
        if entity is None:
            continue
        for s, window in mentions:
            for kind, text in labels_in(docs[window], entity):
                redundant = kind != "title" and text.lower() in entity.name.lower()
                if (entity.name, text.lower()) in seen or redundant:
                    continue
                seen.add((entity.name, text.lower()))
                out.append(EntityLabel(entity=entity.name, text=text, sentence_id=s.id, kind=kind))
    return out


def parse_sentences(texts: list[str]) -> dict[str, Any]:
    """spaCy Docs (tags and dependencies only) for the given sentences, batched; each text once.

    The process's one pipeline is reused with its attribute ruler and lemmatizer switched off:
    labels need Penn tags and the parse, and those two cost a fifth of the time.
    """
    from newsprism.text.nlp import pipeline

    unique = list(dict.fromkeys(texts))
    nlp = pipeline()
    off = [name for name in ("attribute_ruler", "lemmatizer") if name in nlp.pipe_names]
    with nlp.select_pipes(disable=off):
        return dict(zip(unique, nlp.pipe(unique, batch_size=64), strict=True))


def _is(token: Any, kind: str) -> bool:
    """Coarse class from the Penn tag (the attribute ruler that sets ``pos_`` is off)."""
    return bool(_PENN[kind].match(token.tag_))


def outlet_counts(entities: list[Entity]) -> Counter[str]:
    return Counter({e.name: len(e.outlets) for e in entities})
