"""Timeline date conflicts as rows of the discrepancy table, on stories written in code."""

from __future__ import annotations

from datetime import date

from tests.analysis.helpers import aligned

from newsprism.analysis.date_conflicts import date_discrepancies, weekday_conflicts
from newsprism.analysis.sources import Sources
from newsprism.model import Article, Discrepancy, DiscrepancyValue, Story
from newsprism.pipeline import DEFAULT_PIPELINE, Pipeline


def _conflict(first: str, second: str) -> dict[str, object]:
    return {
        "kind": "date",
        "what": "The bridge over the river collapsed, injuring nine workers.",
        "values": [
            {"value": "2021-03-09", "text": first, "citations": ["a1"], "outlets": ["A"],
             "articles": [0]},
            {"value": "2021-03-08", "text": second, "citations": ["b1"], "outlets": ["B"],
             "articles": [1]},
        ],
    }  # fmt: skip


def _articles() -> list[Article]:
    return [
        Article.create("x", outlet="A", date=date(2021, 3, 10)),
        Article.create("y", outlet="B"),
    ]


def test_a_date_conflict_is_a_discrepancy_citing_each_side() -> None:
    sources = Sources(group_of=[0, 1, 2], labels=["A", "B", "C"])
    (found,) = date_discrepancies([_conflict("Tuesday", "Monday")], _articles(), sources, [])
    assert found.kind == "date" and found.what.startswith("date of: The bridge")
    assert [v.value for v in found.values] == ["Tuesday (2021-03-09)", "Monday (2021-03-08)"]
    assert [v.citations for v in found.values] == [["a1"], ["b1"]]
    assert found.values[0].dates == ["2021-03-10"] and found.values[1].dates == []
    assert found.importance == round(2 / 3, 3)


def test_days_written_out_are_surer_than_resolved_weekdays() -> None:
    sources = Sources(group_of=[0, 1], labels=["A", "B"])
    (stated,) = date_discrepancies([_conflict("March 9", "March 8")], _articles(), sources, [])
    (relative,) = date_discrepancies([_conflict("Tuesday", "Monday")], _articles(), sources, [])
    assert stated.confidence > relative.confidence


def test_a_conflict_another_finder_reported_is_not_repeated() -> None:
    sources = Sources(group_of=[0, 1], labels=["A", "B"])
    figure = Discrepancy(
        what="date",
        values=[DiscrepancyValue(value="9 March", citations=["a1"]),
                DiscrepancyValue(value="8 March", citations=["b1"])],
    )  # fmt: skip
    assert (
        date_discrepancies([_conflict("Tuesday", "Monday")], _articles(), sources, [figure]) == []
    )


def test_the_brief_lists_outlets_dating_one_event_differently() -> None:
    texts = {
        "A": "The bridge over the river collapsed yesterday, injuring nine workers.",
        "B": "The bridge over the river collapsed on Monday, injuring nine workers.",
    }
    articles = [Article.create(t, outlet=n, date=date(2021, 3, 10)) for n, t in texts.items()]
    brief = Pipeline(DEFAULT_PIPELINE).run(Story.from_articles(articles))
    dated = [d for d in brief.discrepancies if d.kind == "date"]
    assert len(dated) == 1
    assert {v.value for v in dated[0].values} == {"yesterday (2021-03-09)", "Monday (2021-03-08)"}


def _weekday_run(texts: dict[str, str]) -> list[Discrepancy]:
    brief, _, sources = aligned(texts)
    return weekday_conflicts(brief, sources)


def test_one_past_event_dated_by_different_weekdays_is_a_conflict() -> None:
    (disc,) = _weekday_run(
        {
            "Wire": "Two volunteers from Dunmore were arrested Tuesday by the county sheriff for "
            "blocking the quarry road with tractors.",
            "Herald": "The two Dunmore volunteers were arrested on Thursday by the county sheriff "
            "after blocking the quarry road.",
        }
    )
    assert sorted(v.value for v in disc.values) == ["Thursday", "Tuesday"]
    assert {o for v in disc.values for o in v.outlets} == {"Wire", "Herald"}
    assert disc.what.startswith("day of: ")


def test_fp_a_planned_event_and_different_acts_are_not_conflicts() -> None:
    """'will vote Friday' is a plan that may move; 'met Monday' / 'voted Wednesday' are two acts."""
    assert not _weekday_run(
        {
            "Wire": "The harbour council voted Monday to close the old ferry pier for repairs.",
            "Herald": "The harbour council will vote Friday to close the old ferry pier for "
            "repairs.",
        }
    )
    assert not _weekday_run(
        {
            "Wire": "The harbour council met Monday to discuss closing the old ferry pier.",
            "Herald": "The harbour council voted Wednesday on closing the old ferry pier.",
        }
    )


def test_fp_an_outlet_dating_the_act_by_both_days_tells_of_two_events() -> None:
    assert not _weekday_run(
        {
            "Wire": "Pickets marched Monday outside the Lowden mill gates over unpaid wages. "
            "Pickets marched again Friday outside the Lowden mill gates.",
            "Herald": "Pickets marched Friday outside the Lowden mill gates over unpaid wages.",
        }
    )


def test_fp_a_year_supplied_by_the_reader_is_no_conflict() -> None:
    """'Oct. 3' read in the story's latest year against 'Oct. 3, 2030': the same day as written."""
    conflict = _conflict("Oct. 3", "Oct. 3, 2030")
    conflict["values"][0]["value"] = "2031-10-03"  # type: ignore[index]
    conflict["values"][1]["value"] = "2030-10-03"  # type: ignore[index]
    assert date_discrepancies([conflict], _articles(), Sources([0, 1], ["A", "B"]), []) == []
    differing = _conflict("Oct. 3", "Oct. 4, 2030")
    assert len(date_discrepancies([differing], _articles(), Sources([0, 1], ["A", "B"]), [])) == 1
