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
        assert "paintings" not in disc.what
        assert all("4,600" not in v.value for v in disc.values)
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


# False positives found on the dev keys, kept as regression tests. Each paraphrases the pattern
# with invented names and figures.


def test_fp_phone_numbers_are_not_figures() -> None:
    """A tip-line number in two outlets once read as two differing counts."""
    brief = make_brief(
        {
            "Wire": "Police set up a tip line for the Orlen case at 800-555-0199 on Monday night.",
            "Herald": "Anyone with information on the Orlen case can call 555-0199, police said.",
            "Post": "A tip line for the Orlen case is open: 800-555-0199, police said on Monday.",
        },
        ("sentences",),
    )
    assert find_discrepancies(brief) == []
    assert find_quantities("Call the tip line at 800-555-0199.") == []


def test_fp_a_hedged_figure_within_its_tolerance_is_not_a_conflict() -> None:
    """'about 1,320 km' and '1,390 km' for one distance: the hedge allows both."""
    brief = make_brief(
        {
            "Wire": "The debris field lies 1,390 km southwest of Port Vell, the navy said.",
            "Herald": "The debris field lies about 1,320 km southwest of Port Vell, officials said.",
        },
        ("sentences",),
    )
    assert find_discrepancies(brief) == []


def test_a_hedge_that_excludes_the_other_value_is_a_conflict_with_a_note() -> None:
    """'at least 12 jurors' written for what another outlet counts as 30: a real difference."""
    brief = make_brief(
        {
            "Wire": "At least 12 prospective jurors refused to serve in Judge Orr's courtroom.",
            "Herald": "Court staff said 30 prospective jurors refused to serve in Judge Orr's court.",
        },
        ("sentences",),
    )
    (disc,) = find_discrepancies(brief)
    assert disc.note and "lies outside" in disc.note
    assert disc.basis and 0 < disc.importance <= 1


def test_clock_times_conflict_only_beyond_the_hedge() -> None:
    times = {
        "Wire": "A rescue helicopter spotted the swimmer around 8:30 p.m. off Gull Point.",
        "Herald": "A rescue helicopter spotted the swimmer at 8:12 p.m. off Gull Point.",
    }
    (disc,) = find_discrepancies(make_brief(times, ("sentences",)))
    assert {v.value for v in disc.values} == {"around 8:30 p.m.", "8:12 p.m."}
    near = dict(times, Herald=times["Herald"].replace("8:12", "8:26"))
    assert find_discrepancies(make_brief(near, ("sentences",))) == []


def test_fp_the_same_act_told_with_more_detail_is_not_a_conflict() -> None:
    """'was shot' and 'was shot outside the garage' on one agreed date: agreement."""
    from newsprism.analysis.conflicts import Frame, _conflict

    def frame(verb: str, objects: set[str], group: int) -> Frame:
        return Frame(verb, frozenset(objects), verb, "pell", "Pell", group, f"s{group}", True)

    detailed = [frame("shoot (passive)", {"garage"}, 0), frame("shoot (passive)", {"garage"}, 1)]
    plain = [frame("shoot (passive)", set(), 2), frame("shoot (passive)", set(), 3)]
    assert not _conflict(detailed, plain)
    other_act = [frame("withdraw", {"case"}, 2), frame("shoot (passive)", {"case"}, 3)]
    assert _conflict(detailed, other_act)


def _quote_brief(first: str, second: str) -> tuple[object, list[object]]:
    from newsprism.analysis.quotes import find_quotes

    words = "You know how the rules work now; someone goes to court and they get sent away"
    brief = make_brief(
        {
            "Wire": f'"{words}," {first} told the tenant, court papers say.',
            "Herald": f'"{words}," {second} told the tenant during a meeting.',
            "Post": "The tenant reported the meeting to the county prosecutor in June.",
        },
        ("sentences",),
    )
    quotes, _ = find_quotes(brief)
    return brief, quotes


def test_one_quotation_attributed_to_two_named_people_is_a_conflict() -> None:
    from newsprism.analysis.speakers import speaker_conflicts

    brief, quotes = _quote_brief("Dara Lindqvist", "Tomas Okafor")
    (disc,) = speaker_conflicts(brief, quotes, independent_sources(brief.articles))
    assert {v.value for v in disc.values} == {"Dara Lindqvist", "Tomas Okafor"}
    assert disc.what.startswith("who said")


def test_fp_a_spelling_variant_or_a_cut_title_is_not_a_second_speaker() -> None:
    from newsprism.analysis.speakers import speaker_conflicts

    for first, second in [
        ("Chief Ada Pellin", "Chief Ada Pellins"),
        ("Sgt. Ada Pell", "Police Sgt"),
    ]:
        brief, quotes = _quote_brief(first, second)
        assert speaker_conflicts(brief, quotes, independent_sources(brief.articles)) == []


def test_fp_names_inside_quotes_or_partial_names_are_not_rival_speakers() -> None:
    """Found on unkeyed dev stories: a song title, a place inside the quotation, a first name
    alone and a cut title ('Islands Del.') taken for a second speaker."""
    from newsprism.analysis.speakers import speaker_conflicts

    for first, second in [
        ("Dara Lindqvist", "Tomas"),
        ("Dara Lindqvist", "Harbour Del."),
    ]:
        brief, quotes = _quote_brief(first, second)
        assert speaker_conflicts(brief, quotes, independent_sources(brief.articles)) == []
    words = "You know how the rules work now; someone goes to court and they get sent away"
    brief = make_brief(
        {
            "Wire": f'"{words}," Dara Lindqvist told the tenant, court papers say.',
            "Herald": f'Her favourite song is "Blue Harbour Nights." "{words}," she added.',
        },
        ("sentences",),
    )
    from newsprism.analysis.quotes import find_quotes

    quotes, _ = find_quotes(brief)
    assert speaker_conflicts(brief, quotes, independent_sources(brief.articles)) == []


