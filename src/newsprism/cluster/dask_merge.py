"""The merge steps of the Dask engine: duplicates across blocks, stories across time chunks.

Duplicate grouping runs on the client over small, vectorised inputs (signatures, band keys);
boundary matching runs on the workers; the client only splices the chunks' part files together.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.online import StoryIndex
from newsprism.model import story_id

Edge = tuple[int, dict[str, float], float | None, float | None]  # story, centroid, first, last
Boundary = Iterable[Edge]
Node = tuple[int, int]  # (chunk, story within the chunk)
_FNV = np.uint64(0x100000001B3)
VERIFY_BATCH = 1 << 18  # candidate pairs whose signatures are compared at once


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per LSH band (datasketch's b x r banding); empty signatures never collide."""
    n = len(sigs)
    keys = np.zeros((n, bands), dtype=np.uint64)
    for j in range(bands):
        h = np.full(n, np.uint64(0xCBF29CE484222325), dtype=np.uint64)
        for col in range(j * rows, (j + 1) * rows):
            h = (h ^ sigs[:, col].astype(np.uint64)) * _FNV
        keys[:, j] = h
    empty = ~sigs.any(axis=1)
    keys[empty] = (np.flatnonzero(empty).astype(np.uint64) | np.uint64(1 << 63))[:, None]
    return keys


def candidate_pairs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs sharing a band bucket: each member with its bucket's first and with its neighbour."""
    firsts, seconds = [], []
    for j in range(keys.shape[1]):
        order = np.argsort(keys[:, j], kind="stable")
        same = keys[order[1:], j] == keys[order[:-1], j]
        firsts.append(order[:-1][same])
        seconds.append(order[1:][same])
        starts = np.flatnonzero(np.r_[True, ~same])
        run = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(order)]))
        lead = order[starts[run]]
        star = lead != order
        firsts.append(lead[star])
        seconds.append(order[star])
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = np.unique(lo.astype(np.int64) * len(keys) + hi)
    return pairs // len(keys), pairs % len(keys)


def duplicate_groups(
    sigs: np.ndarray,
    keys: np.ndarray,
    days: np.ndarray,
    threshold: float,
    max_days: float = np.inf,
) -> np.ndarray:
    """canonical[i]: the earliest article of i's duplicate group (i itself when unique).

    Two articles more than ``max_days`` apart are never copies (undated ones may be), as in the
    local engine, whose copies must reach an original still in its clustering window.
    """
    n = len(sigs)
    a, b = candidate_pairs(keys)
    agree = np.zeros(len(a), dtype=bool)
    for lo in range(0, len(a), VERIFY_BATCH):  # sigs[a] copies 256 bytes a pair: in batches
        pa, pb = a[lo : lo + VERIFY_BATCH], b[lo : lo + VERIFY_BATCH]
        apart = np.abs(days[pa] - days[pb])
        same = (sigs[pa] == sigs[pb]).mean(axis=1) >= threshold
        agree[lo : lo + VERIFY_BATCH] = same & ~(apart > max_days)
    a, b = a[agree], b[agree]
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    order = np.lexsort((np.arange(n), np.where(np.isnan(days), np.inf, days)))
    _, first = np.unique(labels[order], return_index=True)
    leader = np.empty(labels.max() + 1, dtype=np.int64)
    leader[labels[order][first]] = order[first]
    return leader[labels]


