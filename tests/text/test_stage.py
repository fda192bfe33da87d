"""The `sentences` stage: ids, repaired flags and the degraded mark."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.text.siblings import strip_text
from newsprism.text.stage import sentences_for

CLEAN = (
    "The Callow Bridge reopened on Friday after six months of repairs. Governor Helena Varga "
    "cut the ribbon in front of a small crowd. Engineers said the steel supports had been "
    "replaced and tested twice. Traffic on the ring road is expected to fall by half. "
    "Residents of Lake Morrow had petitioned for the reopening since March."
)


def test_clean_article_is_split_not_repaired() -> None:
    article = Article.create(CLEAN)
    sentences, degraded = sentences_for(article, [])
    assert not degraded
    assert len(sentences) == 5
    assert [s.id for s in sentences] == [f"{article.id}.{i}" for i in range(5)]
    assert not any(s.repaired for s in sentences)


def test_degraded_article_is_repaired_against_siblings() -> None:
    article = Article.create(strip_text(CLEAN))
    sentences, degraded = sentences_for(article, [CLEAN])
    assert degraded
    assert all(s.repaired for s in sentences)
    assert [s.text for s in sentences][:2] == [
        "The Callow Bridge reopened on Friday after six months of repairs.",
        "Governor Helena Varga cut the ribbon in front of a small crowd.",
    ]
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_a_text_that_stops_at_an_ellipsis_marks_its_last_sentence_cut_off() -> None:
    cut = "The council met on Monday. Its chair said the plan would cost more than..."
    sentences, _ = sentences_for(Article.create(cut), [])
    assert [s.cut_off for s in sentences] == [False, True]
    quoted = "The council met on Monday. “We ask residents to have…”"
    assert [s.cut_off for s in sentences_for(Article.create(quoted), [])[0]] == [False, True]


def test_an_ellipsis_inside_the_text_is_not_a_cut() -> None:
    pause = "The chair paused... then spoke. The council met on Monday."
    assert not any(s.cut_off for s in sentences_for(Article.create(pause), [])[0])
    assert not any(s.cut_off for s in sentences_for(Article.create(CLEAN), [])[0])
