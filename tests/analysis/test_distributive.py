"""'Each' against one sum for one aligned amount."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.analysis.discrepancies import find_discrepancies


def _found(texts: dict[str, str]) -> list[str]:
    return [d.what for d in find_discrepancies(make_brief(texts, ("sentences",)))]


def test_an_amount_to_each_of_two_people_against_one_sum_is_a_conflict() -> None:
    brief = make_brief(
        {
            "Wire": "Prosecutors say Dale Orin offered the tenant and the neighbour $4,500 each "
            "to drop the complaint.",
            "Herald": "Dale Orin offered the pair $4,500 to drop the complaint, prosecutors say.",
        },
        ("sentences",),
    )
    (disc,) = find_discrepancies(brief)
    assert disc.what == "$4,500: to each, or in all"
    assert [v.value for v in disc.values] == ["$4,500 each", "$4,500, one sum"]
    assert "totals differ" in disc.basis


def test_fp_a_price_each_and_an_outlet_saying_each_elsewhere_are_agreement() -> None:
    """'tickets cost $45 each' names no receivers; an outlet that says 'each' in its own sentence
    is not the other side."""
    assert not _found(
        {
            "Wire": "Tickets for the final cost $45 each, the club said.",
            "Herald": "Tickets for the final cost $45, the club said.",
        }
    )
    assert not _found(
        {
            "Wire": "Orin offered the tenant and the neighbour $4,500 each to drop the complaint.",
            "Herald": "Orin offered each of them $4,500 to drop the complaint, prosecutors say.",
        }
    )
