"""Build small briefs in code for analysis tests (no shared data)."""

from __future__ import annotations

from newsprism.model import Article, Brief, Story
from newsprism.pipeline import Pipeline


def make_brief(texts: dict[str, str], stages: tuple[str, ...] = ("sentences", "align")) -> Brief:
    articles = [Article.create(text, outlet=name) for name, text in texts.items()]
    return Pipeline(stages).run(Story.from_articles(articles))
