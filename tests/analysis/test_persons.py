"""Descriptions of one named person that exclude each other (invented names and figures)."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.persons import descriptions, person_conflicts


def _run(texts: dict[str, str]) -> list[object]:
    brief, _, sources = aligned(texts)
    return person_conflicts(brief, sources)


def _read(text: str) -> set[tuple[str, str, str]]:
    return {(s.name, s.slot, s.value) for s in descriptions(text, 0, "s")}


def test_ranks_seats_kin_and_ages_are_read() -> None:
    assert _read("Sgt. Ana Ruiz of the harbour police spoke.") == {("Ana Ruiz", "rank", "sergeant")}
    assert _read("Rep. Ola Brant voted no.") == {("Ola Brant", "seat", "representative")}
    assert _read("Piet Olsen, 71, the boy's grandfather, wept.") == {
        ("Piet Olsen", "age", "71"),
        ("Piet Olsen", "kin", "grandfather"),
    }
    assert _read("The 34-year-old Dara Holm left.") == {("Dara Holm", "age", "34")}
    assert _read("On Monday, 12 people came.") == set()
    assert _read("Dara Holm,34, and Ivo Dancer (52) left.") == {
        ("Dara Holm", "age", "34"),
        ("Ivo Dancer", "age", "52"),
    }
    assert _read("Ana Ruiz, aged 29, and Kim Varga, 6 feet tall, met.") == {
        ("Ana Ruiz", "age", "29")
    }


def test_differing_ranks_ages_and_kin_of_one_person_are_conflicts() -> None:
    found = _run(
        {
            "Wire": "Sgt. Ana Ruiz said the road was shut. Piet Olsen, 71, the boy's uncle, wept.",
            "Herald": "Lt. Ana Ruiz said the road was shut. Piet Olsen, 74, the boy's aunt, wept.",
            "Post": "The suspect, Ivo Dancer, fled on foot.",
            "Mail": "Ivo Dancer, the victim, fled on foot.",
        }
    )
    whats = sorted(d.what for d in found)
    assert whats == [
        "age of Piet Olsen",
        "rank of Ana Ruiz",
        "relation of Piet Olsen",
        "role of Ivo Dancer",
    ]


def test_fp_facets_other_people_and_two_values_in_one_outlet_are_not_conflicts() -> None:
    assert not _run(  # grandfather of one child, father of another: not exclusive
        {
            "Wire": "Piet Olsen, the boy's grandfather, wept.",
            "Herald": "Piet Olsen, the mayor's father, wept.",
        }
    )
    assert not _run(  # different people sharing a last name
        {"Wire": "Sgt. Ana Ruiz spoke.", "Herald": "Lt. Tomas Ruiz spoke."}
    )
    assert not _run(  # the outlet gives both ages (a birthday in the story): not one side
        {
            "Wire": "Dara Holm, 33, left. A year later Dara Holm, 34, came back.",
            "Herald": "Dara Holm, 34, came back.",
        }
    )
