"""The `summary` stage: extractive multi-document summary, every sentence citing all its supporters.

Scores favour content several outlets repeat and early position; selection avoids redundancy and stops
at the word budget; output is ordered by position in its source articles.
"""

from __future__ import annotations

import numpy as np

from newsprism.align import Alignment
from newsprism.model import Brief, SummarySentence
from newsprism.pipeline import Context
from newsprism.registry import stage

REDUNDANT = 0.5


def score_sentences(al: Alignment) -> np.ndarray:
    n = len(al.sentences)
    centroid = np.asarray(al.vectors.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    centrality = np.asarray(al.vectors @ (centroid / norm)).ravel()
    support = np.array([len({al.article_of[j] for j, _ in m}) for m in al.matches], dtype=float)
    position = np.array([1.0 / (1.0 + s.index) ** 0.5 for s in al.sentences])
    length = np.array([len(s.text.split()) for s in al.sentences], dtype=float)
    ok_length = ((length >= 8) & (length <= 60)).astype(float) * 0.9 + 0.1
    return (centrality + 0.3 * np.log1p(support) + 0.5 * position) * ok_length if n else position


def select(al: Alignment, scores: np.ndarray, words: int) -> list[int]:
    chosen: list[int] = []
    total = 0
    for i in np.argsort(-scores, kind="stable"):
        if total >= words:
            break
        vec = al.vectors[int(i)]
        if chosen and (al.vectors[chosen] @ vec.T).max() >= REDUNDANT:
            continue
        chosen.append(int(i))
        total += len(al.sentences[int(i)].text.split())
    return chosen


def summarize(brief: Brief, al: Alignment, words: int) -> list[SummarySentence]:
    if not al.sentences:
        return []
    chosen = select(al, score_sentences(al), words)
    chosen.sort(key=lambda i: (al.sentences[i].index, al.article_of[i]))
    out = []
    for i in chosen:
        citations = [al.sentences[j].id for j in al.supporters(i)]
        out.append(
            SummarySentence(
                text=al.sentences[i].text,
                citations=citations,
                outlets=brief.outlets_of(citations),
                source=al.sentences[i].id,
            )
        )
    return out


@stage("summary", version="1.0", requires=("sentences", "alignment"), assigns=("summary",))
def summary_stage(ctx: Context) -> None:
    """Neutral extractive summary; each sentence cites every sentence that says the same."""
    ctx.brief.summary = summarize(ctx.brief, ctx.artifacts["alignment"], ctx.config.words)
