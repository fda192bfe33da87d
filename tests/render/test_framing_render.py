"""The framing section renders in Markdown and HTML with every input text escaped."""

from __future__ import annotations

import re

from tests.render.conftest import HOSTILE, article

from newsprism.model import (
    Brief,
    Contrast,
    ContrastVariant,
    Coverage,
    EntityLabel,
    Framing,
    LoadedTerm,
    OutletFraming,
    OutletTone,
)
from newsprism.render import render


def _brief() -> Brief:
    art = article("a1", HOSTILE, [[f"The {HOSTILE} plan was outrageous."]])
    term = LoadedTerm(text=HOSTILE, sentence_id="a1.0", quoted=False, score=0.9, category=HOSTILE)
    outlet = OutletFraming(
        article_ids=["a1"],
        outlet=HOSTILE,
        stance="left",
        loaded_terms=[term],
        labels=[EntityLabel(entity=HOSTILE, text=HOSTILE, sentence_id="a1.0")],
        tone=OutletTone(overall=-0.5, scale=HOSTILE, toward={HOSTILE: 0.2}),
        lead_sentence_id="a1.0",
    )
    framing = Framing(
        outlets=[outlet],
        contrasts=[
            Contrast(
                concept=HOSTILE,
                variants=[ContrastVariant(text=HOSTILE, outlets=[HOSTILE], citations=["a1.0"])],
            )
        ],
        coverage=Coverage(by_stance={"left": 1}, note=HOSTILE),
        method=HOSTILE,
    )
    return Brief(story_id="s", articles=[art], framing=framing)


def test_markdown_framing_is_escaped() -> None:
    text = render(_brief(), "md")
    assert "## How each outlet tells it" in text
    assert "<script>" not in text
    assert not re.search(r"(?<!\\)<(?!a id=|/a>)", text)  # every other '<' is backslash-escaped
    assert "−0.50" in text


def test_html_framing_is_escaped() -> None:
    page = render(_brief(), "html")
    assert 'id="framing"' in page
    assert page.count("<script") == 1, "only the page's own script, never one from the text"
    assert page.count("<script>/* newsprism page script") == 1
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page
