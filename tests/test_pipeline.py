"""Pipeline: validated before it runs, per-stage error policy, provenance recorded."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsprism.errors import NewsprismError
from newsprism.model import Article, Story
from newsprism.pipeline import BriefConfig, Context, Pipeline
from newsprism.registry import STAGES, load_stages, stage

STORY = Story.from_articles([Article.create("One sentence here. Another one there.", outlet="A")])


@pytest.fixture
def test_stages() -> Iterator[None]:
    load_stages()
    before = set(STAGES.names())

    @stage("t-make", version="0.1", requires=("articles",), assigns=("thing",))
    def make(ctx: Context) -> None:
        ctx.artifacts["thing"] = len(ctx.brief.articles)

    @stage("t-use", version="0.2", requires=("thing",), assigns=("used",))
    def use(ctx: Context) -> None:
        ctx.artifacts["used"] = ctx.artifacts["thing"] + 1

    @stage("t-boom", version="0.3", requires=("articles",), assigns=("thing",), on_error="skip")
    def boom(ctx: Context) -> None:
        raise RuntimeError("kaput")

    @stage("t-fatal", version="0.4", requires=("articles",), assigns=("thing",))
    def fatal(ctx: Context) -> None:
        raise RuntimeError("fatal")

    yield
    for name in set(STAGES.names()) - before:
        STAGES.remove(name)


def test_missing_requirement_is_caught_before_running(test_stages: None) -> None:
    with pytest.raises(NewsprismError) as err:
        Pipeline(["t-use", "t-make"])
    assert err.value.code == "pipeline-invalid"
    assert "t-use" in err.value.message and "thing" in err.value.message


def test_unknown_stage_lists_known_ones(test_stages: None) -> None:
    with pytest.raises(NewsprismError) as err:
        Pipeline(["nope"])
    assert err.value.code == "stage-unknown" and "t-make" in err.value.message


def test_stages_run_in_order_and_record_provenance(test_stages: None) -> None:
    brief = Pipeline(["t-make", "t-use"]).run(STORY)
    assert [(s.name, s.version, s.status) for s in brief.stages] == [
        ("t-make", "0.1", "ok"),
        ("t-use", "0.2", "ok"),
    ]
    assert all(s.seconds >= 0 for s in brief.stages)


def test_skip_policy_records_failure_and_skips_dependants(test_stages: None) -> None:
    brief = Pipeline(["t-boom", "t-use"]).run(STORY)
    assert [s.status for s in brief.stages] == ["failed", "skipped"]
    assert "kaput" in (brief.stages[0].error or "")
    assert [n.code for n in brief.notices] == ["stage-failed"]


def test_strict_turns_skip_into_error(test_stages: None) -> None:
    with pytest.raises(NewsprismError) as err:
        Pipeline(["t-boom"]).run(STORY, BriefConfig(strict=True))
    assert err.value.code == "stage-failed" and "kaput" in err.value.message


def test_raise_policy_stops_the_run(test_stages: None) -> None:
    with pytest.raises(NewsprismError, match="fatal"):
        Pipeline(["t-fatal"]).run(STORY)


def test_builtin_stages_form_a_valid_default_pipeline() -> None:
    pipeline = Pipeline()
    names = [s.name for s in pipeline.stages]
    assert names[:3] == ["sentences", "align", "summary"]
