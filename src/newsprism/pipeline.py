"""Assemble, validate and run the brief pipeline.

Data flows between stages only through names they declare. Before a run, every ``requires`` must be
assigned by the input or an earlier stage; during it, a stage may read only what it requires and
write only what it assigns, and must write all of it. Brief sections a stage did not declare are
hidden from it, so a hidden dependency fails loudly instead of silently changing the output.
Each run records stage name, version, time and status in the Brief, and the configuration it used.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NoReturn

from newsprism.errors import NewsprismError
from newsprism.model import Brief, BriefConfig, Notice, StageRun, Story
from newsprism.registry import StageSpec, load_stages

__all__ = ["DEFAULT_PIPELINE", "INPUTS", "BriefConfig", "Context", "Pipeline", "stages_for"]

log = logging.getLogger(__name__)

INPUTS = ("articles",)
DEFAULT_PIPELINE = (
    "sentences", "sources", "boilerplate", "embed", "align", "names", "entities", "timeline",
    "quotes", "discrepancies", "summary", "agreed", "unique", "framing",
)  # fmt: skip

# Brief fields a stage may assign; the others are the story itself or provenance.
_NOT_SECTIONS = frozenset({"schema_version", "story_id", "title", "articles", "stages", "config"})
BRIEF_SECTIONS = frozenset(Brief.model_fields) - _NOT_SECTIONS - {"notices"}


def stages_for(target: str, names: Sequence[str] = DEFAULT_PIPELINE) -> tuple[str, ...]:
    """The stages of ``names`` that ``target`` needs, itself last, in pipeline order.

    Read from the stages' declarations, so a benchmark of one section (the summary alone) cannot
    go stale when a stage gains a requirement.
    """
    registry = load_stages()
    specs = [registry.get(n) for n in names]
    if target not in names:
        raise NewsprismError("stage-unknown", stage=target, known=", ".join(names))
    needed, kept = set(registry.get(target).requires), [target]
    for spec in reversed(specs[: list(names).index(target)]):
        if needed & set(spec.assigns):
            kept.append(spec.name)
            needed.update(spec.requires)
    return tuple(reversed(kept))


def _undeclared(stage: str, action: str, name: str) -> NewsprismError:
    declaration = "requires" if action == "reads" else "assigns"
    return NewsprismError(
        "stage-undeclared", stage=stage, action=action, name=name, declaration=declaration
    )


class _Hidden:
    """Stands in for a brief section the running stage did not declare; any use of it fails."""

    def __init__(self, stage: str, name: str) -> None:
        self.stage, self.name = stage, name

    def _fail(self, *_: object) -> NoReturn:
        raise _undeclared(self.stage, "reads", self.name)

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = _fail


@dataclass
class Context:
    """What a stage sees: the brief being built, the config, and the named values it declared."""

    brief: Brief
    config: BriefConfig
    values: dict[str, Any] = field(default_factory=dict)
    spec: StageSpec | None = None

    def get(self, name: str) -> Any:
        """A value the running stage declared in ``requires``."""
        if self.spec is not None and name not in self.spec.requires:
            raise _undeclared(self.spec.name, "reads", name)
        if name not in self.values:
            raise NewsprismError("pipeline-invalid", stage=self._stage_name(), missing=name)
        return self.values[name]

    def put(self, name: str, value: Any) -> None:
        """Set a value the running stage declared in ``assigns``; brief sections land in the brief."""
        if self.spec is not None and name not in self.spec.assigns:
            raise _undeclared(self.spec.name, "writes", name)
        self.values[name] = value
        if name in BRIEF_SECTIONS:
            setattr(self.brief, name, value)

    def _stage_name(self) -> str:
        return self.spec.name if self.spec is not None else "(outside a stage)"


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
        brief = Brief(story_id=story.id, title=story.title, articles=story.articles, config=config)
        brief.notices.extend(notices)
        ctx = Context(brief=brief, config=config, values={"articles": brief.articles})
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
            with _declared(ctx, spec):
                spec.fn(ctx)
            missing = [name for name in spec.assigns if name not in ctx.values]
            if missing:
                raise NewsprismError("stage-incomplete", stage=spec.name, missing=missing[0])
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


@contextmanager
def _declared(ctx: Context, spec: StageSpec) -> Iterator[None]:
    """While a stage runs: it is the context's current stage and undeclared sections are hidden."""
    ctx.spec = spec
    visible = set(spec.requires) | set(spec.assigns)
    saved = {name: getattr(ctx.brief, name) for name in sorted(BRIEF_SECTIONS - visible)}
    for name in saved:
        object.__setattr__(ctx.brief, name, _Hidden(spec.name, name))
    try:
        yield
    finally:
        for name, value in saved.items():
            object.__setattr__(ctx.brief, name, value)
        ctx.spec = None


def _skipped(spec: StageSpec, reason: str) -> StageRun:
    return StageRun(
        name=spec.name, version=spec.version, seconds=0.0, status="skipped", error=reason
    )
