"""Clustering settings in one place, so the CLI, the engines and the benchmarks agree."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from newsprism.errors import NewsprismError
from newsprism.text.copies import STREAM_JACCARD, STREAM_SHINGLE

# Bumped whenever the same input and config give other stories or threads, so a stories file
# (its completion record) and a benchmark result say which clustering made them.
# 1.1: batch threads refined (one leave-one-out sweep); estimated days never stretch a story;
# Dask estimates undated articles' days as the local engines do.
# 1.2: story candidates are read past the posting budget until the unread terms could not
# reach the threshold (dense streams; sparse ones are unchanged).
# 1.3: batch threads are average-linkage groups of all stories (``thread_linkage``), refined.
CLUSTER_VERSION = "1.3"

# (lowest, highest, whether the lowest itself is allowed): checked when a config is built.
_RANGES: dict[str, tuple[float, float, bool]] = {
    "threshold": (0.0, 1.0, False),
    "day_penalty": (0.0, 1.0, False),
    "persistence": (0.0, 365.0, True),
    "title_weight": (0.0, 100.0, True),
    "dedup_threshold": (0.0, 1.0, False),
    "num_perm": (16, 1024, True),
    "shingle_size": (1, 20, True),
    "max_tokens": (1, 1_000_000, True),
    "article_terms": (1, 100_000, True),
    "centroid_terms": (1, 100_000, True),
    "posting_budget": (1, 10_000_000, True),
    "max_active": (1, 1_000_000_000, True),
    "reorder": (0, 100_000_000, True),
    "semantic_weight": (0.0, 1.0, True),
    "thread_semantic_weight": (0.0, 1.0, True),
    "thread_threshold": (0.0, 1.0, False),
    "thread_linkage": (0.0, 1.0, False),
    "thread_window": (0.0, 100_000.0, True),
    "thread_memory": (1, 100_000_000, True),
}


@dataclass(frozen=True)
class ClusterConfig:
    """Defaults are chosen from first principles of news streams, not fitted to one file.

    ``threshold`` is the score an article needs to join a story: cosine to the story's centroid
    minus ``day_penalty`` for each day between the article and the story's span. A story thus
    keeps growing for as long as new coverage keeps arriving, and one that already spans several
    days is penalised less per day (divided by 1 + its span, up to ``persistence`` days).
    """

    threshold: float = 0.18
    day_penalty: float = 0.2
    persistence: float = 1.0
    title_weight: float = 2.0
    dedup_threshold: float = STREAM_JACCARD
    num_perm: int = 64
    shingle_size: int = STREAM_SHINGLE
    max_tokens: int = 400
    article_terms: int = 48
    centroid_terms: int = 150
    posting_budget: int = 1500
    max_active: int = 200_000
    reorder: int = 10_000  # online: articles held back to restore date order
    semantic: bool = False  # embeddings of headline and lead join the lexical score
    semantic_weight: float = 0.3
    # Threads (cluster/threads.py): a closed story joins the earlier thread (topic) whose
    # centroid it reaches with this cosine; threads idle ``thread_window`` days are dropped, and
    # at most ``thread_memory`` are kept (least recently extended dropped first).
    threads: bool = True  # link closed stories into threads (costs the main process CPU)
    thread_threshold: float = 0.12
    thread_window: float = 730.0
    thread_memory: int = 20_000
    # Batch: threads are the groups average linkage finds among all stories, merged while the
    # mean cosine between their stories is at least this (cluster/thread_linkage.py), then
    # refined; a story's cosine to another story is lower than to its topic's centroid.
    thread_linkage: float = 0.07
    # With the semantic extra, a thread link may also use embeddings: lexical cosine plus
    # ``thread_semantic_weight`` x (embedding cosine - 0.4), stories staying lexical unless
    # ``semantic`` (docs/clustering.md, "Issue 17, third session").
    thread_semantic: bool = False
    thread_semantic_weight: float = 0.2

    @property
    def embeds(self) -> bool:
        """Whether articles are embedded (for stories, threads or both)."""
        return self.semantic or self.thread_semantic

    def __post_init__(self) -> None:
        """Validated when built (as datasketch checks its parameters), so a zero day penalty or
        a threshold of 5 fails with a clear error before any work, from the CLI and the API alike."""
        problems = [
            p for f in fields(self) if (p := _problem(f.name, getattr(self, f.name), f.type))
        ]
        if problems:
            raise NewsprismError("config-invalid", detail="; ".join(problems))

    @property
    def window(self) -> float:
        """Days after which no article can reach a story that spans a single day."""
        return (1.0 - self.threshold) / self.day_penalty


def _problem(name: str, value: object, declared: object) -> str | None:
    """What is wrong with one setting, or None."""
    if declared in (bool, "bool"):
        return None if isinstance(value, bool) else f"{name} must be true or false"
    whole = declared in (int, "int")
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (whole and not isinstance(value, int))
    ):
        return f"{name} must be {'a whole number' if whole else 'a number'}, not {value!r}"
    if not math.isfinite(value):
        return f"{name} must be a finite number, not {value!r}"
    low, high, low_ok = _RANGES[name]
    if value < low or (value == low and not low_ok) or value > high:
        bracket = "[" if low_ok else "("
        return f"{name} must be in {bracket}{low}, {high}], not {value!r}"
    return None
