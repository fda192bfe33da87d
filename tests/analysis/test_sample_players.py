"""Key players and timeline of the bundled sample story (invented, in the repo) against its key."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from tests.expect import the

from newsprism.api import brief
from newsprism.eval.players import score_entities, score_timeline
from newsprism.model import Brief
from newsprism.samples import sample_paths


@lru_cache(maxsize=1)
def _sample() -> tuple[Brief, dict[str, Any]]:
    paths = sample_paths()
    key_file = the(paths[0].parent.iterdir(), "expected.json", lambda p: p.name == "expected.json")
    return brief(paths), json.loads(key_file.read_text(encoding="utf-8"))


def test_every_person_of_the_sample_is_one_entity_under_their_full_name() -> None:
    result, key = _sample()
    names = {e.name for e in result.entities}  # the small model types a few invented names ORG
    assert set(key["entities"]["PERSON"]) <= names
    scores = score_entities(result, key)
    assert scores["merge_errors"] == [] and scores["split_errors"] == []


def test_the_sample_timeline_has_every_event_with_its_day() -> None:
    result, key = _sample()
    scores = score_timeline(result, key)
    assert scores["found"] == len(key["timeline"])
    assert scores["order"] is not None and scores["order"] >= 0.9
    assert all(e.resolved for e in result.timeline if e.date_text.istitle())
