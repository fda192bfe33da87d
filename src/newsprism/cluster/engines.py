"""The built-in clustering engines, registered like any plugin's (``newsprism.registry.ENGINES``).

An engine turns input paths into stories written to a file; the runner looks it up by name, so a
plugin adds one with ``engine(...)`` in a module named in the ``newsprism.engines`` entry points.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from newsprism.registry import ENGINES

if TYPE_CHECKING:
    from newsprism.cluster.config import ClusterConfig
    from newsprism.cluster.stream import ClusterStats


class EngineRun(Protocol):
    def __call__(
        self,
        inputs: Sequence[str | Path],
        out: Path,
        mode: str,
        config: ClusterConfig,
        **options: Any,
    ) -> ClusterStats: ...


@dataclass(frozen=True)
class EngineSpec:
    """An engine: how it runs, and whether it can cluster by meaning (embeddings)."""

    name: str
    run: EngineRun
    semantic: bool = False
    doc: str = ""


def engine(name: str, semantic: bool = False) -> Callable[[EngineRun], EngineRun]:
    """Register a clustering engine under ``name`` (the decorator plugins use too)."""

    def register(fn: EngineRun) -> EngineRun:
        doc = (fn.__doc__ or "").strip().split("\n")[0]
        ENGINES.add(name, EngineSpec(name, fn, semantic, doc))
        return fn

    return register


@engine("local", semantic=True)
def local(
    inputs: Sequence[str | Path], out: Path, mode: str, config: ClusterConfig, **options: Any
) -> ClusterStats:
    """One process plus featurising helpers; online or batch."""
    from newsprism.cluster.runner import cluster_local

    for dask_only in ("scheduler", "workers", "dashboard"):
        options.pop(dask_only, None)
    return cluster_local(inputs, out, "batch" if mode == "batch" else "online", config, **options)


@engine("dask")
def dask(
    inputs: Sequence[str | Path], out: Path, mode: str, config: ClusterConfig, **options: Any
) -> ClusterStats:
    """Partitioned and parallel on a Dask cluster; lexical features only."""
    from newsprism.cluster.dask_engine import cluster_dask

    options.pop("jobs", None)  # the local engine's helpers
    return cluster_dask(inputs, out, mode, config, **options)
