"""Place conflicts: the same act by the same doer, put in different named places."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.places import named_places, place_conflicts


def _run(texts: dict[str, str]) -> list[object]:
    return place_conflicts(*aligned(texts))


def test_one_find_in_two_towns_is_a_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "A fishing crew found the missing yacht's life raft in Korvel on Sunday.",
            "Herald": "A fishing crew found the missing yacht's life raft in Strannick on Sunday.",
        }
    )
    assert {v.value for v in disc.values} == {"Korvel", "Strannick"}
    assert disc.what.startswith("where")


def test_fp_a_town_and_its_region_named_by_one_outlet_is_agreement() -> None:
    assert not _run(
        {
            "Wire": "A fishing crew found the missing yacht's life raft in Korvel on Sunday.",
            "Herald": "A fishing crew found the missing yacht's life raft in Eastmarch on Sunday. "
            "Korvel is the largest harbour in Eastmarch.",
        }
    )


def test_sentence_initial_capitals_are_not_places() -> None:
    assert named_places("In Korvel, crews searched the bay.") == set()
    assert named_places("Crews searched the bay near Korvel.") == {"Korvel"}


def test_a_place_conflict_in_sentences_too_different_to_align_is_found() -> None:
    (disc,) = _run(
        {
            "Wire": "After four days of searching, a fishing crew found the raft in Korvel, "
            "officials told reporters at a crowded briefing.",
            "Herald": "Relatives wept as word spread. A fishing crew found the raft in Strannick.",
        }
    )
    assert {v.value for v in disc.values} == {"Korvel", "Strannick"}


def test_a_pronoun_doer_is_the_person_named_just_before() -> None:
    (disc,) = _run(
        {
            "Wire": "Ana Holm went missing on Monday. She was found in Korvel two days later.",
            "Herald": "The search lasted two days. Ana Holm was found in Strannick, police said.",
        }
    )
    assert {v.value for v in disc.values} == {"Korvel", "Strannick"}


def test_fp_a_pronoun_for_someone_else_is_not_the_named_doer() -> None:
    assert not _run(  # 'she' follows a sentence about the storm: unresolved, not Holm
        {
            "Wire": "Ana Holm's boat left on Monday. The storm came at night. She was found in Korvel.",
            "Herald": "Ana Holm was found in Strannick, police said.",
        }
    )
