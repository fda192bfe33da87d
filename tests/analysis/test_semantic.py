"""Semantic alignment (the optional `semantic` extra): off by default, by meaning when on."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pytest

from newsprism.analysis import agreed, agreed_check, semantic, support
from newsprism.analysis.sources import Sources
from newsprism.model import AgreedFact, Article, Brief, Story
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
def test_paraphrase_is_paired_by_meaning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Meaning pairs the paraphrase; a credit still needs the whole fact (test below)."""
    lexical = Pipeline(STAGES).run(_story())
    _without_whole_credits(monkeypatch)
    semantic = Pipeline(STAGES).run(_story(), BriefConfig(semantic=True))
    assert not any(len(f.outlets) == 2 for f in lexical.agreed)
    assert any(set(f.outlets) == {"Wire", "Herald"} for f in semantic.agreed)


def _without_whole_credits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stage as it was before credits needed the whole fact (agreed 2.7)."""

    def every_credit(
        brief: Brief, sources: Sources, facts: Iterable[AgreedFact]
    ) -> list[AgreedFact]:
        return list(facts)

    monkeypatch.setattr(agreed, "whole_credits", every_credit)
    monkeypatch.setattr(agreed_check, "credits", support.states)


def _fake_embed(texts: list[str]) -> np.ndarray:
    """A stand-in for MiniLM: the two tellings of the resignation share a direction, every other
    sentence gets its own. Runs the semantic code path in CI, where the model is not installed."""
    out = np.zeros((len(texts), len(texts) + 1), dtype=np.float32)
    for i, text in enumerate(texts):
        resignation = "mayor" in text and ("resigned" in text or "stepped down" in text)
        out[i, 0 if resignation else i + 1] = 1.0
    return out


def test_semantic_path_agrees_by_meaning_with_a_fake_embedder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The semantic path pairs the two tellings; the whole-fact rule (agreed 2.8) then credits
    neither with the other's words: 'stepped down' is not 'resigned' (analysis/whole_credit.py)."""
    monkeypatch.setattr(semantic, "embed", _fake_embed)
    lexical = Pipeline(STAGES).run(_story())
    meant = Pipeline(STAGES).run(_story(), BriefConfig(semantic=True))
    assert all(run.status == "ok" for run in meant.stages), meant.stages
    assert not any(len(f.outlets) == 2 for f in lexical.agreed)
    assert not any(len(f.outlets) == 2 for f in meant.agreed), [f.text for f in meant.agreed]
    _without_whole_credits(monkeypatch)
    proposed = Pipeline(STAGES).run(_story(), BriefConfig(semantic=True))
    both = [f for f in proposed.agreed if set(f.outlets) == {"Wire", "Herald"}]
    assert both, [f.text for f in proposed.agreed]
