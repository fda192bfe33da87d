"""Clustering settings in one place, so the CLI, the engines and the benchmarks agree."""

from __future__ import annotations

from dataclasses import dataclass


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
    dedup_threshold: float = 0.5
    num_perm: int = 64
    shingle_size: int = 3
    max_tokens: int = 400
    article_terms: int = 48
    centroid_terms: int = 150
    posting_budget: int = 1500
    max_active: int = 200_000
    reorder: int = 10_000  # online: articles held back to restore date order
    semantic: bool = False  # embeddings of headline and lead join the lexical score
    semantic_weight: float = 0.3

    @property
    def window(self) -> float:
        """Days after which no article can reach a story that spans a single day."""
        return (1.0 - self.threshold) / self.day_penalty
