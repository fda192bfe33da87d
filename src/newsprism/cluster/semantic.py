"""Embeddings for story clustering (the optional ``semantic`` extra).

Two reports of one event can share few words ("walkout" / "strike", a translated quote); a
sentence embedding of the headline and lead sees that they mean the same. Each open story keeps
the sum of its members' embeddings in one matrix row per story slot, so an article is compared
with every open story in one matrix-vector product, and the best of those join the lexical
candidates. The score mixes both: ``(1 - w) * lexical cosine + w * rescaled embedding cosine``,
the rescaling mapping MiniLM's cosines (unrelated ~0.1-0.4, same event ~0.7+) onto the range of
lexical cosines, so the threshold and day penalty keep their meaning.
"""

from __future__ import annotations

import numpy as np

from newsprism.text import embeddings

LEAD_CHARS = 600  # headline and lead: what the model reads well (it truncates at 256 tokens)
FLOOR, SPAN = 0.4, 0.5


def article_text(text: str, title: str | None) -> str:
    lead = text[:LEAD_CHARS]
    return f"{title}. {lead}" if title else lead


def embed_articles(texts: list[tuple[str, str | None]]) -> np.ndarray:
    """Unit embeddings, one row per (text, title)."""
    return embeddings.embed([article_text(text, title) for text, title in texts])


def rescale(cosine: float) -> float:
    return min(max((cosine - FLOOR) / SPAN, 0.0), 1.0)


class StoryEmbeddings:
    """Sum of member embeddings per story slot (rows of closed stories are zero)."""

    def __init__(self, dim: int) -> None:
        self.sums = np.zeros((64, dim), dtype=np.float32)
        self.norms = np.zeros(64, dtype=np.float32)

    def add(self, slot: int, emb: np.ndarray, sign: float = 1.0) -> None:
        if slot >= len(self.sums):
            grow = max(slot + 1, 2 * len(self.sums))
            self.sums = np.resize(self.sums, (grow, self.sums.shape[1]))
            self.sums[len(self.norms) :] = 0.0
            self.norms = np.concatenate([self.norms, np.zeros(grow - len(self.norms), np.float32)])
        self.sums[slot] += sign * emb
        self.norms[slot] = float(np.linalg.norm(self.sums[slot]))

    def clear(self, slot: int) -> None:
        if slot < len(self.sums):
            self.sums[slot] = 0.0
            self.norms[slot] = 0.0

    def cosines(self, emb: np.ndarray) -> np.ndarray:
        """Cosine of ``emb`` to every slot's mean embedding (0 for empty slots)."""
        dots = self.sums @ emb
        return np.divide(dots, self.norms, out=np.zeros_like(dots), where=self.norms > 0)

    def cosine(self, slot: int, emb: np.ndarray) -> float:
        norm = float(self.norms[slot])
        return float(self.sums[slot] @ emb) / norm if norm > 0 else 0.0

    def cosine_without(self, slot: int, emb: np.ndarray) -> float:
        """Cosine of a member to its story's mean embedding without itself (leave-one-out)."""
        rest = self.sums[slot] - emb
        norm = float(np.linalg.norm(rest))
        return float(rest @ emb) / norm if norm > 0 else 0.0


def top_slots(cosines: np.ndarray, k: int, exclude: int | None) -> list[int]:
    """The ``k`` slots most similar by embedding, above the floor where similarity counts."""
    if exclude is not None and exclude < len(cosines):
        cosines[exclude] = 0.0
    hits = np.flatnonzero(cosines > FLOOR)
    if len(hits) > k:
        hits = hits[np.argpartition(cosines[hits], -k)[-k:]]
    return sorted(hits.tolist())
