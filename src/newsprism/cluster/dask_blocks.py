"""Phase 1 of the Dask engine: input blocks become small arrays, and articles are re-read by place.

A block's result holds no text: only dates, MinHash signatures, LSH band keys, document
frequencies and, per article, where it lives (file, byte offset and length of its line, index
within the record). The time-chunk tasks later re-read exactly their own articles from there,
which the OS page cache makes cheap, so no process ever holds the corpus.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, ParamSpec, TypeVar

import numpy as np

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_merge import band_keys
from newsprism.cluster.dates import dateline_parts
from newsprism.cluster.features import DocFrequency, Featurizer
from newsprism.cluster.stream import day_of
from newsprism.errors import NewsprismError
from newsprism.ingest import expand, read_path
from newsprism.ingest.jsonl import articles_from_record, loads, record_items
from newsprism.model import Article

_LINE_FORMATS = {".jsonl", ".ndjson"}
P = ParamSpec("P")
R = TypeVar("R")
WHOLE_FILE = -1  # offset of an article read from a whole file (any format but JSON Lines)


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
    offsets: np.ndarray  # int64 byte offset of the article's line, or WHOLE_FILE
    lengths: np.ndarray  # int64 byte length of that line
    subs: np.ndarray  # int64 index of the article within its record (whole file: within file)
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


def record_articles(line: bytes, source: str) -> list[Article]:
    """The articles of one JSON line, exactly as the JSON Lines reader makes them."""
    return articles_from_record(loads(line.decode("utf-8", errors="replace"), source), source)


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


def _lines(spec: BlockSpec) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line) for each line of the block."""
    with open(spec.path, "rb") as fh:
        fh.seek(spec.start)
        data = fh.read(spec.end - spec.start)
    pos = 0
    while pos < len(data):
        nl = data.find(b"\n", pos)
        end = len(data) if nl < 0 else nl + 1
        yield spec.start + pos, data[pos:end]
        pos = end


def located_articles(
    spec: BlockSpec,
) -> tuple[list[tuple[Article, int, int, int]], list[NewsprismError]]:
    """(article, offset, length, sub) for the block's articles, and the problems met, each
    located `file:line` as the local engine's notices are."""
    found: list[tuple[Article, int, int, int]] = []
    if spec.end < 0:
        try:
            items = list(read_path(spec.path))
        except NewsprismError as exc:
            return [], [exc]
        usable = [a for a in items if isinstance(a, Article)]
        found = [(a, WHOLE_FILE, 0, i) for i, a in enumerate(usable)]
        return found, [i for i in items if isinstance(i, NewsprismError)]
    problems: list[NewsprismError] = []
    lineno = _line_number(spec)
    for offset, line in _lines(spec):
        lineno += 1
        if not line.strip():
            continue
        # Sources as `Rereader` makes them again from the place; notices name the line.
        articles, errors = _record_items(line, spec.path)
        for error in errors:
            where = f"{spec.path}:{lineno}{(error.source or '')[len(spec.path) :]}"
            error.params["source"] = error.source = where
        problems.extend(errors)
        found.extend((a, offset, len(line), j) for j, a in enumerate(articles))
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
def sign_block(spec: BlockSpec, config: ClusterConfig, bands: int, rows: int) -> Block:
    """Read a block; MinHash, band keys, dates and document frequencies of its articles."""
    start = time.perf_counter()
    found, problems = located_articles(spec)
    featurizer, df = Featurizer(config), DocFrequency()
    sigs = np.zeros((len(found), config.num_perm), dtype=np.uint32)
    days = np.full(len(found), np.nan)
    datelines = np.zeros((len(found), 3), dtype=np.int32)
    for i, (article, _, _, _) in enumerate(found):
        feats = featurizer.features(article)
        df.add(feats.terms)
        if feats.signature is not None:
            sigs[i] = feats.signature
        day = day_of(article)
        if day is not None:
            days[i] = day
        elif (parts := dateline_parts(article.text)) is not None:
            datelines[i] = parts  # resolved on the client, which knows the days around it
    where = np.array([f[1:] for f in found], dtype=np.int64).reshape(-1, 3)
    signed = Signed(days, sigs, band_keys(sigs, bands, rows), where[:, 0], where[:, 1], where[:, 2])
    signed.datelines = datelines
    signed.skipped = sum(1 for p in problems if p.code != "input-field")
    signed.problems = [(p.code, p.message, p.source) for p in problems[:MAX_PROBLEMS]]
    signed.seconds = time.perf_counter() - start
    return Block(signed, df)


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


class Rereader:
    """Articles by their place in the inputs; files stay open and whole files are read once."""

    def __init__(self, files: Sequence[str]) -> None:
        self.files = files
        self._whole: dict[int, list[Article]] = {}
        self._open: dict[int, BinaryIO] = {}

    def article(self, file: int, offset: int, length: int, sub: int) -> Article:
        path = self.files[file]
        try:
            if offset == WHOLE_FILE:
                if file not in self._whole:
                    items = read_path(path)
                    self._whole[file] = [a for a in items if isinstance(a, Article)]
                return self._whole[file][sub]
            if file not in self._open:
                self._open[file] = open(path, "rb")  # noqa: SIM115 - closed in close()
            fh = self._open[file]
            fh.seek(offset)
            return record_articles(fh.read(length), path)[sub]
        except (OSError, ValueError, IndexError, NewsprismError) as exc:
            detail = "it changed while being clustered"
            raise NewsprismError("input-unreadable", source=path, detail=detail) from exc

    def __enter__(self) -> Rereader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for fh in self._open.values():
            fh.close()
        self._open.clear()
        self._whole.clear()
