"""Opposite acts on one named person, the opposition learned from the story (invented names)."""

from __future__ import annotations

import time

from tests.analysis.helpers import aligned, big_story

from newsprism.analysis.charges import charge_conflicts
from newsprism.analysis.holders import holder_conflicts
from newsprism.analysis.opposites import contrasted_verbs, opposite_conflicts
from newsprism.model import Discrepancy


def _run(texts: dict[str, str]) -> list[Discrepancy]:
    brief, _, sources = aligned(texts)
    return opposite_conflicts(brief, sources)


_CONTRAST = "Ivo Brandt told the radio the bear ignored him and his tent, but attacked his horses."


def test_a_but_contrast_of_one_doer_on_different_things_pairs_the_verbs() -> None:
    assert contrasted_verbs(_CONTRAST) == {frozenset({"attack", "ignore"})}
    assert contrasted_verbs("The board denied the loan but approved the grant.") == {
        frozenset({"deny", "approve"})
    }
    assert contrasted_verbs("Police arrested one man but a judge freed him.") == set()  # 2 doers
    assert contrasted_verbs("He painted the wall and fixed the door.") == set()  # no contrast


def test_opposite_acts_on_one_person_in_independent_outlets_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "A bear raided two camps in the valley. Ivo Brandt was attacked at dawn.",
            "Herald": "A bear raided two camps in the valley. Rangers first said Ivo Brandt was "
            "hurt. " + _CONTRAST,
        }
    )
    assert disc.what == "what was done to Brandt: attack or ignore"
    assert sorted(v.outlets[0] for v in disc.values) == ["Herald", "Wire"]
    assert any("ignored him" in v.value for v in disc.values)
    assert disc.note and "exclude each other" in disc.note


def test_fp_no_contrast_in_the_story_or_an_outlet_telling_both_is_not_a_conflict() -> None:
    assert not _run(  # nothing in the story says the verbs are alternatives
        {
            "Wire": "A bear raided two camps. Ivo Brandt was attacked at dawn.",
            "Herald": "A bear raided two camps. Ivo Brandt said the bear ignored him.",
        }
    )
    assert not _run(  # one outlet tells both acts on him: a sequence, not a side
        {
            "Wire": "Ivo Brandt was attacked at dawn.",
            "Herald": "The bear ignored Ivo Brandt once. Later it attacked Ivo Brandt. "
            + _CONTRAST,
        }
    )
    assert not _run(  # synonymous verbs for one act ('attacked' / 'mauled') are agreement, not opposites
        {
            "Wire": "Ivo Brandt was attacked at dawn.",
            "Herald": "The bear mauled Ivo Brandt at dawn, but ignored his horses.",
        }
    )


def test_word_readers_stay_near_linear_on_a_300_article_story() -> None:
    """Charges, holders and opposites block by cue and budget: no all-pairs parse."""
    people = ["Ana Holm", "Piet Varga", "Ivo Dancer", "Dara Reed", "Ola Brant"]
    acts = ["was charged with fraud and arson", "faces one count of theft",
            "said the bear ignored him but attacked the mule", "was attacked at dawn",
            "spoke for the owner Vell Estates", "met Arno Group, which owns the tower,"]  # fmt: skip
    brief, sources = big_story(people, acts, seed=11)
    start = time.perf_counter()
    charge_conflicts(brief, sources)
    holder_conflicts(brief, sources)
    opposite_conflicts(brief, sources)
    assert time.perf_counter() - start < 30
