"""The view logic both renderings share: anchors, links, citation labels, sections."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from newsprism.model import Article, Brief, Notice, StageRun, SummarySentence
from newsprism.render import markdown
from newsprism.render.view import (
    _HAS,
    SECTION_TITLES,
    SECTIONS,
    BriefView,
    anchor,
    format_span,
    notice_source,
    problem_text,
    web_url,
)

TEMPLATES = Path(markdown.__file__).parent / "templates"


def test_anchor_is_safe_and_one_to_one() -> None:
    ids = ["a1b2.3", "a1b2-3", "a1b2.3.4", 'x" onclick="y', "", "ä.1", "a1b2.03"]
    anchors = [anchor("s", i) for i in ids]
    assert len(set(anchors)) == len(ids)
    assert anchors[0] == "s-a1b2-3"
    for a in anchors:
        assert re.fullmatch(r"[A-Za-z0-9-]+", a), a


def test_web_url_allows_only_plain_http_links() -> None:
    assert web_url("https://wire.example/a?b=1#c") == "https://wire.example/a?b=1#c"
    assert web_url("HTTP://wire.example/") == "HTTP://wire.example/"
    for bad in [
        None,
        "",
        "javascript:alert(1)",
        "data:text/html,x",
        " https://x.example/",
        'https://x.example/"onmouseover="a',
        "https://x.example/<b>",
        "https://",
        "//x.example/",
        "file:///etc/passwd",
    ]:
        assert web_url(bad) is None, bad


def test_format_span_covers_days_months_and_years() -> None:
    assert format_span(date(2025, 3, 5), date(2025, 3, 5)) == "5 March 2025"
    assert format_span(date(2025, 3, 5), date(2025, 3, 6)) == "5–6 March 2025"
    assert format_span(date(2025, 2, 28), date(2025, 3, 6)) == "28 February – 6 March 2025"
    assert format_span(date(2024, 12, 31), date(2025, 1, 2)) == "31 December 2024 – 2 January 2025"


def test_citations_group_by_article_with_the_source_first(plain_brief: Brief) -> None:
    view = BriefView(plain_brief)
    groups, unresolved = view.citations(["a1.0", "a2.0", "a1.1", "missing.9"], first="a2.0")
    assert unresolved == 1
    assert [g.label for g in groups] == ["Daily", "Wire"]
    assert [link.locator for link in groups[1].links] == ["¶1.1", "¶1.2"]
    assert [link.sentence_id for link in groups[1].links] == ["a1.0", "a1.1"]
    single, _ = view.citations(["a1.2"])
    assert single[0].links[0].locator == "¶2"


def test_one_block_articles_are_cited_by_sentence(make_article: Callable[..., Article]) -> None:
    block = make_article("b1", "Radio", [["one two three.", "four five six.", "seven eight."]])
    view = BriefView(Brief(story_id="s", articles=[block]))
    groups, _ = view.citations(["b1.2", "b1.0"])
    assert [link.locator for link in groups[0].links] == ["s.1", "s.3"]


def test_story_line_and_outlets(plain_brief: Brief) -> None:
    view = BriefView(plain_brief)
    assert view.story_line == "2 articles from 2 outlets, 5 March 2025"
    assert view.outlets == ["Wire", "Daily"]
    assert [a.label for a in view.outlet_chips] == ["Wire", "Daily"]
    assert view.articles[0].meta == ["5 March 2025"]


def test_copies_follow_the_articles_they_copy(make_article: Callable[..., Article]) -> None:
    copy = make_article("c1", "Copy", [["Same."]]).model_copy(update={"duplicate_of": "o1"})
    original = make_article("o1", "Original", [["Same."]])
    view = BriefView(Brief(story_id="s", articles=[copy, original]))
    assert [a.label for a in view.articles] == ["Original", "Copy"]
    assert view.articles[1].duplicate_of == "Original"


def test_only_sections_with_content_are_listed(
    plain_brief: Brief, make_article: Callable[..., Article]
) -> None:
    assert BriefView(plain_brief).sections == ["summary", "articles", "provenance"]
    bare = Brief(story_id="s", articles=[make_article("a", "A", [["x."]])])
    assert BriefView(bare).sections == ["articles"]


def test_failed_and_skipped_stages_are_problems(plain_brief: Brief) -> None:
    plain_brief.stages += [
        StageRun(name="align", version="1", seconds=0, status="failed", error="ValueError('x')"),
        StageRun(name="summary", version="1", seconds=0, status="skipped", error="needs alignment"),
    ]
    view = BriefView(plain_brief)
    assert view.sections[0] == "problems"
    assert [problem_text(r) for r in view.problems] == [
        "The 'align' stage failed, so its part of the brief is missing (ValueError('x')).",
        "The 'summary' stage was skipped, so its part of the brief is missing (needs alignment).",
    ]


def test_every_section_has_a_title_a_markdown_function_and_a_template() -> None:
    for name in SECTIONS:
        assert name in SECTION_TITLES
        assert name in _HAS
        assert name in markdown.SECTIONS
        assert (TEMPLATES / f"_{name}.html.j2").is_file(), name


def test_summary_items_know_their_citations_and_repairs(
    plain_brief: Brief, make_summary: Callable[..., SummarySentence]
) -> None:
    plain_brief.articles[1].sentences[0].repaired = True
    plain_brief.summary.append(make_summary("It shut.", "a2.0"))
    items = BriefView(plain_brief).summary
    assert [g.label for g in items[0].groups] == ["Wire", "Daily"]
    assert (items[0].repaired, items[1].repaired) == (False, True)


def test_notice_source_is_shown_only_when_the_message_lacks_it() -> None:
    assert notice_source(Notice(code="c", message="x.txt: empty", source="x.txt")) is None
    assert notice_source(Notice(code="c", message="empty file", source="x.txt")) == "x.txt"
    assert notice_source(Notice(code="c", message="stage failed")) is None
