"""Semantic alignment (the optional `semantic` extra): off by default, by meaning when on."""

from __future__ import annotations

import pytest

from newsprism.model import Article, Story
from newsprism.pipeline import BriefConfig, Pipeline
from newsprism.text import embeddings

STAGES = (
    "sentences", "sources", "embed", "align", "names", "entities", "timeline", "quotes",
    "discrepancies", "agreed",
)  # fmt: skip
TEXTS = {
    "Wire": "The mayor resigned after the report was published. Rain is forecast.",
    "Herald": "Following publication of the report, the mayor stepped down. Schools stay open.",
}


def _story() -> Story:
    return Story.from_articles([Article.create(t, outlet=o) for o, t in TEXTS.items()])


def test_default_brief_does_not_load_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the model must not load without BriefConfig.semantic")

    monkeypatch.setattr(embeddings, "model", refuse)
    brief = Pipeline(STAGES).run(_story())
    assert all(run.status == "ok" for run in brief.stages)


@pytest.mark.slow
@pytest.mark.skipif(not embeddings.available(), reason="the semantic extra is not installed")
def test_paraphrase_is_agreed_by_meaning() -> None:
    lexical = Pipeline(STAGES).run(_story())
    semantic = Pipeline(STAGES).run(_story(), BriefConfig(semantic=True))
    assert not any(len(f.outlets) == 2 for f in lexical.agreed)
    assert any(set(f.outlets) == {"Wire", "Herald"} for f in semantic.agreed)
