"""Key players and timeline on ../shared/clusters/doj-letter against its expected.json.

The articles carry no dates; the timeline test gives each one a publication date in code, as a
manifest or JSON front matter would, so weekdays such as "Sunday" can resolve.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsprism.api import brief_story, load_articles
from newsprism.eval.players import score_entities, score_timeline
from newsprism.model import Brief, Story

PUBLISHED = date(2020, 2, 17)  # a Monday; every article in code gets this date


@lru_cache(maxsize=2)
def _brief(folder: str, dated: bool) -> Brief:
    paths = sorted(p for p in Path(folder).glob("*.txt"))
    articles, _ = load_articles(paths)
    for article in articles:
        article.date = PUBLISHED if dated else None
    return brief_story(Story.from_articles(articles))


def _expected(doj_dir: Path) -> dict[str, Any]:
    return json.loads((doj_dir / "expected.json").read_text())


def test_every_expected_person_and_organisation_is_one_entity_with_its_name(
    doj_dir: Path,
) -> None:
    result = _brief(str(doj_dir), False)
    expected = _expected(doj_dir)["entities"]
    people = {e.name for e in result.entities if e.type == "PERSON"}
    assert set(expected["PERSON"]) <= people
    scores = score_entities(result, {"entities": expected})
    assert scores["missed"] == [] and scores["merge_errors"] == []
    assert scores["split_errors"] == []


def test_the_attorney_general_is_merged_into_his_name(doj_dir: Path) -> None:
    result = _brief(str(doj_dir), False)
    (barr,) = [e for e in result.entities if e.name == "William Barr"]
    assert {"Barr", "the attorney general"} <= set(barr.aliases)
    assert len(barr.outlets) == 5


def test_the_six_events_are_found_in_order_and_sunday_resolves(doj_dir: Path) -> None:
    result = _brief(str(doj_dir), True)
    scores = score_timeline(result, _expected(doj_dir))
    assert scores["found"] == 6 and scores["order"] == 1.0, scores
    sundays = [e for e in result.timeline if e.date_text.lower().endswith("sunday")]
    assert sundays and all(e.date == date(2020, 2, 16) and e.resolved for e in sundays)
    (testimony,) = [e for e in result.timeline if "testify" in e.text]
    assert testimony.upcoming and testimony.date == date(2020, 3, 31)
