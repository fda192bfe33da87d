"""Batch engine: a whole collection at once, so it can do what a stream cannot.

IDF comes from the whole collection instead of what has arrived so far, and after the time-ordered
pass every article is offered once more to the stories as they ended up: an early article that
opened a story before its better match existed can move there (leave-one-out scores decide).
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

import numpy as np

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dates import dateline_day, fill_days
from newsprism.cluster.dedupe import Deduplicator
from newsprism.cluster.features import DocFrequency, Featurizer, weigh
from newsprism.cluster.online import OnlineClusterer, StoryIndex, StoryState
from newsprism.cluster.semantic import embed_articles, rescale
from newsprism.cluster.stream import ClusterStats, day_of, make_story, thread_index
from newsprism.cluster.thread_linkage import average_linkage
from newsprism.cluster.threads import top_terms, unit
from newsprism.model import Article, Story


def time_order(days: Sequence[float | None]) -> list[int]:
    """Positions sorted by day; undated articles keep their place relative to each other, first."""
    return sorted(range(len(days)), key=lambda i: (days[i] is not None, days[i] or 0.0, i))


def cluster_batch(
    articles: Sequence[Article], config: ClusterConfig | None = None
) -> tuple[list[Story], ClusterStats]:
    cfg = config or ClusterConfig()
    start = time.perf_counter()
    featurizer = Featurizer(cfg)
    features = [featurizer.features(a) for a in articles]
    days, known = article_days(articles, cfg.window)
    order = time_order(days)
    dedup = Deduplicator(cfg.dedup_threshold, cfg.num_perm)
    copy_of: dict[int, int] = {}
    for i in order:
        original = dedup.check(i, features[i].signature)
        if original is not None:
            copy_of[i] = original
    canon = [i for i in order if i not in copy_of]
    df = DocFrequency()
    for i in canon:
        df.add(features[i].terms)
    clusterer = OnlineClusterer(cfg, df=df)
    vecs = {i: weigh(features[i].terms, df, cfg.article_terms) for i in canon}
    embs = _embeddings(articles, canon) if cfg.embeds else {}
    story_of = {i: clusterer.place(i, vecs[i], days[i], embs.get(i), known[i]) for i in canon}
    moved = refine(clusterer.index, vecs, days, story_of, canon, known)
    stories = _assemble(articles, clusterer.index, copy_of, cfg)
    stats = ClusterStats(len(articles), len(stories), len(copy_of), time.perf_counter() - start)
    stats.extra["moved"] = moved
    return stories, stats


def article_days(
    articles: Sequence[Article], within: float
) -> tuple[list[float | None], list[bool]]:
    """Each article's day and whether it is known: its date, else an estimate: its dateline's
    (checked against the dated articles before it), else theirs (see `cluster.dates`)."""
    given = [day_of(a) for a in articles]
    days: list[float | None] = []
    for a, d, (around, _) in zip(articles, given, fill_days(given), strict=True):
        days.append(d if d is not None else dateline_day(a.text, around, within) or around)
    return days, [d is not None for d in given]


def refine(
    index: StoryIndex,
    vecs: dict[int, dict[str, float]],
    days: Sequence[float | None],
    story_of: dict[int, StoryState],
    order: Sequence[int],
    known: Sequence[bool] | None = None,
) -> int:
    """One reassignment sweep; returns how many articles moved."""
    moved = 0
    for i in order:
        vec, own = vecs[i], story_of[i]
        emb = index.embedding_of(i)
        stay = _stay_score(index, own, vec, emb) - index.penalty(own, days[i])
        other, score = index.best(vec, days[i], exclude=own.id, emb=emb)
        if other is not None and score >= index.config.threshold and score > stay:
            index.leave(own, vec, i)
            index.join(other, vec, days[i], i, known[i] if known is not None else True)
            story_of[i] = other
            moved += 1
    return moved


def _embeddings(articles: Sequence[Article], keys: list[int]) -> dict[int, np.ndarray]:
    rows = embed_articles([(articles[i].text, articles[i].title) for i in keys])
    return dict(zip(keys, rows, strict=True))


def _stay_score(
    index: StoryIndex, story: StoryState, vec: dict[str, float], emb: np.ndarray | None
) -> float:
    """How well a member fits its own story without itself, on the same scale as `best`."""
    lexical = _leave_one_out(story, vec)
    if emb is None or index.embeddings is None or len(story.members) < 2:
        return lexical
    semantic = rescale(index.embeddings.cosine_without(story.slot, emb))
    mix = index.config.semantic_weight
    return (1.0 - mix) * lexical + mix * semantic


def _leave_one_out(story: StoryState, vec: dict[str, float]) -> float:
    """Cosine of a member to its story's centroid without its own contribution."""
    if len(story.members) < 2:
        return 0.0
    c = story.centroid
    dot = sum(w * c.get(t, 0.0) for t, w in vec.items())
    sq = sum(w * w for w in vec.values())
    rest = story.norm**2 - 2 * dot + sq
    return (dot - sq) / math.sqrt(rest) if rest > 1e-12 else 0.0


def _assemble(
    articles: Sequence[Article],
    index: StoryIndex,
    copy_of: dict[int, int],
    cfg: ClusterConfig,
) -> list[Story]:
    """Stories with their copies, threads linked in the order the stories ended (as online)."""
    copies: dict[int, list[int]] = {}
    for i, original in copy_of.items():
        copies.setdefault(original, []).append(i)
    stories: list[tuple[int, Story]] = []
    ended = sorted(
        index.stories.values(), key=lambda s: (s.last is not None, s.last or 0.0, min(s.members))
    )
    for state in ended:
        keys = sorted(k for m in state.members for k in (m, *copies.get(m, ())))
        members = [
            articles[k].model_copy(update={"duplicate_of": articles[copy_of[k]].id})
            if k in copy_of
            else articles[k]
            for k in keys
        ]
        stories.append((min(state.members), make_story(members)))
    embs = [index.mean_embedding(s) if cfg.thread_semantic else None for s in ended]
    _link_threads([story for _, story in stories], ended, embs, cfg)
    return [story for _, story in sorted(stories, key=lambda pair: pair[0])]


def _link_threads(
    stories: list[Story],
    states: list[StoryState],
    embs: list[np.ndarray | None],
    cfg: ClusterConfig,
) -> None:
    """Threads grouped from all the stories at once (`average_linkage`), else (by embeddings
    too, or past its size limit) linked in the order the stories ended, as online; then one
    refinement sweep (`ThreadIndex.refine`). A stream can do neither: its stories are written."""
    threads = thread_index(cfg)
    if threads is None:
        return
    groups = None
    if not cfg.thread_semantic:
        vecs = [unit(top_terms(state.centroid, threads.terms)) for state in states]
        groups = average_linkage(vecs, cfg.thread_linkage)
    if groups is None:
        linked = [
            (story.id, state.centroid, threads.link(story.id, state.centroid, state.last, emb))
            for story, state, emb in zip(stories, states, embs, strict=True)
        ]
    else:
        opened: dict[int, str] = {}  # group -> the id of its first story, in the order they ended
        linked = []
        for story, state, group in zip(stories, states, groups, strict=True):
            tid = opened.setdefault(group, story.id)
            threads.place(story.id, state.centroid, tid, state.last)
            linked.append((story.id, state.centroid, tid))
    thread_of = threads.refine(linked, embs)
    first: dict[str, str] = {}  # a thread is named after the first story it now holds
    for sid, _, _ in linked:
        first.setdefault(thread_of[sid], sid)
    for story in stories:
        story.thread = first[thread_of[story.id]]
