"""Assemble, validate and run the brief pipeline.

The pipeline is checked before it runs: each stage's ``requires`` must be assigned by the input or an
earlier stage. Each run records stage name, version, time and status in the Brief.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.model import Brief, Notice, StageRun, Story
from newsprism.registry import StageSpec, load_stages

log = logging.getLogger(__name__)

INPUTS = ("articles",)
DEFAULT_PIPELINE = (
    "sentences", "align", "summary", "quotes", "discrepancies", "agreed", "unique",
)  # fmt: skip


@dataclass
class BriefConfig:
    words: int = 250
    strict: bool = False
    semantic: bool = False
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    """What stages read and write: the story, the brief being built, and shared artefacts."""

    story: Story
    brief: Brief
    config: BriefConfig
    artifacts: dict[str, Any] = field(default_factory=dict)


class Pipeline:
    def __init__(self, names: Sequence[str] = DEFAULT_PIPELINE) -> None:
        registry = load_stages()
        self.stages: list[StageSpec] = [registry.get(n) for n in names]
        self.validate()

    def validate(self) -> None:
        available = set(INPUTS)
        for spec in self.stages:
            for need in spec.requires:
                if need not in available:
                    raise NewsprismError("pipeline-invalid", stage=spec.name, missing=need)
            available.update(spec.assigns)

    def run(
        self,
        story: Story,
        config: BriefConfig | None = None,
        notices: Sequence[Notice] = (),
        progress: Callable[[str], None] | None = None,
    ) -> Brief:
        config = config or BriefConfig()
        brief = Brief(story_id=story.id, title=story.title, articles=story.articles)
        brief.notices.extend(notices)
        ctx = Context(story=story, brief=brief, config=config)
        failed: set[str] = set()
        for spec in self.stages:
            if progress:
                progress(spec.name)
            missing = [r for r in spec.requires if r in failed]
            if missing:
                brief.stages.append(_skipped(spec, f"needs {', '.join(missing)}, which failed"))
                failed.update(spec.assigns)
                continue
            brief.stages.append(self._run_stage(spec, ctx, failed))
        return brief

    def _run_stage(self, spec: StageSpec, ctx: Context, failed: set[str]) -> StageRun:
        start = time.perf_counter()
        try:
            spec.fn(ctx)
        except Exception as exc:
            if ctx.config.strict or spec.on_error == "raise":
                if isinstance(exc, NewsprismError):
                    raise
                raise NewsprismError("stage-failed", stage=spec.name, detail=repr(exc)) from exc
            log.warning("stage %s failed: %r", spec.name, exc)
            failed.update(spec.assigns)
            ctx.brief.notices.append(
                Notice(
                    code="stage-failed",
                    message=f"stage '{spec.name}' failed and was skipped: {exc}",
                )
            )
            return StageRun(
                name=spec.name,
                version=spec.version,
                seconds=time.perf_counter() - start,
                status="failed",
                error=repr(exc),
            )
        return StageRun(name=spec.name, version=spec.version, seconds=time.perf_counter() - start)


def _skipped(spec: StageSpec, reason: str) -> StageRun:
    return StageRun(
        name=spec.name, version=spec.version, seconds=0.0, status="skipped", error=reason
    )
