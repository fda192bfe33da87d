"""Clustering with embeddings: stories found by meaning when words differ (fake embedder)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from newsprism.cluster import batch
from newsprism.cluster.batch import cluster_batch
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.features import DocFrequency, weigh
from newsprism.cluster.online import OnlineClusterer
from newsprism.cluster.semantic import StoryEmbeddings, top_slots
from newsprism.model import Article

DAY = 738000.0
STRIKE = "Dockworkers walk out at the harbour over pay; cranes idle as talks stall"
WALKOUT = "Port labourers begin industrial action demanding wages, terminal operations halted"
BUDGET = "Parliament approves the annual budget after a late-night vote on spending cuts"


def unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    df = DocFrequency()
    terms = [{w.lower(): 1.0 for w in t.replace(",", " ").split()} for t in texts]
    for t in terms:
        df.add(t)
    return [weigh(t, df, 48) for t in terms]


def test_embeddings_join_reports_that_share_no_words() -> None:
    strike, walkout = vectors([STRIKE, WALKOUT])
    same_event = unit(1.0, 0.1, 0.0)
    for semantic, expect_same in ((False, False), (True, True)):
        clusterer = OnlineClusterer(ClusterConfig(semantic=semantic))
        emb = same_event if semantic else None
        a = clusterer.place(0, strike, DAY, emb)
        b = clusterer.place(1, walkout, DAY, emb)
        assert (a.id == b.id) is expect_same


def test_a_different_event_stays_apart_by_meaning() -> None:
    strike, budget = vectors([STRIKE, BUDGET])
    clusterer = OnlineClusterer(ClusterConfig(semantic=True))
    a = clusterer.place(0, strike, DAY, unit(1.0, 0.0, 0.0))
    b = clusterer.place(1, budget, DAY, unit(0.0, 1.0, 0.0))
    assert a.id != b.id


def test_story_embeddings_follow_members_and_closed_slots_are_empty() -> None:
    store = StoryEmbeddings(3)
    store.add(0, unit(1.0, 0.0, 0.0))
    store.add(100, unit(0.0, 1.0, 0.0))  # grows past its first allocation
    cos = store.cosines(unit(1.0, 0.0, 0.0))
    assert cos[0] == pytest.approx(1.0) and cos[100] == pytest.approx(0.0)
    assert top_slots(cos, 3, exclude=None) == [0]
    store.add(0, unit(1.0, 0.0, 0.0), sign=-1.0)
    store.clear(100)
    assert not store.cosines(unit(1.0, 1.0, 0.0)).any()


def test_batch_mode_uses_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(texts: list[tuple[str, str | None]]) -> np.ndarray:
        return np.stack([unit(1.0, 0.0) if "Budget" not in t else unit(0.0, 1.0) for t, _ in texts])

    monkeypatch.setattr(batch, "embed_articles", fake)
    articles = [
        Article.create(STRIKE, outlet="A"),
        Article.create(WALKOUT, outlet="B"),
        Article.create(BUDGET.replace("budget", "Budget"), outlet="C"),
    ]
    stories, _ = cluster_batch(articles, ClusterConfig(semantic=True))
    assert sorted(len(s.articles) for s in stories) == [1, 2]
    lexical, _ = cluster_batch(articles, ClusterConfig())
    assert len(lexical) == 3
