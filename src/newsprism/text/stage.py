"""The `sentences` stage: split every article, repairing degraded ones against their siblings."""

from __future__ import annotations

import re

from newsprism.model import Article, Sentence
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.degraded import is_degraded
from newsprism.text.repair import repair_degraded
from newsprism.text.split import split_text

# An article whose last sentence stops at an ellipsis was cut short by its source ("... to have...").
_CUT_OFF_END = re.compile(r"(?:\.\.\.|…)[\"”’']?\s*$")


def sentences_for(article: Article, siblings: list[str]) -> tuple[list[Sentence], bool]:
    """Sentences with ids '<article id>.<n>', and whether the text had to be repaired."""
    degraded = is_degraded(article.text)
    if degraded:
        pieces = [(0, s) for s in repair_degraded(article.text, siblings)]
    else:
        pieces = split_text(article.text)
    sentences = [
        Sentence(id=f"{article.id}.{i}", index=i, text=text, paragraph=para, repaired=degraded)
        for i, (para, text) in enumerate(pieces)
    ]
    if sentences and _CUT_OFF_END.search(article.text):
        sentences[-1].cut_off = True
    return sentences, degraded


@stage("sentences", version="2.2", requires=("articles",), assigns=("sentences",))
def sentences_stage(ctx: Context) -> None:
    """Split articles into sentences; restore boundaries and case of degraded text."""
    articles: list[Article] = ctx.get("articles")
    degraded = [is_degraded(a.text) for a in articles]
    clean = [a.text for a, bad in zip(articles, degraded, strict=True) if not bad]
    for article, bad in zip(articles, degraded, strict=True):
        if article.sentences:
            continue
        siblings = [t for t in clean if t is not article.text] if bad else []  # linear if none
        article.sentences, article.degraded = sentences_for(article, siblings)
    ctx.put("sentences", articles)
