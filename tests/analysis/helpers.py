"""Build small briefs in code for analysis tests (no shared data)."""

from __future__ import annotations

import random

from newsprism.align import Alignment, align
from newsprism.analysis.sources import Sources, independent_sources
from newsprism.model import Article, Brief, Story
from newsprism.pipeline import Pipeline


def make_brief(texts: dict[str, str], stages: tuple[str, ...] = ("sentences", "align")) -> Brief:
    articles = [Article.create(text, outlet=name) for name, text in texts.items()]
    return Pipeline(stages).run(Story.from_articles(articles))


def aligned(texts: dict[str, str]) -> tuple[Brief, Alignment, Sources]:
    """A brief split into sentences, its alignment and its sources: what the slot readers take."""
    brief = make_brief(texts, ("sentences",))
    return brief, align(brief.articles), independent_sources(brief.articles)


def big_story(
    people: list[str], acts: list[str], seed: int, outlets: int = 300, sentences: int = 25
) -> tuple[Brief, Sources]:
    """A story of many outlets, each sentence a random person doing a random act: for checking
    that readers stay near-linear in story size."""
    rng = random.Random(seed)

    def sentence() -> str:
        return f"{rng.choice(people)} {rng.choice(acts)} on day {rng.randint(1, 30)}."

    texts = {f"Outlet {i}": " ".join(sentence() for _ in range(sentences)) for i in range(outlets)}
    brief = make_brief(texts, ("sentences",))
    return brief, independent_sources(brief.articles)
