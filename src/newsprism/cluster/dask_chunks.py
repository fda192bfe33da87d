"""Phase 3 of the Dask engine: time chunks, each clustered and written by one worker task.

Chunks depend only on the data: canonical articles are ranked in time order and cut into runs of
about equal size (inside a day if need be; the boundary merge joins stories across any cut), and
copies follow their canonical. So any number of workers gives the same stories.

A chunk task reads its own articles' records back from the blocks' spill files (id, title, final
JSON and term counts, made once in phase 1), clusters them with the collection's IDF, writes its
stories as final ``Story`` JSON lines to a part file and returns only what the boundary merge
needs: each edge story's unit centroid, days and article ids.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import BinaryIO

import numpy as np

from newsprism.cluster.batch import refine, time_order
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_blocks import Record, SpillReader, portable_errors, with_duplicate_of
from newsprism.cluster.dask_merge import EdgeStories, match_into, story_line
from newsprism.cluster.features import DocFrequency, weigh
from newsprism.cluster.online import OnlineClusterer, StoryState
from newsprism.errors import NewsprismError


@dataclass
class ChunkPlan:
    """One time chunk's articles in input order: their record's place, day and canonical."""

    index: int
    canon: np.ndarray  # local index of each member's canonical (itself when canonical)
    days: np.ndarray  # estimated for undated articles (`dates.estimate_days`), NaN if none
    known: np.ndarray  # False where ``days`` is an estimate (it scores, never stretches a span)
    file: np.ndarray  # spill file (block) of the article's record
    offset: np.ndarray
    length: np.ndarray


@dataclass
class ChunkResult:
    """A clustered chunk, minus its stories (those are in its part file)."""

    index: int
    stories: int
    boundary: EdgeStories = field(default_factory=EdgeStories)
    ids: dict[int, list[str]] = field(default_factory=dict)  # article ids of the edge stories
    seconds: dict[str, float] = field(default_factory=dict)  # worker time by step, for profiles


MIN_CHUNKS = 4  # for load balance, once chunks of MIN_CHUNK_ARTICLES are possible
MIN_CHUNK_ARTICLES = 5_000


def chunk_count(articles: int, size: int) -> int:
    """About ``size`` articles a chunk, but at least four chunks of 5,000 or more when possible.

    Chunks are large because a day cut into m chunks needs m (m - 1) / 2 boundary matches."""
    floor = min(MIN_CHUNKS, articles // MIN_CHUNK_ARTICLES)
    return max(1, round(articles / max(size, 1)), floor)


def plan_chunks(
    canonical: np.ndarray,
    days: np.ndarray,
    known: np.ndarray,
    where: dict[str, np.ndarray],
    size: int,
) -> list[ChunkPlan]:
    """Cut the canonicals, ranked by (dated, day, position), into chunks of about ``size``."""
    n = len(canonical)
    canon = np.flatnonzero(canonical == np.arange(n))
    cdays = days[canon]
    dated = ~np.isnan(cdays)
    ranked = canon[np.lexsort((canon, np.where(dated, cdays, 0.0), dated))]
    n_chunks = chunk_count(len(canon), size)
    chunk_of = np.empty(n, dtype=np.int64)
    chunk_of[ranked] = np.arange(len(ranked)) * n_chunks // len(ranked)
    chunk_of = chunk_of[canonical]
    members = np.argsort(chunk_of, kind="stable")
    cuts = np.searchsorted(chunk_of[members], np.arange(n_chunks + 1))
    plans = []
    for k in range(n_chunks):
        mine = members[cuts[k] : cuts[k + 1]]
        local = np.searchsorted(mine, canonical[mine])
        plans.append(
            ChunkPlan(k, local, days[mine], known[mine], *(where[f][mine] for f in _WHERE))
        )
    return plans


_WHERE = ("file", "offset", "length")


@portable_errors
def cluster_chunk(
    plan: ChunkPlan,
    files: Sequence[str],
    df: DocFrequency,
    config: ClusterConfig,
    mode: str,
    part: str,
) -> ChunkResult:
    """Cluster one chunk with the collection's IDF and write its stories to ``part``."""
    start = time.perf_counter()
    days: list[float | None] = [None if np.isnan(d) else float(d) for d in plan.days]
    own = plan.canon == np.arange(len(plan.canon))
    canon = np.flatnonzero(own).tolist()
    order = [canon[i] for i in time_order([days[i] for i in canon])]
    with SpillReader(files) as reader:
        ids, titles, texts, clusterer, placing = _place(plan, reader, order, days, df, config, mode)
        for i in np.flatnonzero(~own).tolist():
            ids[i], _, article_json, _ = _read(reader, plan, i)
            texts[i] = with_duplicate_of(article_json, ids[int(plan.canon[i])])
    copies: dict[int, list[int]] = {}
    for i in np.flatnonzero(~own).tolist():
        copies.setdefault(int(plan.canon[i]), []).append(i)
    result = _write_part(plan, clusterer, copies, (ids, titles, texts), config, part)
    result.seconds = {"chunk": time.perf_counter() - start, "place": placing}
    return result


def chunk_seconds(result: ChunkResult) -> dict[str, float]:
    return result.seconds


def _read(reader: SpillReader, plan: ChunkPlan, i: int) -> Record:
    return reader.record(int(plan.file[i]), int(plan.offset[i]), int(plan.length[i]))


