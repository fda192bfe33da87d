"""One registry for everything newsprism can be extended with: stages, readers, renderers, engines.

Built-in items register exactly as a plugin's do, like datasette's ``DEFAULT_PLUGINS``: each kind
lists the modules that hold its built-ins, and installed packages add theirs through the matching
entry-point group (``newsprism.stages``, ``newsprism.readers``, ``newsprism.renderers``,
``newsprism.engines``), whose entry points name modules that register items when imported. A
registry loads both the first time it is asked for an item, so nothing is imported at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.cluster.engines import EngineSpec
    from newsprism.ingest.base import ReaderFn
    from newsprism.model import Brief
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
DEFAULT_READER_MODULES = (
    "newsprism.ingest.text",
    "newsprism.ingest.html",
    "newsprism.ingest.jsonl",
    "newsprism.ingest.feeds",
    "newsprism.ingest.warc",
)
DEFAULT_RENDERER_MODULES = ("newsprism.render",)
DEFAULT_ENGINE_MODULES = ("newsprism.cluster.engines",)


class Registry(Generic[T]):
    """Name -> item for one kind of extension; loads its built-in modules and plugins on first use."""

    def __init__(self, kind: str, defaults: tuple[str, ...], unknown: str = "plugin-unknown"):
        self.kind = kind
        self.group = f"newsprism.{kind}s"
        self.defaults = defaults
        self.unknown = unknown  # the error code for a name nothing registered
        self._items: dict[str, T] = {}
        self._loaded = False

    def load(self, again: bool = False) -> Registry[T]:
        """Import the built-in modules and every module named in the entry-point group, once."""
        if again or not self._loaded:
            self._loaded = True
            for module in self.defaults:
                importlib.import_module(module)
            for ep in entry_points(group=self.group):
                ep.load()  # a module registers its items when imported
        return self

    def add(self, name: str, item: T) -> None:
        self._items[name] = item

    def remove(self, name: str) -> None:
        self._items.pop(name, None)

    def get(self, name: str) -> T:
        """The item registered as ``name``; a clear error naming the known ones otherwise."""
        self.load()
        if name not in self._items:
            known = ", ".join(sorted(self._items))
            raise NewsprismError(self.unknown, kind=self.kind, name=name, stage=name, known=known)
        return self._items[name]

    def names(self) -> list[str]:
        return list(self.load()._items)

    def values(self) -> list[T]:
        return list(self.load()._items.values())

    def __contains__(self, name: object) -> bool:
        return name in self.load()._items

    def __getitem__(self, name: str) -> T:
        return self.get(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self.load()._items)


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


STAGES: Registry[StageSpec] = Registry("stage", DEFAULT_STAGE_MODULES, unknown="stage-unknown")


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


READERS: Registry[ReaderFn] = Registry("reader", DEFAULT_READER_MODULES)
RENDERERS: Registry[Callable[[Brief], str]] = Registry("renderer", DEFAULT_RENDERER_MODULES)
ENGINES: Registry[EngineSpec] = Registry("engine", DEFAULT_ENGINE_MODULES)


def renderer(name: str) -> Callable[[Callable[[Brief], str]], Callable[[Brief], str]]:
    """Register a rendering of a Brief as output format ``name`` (the decorator plugins use too)."""

    def register(fn: Callable[[Brief], str]) -> Callable[[Brief], str]:
        RENDERERS.add(name, fn)
        return fn

    return register


def load_stages() -> Registry[StageSpec]:
    """The stage registry with built-in stages and installed plugins loaded."""
    return STAGES.load()


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
        for s in load_stages().values()
    ]
