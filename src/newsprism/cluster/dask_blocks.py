"""Phase 1 of the Dask engine: input blocks become small arrays and a spill file of what chunks need.

A block's result holds no text: only dates, MinHash signatures, LSH band keys, document
frequencies and, per article, where its record lives in the block's spill file. The record holds
what the time-chunk task needs of the article: its id, title, final JSON and term counts. So each
article is parsed, validated, serialised and featurised once, and no process holds the corpus:
chunk tasks read exactly their own records back (the OS page cache makes that cheap).
"""

from __future__ import annotations

import functools
import marshal
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import numpy as np
from pydantic_core import to_json

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_merge import band_keys
from newsprism.cluster.dates import dateline_parts
from newsprism.cluster.features import DocFrequency, Featurizer
from newsprism.cluster.stream import day_of
from newsprism.errors import NewsprismError
from newsprism.ingest import expand, read_path
from newsprism.ingest.jsonl import loads, record_items
from newsprism.model import Article

_LINE_FORMATS = {".jsonl", ".ndjson"}
P = ParamSpec("P")
R = TypeVar("R")


class WorkerError(Exception):
    """A NewsprismError raised in a worker task, in a form that survives pickling to the client
    (NewsprismError's own arguments do not); the client raises it again as a NewsprismError."""

    def __init__(self, code: str, params: dict[str, Any]) -> None:
        super().__init__(code, params)
        self.code, self.params = code, params


def portable_errors(task: Callable[P, R]) -> Callable[P, R]:
    """Wrap a worker task so its NewsprismErrors reach the client intact."""

    @functools.wraps(task)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return task(*args, **kwargs)
        except NewsprismError as exc:
            raise WorkerError(exc.code, exc.params) from None

    return run


@dataclass(frozen=True)
class BlockSpec:
    """A byte range of a JSON Lines file, or a whole file of any other format."""

    path: str
    start: int = 0
    end: int = -1


@dataclass
class Signed:
    """What the client needs of one block: no text, a few hundred bytes per article."""

    days: np.ndarray  # float64 ordinal day, NaN when undated
    sigs: np.ndarray  # (n, num_perm) uint32 MinHash values, zeros for an empty text
    bands: np.ndarray  # (n, bands) uint64 LSH band keys
    offsets: np.ndarray  # int64 byte offset of the article's record in the block's spill file
    lengths: np.ndarray  # int64 byte length of that record
    datelines: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), dtype=np.int32))
    skipped: int = 0
    seconds: float = 0.0  # worker time, for profiles
    problems: list[tuple[str, str, str | None]] = field(default_factory=list)  # notices, capped


@dataclass
class Block:
    """A signed block on its worker: the arrays go to the client, the frequencies to the merge."""

    signed: Signed
    df: DocFrequency


def plan_blocks(inputs: Sequence[str | Path], target: int) -> list[BlockSpec]:
    """Split JSON Lines files at line ends into blocks of about ``target`` bytes."""
    specs: list[BlockSpec] = []
    for path in expand(inputs):
        if str(path) == "-":
            raise NewsprismError("option-invalid", detail="the Dask engine reads files, not '-'")
        p = Path(path)
        if p.suffix.lower() not in _LINE_FORMATS:
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


MAX_PROBLEMS = 100  # notices a block reports in full; the rest are counted


def _record_items(line: bytes, source: str) -> tuple[list[Article], list[NewsprismError]]:
    try:
        items = record_items(loads(line.decode("utf-8", errors="replace"), source), source)
    except NewsprismError as exc:
        return [], [exc]
    except ValueError as exc:
        detail = f"invalid JSON: {str(exc)[:200]}"
        return [], [NewsprismError("input-format", source=source, detail=detail)]
    articles = [i for i in items if isinstance(i, Article)]
    return articles, [i for i in items if isinstance(i, NewsprismError)]


def _lines(spec: BlockSpec) -> Iterator[bytes]:
    """The block's lines."""
    with open(spec.path, "rb") as fh:
        fh.seek(spec.start)
        data = fh.read(spec.end - spec.start)
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        end = len(data) if nl < 0 else nl + 1
        yield data[pos:end]
        pos = end


def located_articles(spec: BlockSpec) -> tuple[list[Article], list[NewsprismError]]:
    """The block's articles, and the problems met, each located `file:line` as the local engine's
    notices are."""
    if spec.end < 0:
        try:
            items = list(read_path(spec.path))
        except NewsprismError as exc:
            return [], [exc]
        usable = [a for a in items if isinstance(a, Article)]
        return usable, [i for i in items if isinstance(i, NewsprismError)]
    found: list[Article] = []
    problems: list[NewsprismError] = []
    lineno = _line_number(spec)
    for line in _lines(spec):
        lineno += 1
        if not line.strip():
            continue
        articles, errors = _record_items(line, spec.path)
        for error in errors:
            where = f"{spec.path}:{lineno}{(error.source or '')[len(spec.path) :]}"
            error.params["source"] = error.source = where
        problems.extend(errors)
        found.extend(articles)
    return found, problems


