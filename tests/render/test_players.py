"""Key players and timeline in Markdown and HTML: shown, linked to mentions, always escaped."""

from __future__ import annotations

from datetime import date

from tests.render.conftest import HOSTILE, article
from tests.render.test_markdown import _RAW_TAG

from newsprism.model import Brief, Entity, EntityRole, TimelineEvent
from newsprism.render.html import render_html
from newsprism.render.markdown import render_markdown


def _brief(name: str = "Maria Olsen", text: str = "The report was published.") -> Brief:
    art = article("a1", "Daily", [["Maria Olsen spoke.", text]])
    entity = Entity(
        id="e1",
        name=name,
        type="PERSON",
        aliases=["Olsen"],
        roles=[EntityRole(text="attorney general", outlets=["Daily"], citations=["a1.0"])],
        outlets=["Daily"],
        mentions=2,
        citations=["a1.0", "a1.1"],
    )
    events = [
        TimelineEvent(
            date=date(2021, 3, 7), date_text="Sunday", resolved=True, text=text,
            outlets=["Daily"], citations=["a1.1"],
        ),
        TimelineEvent(
            date_text="next month", precision="relative", upcoming=True, text=text,
            outlets=["Daily"], citations=["a1.1"],
        ),
    ]  # fmt: skip
    return Brief(story_id="s", articles=[art], entities=[entity], timeline=events)


def test_markdown_has_a_key_players_table_and_a_dated_timeline() -> None:
    md = render_markdown(_brief())
    assert "## Key players" in md and "## Timeline" in md
    assert '| <a id="ent-e1"></a>**Maria Olsen** (also: Olsen) | person |' in md
    assert "attorney general (Daily)" in md
    assert "- **7 March 2021** (“Sunday”): The report was published." in md
    assert "- **next month** *(upcoming)*:" in md
    assert "(#s-a1-0)" in md  # the entity row links to its mention


def test_html_timeline_is_a_vertical_list_linking_cited_sentences() -> None:
    html = render_html(_brief())
    assert '<ol class="timeline">' in html and 'class="upcoming"' in html
    assert '<tr id="ent-e1">' in html and 'href="#s-a1-0"' in html


def test_hostile_names_and_events_are_escaped() -> None:
    brief = _brief(name=HOSTILE, text=HOSTILE)
    html = render_html(brief)
    assert html.count("<script") == 1, "only the page's own script, never one from the text"
    assert "<script>alert" not in html and "<img" not in html
    md = render_markdown(brief)
    assert r"\<script\>alert(1)\</script\>" in md
    assert _RAW_TAG.findall(md) == []  # only our own anchors are raw tags
