"""JSON is the Brief model itself: it round-trips exactly."""

from __future__ import annotations

import json

from newsprism.model import Brief
from newsprism.render import render
from newsprism.render.json import render_json


def test_json_round_trips_to_the_same_brief(plain_brief: Brief, hostile_brief: Brief) -> None:
    for brief in (plain_brief, hostile_brief):
        assert Brief.model_validate_json(render_json(brief)) == brief


def test_sample_brief_round_trips_and_matches_the_dispatcher(sample_brief: Brief) -> None:
    text = render(sample_brief, "json")
    assert text == render_json(sample_brief)
    assert Brief.model_validate_json(text) == sample_brief
    assert json.loads(text)["schema_version"] == sample_brief.schema_version