def _line_number(spec: BlockSpec) -> int:
    """Lines before the block's first byte, so notices name the line as the local engine does."""
    if spec.start <= 0:
        return 0
    count = 0
    with open(spec.path, "rb") as fh:
        remaining = spec.start
        while remaining > 0:
            chunk = fh.read(min(remaining, 1 << 20))
            if not chunk:
                break
            count += chunk.count(b"\n")
            remaining -= len(chunk)
    return count


@portable_errors
def sign_block(spec: BlockSpec, spill: str, config: ClusterConfig, bands: int, rows: int) -> Block:
    """Read a block; MinHash, band keys, dates and document frequencies of its articles, and
    their records (id, title, JSON, term counts) written to ``spill`` for the chunk tasks."""
    start = time.perf_counter()
    found, problems = located_articles(spec)
    featurizer, df = Featurizer(config), DocFrequency()
    sigs = np.zeros((len(found), config.num_perm), dtype=np.uint32)
    days = np.full(len(found), np.nan)
    datelines = np.zeros((len(found), 3), dtype=np.int32)
    records: list[bytes] = []
    for i, article in enumerate(found):
        feats = featurizer.features(article)
        df.add(feats.terms)
        records.append(spill_record(article, feats.terms))
        if feats.signature is not None:
            sigs[i] = feats.signature
        day = day_of(article)
        if day is not None:
            days[i] = day
        elif (parts := dateline_parts(article.text)) is not None:
            datelines[i] = parts  # resolved on the client, which knows the days around it
    lengths = np.array([len(r) for r in records], dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    _write_spill(spill, records)
    signed = Signed(days, sigs, band_keys(sigs, bands, rows), offsets, lengths)
    signed.datelines = datelines
    signed.skipped = sum(1 for p in problems if p.code != "input-field")
    signed.problems = [(p.code, p.message, p.source) for p in problems[:MAX_PROBLEMS]]
    signed.seconds = time.perf_counter() - start
    return Block(signed, df)


def spill_record(article: Article, terms: dict[str, float]) -> bytes:
    """What a chunk task needs of an article: marshal keeps the terms' order, which `weigh`'s
    ties depend on, and loads far faster than the article could be parsed and featurised."""
    return marshal.dumps((article.id, article.title, article.model_dump_json().encode(), terms))


def _write_spill(spill: str, records: list[bytes]) -> None:
    try:
        with open(spill, "wb") as fh:
            fh.write(b"".join(records))
    except OSError as exc:
        raise NewsprismError("output-unwritable", source=spill, detail=exc.strerror) from exc


def signed_of(block: Block) -> Signed:
    return block.signed


def merge_df(*parts: Block | DocFrequency) -> DocFrequency:
    """One node of the tree that sums document frequencies on the workers, never on the client.

    Past the table's limit, terms seen once are dropped, as `DocFrequency.add` does.
    """
    dfs = sorted((p.df if isinstance(p, Block) else p for p in parts), key=lambda d: -len(d.counts))
    total = DocFrequency(dfs[0].limit)
    total.counts, total.n = dict(dfs[0].counts), dfs[0].n
    for df in dfs[1:]:
        total.merge(df)
    if len(total.counts) > total.limit:
        total.counts = {t: c for t, c in total.counts.items() if c > 1}
    return total


Record = tuple[str, str | None, bytes, dict[str, float]]  # id, title, JSON, term counts


class SpillReader:
    """Article records by their place in the blocks' spill files, which stay open."""

    def __init__(self, files: Sequence[str]) -> None:
        self.files = files
        self._open: dict[int, int] = {}

    def record(self, file: int, offset: int, length: int) -> Record:
        path = self.files[file]
        try:
            if file not in self._open:
                self._open[file] = os.open(path, os.O_RDONLY)
            data = os.pread(self._open[file], length, offset)
            record: Record = marshal.loads(data)
            return record
        except (OSError, ValueError, EOFError, TypeError) as exc:
            detail = "a spill file of the run, which every worker must see at the same path"
            raise NewsprismError("input-unreadable", source=path, detail=detail) from exc

    def __enter__(self) -> SpillReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for fd in self._open.values():
            os.close(fd)
        self._open.clear()


_DUPLICATE_OF = b',"duplicate_of":'


def with_duplicate_of(article_json: bytes, canonical_id: str) -> bytes:
    """An article's JSON with ``duplicate_of`` set, as ``model_copy(update=...)`` would dump it.

    ``duplicate_of`` is Article's last field, and a quote inside a JSON string is escaped, so
    the last unescaped occurrence of the key is the field itself."""
    head = article_json[: article_json.rindex(_DUPLICATE_OF) + len(_DUPLICATE_OF)]
    return head + to_json(canonical_id) + b"}"
