"""Sentence embeddings for the analysis stages, computed once per brief when asked for.

With ``BriefConfig.semantic`` the stages align claims and figure contexts by meaning as well as by
shared words; without it (the default) they stay lexical and never import the model.
"""

from __future__ import annotations

import numpy as np

from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.embeddings import embed


@stage("embed", version="1.0", requires=("sentences",), assigns=("sentence_vectors",))
def embed_stage(ctx: Context) -> None:
    """Sentence embeddings when semantic alignment is on; None keeps the stages lexical."""
    vectors = None
    if ctx.config.semantic:
        sentences = [s for a in ctx.get("sentences") for s in a.sentences]
        matrix = embed([s.text for s in sentences])
        vectors = {s.id: v for s, v in zip(sentences, matrix, strict=True)}
    ctx.put("sentence_vectors", vectors)


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
