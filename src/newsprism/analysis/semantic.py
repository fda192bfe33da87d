"""Sentence embeddings for the analysis stages, computed once per brief when asked for.

With ``BriefConfig.semantic`` the stages align claims and figure contexts by meaning as well as by
shared words; without it (the default) they stay lexical and never import the model.
"""

from __future__ import annotations

import numpy as np

from newsprism.pipeline import Context
from newsprism.text.embeddings import embed

KEY = "sentence_vectors"


def sentence_vectors(ctx: Context) -> dict[str, np.ndarray] | None:
    """Sentence id -> unit vector, or None when semantic alignment is off."""
    if not ctx.config.semantic:
        return None
    if KEY not in ctx.artifacts:
        sentences = [s for a in ctx.brief.articles for s in a.sentences]
        matrix = embed([s.text for s in sentences])
        ctx.artifacts[KEY] = {s.id: v for s, v in zip(sentences, matrix, strict=True)}
    vectors: dict[str, np.ndarray] = ctx.artifacts[KEY]
    return vectors


def meaning_matches(
    vectors: dict[str, np.ndarray], ids: list[str], owner: list[int], threshold: float = 0.75
) -> list[list[int]]:
    """For each sentence, the sentences of other sources that say the same thing by meaning."""
    if not ids:
        return []
    matrix = np.stack([vectors[i] for i in ids])
    sims = matrix @ matrix.T
    groups = np.asarray(owner)
    close = (sims >= threshold) & (groups[:, None] != groups[None, :])
    return [list(np.flatnonzero(row)) for row in close]
