"""Clustering settings in one place, so the CLI, the engines and the benchmarks agree."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class ClusterConfig:
    """Defaults are chosen from first principles of news streams, not fitted to one file.

    ``threshold`` is the time-discounted cosine an article needs to join a story;
    ``time_scale`` (days) is how fast a story's pull fades after its latest article, so a story
    keeps growing for as long as new coverage keeps arriving.
    """

    threshold: float = 0.18
    time_scale: float = 1.0
    title_weight: float = 2.0
    dedup_threshold: float = 0.5
    num_perm: int = 64
    shingle_size: int = 3
    max_tokens: int = 800
    centroid_terms: int = 150
    query_terms: int = 24
    max_postings: int = 400
    max_active: int = 200_000
    semantic: bool = False
    semantic_weight: float = 0.5

    @property
    def window(self) -> float:
        """Days after which no article can reach a story: beyond it the story is closed."""
        return self.time_scale * math.log(1.0 / self.threshold)
