"""Negation conflicts: one outlet denies what another states, for the same doer and verb."""

from __future__ import annotations

from datetime import date

from tests.analysis.helpers import aligned, make_brief

from newsprism.align import align
from newsprism.analysis.polarity import acts, opposed, polarity_conflicts
from newsprism.analysis.sources import independent_sources


def _run(texts: dict[str, str]) -> list[object]:
    return polarity_conflicts(*aligned(texts))


def test_a_denial_against_a_statement_is_a_conflict() -> None:
    found = _run(
        {
            "Wire": "Harbour police identified the two divers recovered near Tarn Point on Monday.",
            "Herald": "Harbour police did not identify the two divers recovered near Tarn Point.",
        }
    )
    (disc,) = found
    assert disc.what.startswith("whether") and "identify" in disc.what
    assert len(disc.values) == 2 and all(v.citations for v in disc.values)


def test_fp_different_doers_or_quoted_denials_are_not_conflicts() -> None:
    assert not opposed(
        acts("The council approved the new ferry timetable for Tarn Point."),
        acts("The harbour board did not approve the new ferry timetable for Tarn Point."),
    )
    assert not _run(
        {
            "Wire": "Harbour police identified the two divers recovered near Tarn Point on Monday.",
            "Herald": '"Harbour police did not identify the two divers," a neighbour said falsely.',
        }
    )


def test_differing_dates_flag_a_possible_update() -> None:
    brief = make_brief(
        {
            "Wire": "Harbour police did not identify the two divers recovered near Tarn Point.",
            "Herald": "Harbour police identified the two divers recovered near Tarn Point on Monday.",
        },
        ("sentences",),
    )
    brief.articles[0].date, brief.articles[1].date = date(2024, 3, 4), date(2024, 3, 5)
    (disc,) = polarity_conflicts(brief, align(brief.articles), independent_sources(brief.articles))
    assert disc.timing and disc.note and "update" in disc.note


def test_a_pronoun_doer_counts_as_the_person_named_just_before() -> None:
    before = ["The harbour inquiry met on Monday.", "Mayor Ana Holm spoke first."]
    assert opposed(
        acts("She did not sign the new ferry contract for Tarn Point.", before),
        acts("Ana Holm signed the new ferry contract for Tarn Point."),
    )
    assert not opposed(  # unresolved: no named person just before
        acts("She did not sign the new ferry contract for Tarn Point.", ["The storm came."]),
        acts("Ana Holm signed the new ferry contract for Tarn Point."),
    )
