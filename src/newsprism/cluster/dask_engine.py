"""Dask engine: a corpus too big for one process, clustered on a Dask cluster.

1. Read and sign in parallel: each input block becomes articles (kept on its worker as JSON),
   MinHash signatures and LSH band keys (datasketch's banding), dates and document frequencies.
2. Merge duplicates across blocks on the client: equal band keys give candidate pairs, signature
   agreement verifies them, connected components give the groups (all vectorised numpy).
3. Shuffle by time: blocks send their articles to time chunks of about equal size; each chunk is
   clustered in parallel with the collection's IDF.
4. Merge across chunks: stories near a chunk boundary are matched to the next chunk's stories by
   centroid similarity with the usual time discount, then written as stories.jsonl.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsprism.cluster.batch import refine, time_order
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_merge import band_keys, duplicate_groups, match_boundary, merge_chunks
from newsprism.cluster.features import DocFrequency, Featurizer, weigh
from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.stream import ClusterStats, day_of
from newsprism.errors import NewsprismError
from newsprism.ingest import expand, read_path
from newsprism.ingest.jsonl import articles_from_record
from newsprism.model import Article, content_hash

_LINE_FORMATS = {".jsonl", ".ndjson"}
Routed = tuple[int, str, str | None, bytes]


@dataclass(frozen=True)
class BlockSpec:
    """A byte range of a JSON Lines file, or a whole file of any other format."""

    path: str
    start: int = 0
    end: int = -1


@dataclass
class Block:
    """One input block after reading; stays on its worker until routed."""

    articles: list[str]
    ids: list[str]
    days: np.ndarray
    sigs: np.ndarray
    bands: np.ndarray
    df: DocFrequency
    terms: list[bytes]  # pickled term counts: compact, and the chunks need not re-tokenise
    skipped: int = 0


def plan_blocks(inputs: Sequence[str | Path], target: int) -> list[BlockSpec]:
    """Split JSON Lines files at line ends into blocks of about ``target`` bytes."""
    specs: list[BlockSpec] = []
    for path in expand(inputs):
        p = Path(path)
        if str(path) == "-" or p.suffix.lower() not in _LINE_FORMATS:
            if str(path) == "-":
                raise NewsprismError(
                    "option-invalid", detail="the Dask engine reads files, not '-'"
                )
            specs.append(BlockSpec(str(p)))
            continue
        size = p.stat().st_size
        start = 0
        with p.open("rb") as fh:
            while start < size:
                fh.seek(min(start + target, size))
                fh.readline()
                end = min(fh.tell(), size)
                specs.append(BlockSpec(str(p), start, end))
                start = end
    return specs


def read_block(spec: BlockSpec) -> tuple[list[Article], int]:
    """The block's articles and how many records could not be used."""
    if spec.end < 0:
        try:
            items = list(read_path(spec.path))
        except NewsprismError:
            return [], 1
        usable = [a for a in items if isinstance(a, Article)]
        return usable, len(items) - len(usable)
    import json

    with open(spec.path, "rb") as fh:
        fh.seek(spec.start)
        data = fh.read(spec.end - spec.start)
    articles: list[Article] = []
    skipped = 0
    for line in data.decode("utf-8", errors="replace").splitlines():
        if line.strip():
            try:
                articles.extend(articles_from_record(json.loads(line), spec.path))
            except (ValueError, NewsprismError):
                skipped += 1
    return articles, skipped


def sign_block(spec: BlockSpec, config: ClusterConfig, bands: int, rows: int) -> Block:
    """Read a block; MinHash, band keys and document frequencies of its articles."""
    articles, skipped = read_block(spec)
    featurizer, df = Featurizer(config), DocFrequency()
    sigs = np.zeros((len(articles), config.num_perm), dtype=np.uint32)
    terms: list[bytes] = []
    for i, article in enumerate(articles):
        feats = featurizer.features(article)
        df.add(feats.terms)
        terms.append(pickle.dumps(feats.terms, protocol=pickle.HIGHEST_PROTOCOL))
        if feats.signature is not None:
            sigs[i] = feats.signature
    days = np.array([day_of(a) or np.nan for a in articles], dtype=np.float64)
    return Block(
        [a.model_dump_json() for a in articles],
        [a.id for a in articles],
        days,
        sigs,
        band_keys(sigs, bands, rows),
        df,
        terms,
        skipped,
    )


def block_summary(block: Block) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, int]:
    return block.ids, block.days, block.sigs, block.bands, block.skipped


def block_df(block: Block) -> DocFrequency:
    return block.df


