"""Dask engine: a corpus too big for one process, clustered on a Dask cluster in bounded memory.

1. Read and sign in parallel (`dask_blocks`): each input block becomes small arrays (dates,
   MinHash signatures, LSH band keys, where each article's record lives) and a spill file of
   those records (id, title, JSON, term counts) for phase 3; document frequencies are summed by
   a tree of worker tasks. The client holds no text.
2. Duplicates across blocks, on the client (`dask_merge`): equal band keys give candidate pairs,
   signature agreement verifies them, connected components give the groups (vectorised numpy).
3. Time chunks in parallel (`dask_chunks`): canonicals ranked in time order are cut into chunks
   of about ``chunk_articles`` (at least four from 20,000 articles on; copies follow), so chunks
   depend on the data, never on the number of workers. Each chunk task reads its articles'
   records back from the spill files, clusters them with the collection's IDF and writes its
   stories to a part file.
4. Merge across chunks: worker tasks match each chunk's edge stories to the next chunk's, and to
   those of every later chunk of the same day, by centroid similarity with the usual time
   discount; the client splices the part files into stories.jsonl, joining matched stories.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_blocks import (
    BlockSpec,
    Signed,
    WorkerError,
    merge_df,
    plan_blocks,
    sign_block,
    signed_of,
)
from newsprism.cluster.dask_chunks import (
    ChunkPlan,
    chunk_seconds,
    cluster_chunk,
    last_reader,
    match_chunks,
    match_plan,
    plan_chunks,
)
from newsprism.cluster.dask_merge import Node, assemble, duplicate_groups, merge_chunks
from newsprism.cluster.dates import estimate_days
from newsprism.cluster.stream import ClusterStats
from newsprism.errors import NewsprismError
from newsprism.model import Notice

__all__ = ["BlockSpec", "cluster_dask", "plan_blocks"]

# Chunks whose days lie this close are matched (besides neighbours): 0 joins the pieces of a day
# cut into several chunks; 1 would also join stories continuing into the next day's pieces.
MATCH_REACH_DAYS = 0.0


def cluster_dask(
    inputs: Sequence[str | Path],
    out: Path,
    mode: str = "batch",
    config: ClusterConfig | None = None,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    block_bytes: int = 8 << 20,
    chunk_articles: int = 50_000,
    on_notice: Callable[[Notice], None] | None = None,
    strict: bool = False,
    dashboard: bool = False,
) -> ClusterStats:
    """Run the whole pipeline on a Dask cluster (a LocalCluster unless ``scheduler`` is given).

    With ``scheduler``, the inputs and the output's folder must be on a file system that the
    client and every worker see at the same paths: workers read the inputs and write the parts.
    """
    cfg = config or ClusterConfig()
    parts = _parts_folder(Path(out))
    client = local = None
    report = _Reporter(on_notice, strict)
    try:
        start = time.perf_counter()  # starting the cluster is part of the run's time
        client, local = _connect(scheduler, workers, dashboard)
        stats = _pipeline(
            client,
            inputs,
            Path(out),
            parts,
            mode,
            cfg,
            progress,
            block_bytes,
            chunk_articles,
            report,
        )
        stats.seconds = time.perf_counter() - start
        stats.extra["workers"] = len(client.scheduler_info()["workers"])
        return stats
    except WorkerError as exc:
        raise NewsprismError(exc.code, **exc.params) from None
    finally:
        if client is not None:
            client.close()
        if local is not None:
            local.close()
        shutil.rmtree(parts, ignore_errors=True)


def _parts_folder(out: Path) -> Path:
    """A fresh folder for the chunks' part files, next to the output (so on the same disk)."""
    parts = out.with_name(out.name + ".parts")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(parts, ignore_errors=True)
        parts.mkdir()
    except OSError as exc:
        raise NewsprismError("output-unwritable", source=str(out), detail=exc.strerror) from exc
    return parts


class _Reporter:
    """Bad records found by the workers, passed on as notices (or raised, when strict)."""

    def __init__(self, on_notice: Callable[[Notice], None] | None, strict: bool) -> None:
        self.on_notice, self.strict = on_notice, strict

    def __call__(self, signed: list[Signed]) -> None:
        for block in signed:
            for code, message, source in block.problems:
                if self.strict:
                    raise NewsprismError("input-failed", source=source, detail=message)
                if self.on_notice is not None:
                    self.on_notice(Notice(code=code, message=message, source=source))


def _connect(scheduler: str | None, workers: int | None, dashboard: bool) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise NewsprismError("extra-missing", feature="The Dask engine", extra="dask") from exc
    if scheduler:
        return Client(scheduler), None
    local = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        # Loopback only: the scheduler, workers and dashboard expose logs and call stacks. The
        # dashboard pages are off unless asked for; any free port (8787 may be taken).
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # Dask's HTTP server starts regardless: keep it local
        scheduler_kwargs={"dashboard": dashboard},
    )
    return Client(local), local


