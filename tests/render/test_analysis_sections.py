"""The agreed, discrepancy, quote and unique sections in Markdown and HTML: escaped and cited."""

from __future__ import annotations

from newsprism.model import (
    AgreedFact,
    Article,
    Brief,
    Discrepancy,
    DiscrepancyValue,
    Quote,
    QuoteVariant,
    Sentence,
    UniqueItem,
)
from newsprism.render import render
from newsprism.render.page import script

EVIL = "<script>alert(1)</script> *bold* [x](http://e.vil)"


def _brief() -> Brief:
    arts = []
    for name in ("Wire", "Herald"):
        art = Article.create(f"{name} text.", outlet=name)
        art.sentences = [Sentence(id=f"{art.id}.0", index=0, text=f"{name} says {EVIL}")]
        arts.append(art)
    a, b = (x.sentences[0].id for x in arts)
    return Brief(
        story_id="st1",
        articles=arts,
        agreed=[
            AgreedFact(text=EVIL, outlets=["Wire", "Herald"], citations=[a, b], support=2, source=a)
        ],
        discrepancies=[
            Discrepancy(
                what=EVIL,
                values=[
                    DiscrepancyValue(value=EVIL, citations=[a]),
                    DiscrepancyValue(value="9", citations=[b]),
                ],
                confidence=0.6,
                note=EVIL,
            )
        ],
        quotes=[
            Quote(
                text=EVIL,
                speaker=EVIL,
                citations=[a, b],
                outlets=["Wire", "Herald"],
                variants=[QuoteVariant(article_id=arts[0].id, text=EVIL, citations=[a])],
            )
        ],
        unique=[UniqueItem(article_id=arts[1].id, outlet="Herald", text=EVIL, citations=[b])],
    )


def test_html_sections_escape_and_cite() -> None:
    brief = _brief()
    html = render(brief, "html")
    for section in ("agreed", "discrepancies", "quotes", "unique"):
        assert f'<section id="{section}">' in html
    ours = f"<script>{script()}</script>"
    assert html.count(ours) == 1
    assert "<script" not in html.replace(ours, "") and "&lt;script&gt;" in html
    first, second = ("#s-" + a.sentences[0].id.replace(".", "-") for a in brief.articles)
    assert html.count(f'href="{first}"') == 3  # agreed, one side of the discrepancy, the quote
    assert html.count(f'href="{second}"') == 4  # ... the other side, and the unique item


def test_markdown_sections_escape_and_cite() -> None:
    brief = _brief()
    md = render(brief, "md")
    for title in ("What the outlets agree on", "Where they differ", "Quotations",
                  "Only in one outlet"):  # fmt: skip
        assert f"## {title}" in md
    assert "<script>" not in md and "\\*bold\\*" in md
    assert md.count("(#s-") >= 6


def test_a_date_discrepancy_is_labelled_dates() -> None:
    brief = _brief()
    brief.discrepancies[0].kind = "date"
    assert "(dates, confidence 0.60)" in render(brief, "md")
    assert ">dates, " in render(brief, "html")
