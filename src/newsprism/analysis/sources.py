"""Independent sources: syndicated copies of one article count once.

The clustering step may already mark copies (``Article.duplicate_of``); inside a story we also catch
near-identical texts cheaply by word 5-gram shingle containment (the copy definition lives in
``text/copies.py``), so agreement is never inflated by a wire story reprinted under several
mastheads.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.model import Article
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.copies import is_copy, story_shingles
from newsprism.text.sparse import components, csr_rows, shared_pairs
from newsprism.text.terms import words


@dataclass
class Sources:
    """article index -> source group; a group is one original and its copies."""

    group_of: list[int]
    labels: list[str]  # label of each group, e.g. 'AP (also: Yahoo)'

    @property
    def count(self) -> int:
        return len(self.labels)


def _shingles(text: str) -> set[int]:
    return story_shingles(words(text))


def independent_sources(articles: list[Article]) -> Sources:
    """Join marked and detected copies; each group is labelled by its members' labels.

    Only articles sharing a shingle are compared (an index of shingles, not every pair), and the
    groups are connected components of the copy links."""
    by_id = {a.id: k for k, a in enumerate(articles)}
    links = [(k, by_id[a.duplicate_of]) for k, a in enumerate(articles) if a.duplicate_of in by_id]
    shingles = [_shingles(a.text) for a in articles]
    rows, cols, _ = shared_pairs(csr_rows(shingles, binary=True)[0])
    links += [
        (i, j) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        if is_copy(shingles[i], shingles[j])
    ]  # fmt: skip
    groups = components(len(articles), [i for i, _ in links], [j for _, j in links])
    group_of = [0] * len(articles)
    for g, members in enumerate(groups):
        for k in members:
            group_of[k] = g
    members_labels = [[articles[k].label for k in members] for members in groups]
    labels = [m[0] + (f" (also: {', '.join(m[1:])})" if len(m) > 1 else "") for m in members_labels]
    return Sources(group_of, labels)


@stage("sources", version="1.1", requires=("articles",), assigns=("sources",))
def sources_stage(ctx: Context) -> None:
    """Group syndicated copies once per brief, so every section counts independent outlets alike."""
    ctx.put("sources", independent_sources(ctx.get("articles")))
