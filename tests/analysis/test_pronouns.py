"""Pronoun resolution to a named person (invented names)."""

from __future__ import annotations

from newsprism.analysis.pronouns import antecedent
from newsprism.text.nlp import parse


def _resolve(text: str, word: str, before: list[str] | None = None) -> str | None:
    (pronoun,) = [t for t in parse([text])[0] if t.lower_ == word]
    return antecedent(pronoun, text, before or [])


def test_a_pronoun_object_is_the_named_subject_of_a_clause_above_it() -> None:
    assert _resolve("Ivo Brandt told the radio the bear narrowly ignored him.", "him") == "brandt"
    assert _resolve("Ivo Brandt said he left early.", "he") == "brandt"


def test_a_pronoun_goes_back_to_the_main_subject_of_the_sentence_before() -> None:
    before = ["Police searched the coast for days.", "Ana Holm went missing on Monday."]
    assert _resolve("She was found in a cave.", "she", before) == "holm"
    assert _resolve("The rangers said the bear had ignored her.", "her", before) == "holm"


def test_unclear_pronouns_stay_unresolved() -> None:
    assert _resolve("She was found in a cave.", "she", ["The storm came at night."]) is None
    assert _resolve("Her boat was found.", "her", ["Ana Holm went missing."]) is None  # possessive
    assert _resolve("Ivo Brandt paid him.", "him") is None  # never its own clause's subject