def _place(
    plan: ChunkPlan,
    reader: SpillReader,
    order: list[int],
    days: list[float | None],
    df: DocFrequency,
    config: ClusterConfig,
    mode: str,
) -> tuple[list[str], list[str | None], list[bytes], OnlineClusterer, float]:
    """Read back and place the canonicals in time order; keep only their ids, titles and JSON.

    Also returns the seconds spent placing (clustering proper, without reading)."""
    n = len(plan.canon)
    ids, texts = [""] * n, [b""] * n
    titles: list[str | None] = [None] * n
    clusterer = OnlineClusterer(config, df=df)
    vecs: dict[int, dict[str, float]] = {}
    story_of: dict[int, StoryState] = {}
    placing = 0.0
    for i in order:
        ids[i], titles[i], texts[i], terms = _read(reader, plan, i)
        vec = weigh(terms, df, config.article_terms)
        tick = time.perf_counter()
        story_of[i] = clusterer.place(i, vec, days[i], known=bool(plan.known[i]))
        placing += time.perf_counter() - tick
        if mode == "batch":
            vecs[i] = vec
    tick = time.perf_counter()
    if mode == "batch":
        refine(clusterer.index, vecs, days, story_of, order, plan.known.tolist())
    return ids, titles, texts, clusterer, placing + time.perf_counter() - tick


def _write_part(
    plan: ChunkPlan,
    clusterer: OnlineClusterer,
    copies: dict[int, list[int]],
    members: tuple[list[str], list[str | None], list[bytes]],
    config: ClusterConfig,
    part: str,
) -> ChunkResult:
    """Stories (in order of their first article) to the part file; edge stories to the result."""
    try:
        with open(part, "wb") as fh:
            return _write_stories(fh, plan, clusterer, copies, members, config)
    except OSError as exc:
        raise NewsprismError("output-unwritable", source=part, detail=exc.strerror) from exc


def _write_stories(
    fh: BinaryIO,
    plan: ChunkPlan,
    clusterer: OnlineClusterer,
    copies: dict[int, list[int]],
    members: tuple[list[str], list[str | None], list[bytes]],
    config: ClusterConfig,
) -> ChunkResult:
    ids, titles, texts = members
    lo, hi = _span(plan.days)
    states = sorted(clusterer.index.stories.values(), key=lambda s: min(s.members))
    result = ChunkResult(plan.index, len(states))
    for s, state in enumerate(states):
        keys = sorted(k for m in state.members for k in (m, *copies.get(m, ())))
        title = next((titles[k] for k in keys if titles[k]), None)
        fh.write(story_line([ids[k] for k in keys], [texts[k] for k in keys], title))
        if _near_edge(state, lo, hi, config.window):
            centroid = _unit_centroid(state, config, clusterer.df)
            result.boundary.add(s, centroid, state.first, state.last)
            result.ids[s] = [ids[k] for k in keys]
    return result


def _near_edge(state: StoryState, lo: float, hi: float, window: float) -> bool:
    if state.first is None or state.last is None:
        return True
    return state.first <= lo + window or state.last >= hi - window


def _unit_centroid(state: StoryState, config: ClusterConfig, df: DocFrequency) -> dict[str, float]:
    """The heaviest terms of the story's centroid over its full norm (what a story index keeps),
    rarest first like `weigh`'s vectors, the order the story index reads postings in."""
    top = sorted(state.centroid.items(), key=itemgetter(1), reverse=True)
    kept = dict(top[: config.centroid_terms])
    get, norm = df.counts.get, state.norm
    return {t: kept[t] / norm for _, t in sorted([(get(t, 0), t) for t in kept])}


@dataclass
class Match:
    """Stories of chunk ``k`` matched to stories of a later chunk ``j``, with their article ids."""

    k: int
    j: int
    pairs: list[tuple[int, int]]
    ids: dict[tuple[int, int], list[str]]
    seconds: float = 0.0


def match_chunks(later: ChunkResult, *earlier: ChunkResult, config: ClusterConfig) -> list[Match]:
    """Match the edge stories of each earlier chunk to a later one (indexed once for all)."""
    start = time.perf_counter()
    found = match_into(later.boundary, [e.boundary for e in earlier], config)
    matches = []
    for e, pairs in zip(earlier, found, strict=True):
        ids = {(e.index, s): e.ids[s] for s, _ in pairs}
        ids.update({(later.index, t): later.ids[t] for _, t in pairs})
        matches.append(Match(e.index, later.index, pairs, ids))
    matches[0].seconds = time.perf_counter() - start
    return matches


def match_plan(plans: Sequence[ChunkPlan], reach: float) -> list[tuple[int, int]]:
    """Chunk pairs whose stories may continue into each other: neighbours, and chunks whose median
    days are within ``reach`` days, since a day cut into several chunks is cut at random.

    The median, not the span: a chunk that ends a few articles into the next day would otherwise
    be paired with all of that day's chunks, for stories the neighbour match already joins."""
    middle = [_middle(p.days) for p in plans]
    pairs = []
    for k in range(len(plans)):
        for j in range(k + 1, len(plans)):
            if j > k + 1 and middle[j] > middle[k] + reach:
                break
            pairs.append((k, j))
    return pairs


def last_reader(pairs: Sequence[tuple[int, int]], chunks: int) -> list[int]:
    """For each chunk, the last chunk whose match reads its result (itself when none does)."""
    last = list(range(chunks))
    for k, j in pairs:
        last[k] = max(last[k], j)
    return last


def _middle(days: np.ndarray) -> float:
    known = days[~np.isnan(days)]
    return float(np.median(known)) if len(known) else -np.inf


def _span(days: np.ndarray) -> tuple[float, float]:
    known = days[~np.isnan(days)]
    return (float(known.min()), float(known.max())) if len(known) else (0.0, 0.0)
