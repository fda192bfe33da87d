"""Simple pronoun resolution: 'he', 'she', 'him', 'her' to the named person they most likely mean.

News sentences often name a person once and then say 'him' ('Ivo Brandt said the bear ignored
him'). A reader comparing what happened to a person must see both. This follows the subject-first
rule of centering theory, within a sentence and one or two sentences back, and resolves only to a
name that is a clause's subject and not a place (the recogniser's person label misses many
unfamiliar names, and people, not bodies, are 'he' and 'she'): the subject of a clause above the
pronoun (the reporter of what happened to 'him'), else the main subject of the nearest preceding
sentence. Anything less clear stays unresolved: a wrong person is worse than none.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsprism.text.nlp import names, parse

PERSONAL = {"he", "she", "him", "her"}
_SUBJECTS = {"nsubj", "nsubjpass"}


_PLACES = {"GPE", "LOC", "FAC", "NORP"}


@lru_cache(maxsize=2048)
def place_words(text: str) -> frozenset[str]:
    """Lower-case words of the place names the recogniser finds in the text."""
    (doc,) = names([text])
    return frozenset(t.lower_ for e in doc.ents if e.label_ in _PLACES for t in e)


@lru_cache(maxsize=2048)
def person_words(text: str) -> frozenset[str]:
    """Lower-case words of the person names the recogniser finds in the text."""
    (doc,) = names([text])
    return frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e)


def _named_subject(verb: Any, text: str) -> str | None:
    """The verb's subject when it is a name and not a place's ('Varna reported ...')."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.pos_ != "PROPN" or subject.lower_ in place_words(text):
        return None
    return subject.lower_


def antecedent(pronoun: Any, text: str, before: list[str]) -> str | None:
    """The last name (lower case) of the person a personal pronoun refers to, or None.

    ``text`` is the pronoun's sentence; ``before`` the article's preceding sentences, nearest last.
    """
    if pronoun.lower_ not in PERSONAL or pronoun.dep_ == "poss":
        return None
    own_clause = (
        pronoun.head
    )  # never its own clause's subject: 'Ivo Brandt paid him' is another man
    while own_clause.pos_ not in {"VERB", "AUX"} and own_clause.head.i != own_clause.i:
        own_clause = own_clause.head
    token = pronoun.head
    for _ in range(8):  # a clause above: 'Ivo Brandt said the bear ignored him'
        if token.pos_ in {"VERB", "AUX"} and token.i != own_clause.i:
            found = _named_subject(token, text)
            if found:
                return found
        if token.head.i == token.i:
            break
        token = token.head
    for previous in reversed(before[-2:]):  # the main subject of a sentence just before
        root = next(t for t in parse([previous])[0] if t.dep_ == "ROOT")
        found = _named_subject(root, previous)
        if found:
            return found
    return None
