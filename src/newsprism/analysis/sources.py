"""Independent sources: syndicated copies of one article count once.

The clustering step may already mark copies (``Article.duplicate_of``); inside a story we also catch
near-identical texts cheaply by word 5-gram shingle containment, so agreement is never inflated by a
wire story reprinted under several mastheads.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.model import Article
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.terms import words

COPY_CONTAINMENT = 0.8
SHINGLE = 5


@dataclass
class Sources:
    """article index -> source group; a group is one original and its copies."""

    group_of: list[int]
    labels: list[str]  # label of each group, e.g. 'AP (also: Yahoo)'

    @property
    def count(self) -> int:
        return len(self.labels)

    def groups(self, article_indices: list[int]) -> set[int]:
        return {self.group_of[i] for i in article_indices}


def _shingles(text: str) -> set[int]:
    tokens = words(text)
    return {hash(tuple(tokens[i : i + SHINGLE])) for i in range(max(1, len(tokens) - SHINGLE + 1))}


def is_copy(a: set[int], b: set[int], threshold: float = COPY_CONTAINMENT) -> bool:
    """The shorter text's shingles lie almost all inside the longer one's."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= threshold


def independent_sources(articles: list[Article]) -> Sources:
    """Union marked and detected copies; each group is labelled by its members' labels."""
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_id = {a.id: k for k, a in enumerate(articles)}
    for k, a in enumerate(articles):
        if a.duplicate_of in by_id:
            parent[find(k)] = find(by_id[a.duplicate_of])
    shingles = [_shingles(a.text) for a in articles]
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if find(i) != find(j) and is_copy(shingles[i], shingles[j]):
                parent[find(j)] = find(i)
    roots: dict[int, int] = {}
    group_of = [roots.setdefault(find(k), len(roots)) for k in range(len(articles))]
    members: list[list[str]] = [[] for _ in roots]
    for k, g in enumerate(group_of):
        members[g].append(articles[k].label)
    labels = [m[0] + (f" (also: {', '.join(m[1:])})" if len(m) > 1 else "") for m in members]
    return Sources(group_of, labels)


@stage("sources", version="1.0", requires=("articles",), assigns=("sources",))
def sources_stage(ctx: Context) -> None:
    """Group syndicated copies once per brief, so every section counts independent outlets alike."""
    ctx.put("sources", independent_sources(ctx.get("articles")))