class _Clock:
    """Seconds spent in each phase, for the benchmark's breakdown."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[f"{name}_seconds"] = round(now - self._last, 2)
        self._last = now


def _pipeline(
    client: Any,
    inputs: Sequence[str | Path],
    out: Path,
    parts: Path,
    mode: str,
    cfg: ClusterConfig,
    progress: Callable[[int], None] | None,
    block_bytes: int,
    chunk_articles: int,
    report: Callable[[list[Signed]], None],
) -> ClusterStats:
    clock = _Clock()
    specs = plan_blocks(inputs, block_bytes)
    spills = [str(parts / f"block-{k:05d}.spill") for k in range(len(specs))]
    signed, df = _sign(client, specs, spills, cfg, progress)
    report(signed)
    clock.lap("read_and_sign")
    days = np.concatenate([b.days for b in signed])
    if len(days) == 0:
        raise NewsprismError("no-articles")
    # Undated articles get a day as in the local engines (dateline, else the days before them in
    # the input): with none they would pay no time penalty and chain stories across chunks.
    days, known = estimate_days(days, np.concatenate([b.datelines for b in signed]), cfg.window)
    sigs, bands = _joined(signed, "sigs"), _joined(signed, "bands")
    canonical = duplicate_groups(sigs, bands, days, cfg.dedup_threshold, max_days=cfg.window)
    del sigs, bands
    clock.lap("dedup")
    plans = plan_chunks(canonical, days, known, _places(signed), chunk_articles)
    clock.lap("plan_chunks")
    root, ids, work = _cluster(client, plans, spills, df, cfg, mode, parts)
    clock.lap("cluster_and_match")
    stats = ClusterStats(
        articles=len(days), duplicates=int((canonical != np.arange(len(days))).sum())
    )
    try:
        with out.open("wb") as fh:
            part_files = [_part(parts, k) for k in range(len(plans))]
            stats.stories = assemble([Path(p) for p in part_files], root, ids, fh)
    except OSError as exc:
        raise NewsprismError("output-unwritable", source=str(out), detail=exc.strerror) from exc
    clock.lap("write")
    stats.extra.update(clock.laps)
    stats.extra["worker_sign_seconds"] = round(sum(b.seconds for b in signed), 1)
    stats.extra.update({f"worker_{k}_seconds": round(v, 1) for k, v in work.items()})
    stats.extra["chunks"] = len(plans)
    stats.extra["unreadable_records"] = sum(b.skipped for b in signed)
    return stats


def _sign(
    client: Any,
    specs: list[BlockSpec],
    spills: list[str],
    cfg: ClusterConfig,
    progress: Callable[[int], None] | None,
) -> tuple[list[Signed], Any]:
    """Phase 1: every block's arrays (in block order) and a future of the summed frequencies."""
    from dask.distributed import as_completed
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=cfg.dedup_threshold, num_perm=cfg.num_perm)
    blocks = client.map(sign_block, specs, spills, config=cfg, bands=lsh.b, rows=lsh.r, pure=False)
    arrays = client.map(signed_of, blocks, pure=False)
    level = blocks
    while len(level) > 1:
        pairs = [level[i : i + 2] for i in range(0, len(level), 2)]
        level = [client.submit(merge_df, *pair, pure=False) for pair in pairs]
    df = level[0] if len(specs) > 1 else client.submit(merge_df, level[0], pure=False)
    del blocks, level
    position = {fut.key: i for i, fut in enumerate(arrays)}
    signed: list[Signed | None] = [None] * len(arrays)
    for fut in as_completed(arrays):
        result: Signed = fut.result()
        signed[position[fut.key]] = result
        fut.release()
        if progress is not None:
            progress(len(result.days))
    return [s for s in signed if s is not None], df


def _joined(signed: list[Signed], name: str) -> np.ndarray:
    """One array of all blocks' ``name`` arrays, dropping those as it goes: the client keeps
    only the places of the articles after deduplication, and never two copies of both tables."""
    joined = np.concatenate([getattr(b, name) for b in signed])
    for b in signed:
        setattr(b, name, np.empty(0, dtype=joined.dtype))
    return joined


def _places(signed: list[Signed]) -> dict[str, np.ndarray]:
    """Per article: its spill file (its block's index), and its record's offset and length."""
    sizes = [len(b.days) for b in signed]
    return {
        "file": np.repeat(np.arange(len(signed), dtype=np.int64), sizes),
        "offset": np.concatenate([b.offsets for b in signed]),
        "length": np.concatenate([b.lengths for b in signed]),
    }


def _part(parts: Path, k: int) -> str:
    return str(parts / f"part-{k:05d}.jsonl")


def _cluster(
    client: Any,
    plans: list[ChunkPlan],
    files: list[str],
    df: Any,
    cfg: ClusterConfig,
    mode: str,
    parts: Path,
) -> tuple[dict[Node, Node], dict[Node, list[str]], dict[str, float]]:
    """Phase 3 and the boundary matches, submitted interleaved so results are freed early.

    Returns the merged groups, the article ids of their stories, and worker seconds by step."""
    from dask.distributed import wait

    # Every worker gets the IDF table up front, or the scheduler would favour the one holding it.
    wait(df)
    client.replicate([df])
    pairs = match_plan(plans, MATCH_REACH_DAYS)
    last_use = last_reader(pairs, len(plans))
    chunks: dict[int, Any] = {}
    matches: list[Any] = []
    timings: list[Any] = []
    # Scattered, not embedded: a plan's arrays are too big to travel inside the task graph.
    for index, plan in enumerate(client.scatter(plans)):
        part = _part(parts, index)
        chunks[index] = client.submit(cluster_chunk, plan, files, df, cfg, mode, part, pure=False)
        timings.append(client.submit(chunk_seconds, chunks[index], pure=False))
        earlier = [chunks[k] for k, j in pairs if j == index]
        if earlier:
            task = client.submit(match_chunks, chunks[index], *earlier, config=cfg, pure=False)
            matches.append(task)
        # A chunk's result (its edge stories) is freed on the workers once the tasks that read
        # it are done, not held until the last chunk is: held, they were most of the memory.
        for k in [k for k in chunks if last_use[k] <= index]:
            del chunks[k]
    timings = client.gather(timings)
    found = [m for group in client.gather(matches) for m in group]
    ids: dict[Node, list[str]] = {}
    for m in found:
        ids.update(m.ids)
    work = {key: sum(t[key] for t in timings) for key in ("chunk", "place")}
    work["match"] = sum(m.seconds for m in found)
    return merge_chunks([(m.k, m.j, m.pairs) for m in found]), ids, work
