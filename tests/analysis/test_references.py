"""Summary sentences must be readable where they stand; people are named in full once."""

from __future__ import annotations

from newsprism.analysis.references import dangling, with_full_name


def test_pronoun_needs_its_person_in_the_previous_summary_sentence() -> None:
    before = "Mayor Ida Korr announced the closure on Monday."
    assert dangling("She said repairs would take weeks.", before, "", "", False)
    previous = "Mayor Ida Korr closed the bridge."
    assert not dangling("She said repairs would take weeks.", before, previous, previous, False)
    assert not dangling("She said repairs would take weeks.", before, "", "", True)


def test_definite_noun_from_the_article_needs_the_summary_to_have_it() -> None:
    before = "The council made a decision to close the bridge."
    assert dangling("The decision angered drivers.", before, "", "", False)
    earlier = "The council's decision closed the bridge."
    assert not dangling("The decision angered drivers.", before, earlier, earlier, False)


def test_commands_cannot_stand_in_a_summary() -> None:
    assert dangling("Check the website for updates.", "", "", "", False)


def test_full_name_at_first_mention_only() -> None:
    names = {"Korr": ("Ida Korr", "Mayor Ida Korr spoke to reporters on Monday.")}
    first, mentioned = with_full_name("Korr closed the bridge.", names, set())
    assert first == "Ida Korr closed the bridge."
    second, _ = with_full_name("Korr said it would reopen.", names, mentioned)
    assert second == "Korr said it would reopen."
