"""A disk cache of article embeddings for the clustering benchmarks (the ``semantic`` extra).

MiniLM costs ~60 CPU-ms per article on this machine, far more than clustering it; scores do not
depend on when an embedding was computed, so benchmarks that replay the same streams many times
(settings sweeps, online and batch) embed each headline-and-lead once. Keys are a hash of the
exact text the model reads, so a changed text is embedded again.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

import numpy as np

from newsprism.cluster import batch, parallel, semantic

Embed = Callable[[list[tuple[str, str | None]]], np.ndarray]


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def install(path: Path) -> Embed:
    """Route the engines' embedding calls through a cache kept in ``path`` (a pickle); returns
    the cached embedding function."""
    cache: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path.exists() else {}
    model_embed = semantic.embed_articles

    def cached(texts: list[tuple[str, str | None]]) -> np.ndarray:
        keys = [_key(semantic.article_text(t, h)) for t, h in texts]
        missing = [i for i, k in enumerate(keys) if k not in cache]
        if missing:
            rows = model_embed([texts[i] for i in missing])
            cache.update((keys[i], row) for i, row in zip(missing, rows, strict=True))
            path.write_bytes(pickle.dumps(cache))
        return np.stack([cache[k] for k in keys]) if keys else np.zeros((0, 0), np.float32)

    parallel.embed_articles = cached  # type: ignore[assignment]
    batch.embed_articles = cached  # type: ignore[assignment]
    return cached
