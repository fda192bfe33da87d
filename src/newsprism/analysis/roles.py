"""Roles and titles the articles give people: title prefixes and appositions, from spaCy's parse.

News style names a person's role at the first mention in each article ("Attorney General Paul
Dorsey", "Jane Roe, a Justice Department spokeswoman,"), so only those mentions are parsed, in one
batch, and only the words around them that can hold a title or an apposition. A role is the run of
modifiers right before the name inside its noun phrase (stopping at determiners, prepositions,
verbs, possessives and punctuation) or a noun phrase in apposition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from newsprism.analysis.entity_merge import Cluster
from newsprism.analysis.mentions import Mention, name_tokens
from newsprism.text.nlp import common_nouns, parse
from newsprism.text.terms import FUNCTION_WORDS

MAX_ROLE_WORDS = 8
WORDS_BEFORE = MAX_ROLE_WORDS + 4  # a title, and context for the tagger (it sees 4 tokens each way)
WORDS_AFTER = MAX_ROLE_WORDS + 6  # ", a <role of up to 8 words>," and context
_WORDS = re.compile(r"\S+")
_STOP_POS = frozenset({"DET", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PRON", "PART", "NUM"})
_STOP_POS |= {"PUNCT", "SYM", "X", "INTJ", "SPACE"}
_ROLE_POS = frozenset({"NOUN", "PROPN"})
_LAST_WORD = re.compile(r"([A-Za-z][\w.'’-]*)\s+$")
_WORDY = re.compile(r"[A-Za-z]{2}")
_HANDLE = re.compile(r"[@#]|https?:|www\.")  # social-media handles and links are not roles
_LEADING = frozenset({"a", "an", "the"})
_CLAUSES = frozenset({"relcl", "acl", "appos", "conj", "cc", "advcl", "punct"})


@dataclass(frozen=True)
class Role:
    text: str
    mention: Mention


def _premodifiers(doc: Any, span: Any, own: set[str]) -> list[Any]:
    """Tokens right before the name that modify it inside its noun phrase."""
    root, run = span.root, list[Any]()
    i = span.start - 1
    while i >= 0:
        token = doc[i]
        if token.pos_ in _STOP_POS or not root.is_ancestor(token) or token.dep_ == "poss":
            break
        run.insert(0, token)
        i -= 1
    while run and run[-1].text.lower().strip(".") in own:
        run.pop()  # a first name the recogniser left out is part of the name, not a title
    return run


def _apposition(span: Any) -> list[Any]:
    """A noun phrase set beside the name by commas: 'Kupec, a department spokeswoman,'."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            return _phrase(child)
    if root.dep_ == "appos" and root.head.i < span.start:
        return _phrase(root.head, stop=span.start)
    return []


def _phrase(head: Any, stop: int | None = None) -> list[Any]:
    """The head's noun phrase without clauses, lists or prepositions other than "of", up to a
    comma or ``stop``; empty when too long to be a title."""
    cut = set()
    for child in head.children:
        if child.i > head.i and (
            child.dep_ in _CLAUSES or (child.dep_ == "prep" and child.lower_ != "of")
        ):
            cut |= {t.i for t in child.subtree}
    words = []
    for token in head.subtree:
        if (stop is not None and token.i >= stop) or (token.i > head.i and token.is_punct):
            break
        if token.i not in cut:
            words.append(token)
    while words and words[0].is_punct:
        words.pop(0)
    return words if len(words) <= MAX_ROLE_WORDS else []


def _text(tokens: list[Any]) -> str:
    while tokens and tokens[0].lower_ in _LEADING:
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip()


def _role_of(doc: Any, mention: Mention, own: set[str]) -> list[str]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    found = []
    for tokens in (_premodifiers(doc, span, own), _apposition(span)):
        if any(t.pos_ in _ROLE_POS for t in tokens) and len(tokens) <= MAX_ROLE_WORDS:
            found.append(_text(tokens))
    return [
        r
        for r in found
        if r and r.lower() not in own and _WORDY.search(r) and not _HANDLE.search(r)
    ]


def first_mentions(cluster: Cluster) -> list[Mention]:
    """The first mention of the person in each article."""
    first: dict[int, Mention] = {}
    for m in sorted(cluster.mentions, key=lambda m: (m.article, m.position, m.start)):
        first.setdefault(m.article, m)
    return list(first.values())


def may_carry_a_role(mention: Mention, text: str) -> bool:
    """Only a title or an apposition is worth a parse: a noun, an abbreviation or a capitalised
    word right before the name ("spokeswoman", "Sen.", "General"; not "said" or "by"), or after
    a comma an article, a capitalised word or a noun within two words (", a spokeswoman",
    ", former chairman"; not ", who" or ", 45, said")."""
    before = _LAST_WORD.search(text[: mention.start])
    if before and _title_like(before.group(1)):
        return True
    after = text[mention.end : mention.end + 60]
    if not after.startswith(","):
        return False
    words = _WORDS.findall(after[1:])[:2]
    if words and (words[0].lower() in _LEADING or _title_like(words[0])):
        return True
    return any(_noun(w) for w in words)


def _noun(word: str) -> bool:
    word = word.strip(".,;:'’\"“”()").lower()
    return word not in FUNCTION_WORDS and word in common_nouns()


def _title_like(word: str) -> bool:
    word = word.strip(",;:'’\"“”()")
    if not word or word.lower() in FUNCTION_WORDS:
        return False
    return word[0].isupper() or word.endswith(".") or _noun(word)


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The words around a name that can hold its title or apposition: the parse is the
    stage's main cost and grows with the words it reads."""
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text)]
    first = next((i for i, (_a, b) in enumerate(words) if b > start), 0)
    last = next((i for i, (a, _b) in enumerate(words) if a >= end), len(words))
    a = words[max(first - WORDS_BEFORE, 0)][0] if words else 0
    b = words[min(last + WORDS_AFTER, len(words)) - 1][1] if words else len(text)
    return a, max(b, end)


def find_roles(people: Iterable[Cluster], texts: dict[str, str]) -> dict[int, list[Role]]:
    """id(cluster) -> roles given at first mentions and as title prefixes, parsed in one batch."""
    wanted = [
        (c, m) for c in people for m in first_mentions(c) if may_carry_a_role(m, texts[m.sentence])
    ]
    windows: dict[str, tuple[int, int]] = {}
    for _, m in wanted:
        a, b = _window(texts[m.sentence], m.start, m.end)
        seen = windows.get(m.sentence, (a, b))
        windows[m.sentence] = (min(a, seen[0]), max(b, seen[1]))
    pieces = {sid: texts[sid][slice(*window)] for sid, window in windows.items()}
    distinct = list(dict.fromkeys(pieces.values()))  # a reprinted sentence is parsed once
    parsed = dict(zip(distinct, parse(distinct), strict=True))
    docs = {sid: parsed[piece] for sid, piece in pieces.items()}
    roles: dict[int, list[Role]] = {}
    for cluster, mention in wanted:
        own = {t for form in cluster.forms for t in name_tokens(form)}
        at = windows[mention.sentence][0]
        shifted = replace(mention, start=mention.start - at, end=mention.end - at)
        for text in _role_of(docs[mention.sentence], shifted, own):
            roles.setdefault(id(cluster), []).append(Role(text, mention))
    for cluster in people:
        for title, mention in cluster.titles:
            roles.setdefault(id(cluster), []).append(Role(title, mention))
    return roles