def test_fp_counts_of_one_noun_for_different_acts_are_not_one_figure() -> None:
    """Found on an unkeyed dev story: '36 people remained in hospital' set against 'killed 22
    people' because both count people in similar sentences."""
    brief = make_brief(
        {
            "Wire": "Health officials said 31 people remained in hospital after the Harwick blast.",
            "Herald": "The Harwick blast on Friday killed 19 people, health officials said.",
        },
        ("sentences",),
    )
    assert find_discrepancies(brief) == []
    same_act = make_brief(
        {
            "Wire": "Health officials said the Harwick blast killed 31 people on Friday.",
            "Herald": "The Harwick blast on Friday killed 19 people, health officials said.",
        },
        ("sentences",),
    )
    assert len(find_discrepancies(same_act)) == 1


def test_fp_a_cap_takes_in_a_point_below_it_but_a_range_keeps_its_floor() -> None:
    """'falls below 50 percent' / '47%' agree; 'up to five weeks' / 'three to five weeks' differ."""
    from newsprism.analysis.discrepancies import compatible

    (below,) = find_quantities("below 50 percent")
    (point,) = find_quantities("47%")
    assert compatible(below, point)
    (cap,) = find_quantities("up to five weeks")
    (span,) = find_quantities("three to five weeks")
    assert not compatible(cap, span)


def test_fp_figures_for_different_months_are_not_one_figure() -> None:
    """Found on an unkeyed story: jobs added in one month set against another month's figure."""
    brief = make_brief(
        {
            "Wire": "Employers in Varnhem added 19,400 jobs in September, the statistics office said.",
            "Herald": "Employers in Varnhem added 23,500 jobs in August, the statistics office said.",
        },
        ("sentences",),
    )
    assert find_discrepancies(brief) == []


def test_fp_ages_of_different_people_are_not_one_figure() -> None:
    """Found on an unkeyed story: one person's age ('Lee, 43,') set against another's."""
    brief = make_brief(
        {
            "Wire": "Orla Brandt, 43, said the Varnhem ferry crew had warned the harbour office.",
            "Herald": "The Varnhem ferry crew had warned the harbour office, and Ivo was 41.",
        },
        ("sentences",),
    )
    assert find_discrepancies(brief) == []


def test_fp_terms_from_different_years_are_not_one_figure() -> None:
    brief = make_brief(
        {
            "Wire": "In 2003, a judge in Varnhem sent Ivo Brandt to prison for 3 years.",
            "Herald": "In 2009, a judge in Varnhem sentenced Ivo Brandt to 5 years in prison.",
        },
        ("sentences",),
    )
    assert find_discrepancies(brief) == []


def test_an_age_after_one_name_in_every_outlet_is_labelled_as_that_persons_age() -> None:
    brief = make_brief(
        {
            "Wire": "Police arrested Ivo Brandt, 25, on Friday after the Varnhem pier fire.",
            "Herald": "Police arrested Ivo Anton Brandt, 24, on Friday after the Varnhem pier fire.",
        },
        ("sentences",),
    )
    (disc,) = find_discrepancies(brief)
    assert disc.what == "age of Ivo Anton Brandt"


def test_fp_an_increase_is_not_a_rival_total() -> None:
    """'put 14 more people on the list' counts an increase; '9 people on the list' a whole."""
    brief = make_brief(
        {
            "Wire": "The council put 14 more people on the list of residents owed compensation "
            "for the Marsh Lane flooding.",
            "Herald": "The council put 9 people on the list of residents owed compensation for the "
            "Marsh Lane flooding.",
        },
        ("sentences",),
    )
    assert find_discrepancies(brief) == []
    whole = make_brief(
        {
            "Wire": "The council put 14 people on the list of residents owed compensation for the "
            "Marsh Lane flooding.",
            "Herald": "The council put 9 people on the list of residents owed compensation for the "
            "Marsh Lane flooding.",
        },
        ("sentences",),
    )
    assert len(find_discrepancies(whole)) == 1


def test_weak_restatements_joining_a_group_do_not_hide_a_clear_conflict() -> None:
    """Two outlets state one total in near-identical sentences with different values; loose
    repetitions of one value in other sentences lower the group's mean link, not the conflict's."""
    brief = make_brief(
        {
            "Wire": "In the first four days of the Lanton fair, stall holders made $12 million in "
            "sales, organisers said on Monday.",
            "Herald": "In the first four days of the Lanton fair, stall holders made $18 million in "
            "sales, organisers said. Rain kept visitors from the river stalls, which still took "
            "$18 million less than hoped.",
            "Post": "A banker said the $18 million figure was too low for a fair. Critics of the "
            "stall holders called $18 million a poor return. The mayor said $18 million would "
            "pay for new bridges.",
        },
        ("sentences",),
    )
    groups = figure_groups(brief.articles, independent_sources(brief.articles))
    (money,) = [g for g in groups if g.mentions[0].quantity.kind == "money"]
    assert money.across > money.cohesion
    (disc,) = find_discrepancies(brief, groups=groups)
    assert {v.value for v in disc.values} == {"$12 million", "$18 million"}
