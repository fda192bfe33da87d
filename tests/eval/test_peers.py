"""Peers: lead order, rank-order budget fill, sumy rankings on our sentences, the oracle bound."""

from __future__ import annotations

from pathlib import Path

from newsprism.eval.data import Cluster, load_clusters
from newsprism.eval.harness import SUMMARY_PIPELINE
from newsprism.eval.peers import PEERS, fill, lead, oracle, sumy_document, sumy_ranking
from newsprism.eval.rouge import cut_words, rouge
from newsprism.model import Story
from newsprism.pipeline import Pipeline


def split(path: Path) -> list[Cluster]:
    clusters = load_clusters(path)
    for c in clusters:
        Pipeline(SUMMARY_PIPELINE[:1]).run(Story.from_articles(c.articles))
    return clusters


def test_fill_stops_once_budget_reached() -> None:
    sentences = ["a b c", "d e", "f g h i", "j"]
    assert fill(sentences, [2, 0, 1, 3], 5) == ["f g h i", "a b c"]
    assert fill(sentences, [], 5) == []


def test_lead_is_round_robin(data_file: Path) -> None:
    flood = split(data_file)[0]
    first, second = flood.sentences()
    assert lead(flood, 1000) == [first[0], second[0], first[1], second[1], first[2]]


def test_sumy_peers_rank_every_sentence_once(data_file: Path) -> None:
    flood = split(data_file)[0]
    texts = [s for art in flood.sentences() for s in art]
    document = sumy_document(flood.sentences())
    for algorithm in ("lexrank", "textrank", "lsa"):
        ranking = sumy_ranking(algorithm, document)
        assert sorted(ranking) == list(range(len(texts)))
        out = PEERS[algorithm](flood, 12)
        assert out and set(out) <= set(texts)


def test_oracle_bounds_the_others(data_file: Path) -> None:
    for cluster in split(data_file):
        best = rouge(cut_words(oracle(cluster, 30), 30), cluster.references)
        for name in ("lead", "lexrank"):
            other = rouge(cut_words(PEERS[name](cluster, 30), 30), cluster.references)
            assert best["rouge1"] + best["rouge2"] >= other["rouge1"] + other["rouge2"]
