"""Registries for readers and pipeline stages.

Built-in stages register exactly as a plugin would: through the ``newsprism.stages`` entry-point group,
plus the modules listed in ``DEFAULT_STAGE_MODULES`` (the built-in "plugins").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.pipeline import Context

T = TypeVar("T")

OnError = Literal["raise", "skip"]

DEFAULT_STAGE_MODULES = (
    "newsprism.text.stage",
    "newsprism.analysis.sources",
    "newsprism.analysis.boilerplate",
    "newsprism.analysis.semantic",
    "newsprism.align",
    "newsprism.analysis.summary",
    "newsprism.analysis.quotes",
    "newsprism.analysis.discrepancies",
    "newsprism.analysis.agreed",
    "newsprism.analysis.unique",
    "newsprism.analysis.mentions",
    "newsprism.analysis.entities",
    "newsprism.analysis.timeline",
    "newsprism.analysis.framing",
)


class Registry(Generic[T]):
    """Name -> item, with a clear error for unknown names."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def add(self, name: str, item: T) -> None:
        self._items[name] = item

    def remove(self, name: str) -> None:
        self._items.pop(name, None)

    def get(self, name: str) -> T:
        if name not in self._items:
            raise NewsprismError("stage-unknown", stage=name, known=", ".join(sorted(self._items)))
        return self._items[name]

    def names(self) -> list[str]:
        return list(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())


StageFn = Callable[["Context"], None]


@dataclass(frozen=True)
class StageSpec:
    """What a stage needs, what it adds, and what happens when it fails."""

    name: str
    version: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    on_error: OnError = "raise"
    doc: str = field(default="", compare=False)


STAGES: Registry[StageSpec] = Registry("stage")


def stage(
    name: str,
    *,
    version: str,
    requires: tuple[str, ...] = (),
    assigns: tuple[str, ...] = (),
    on_error: OnError = "raise",
) -> Callable[[StageFn], StageFn]:
    """Register a pipeline stage (the decorator plugins use too)."""

    def register(fn: StageFn) -> StageFn:
        doc = (fn.__doc__ or "").strip().split("\n")[0]
        STAGES.add(name, StageSpec(name, version, fn, requires, assigns, on_error, doc))
        return fn

    return register


_loaded = False


def load_stages() -> Registry[StageSpec]:
    """Import built-in stage modules and installed plugins once."""
    global _loaded
    if not _loaded:
        for module in DEFAULT_STAGE_MODULES:
            importlib.import_module(module)
        for ep in entry_points(group="newsprism.stages"):
            ep.load()
        _loaded = True
    return STAGES


def describe_stages() -> list[dict[str, Any]]:
    return [
        {
            "name": s.name,
            "version": s.version,
            "requires": list(s.requires),
            "assigns": list(s.assigns),
            "on_error": s.on_error,
            "doc": s.doc,
        }
        for s in load_stages()
    ]
