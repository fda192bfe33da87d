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
        ctx.put("thing", len(ctx.get("articles")))

    @stage("t-use", version="0.2", requires=("thing",), assigns=("used",))
    def use(ctx: Context) -> None:
        ctx.put("used", ctx.get("thing") + 1)

    @stage("t-boom", version="0.3", requires=("articles",), assigns=("thing",), on_error="skip")
    def boom(ctx: Context) -> None:
        raise RuntimeError("kaput")

    @stage("t-fatal", version="0.4", requires=("articles",), assigns=("thing",))
    def fatal(ctx: Context) -> None:
        raise RuntimeError("fatal")

    @stage("t-sneak", version="0.5", requires=("articles",), assigns=("used",))
    def sneak(ctx: Context) -> None:
        ctx.put("used", ctx.get("thing"))

    @stage("t-peek", version="0.6", requires=("articles",), assigns=("used",))
    def peek(ctx: Context) -> None:
        ctx.put("used", len(ctx.brief.summary))

    @stage("t-stray", version="0.7", requires=("articles",), assigns=("thing",))
    def stray(ctx: Context) -> None:
        ctx.put("thing", 1)
        ctx.put("other", 2)

    @stage("t-lazy", version="0.8", requires=("articles",), assigns=("thing", "other"))
    def lazy(ctx: Context) -> None:
        ctx.put("thing", 1)

    @stage("t-summary", version="0.9", requires=("articles",), assigns=("summary",))
    def summary(ctx: Context) -> None:
        ctx.put("summary", [])

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
    assert names[0] == "sentences" and {"sources", "align", "summary", "unique"} <= set(names)


@pytest.mark.parametrize(
    ("stages", "code", "words"),
    [
        (["t-make", "t-sneak"], "stage-undeclared", ["t-sneak", "reads", "thing", "requires"]),
        (["t-summary", "t-peek"], "stage-undeclared", ["t-peek", "reads", "summary"]),
        (["t-stray"], "stage-undeclared", ["t-stray", "writes", "other", "assigns"]),
        (["t-lazy"], "stage-incomplete", ["t-lazy", "other"]),
    ],
)
def test_stages_read_and_write_only_what_they_declare(
    test_stages: None, stages: list[str], code: str, words: list[str]
) -> None:
    with pytest.raises(NewsprismError) as err:
        Pipeline(stages).run(STORY)
    assert err.value.code == code
    for word in words:
        assert word in err.value.message


def test_declared_section_is_visible_after_the_stage(test_stages: None) -> None:
    brief = Pipeline(["t-summary"]).run(STORY)
    assert brief.summary == [] and brief.agreed == []


def test_brief_records_its_config() -> None:
    config = BriefConfig(words=40, options={"summary": {}})
    brief = Pipeline(("sentences",)).run(STORY, config)
    assert brief.config is not None and brief.config.words == 40


@pytest.mark.parametrize("words", [0, -5, "many"])
def test_bad_config_is_refused_when_built(words: object) -> None:
    with pytest.raises(NewsprismError) as err:
        BriefConfig(words=words)
    assert err.value.code == "config-invalid" and "words" in err.value.message


def test_every_builtin_stage_declares_a_producer_for_what_it_reads() -> None:
    """A default stage whose producer is removed makes the pipeline invalid, not silently different."""
    names = [s.name for s in Pipeline().stages]
    for removed in ("sources", "quotes", "discrepancies", "agreed"):
        with pytest.raises(NewsprismError) as err:
            Pipeline([n for n in names if n != removed])
        assert err.value.code == "pipeline-invalid"


def test_stages_for_keeps_what_the_target_needs_in_order(test_stages: None) -> None:
    from newsprism.pipeline import stages_for

    chain = ["t-make", "t-summary", "t-use"]
    assert stages_for("t-use", chain) == ("t-make", "t-use")
    assert stages_for("t-summary", chain) == ("t-summary",)


def test_stages_for_the_summary_forms_a_valid_pipeline_without_later_sections() -> None:
    from newsprism.pipeline import stages_for

    names = stages_for("summary")
    Pipeline(names)  # validates every requirement
    assert names[-1] == "summary" and {"agreed", "unique", "framing"}.isdisjoint(names)


def test_stages_for_an_unknown_target_names_it(test_stages: None) -> None:
    from newsprism.pipeline import stages_for

    with pytest.raises(NewsprismError, match="no-such"):
        stages_for("no-such", ["t-make"])