def route_block(
    block: Block, offset: int, chunk_of: np.ndarray, copy_of: dict[int, str]
) -> list[bytes]:
    """Pickled (position, article JSON, canonical id or None, terms) lists, one per time chunk."""
    pieces: list[list[Routed]] = [[] for _ in range(int(chunk_of.max()) + 1)]
    for i, text in enumerate(block.articles):
        pos = offset + i
        pieces[int(chunk_of[i])].append((pos, text, copy_of.get(pos), block.terms[i]))
    return [pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL) for p in pieces]


@dataclass
class ChunkResult:
    stories: list[tuple[list[str], list[str], str | None]]
    boundary: list[tuple[int, dict[str, float], float | None, float | None]]


def cluster_chunk(
    pieces: list[bytes],
    df: DocFrequency,
    config: ClusterConfig,
    mode: str,
    edges: tuple[float, float],
) -> ChunkResult:
    """Cluster one time chunk with the collection's IDF; copies follow their canonical."""
    rows = sorted(r for blob in pieces for r in pickle.loads(blob))
    articles = {pos: Article.model_validate_json(text) for pos, text, _, _ in rows}
    terms = {pos: t for pos, _, dup, t in rows if dup is None}
    canon = [pos for pos, _, dup, _ in rows if dup is None]
    days = {pos: day_of(articles[pos]) for pos in articles}
    clusterer = OnlineClusterer(config, df=df)
    order = [canon[i] for i in time_order([days[p] for p in canon])]
    vecs = {p: weigh(pickle.loads(terms[p]), df, config.article_terms) for p in order}
    story_of = {p: clusterer.place(p, vecs[p], days[p]) for p in order}
    if mode == "batch":
        refine(clusterer.index, vecs, days, story_of, order)  # type: ignore[arg-type]
    dup_of = {pos: dup for pos, _, dup, _ in rows if dup is not None}
    copies: dict[str, list[int]] = {}
    for pos, dup in dup_of.items():
        copies.setdefault(dup, []).append(pos)
    result = ChunkResult([], [])
    lo, hi = edges
    for state in clusterer.index.stories.values():
        keys = sorted(k for m in state.members for k in (m, *copies.get(articles[m].id, ())))
        members = [_as_copy(articles[k], dup_of.get(k)) for k in keys]
        title = next((a.title for a in members if a.title and a.duplicate_of is None), None)
        result.stories.append(
            ([a.id for a in members], [a.model_dump_json() for a in members], title)
        )
        near_edge = (
            state.first is None
            or state.first <= lo + config.window
            or (state.last is not None and state.last >= hi - config.window)
        )
        if near_edge:
            c = {t: w / state.norm for t, w in state.centroid.items()}
            result.boundary.append((len(result.stories) - 1, c, state.first, state.last))
    return result


def _as_copy(article: Article, original: str | None) -> Article:
    return article if original is None else article.model_copy(update={"duplicate_of": original})


def chunk_boundary(
    result: ChunkResult,
) -> list[tuple[int, dict[str, float], float | None, float | None]]:
    return result.boundary


def cluster_dask(
    inputs: Sequence[str | Path],
    out: Path,
    mode: str = "batch",
    config: ClusterConfig | None = None,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    block_bytes: int = 32 << 20,
) -> ClusterStats:
    """Run the whole pipeline on a Dask cluster (a LocalCluster unless ``scheduler`` is given)."""
    cfg = config or ClusterConfig()
    client, local = _connect(scheduler, workers)
    try:
        start = time.perf_counter()
        stats = _pipeline(client, inputs, out, mode, cfg, progress, block_bytes)
        stats.seconds = time.perf_counter() - start
        stats.extra["workers"] = len(client.scheduler_info()["workers"])
        return stats
    finally:
        client.close()
        if local is not None:
            local.close()


def _connect(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
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
        # Any free port: a fixed one (8787) collides with other Dask clusters on the machine.
        dashboard_address=":0",
    )
    return Client(local), local


