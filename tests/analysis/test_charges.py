"""Charge lists against one person that differ between outlets (invented names and charges)."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.charges import charge_conflicts, charge_items
from newsprism.model import Discrepancy


def _run(texts: dict[str, str]) -> list[Discrepancy]:
    brief, _, sources = aligned(texts)
    return charge_conflicts(brief, sources)


def test_a_charge_list_is_cut_at_its_clause_and_split_into_items() -> None:
    ((_, stage, items),) = charge_items(
        "Mara Quell, 31, is also facing charges of fraud and criminal damage to a barn in "
        "connection with the fire."
    )
    assert items == ["fraud", "criminal damage to a barn"] and stage == "charged"
    first, _ = charge_items(
        "She faces one count of hiding evidence from the court and one count of receiving stolen "
        "goods, according to prosecutors."
    )
    assert first[2] == ["hiding evidence from the court", "receiving stolen goods"]


def test_lists_that_each_name_a_charge_the_other_lacks_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "Mara Quell, 31, who was detained that night, is also facing charges of fraud "
            "and criminal damage to a barn in connection with the fire.",
            "Herald": "Officers found the van. Mara Quell was held on the night of the fire. She was "
            "due in court on one count of fraud and one count of receiving stolen goods, according "
            "to prosecutors.",
            "Post": "Mara Quell was arrested on suspicion of fraud and receiving stolen goods, "
            "police said.",
        }
    )
    assert disc.what == "charges against Mara Quell"
    by_value = {v.value: set(v.outlets) for v in disc.values}
    assert by_value == {
        "criminal damage to a barn": {"Wire"},
        "receiving stolen goods": {"Herald", "Post"},
    }
    assert disc.note and "charge lists differ" in disc.note


def test_fp_a_shorter_list_other_people_or_a_noun_owning_the_charges_are_not_conflicts() -> None:
    assert not _run(  # one list omits a charge: an omission, not a contradiction
        {
            "Wire": "Ivo Brandt was charged with fraud and forgery.",
            "Herald": "Ivo Brandt was charged with fraud.",
        }
    )
    assert not _run(  # different people
        {
            "Wire": "Ivo Brandt was charged with fraud.",
            "Herald": "Lena Ostrova was charged with forgery.",
        }
    )
    assert not _run(  # the charges belong to the bank, not to the sentence's subject
        {
            "Wire": "Ivo Brandt tried to stop the indictment of the bank on charges of fraud.",
            "Herald": "Ivo Brandt was charged with forgery.",
        }
    )
    assert not _run(  # the same charge told with when it was brought is agreement
        {
            "Wire": "Ivo Brandt was charged with fraud.",
            "Herald": "Ivo Brandt was charged with fraud in the spring.",
        }
    )


def test_fp_a_charge_denied_is_not_a_list() -> None:
    assert not _run(  # 'not charged with X' is a status (analysis/status.py), not a charge list
        {
            "Wire": "Ivo Brandt has not been charged with the death of the climber.",
            "Herald": "Ivo Brandt was charged with trespassing in late July.",
        }
    )


def test_fp_charges_against_a_verdict_are_two_steps_not_a_conflict() -> None:
    assert not _run(  # charged with one thing, convicted of a lesser one: not a contradiction
        {
            "Wire": "Ivo Brandt was charged with arson in March.",
            "Herald": "Ivo Brandt was convicted of criminal damage on Friday.",
        }
    )
    assert (
        _run(  # two verdicts that differ are
            {
                "Wire": "Ivo Brandt was convicted of arson on Friday.",
                "Herald": "Ivo Brandt was found guilty of criminal damage on Friday.",
            }
        )[0].what
        == "what Ivo Brandt was convicted of"
    )
