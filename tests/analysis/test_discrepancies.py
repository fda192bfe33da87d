"""Figure alignment and discrepancies: same measured thing, different values, each side cited."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.analysis.discrepancies import find_discrepancies
from newsprism.analysis.figures import closeness, figure_groups
from newsprism.analysis.sources import independent_sources
from newsprism.text.quantities import find_quantities

STORY = {
    "Wire": (
        "More than 3,000 residents of the valley were evacuated on Sunday as the river rose. "
        "The flood barrier, built in 2009, failed at two points. "
        "Officials said about 40 volunteers helped fill sandbags overnight."
    ),
    "Herald": (
        "Some 4,500 valley residents were evacuated on Sunday when the river broke its banks. "
        "Engineers said the barrier failed at two points along the north bank. "
        "The mayor praised 40 volunteers who filled sandbags."
    ),
    "Post": (
        "Around 3,000 valley residents were evacuated on Sunday. "
        "The town's museum, which holds 4,600 paintings, was not damaged. "
        "Forty volunteers worked through the night filling sandbags."
    ),
}


def test_closeness_ignores_hedges_but_not_scale() -> None:
    (up_to,) = find_quantities("up to $25 million")
    (four,) = find_quantities("$4 million")
    (four_two,) = find_quantities("$4.2 million")
    assert closeness(four, four_two) > 0.9
    assert closeness(up_to, four) == 0.0


def test_differing_counts_of_one_thing_are_a_discrepancy() -> None:
    brief = make_brief(STORY, ("sentences",))
    found = find_discrepancies(brief)
    assert len(found) == 1, [d.what for d in found]
    (disc,) = found
    sides = {v.value: set(v.outlets) for v in disc.values}
    assert sides == {
        "more than 3,000": {"Wire"},
        "about 4,500": {"Herald"},
        "about 3,000": {"Post"},
    }
    assert all(v.citations for v in disc.values)


def test_figure_on_another_subject_is_not_a_conflict() -> None:
    brief = make_brief(STORY, ("sentences",))
    for disc in find_discrepancies(brief):
        assert all("paintings" not in c for v in disc.values for c in v.value)
    groups = figure_groups(brief.articles, independent_sources(brief.articles))
    paintings = [g for g in groups if any(m.quantity.noun == "paintings" for m in g.mentions)]
    assert paintings == []  # the museum's 4,600 paintings align with nothing


def test_agreeing_figures_are_not_discrepancies() -> None:
    brief = make_brief(STORY, ("sentences",))
    assert not any("volunteers" in d.what for d in find_discrepancies(brief))


def test_dates_differing_mark_possible_update() -> None:
    from datetime import date

    brief = make_brief(STORY, ("sentences",))
    brief.articles[0].date = date(2024, 5, 5)
    brief.articles[1].date = date(2024, 5, 7)
    (disc,) = find_discrepancies(brief)
    assert disc.note and "update over time" in disc.note