def _pipeline(
    client: Any,
    inputs: Sequence[str | Path],
    out: Path,
    mode: str,
    cfg: ClusterConfig,
    progress: Callable[[int], None] | None,
    block_bytes: int,
) -> ClusterStats:
    from dask.distributed import as_completed
    from datasketch import MinHashLSH

    clock = _Clock()
    lsh = MinHashLSH(threshold=cfg.dedup_threshold, num_perm=cfg.num_perm)
    specs = plan_blocks(inputs, block_bytes)
    blocks = client.map(sign_block, specs, config=cfg, bands=lsh.b, rows=lsh.r, pure=False)
    summaries = client.map(block_summary, blocks)
    for fut in as_completed(summaries):
        if progress is not None:
            progress(len(fut.result()[0]))
    parts = client.gather(summaries)
    clock.lap("read_and_sign")
    ids = [i for p in parts for i in p[0]]
    if not ids:
        raise NewsprismError("no-articles")
    days = np.concatenate([p[1] for p in parts])
    sigs = np.concatenate([p[2] for p in parts])
    canonical = duplicate_groups(
        sigs, np.concatenate([p[3] for p in parts]), days, cfg.dedup_threshold
    )
    df = DocFrequency()
    for part in client.gather(client.map(block_df, blocks)):
        df.merge(part)
    clock.lap("dedup_and_idf")
    n_chunks = max(1, 2 * len(client.scheduler_info()["workers"]))
    chunk_of, edges = _time_chunks(days, canonical, n_chunks)
    offsets = np.cumsum([0] + [len(p[0]) for p in parts])
    routed = []
    for b, fut in enumerate(blocks):
        lo, hi = int(offsets[b]), int(offsets[b + 1])
        copy_of = {int(i): ids[canonical[i]] for i in range(lo, hi) if canonical[i] != i}
        routed.append(client.submit(route_block, fut, lo, chunk_of[lo:hi], copy_of, pure=False))
    del blocks, summaries
    df_future = client.scatter(df, broadcast=True)
    results = []
    for k in range(len(edges)):
        mine = [client.submit(_pick, r, k, pure=False) for r in routed]
        results.append(
            client.submit(cluster_chunk, mine, df_future, cfg, mode, edges[k], pure=False)
        )
    edges_of = client.map(chunk_boundary, results)
    matches = [
        client.submit(match_boundary, edges_of[k], edges_of[k + 1], cfg, pure=False)
        for k in range(len(edges_of) - 1)
    ]
    root = merge_chunks(client.gather(matches))
    clock.lap("cluster_and_merge")
    stats = ClusterStats(
        articles=len(ids), duplicates=int((canonical != np.arange(len(ids))).sum())
    )
    stats.stories = _write(client, results, root, out)
    clock.lap("write")
    stats.extra.update(clock.laps)
    stats.extra["unreadable_records"] = sum(p[4] for p in parts)
    return stats


class _Clock:
    """Seconds spent in each phase, for the benchmark's breakdown."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[f"{name}_seconds"] = round(now - self._last, 2)
        self._last = now


def _pick(pieces: list[bytes], k: int) -> bytes:
    return pieces[k] if k < len(pieces) else pickle.dumps([])


def _time_chunks(
    days: np.ndarray, canonical: np.ndarray, n_chunks: int
) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Chunk index per article (copies follow their canonical) and each chunk's day range."""
    known = days[~np.isnan(days)]
    if len(known) == 0:
        return np.zeros(len(days), dtype=np.int64), [(0.0, 0.0)]
    cuts = np.unique(np.quantile(known, np.linspace(0, 1, n_chunks + 1)[1:-1]).round())
    filled = np.where(np.isnan(days), known.min(), days)[canonical]
    chunk_of = np.searchsorted(cuts, filled, side="right")
    bounds = [known.min(), *cuts.tolist(), known.max() + 1]
    edges = [(float(bounds[i]), float(bounds[i + 1])) for i in range(len(bounds) - 1)]
    return chunk_of, edges


def _write(
    client: Any, results: list[Any], root: dict[tuple[int, int], tuple[int, int]], out: Path
) -> int:
    """Write stories chunk by chunk; merged stories are held until their last part arrives."""
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node, r in root.items():
        groups.setdefault(r, []).append(node)
    last_part = {r: max(k for k, _ in nodes) for r, nodes in groups.items()}
    held: dict[tuple[int, int], list[tuple[list[str], list[str], str | None]]] = {}
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for k, fut in enumerate(results):
            chunk: ChunkResult = fut.result()
            for s, story in enumerate(chunk.stories):
                if (k, s) not in root:
                    fh.write(_story_json(*story))
                    n += 1
                    continue
                r = root[(k, s)]
                held.setdefault(r, []).append(story)
                if last_part[r] == k and len(held[r]) == len(groups[r]):
                    parts = held.pop(r)
                    fh.write(
                        _story_json(
                            [i for p in parts for i in p[0]],
                            [a for p in parts for a in p[1]],
                            parts[0][2],
                        )
                    )
                    n += 1
            fut.release()
    return n


def _story_json(ids: list[str], articles: list[str], title: str | None) -> str:
    """The Story model's JSON, assembled from pre-serialised articles (same id rule as Story)."""
    import json

    sid = "st" + content_hash(*sorted(ids), length=10)
    return f'{{"id":{json.dumps(sid)},"title":{json.dumps(title)},"articles":[{",".join(articles)}]}}\n'