class EdgeStories:
    """A chunk's edge stories, packed for the boundary merge: as dicts of term strings their
    centroids took ~16 KB a story in worker memory and in transfer; packed, ~12 bytes a term.
    Iterating gives back the same stories, with the same centroids in the same term order."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.rows: list[tuple[int, float | None, float | None]] = []
        self.ends = array("q")
        self.terms = array("i")
        self.weights = array("d")

    def add(
        self, story: int, centroid: dict[str, float], first: float | None, last: float | None
    ) -> None:
        vocab = self.vocab
        self.terms.extend([vocab.setdefault(t, len(vocab)) for t in centroid])
        self.weights.extend(centroid.values())
        self.ends.append(len(self.terms))
        self.rows.append((story, first, last))

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Edge]:
        names = list(self.vocab)
        start = 0
        for (story, first, last), end in zip(self.rows, self.ends, strict=True):
            terms = [names[t] for t in self.terms[start:end]]
            yield story, dict(zip(terms, self.weights[start:end], strict=True)), first, last
            start = end


def match_into(
    later: Boundary, earlier: Sequence[Boundary], config: ClusterConfig
) -> list[list[tuple[int, int]]]:
    """(story in an earlier chunk, story in the later one) pairs that are one story, for each
    earlier chunk; the later chunk is indexed once for all of them.

    Each earlier story is matched like an article: its unit centroid against the later chunk's
    boundary stories, with the usual day penalty and threshold. Runs on a worker.
    """
    index = StoryIndex(config)
    local: dict[int, int] = {}
    for s, centroid, first, last in later:
        state = index.open(centroid, first, s)
        state.stretch(last)
        local[state.id] = s
    found = []
    for stories in earlier:
        pairs = []
        for s, centroid, _, last in stories:
            match, score = index.best(centroid, last)
            if match is not None and score >= config.threshold:
                pairs.append((s, local[match.id]))
        found.append(pairs)
    return found


def merge_chunks(matches: Sequence[tuple[int, int, list[tuple[int, int]]]]) -> dict[Node, Node]:
    """Union of boundary matches, each (chunk k, later chunk j, pairs): node -> its group's root.

    Only nodes in some match are keys; a group's root is its first node in chunk order.
    """
    parent: dict[Node, Node] = {}

    def find(x: Node) -> Node:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for k, j, pairs in matches:
        for s, t in pairs:
            ra, rb = find((k, s)), find((j, t))
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {node: find(node) for node in parent} | {find(n): find(n) for n in parent}


def story_line(ids: list[str], articles: Sequence[bytes], title: str | None) -> bytes:
    """A Story's JSON line from pre-serialised articles, with ``Story.from_articles``'s id."""
    head = f'{{"id":{json.dumps(story_id(ids))},"title":{json.dumps(title)},"articles":['.encode()
    return head + b",".join(articles) + b"]}\n"


_ARTICLES = b',"articles":['
_TITLE = b'"title":'


def _cut(line: bytes) -> tuple[str | None, bytes]:
    """A story line's title and its articles' JSON, without parsing the articles.

    The markers cannot occur inside the id or the title: quotes within JSON strings are escaped.
    """
    at = line.index(_ARTICLES)
    title = json.loads(line[line.index(_TITLE) + len(_TITLE) : at])
    return title, line[at + len(_ARTICLES) : line.rindex(b"]}")]


def assemble(
    parts: Sequence[Path],
    root: dict[Node, Node],
    ids: dict[Node, list[str]],
    out: BinaryIO,
) -> int:
    """Splice the chunks' part files, in chunk order, into ``out``; returns the stories written.

    A story not merged across a boundary is copied through as its line. A merged one is held (its
    articles' JSON, cut from its line) only until its group's last part has been read.
    """
    size = Counter(root.values())
    held: dict[Node, list[tuple[Node, str | None, bytes]]] = {}
    written = 0
    for k, part in enumerate(parts):
        with open(part, "rb") as fh:
            for s, line in enumerate(fh):
                group = root.get((k, s))
                if group is None:
                    out.write(line)
                    written += 1
                    continue
                held.setdefault(group, []).append(((k, s), *_cut(line)))
                if len(held[group]) == size[group]:
                    pieces = held.pop(group)
                    title = next((t for _, t, _ in pieces if t), None)
                    member_ids = [i for node, _, _ in pieces for i in ids[node]]
                    out.write(story_line(member_ids, [a for _, _, a in pieces], title))
                    written += 1
    return written
