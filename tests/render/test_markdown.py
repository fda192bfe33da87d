"""Markdown: citations resolve to appendix anchors, input is inert, empty sections are left out."""

from __future__ import annotations

import re

from tests.expect import the

from newsprism.model import Brief, Notice, StageRun
from newsprism.render.markdown import md, render_markdown

_LINK_TARGET = re.compile(r"\]\(#([^)]*)\)")
_ANCHOR = re.compile(r'<a id="([^"]*)"></a>')
_RAW_TAG = re.compile(r'(?<!\\)<(?!a id="[A-Za-z0-9-]+"></a>|/a>)')


def _targets_resolve(text: str) -> set[str]:
    targets = set(_LINK_TARGET.findall(text))
    anchors = _ANCHOR.findall(text)
    assert len(anchors) == len(set(anchors)), "duplicate anchors"
    assert targets <= set(anchors), targets - set(anchors)
    return targets


def test_summary_cites_appendix_sentences(plain_brief: Brief) -> None:
    text = render_markdown(plain_brief)
    line = the(text.splitlines(), "the bridge line", lambda x: x.startswith("- The bridge closed"))
    assert line.endswith("([Wire ¶1.1](#s-a1-0), [¶1.2](#s-a1-1); [Daily s.1](#s-a2-0))")
    assert _targets_resolve(text) == {"s-a1-0", "s-a1-1", "s-a2-0"}
    assert '<a id="s-a1-2"></a>Repairs cost $2 million.' in text
    assert "**¶2**" in text


def test_header_and_article_metadata(plain_brief: Brief) -> None:
    text = render_markdown(plain_brief)
    assert text.startswith("# Bridge closure\n\n*2 articles from 2 outlets, 5 March 2025.*")
    assert "### 1. Wire: Bridge closes" in text
    assert "5 March 2025 · <https://wire.example/bridge>" in text


def test_sections_without_content_are_absent(plain_brief: Brief) -> None:
    text = render_markdown(plain_brief)
    assert "## Notices" not in text
    assert "Warning" not in text
    plain_brief.summary = []
    assert "## Summary" not in render_markdown(plain_brief)


def test_failed_stage_is_stated_plainly(plain_brief: Brief) -> None:
    plain_brief.stages.append(
        StageRun(name="summary", version="1", seconds=0, status="failed", error="boom")
    )
    text = render_markdown(plain_brief)
    assert (
        "> **Warning:** The 'summary' stage failed, so its part of the brief is missing (boom)."
        in text
    )
    assert "| summary | 1 | failed: boom | 0.00 |" in text


def test_hostile_input_stays_text(hostile_brief: Brief) -> None:
    text = render_markdown(hostile_brief)
    # The only raw "<" are the renderer's own anchors; every other one is backslash-escaped.
    assert _RAW_TAG.findall(text) == []
    assert not re.search(r"(?<!\\)\]\(javascript", text)
    assert "javascript:alert(6)" not in text  # not an http(s) URL: never shown as a link
    assert r"\<script\>alert(1)\</script\>" in text
    for anchor in _ANCHOR.findall(text):
        assert re.fullmatch(r"[A-Za-z0-9-]+", anchor)
    _targets_resolve(text)


def test_md_escapes_markup_and_block_starts() -> None:
    assert md("a *b* _c_ [d](e) <f> `g` | h") == r"a \*b\* \_c\_ \[d\](e) \<f\> \`g\` \| h"
    assert md("1. First") == r"1\. First"
    assert md("- dash") == r"\- dash"
    assert md("two\n\nparagraphs") == "two paragraphs"


def test_sample_brief_citations_resolve(sample_brief: Brief) -> None:
    text = render_markdown(sample_brief)
    assert len(_targets_resolve(text)) >= len(sample_brief.summary)
    assert text.count("\n### ") == 5


def test_notices_are_listed(plain_brief: Brief) -> None:
    plain_brief.notices.append(Notice(code="input-empty", message="empty file", source="b.txt"))
    assert "## Notices\n\n- **input-empty**: empty file (b.txt)" in render_markdown(plain_brief)


def test_quote_variants_are_listed_and_expandable() -> None:
    from newsprism.model import Article, Brief, Quote, QuoteVariant, Sentence
    from newsprism.render.markdown import render_markdown

    arts = [
        Article(
            id=f"a{i}", text="x", outlet=o, sentences=[Sentence(id=f"a{i}.0", index=0, text="x")]
        )
        for i, o in enumerate(["Wire", "Herald"])
    ]
    variants = [
        QuoteVariant(article_id="a0", text="We will rebuild the pier", citations=["a0.0"]),
        QuoteVariant(article_id="a1", text="we will rebuild the pier soon", citations=["a1.0"]),
    ]
    quote = Quote(text="We will rebuild the pier", citations=["a0.0", "a1.0"], variants=variants)
    text = render_markdown(Brief(story_id="s", articles=arts, quotes=[quote]))
    assert "<details>" in text and "**Herald**" in text and "soon" in text
