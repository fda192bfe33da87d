"""Scoring key players and timelines against a key: matching rules, merges, splits, order."""

from __future__ import annotations

from datetime import date

from newsprism.eval.players import key_variants, player_tallies, score_entities, score_timeline
from newsprism.model import Brief, Entity, TimelineEvent


def _entity(eid: str, name: str, *aliases: str, kind: str = "PERSON") -> Entity:
    return Entity(id=eid, name=name, type=kind, aliases=list(aliases))


def _event(text: str, day: date | None = None) -> TimelineEvent:
    return TimelineEvent(date=day, date_text="", resolved=day is not None, text=text)


def test_key_variants_read_brackets_and_slashes() -> None:
    assert ("libby", "german") in key_variants("Liberty (Libby) German")
    assert ("lapd",) in key_variants("Los Angeles Police Department (LAPD)")
    assert ("b", "c") in key_variants("A B / B C")
    assert ("pseudonym",) not in key_variants("Jane Roe (pseudonym)")


def test_entity_recall_with_middle_names_acronyms_and_a_merge_error() -> None:
    brief = Brief(
        story_id="s",
        articles=[],
        entities=[
            _entity("e1", "Sarah Jane Holt", "Holt"),
            _entity("e2", "Federal Bureau of Investigation", kind="ORG"),
            _entity("e3", "Reyes", "Tom Reyes", "Anna Reyes"),
        ],
    )
    key = {
        "entities": {
            "PERSON": ["Sarah Holt", "Tom Reyes", "Anna Reyes", "Lee Park"],
            "ORG": ["FBI"],
        }
    }
    scores = score_entities(brief, key)
    assert (scores["found"], scores["key_entities"]) == (4, 5)
    assert scores["missed"] == ["Lee Park"]
    assert scores["merge_errors"] == [["Anna Reyes", "Tom Reyes"]]


def test_a_person_matched_twice_is_a_split() -> None:
    brief = Brief(
        story_id="s", articles=[], entities=[_entity("e1", "Tom Reyes"), _entity("e2", "Tom Reyes")]
    )
    assert score_entities(brief, {"entities": {"PERSON": ["Tom Reyes"]}})["split_errors"] == [
        "Tom Reyes"
    ]


def test_timeline_recall_and_order_by_content_words() -> None:
    brief = Brief(
        story_id="s",
        articles=[],
        timeline=[
            _event("The bridge collapsed, injuring nine workers.", date(2021, 3, 9)),
            _event("The mayor ordered an inspection of every bridge in the city."),
            _event("Rescue crews pulled the workers from the river."),
        ],
    )
    key = {
        "timeline": [
            "Tuesday, March 9: the bridge collapses and nine workers are injured (d0, d1)",
            "crews pull the workers out of the river",
            "the mayor orders bridge inspections",
            "the governor visits the site",
        ]
    }
    scores = score_timeline(brief, key)
    assert (scores["found"], scores["key_events"]) == (3, 4)
    assert scores["pairs"] == 3 and scores["order"] == round(2 / 3, 3)
    assert scores["missed"] == ["the governor visits the site"]


def test_an_entry_at_the_key_events_time_beats_one_that_only_repeats_its_words() -> None:
    wordy = TimelineEvent(
        date=None,
        date_text="May 2",
        resolved=False,
        text="The council's long debate about schools and the budget began May 2.",
    )
    timely = TimelineEvent(
        date=None, date_text="March 9", resolved=False, text="The budget was approved on March 9."
    )
    brief = Brief(story_id="s", articles=[], timeline=[wordy, timely])
    key = {"timeline": ["March 9: the council approves the budget after a long debate on schools"]}
    assert score_timeline(brief, key)["matched"] == {"0": 1}


def test_player_tallies_count_merges_over_key_people() -> None:
    brief = Brief(story_id="s", articles=[], entities=[_entity("e1", "Tom Reyes", "Tim Reyes")])
    key = {"entities": {"PERSON": ["Tom Reyes", "Tim Reyes", "Ana Cruz"]}, "timeline": []}
    tallies = player_tallies(brief, key)
    assert (tallies["entities"].found, tallies["entities"].total) == (2, 3)
    assert (tallies["merges"].found, tallies["merges"].total) == (1, 3)
    assert tallies["merges"].missed == ["Tim Reyes + Tom Reyes"]
    assert (tallies["timeline"].total, tallies["order"].total) == (0, 0)
