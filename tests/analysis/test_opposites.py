"""Opposite acts on one named person, the opposition learned from the story (invented names)."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.opposites import contrasted_verbs, opposite_conflicts
from newsprism.model import Discrepancy


def _run(texts: dict[str, str]) -> list[Discrepancy]:
    brief, _, sources = aligned(texts)
    return opposite_conflicts(brief, sources)


_CONTRAST = (
    "Ivo Brandt told the radio the truck narrowly missed him and his sled, but hit his dogs."
)


def test_a_but_contrast_of_one_doer_on_different_things_pairs_the_verbs() -> None:
    assert contrasted_verbs(_CONTRAST) == {frozenset({"hit", "miss"})}
    assert contrasted_verbs("The board denied the loan but approved the grant.") == {
        frozenset({"deny", "approve"})
    }
    assert contrasted_verbs("Police arrested one man but a judge freed him.") == set()  # 2 doers
    assert contrasted_verbs("He hit the wall and missed the door.") == set()  # no contrast


def test_opposite_acts_on_one_person_in_independent_outlets_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "A truck struck two teams on the river. Ivo Brandt was hit from behind.",
            "Herald": "A truck struck two teams on the river. Officials first said Ivo Brandt was "
            "hurt. " + _CONTRAST,
        }
    )
    assert disc.what == "what was done to Brandt: hit or miss"
    assert sorted(v.outlets[0] for v in disc.values) == ["Herald", "Wire"]
    assert any("missed him" in v.value for v in disc.values)
    assert disc.note and "exclude each other" in disc.note


def test_fp_no_contrast_in_the_story_or_an_outlet_telling_both_is_not_a_conflict() -> None:
    assert not _run(  # nothing in the story says the verbs are alternatives
        {
            "Wire": "A truck struck two teams. Ivo Brandt was hit from behind.",
            "Herald": "A truck struck two teams. Ivo Brandt said the truck missed him.",
        }
    )
    assert not _run(  # one outlet tells both acts on him: a sequence, not a side
        {
            "Wire": "Ivo Brandt was hit from behind.",
            "Herald": "The truck missed Ivo Brandt once. Later it hit Ivo Brandt. " + _CONTRAST,
        }
    )
    assert not _run(  # synonymous verbs for one act are agreement, not opposites
        {
            "Wire": "Ivo Brandt was hit from behind.",
            "Herald": "The truck struck Ivo Brandt from behind, but spared his dogs.",
        }
    )
