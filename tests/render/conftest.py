"""Briefs built in code for the rendering tests: a plain one, a hostile one, and the sample story's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsprism.api import brief as make_brief
from newsprism.model import Article, Brief, Notice, Sentence, StageRun, SummarySentence
from newsprism.samples import sample_paths

HOSTILE = '<script>alert(1)</script> "onerror=alert(2) </textarea><img src=x onerror=alert(3)>'


def article(aid: str, outlet: str, paragraphs: list[list[str]], **meta: object) -> Article:
    """An article whose sentences are given paragraph by paragraph; ids are '<aid>.<n>'."""
    sentences = []
    for p, texts in enumerate(paragraphs):
        for text in texts:
            n = len(sentences)
            sentences.append(Sentence(id=f"{aid}.{n}", index=n, text=text, paragraph=p))
    text = "\n\n".join(" ".join(texts) for texts in paragraphs)
    return Article(id=aid, text=text, outlet=outlet, sentences=sentences, **meta)  # type: ignore[arg-type]


def summary(text: str, *citations: str) -> SummarySentence:
    return SummarySentence(text=text, citations=list(citations), source=citations[0])


@pytest.fixture
def make_article() -> Callable[..., Article]:
    return article


@pytest.fixture
def make_summary() -> Callable[..., SummarySentence]:
    return summary


@pytest.fixture
def plain_brief() -> Brief:
    wire = article(
        "a1",
        "Wire",
        [["The bridge closed on Monday.", "Engineers found cracks."], ["Repairs cost $2 million."]],
        title="Bridge closes",
        date=date(2025, 3, 5),
        url="https://wire.example/bridge",
    )
    daily = article("a2", "Daily", [["The bridge shut on Monday after cracks were found."]])
    return Brief(
        story_id="st1",
        title="Bridge closure",
        articles=[wire, daily],
        summary=[summary("The bridge closed on Monday.", "a1.0", "a2.0", "a1.1")],
        stages=[StageRun(name="sentences", version="1.0", seconds=0.01)],
    )


@pytest.fixture
def hostile_brief() -> Brief:
    """Every text field a renderer shows carries markup, script or attribute-breaking quotes."""
    evil = article(
        'x" onclick="alert(4)',
        HOSTILE,
        [[HOSTILE, "[click](javascript:alert(5)) and <b>bold</b>"]],
        title=HOSTILE,
        author=HOSTILE,
        url="javascript:alert(6)",
        source=f"/tmp/{HOSTILE}.txt",
    )
    sid = evil.sentences[0].id
    return Brief(
        story_id='st"><script>',
        title=HOSTILE,
        articles=[evil],
        summary=[summary(HOSTILE, sid)],
        stages=[StageRun(name=HOSTILE, version="1", seconds=0.0, status="failed", error=HOSTILE)],
        notices=[Notice(code="input-empty", message=HOSTILE, source=HOSTILE)],
    )


@pytest.fixture(scope="session")
def sample_brief() -> Brief:
    return make_brief(sample_paths(), title="Sample story (fictional)")
