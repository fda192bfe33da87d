"""The story page parts shared by the static brief and the web app: coverage by stance, the
disagreement table, unique items grouped by outlet, the inline script and its hash."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable

from newsprism.model import Article, Brief, Discrepancy, DiscrepancyValue, UniqueItem
from newsprism.render.html import CSP, render_html
from newsprism.render.page import (
    coverage,
    coverage_of,
    disagreement_rows,
    normal_stance,
    script,
    script_hash,
    unique_groups,
)
from newsprism.render.view import BriefView


def test_stances_are_normalised_and_unknown_otherwise() -> None:
    assert normal_stance("Lean-Left ") == "lean left" and normal_stance("RIGHT") == "right"
    assert normal_stance("<script>") == "unknown" and normal_stance(None) == "unknown"


def test_coverage_counts_outlets_left_to_right() -> None:
    slices = coverage_of({"A": "right", "B": "left", "C": None, "D": "left"})
    assert [(s.stance, s.outlets) for s in slices] == [
        ("left", ["B", "D"]), ("right", ["A"]), ("unknown", ["C"]),
    ]  # fmt: skip
    assert [s.percent for s in slices] == [50.0, 25.0, 25.0]
    assert coverage_of({"A": None, "B": "far out"}) == []  # nothing known: no bar at all


def _brief(make_article: Callable[..., Article]) -> Brief:
    wire = make_article(
        "a1", "Wire", [["Ten people were hurt."], ["The road reopened."]], stance="center"
    )
    daily = make_article("a2", "Daily", [["Twelve people were hurt."]], stance="lean right")
    post = make_article("a3", "Post", [["Twelve were hurt, police said."]])
    values = [
        DiscrepancyValue(value="10", citations=["a1.0"]),
        DiscrepancyValue(value="12", citations=["a2.0", "a3.0"]),
    ]
    return Brief(
        story_id="st1",
        articles=[wire, daily, post],
        discrepancies=[Discrepancy(what="number hurt", values=values, confidence=0.7)],
        unique=[
            UniqueItem(
                article_id="a1", outlet="Wire", text="The road reopened.", citations=["a1.1"]
            ),
            UniqueItem(article_id="a2", outlet="Daily", text="x", citations=["a2.0"]),
            UniqueItem(article_id="a1", outlet="Wire", text="y", citations=["a1.0"]),
        ],
    )


def test_disagreements_read_value_by_outlet(make_article: Callable[..., Article]) -> None:
    view = BriefView(_brief(make_article))
    rows = disagreement_rows(view, view.brief.discrepancies[0])
    assert [(r.group.label, r.value) for r in rows] == [
        ("Wire", "10"),
        ("Daily", "12"),
        ("Post", "12"),
    ]
    assert [s.stance for s in coverage(view)] == ["center", "lean right", "unknown"]


def test_unique_items_are_grouped_by_outlet(make_article: Callable[..., Article]) -> None:
    groups = unique_groups(BriefView(_brief(make_article)))
    assert [(g.label, len(g.items)) for g in groups] == [("Wire", 2), ("Daily", 1)]


def test_the_static_page_has_the_story_page_parts(make_article: Callable[..., Article]) -> None:
    html = render_html(_brief(make_article))
    assert '<div class="coverage">' in html and 'class="st-lean-right"' in html
    assert '<table class="values">' in html and html.count('<th scope="row">') == 3
    assert html.count('<details class="unique-outlet">') == 2
    assert html.count("<script>") == 1 and f"<script>{script()}</script>" in html


def test_the_policy_admits_exactly_our_script() -> None:
    digest = base64.b64encode(hashlib.sha256(script().encode()).digest()).decode()
    assert script_hash(script()) == f"'sha256-{digest}'"
    assert f"script-src 'sha256-{digest}';" in CSP and "connect-src 'none'" in CSP
    assert "innerHTML" not in script() and "fetch(" not in script() and "eval(" not in script()
