"""Sides of a figure discrepancy: one estimate told twice stands together."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.analysis.discrepancies import find_discrepancies
from newsprism.analysis.figure_sides import same_estimate
from newsprism.text.quantities import find_quantities


def _q(text: str):
    (q,) = find_quantities(text)
    return q


def test_same_estimate_needs_two_hedges_each_inside_the_other() -> None:
    assert same_estimate(_q("about 9:15 p.m."), _q("around 9:10 p.m."))
    assert not same_estimate(_q("about 9:15 p.m."), _q("9:10 p.m."))
    assert not same_estimate(_q("more than 2,300 people"), _q("more than 2,350 people"))
    assert not same_estimate(_q("about 9:15 p.m."), _q("around 8:20 p.m."))


def test_two_outlets_agreeing_on_an_approximate_time_form_one_side() -> None:
    """'about 6:50' and 'around 6:45' against 'around 5:20', the scene named alike in each."""
    found = find_discrepancies(
        make_brief(
            {
                "Wire": "The roof gave way at about 6:50 p.m. on the 14th floor of the depot.",
                "Herald": "Workers were on the 14th floor of the depot around 6:45 p.m., police said.",
                "Post": "The crew went up around 5:20 p.m. to the 14th floor of the old depot.",
            },
            ("sentences",),
        )
    )
    (disc,) = [d for d in found if any(":" in v.value for v in d.values)]
    assert sorted(v.value for v in disc.values) == ["about 6:50 p.m. / around 6:45 p.m.",
                                                    "around 5:20 p.m."]  # fmt: skip
    assert "'14th floor'" in disc.basis and "one approximate figure" in (disc.note or "")
    assert disc.what.endswith("(time of day)")


def test_ranges_sharing_an_end_in_one_unit_conflict() -> None:
    (disc,) = find_discrepancies(
        make_brief(
            {
                "Wire": "The slabs seen by the survey were between 3 meters (9.8 ft) and 12 meters "
                "(39 ft) in size, the agency said.",
                "Herald": "Its chief said the slabs ranged from 3m to 14m (9.8ft to 46ft) in size.",
            },
            ("sentences",),
        )
    )
    assert {v.value for v in disc.values} == {"3 to 12 metres", "3 to 14 metres"}


def test_one_difference_told_in_two_units_is_reported_once() -> None:
    """Each outlet converts its own height: compared in metres and in feet, shown once."""
    found = find_discrepancies(
        make_brief(
            {
                "Wire": "The climbers reached the summit of the 4,100-metre (13,451-foot) peak "
                "on its north face.",
                "Herald": "The climbers reached the summit of the 13,410-foot (4,087 m) peak on "
                "its north face, the club said.",
            },
            ("sentences",),
        )
    )
    assert len(found) == 1
    assert {v.value for v in found[0].values} in (
        {"4,100 metres", "4,087 metres"},
        {"13,451 feet", "13,410 feet"},
    )


def test_fp_conversions_of_one_amount_differ_only_by_the_rate() -> None:
    """'2bn won ($1.7m)' / 'two billion won ($1.81 million)' (unkeyed Multi-News, paraphrased)."""
    brief = make_brief(
        {
            "Wire": "The city agreed to pay 2bn won ($1.7m, £1.3m) into a fund for the families.",
            "Herald": "The city promised two billion won ($1.81 million) for a fund for families.",
        },
        ("sentences",),
    )
    assert [d for d in find_discrepancies(brief) if "$" in d.values[0].value] == []
