"""The story list's filters and the outlets per story, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from newsprism.model import Article
from newsprism.serve.queries import StoryFilter, known_outlets, list_stories, outlets_of, story_row
from newsprism.store import Placed, open_store


def _article(text: str, outlet: str, day: int, stance: str | None = None) -> Article:
    return Article.create(text, outlet=outlet, stance=stance, date=date(2030, 1, day))


def test_filters_pages_and_outlets(db_url: str) -> None:
    store = open_store(db_url)
    store.write_batch([
        Placed(_article("Floods hit Dunmere after heavy rain.", "North Ledger", 3, "left"), "st1", "Floods"),
        Placed(_article("Rain floods Dunmere streets.", "Coast Times", 4), "st1", "Floods"),
        Placed(_article("A 50% rise in_fares was approved.", "Coast Times", 9, "right"), "st2", "Fares"),
    ])  # fmt: skip
    ids = lambda f: [r.id for r in list_stories(store, f)[0]]  # noqa: E731
    assert sorted(ids(StoryFilter())) == ["st1", "st2"]
    assert ids(StoryFilter(text="dunmere")) == ["st1"]
    assert ids(StoryFilter(text="50%")) == ["st2"] and ids(StoryFilter(text="5% r")) == []
    assert ids(StoryFilter(text="in_fares")) == ["st2"] and ids(StoryFilter(text="n_f")) == ["st2"]
    assert ids(StoryFilter(text="nxfares")) == []  # '_' is not a wildcard
    assert ids(StoryFilter(outlet="north ledger")) == ["st1"]
    assert ids(StoryFilter(since=date(2030, 1, 5))) == ["st2"]
    assert ids(StoryFilter(until=date(2030, 1, 3))) == ["st1"]
    assert (
        sorted(ids(StoryFilter(stale=True))) == ["st1", "st2"]
        and ids(StoryFilter(stale=False)) == []
    )
    rows, total = list_stories(store, StoryFilter(per_page=1, page=2))
    assert total == 2 and len(rows) == 1
    outlets = outlets_of(store, ["st1", "st2"])
    assert [(o.name, o.stance) for o in outlets["st1"]] == [
        ("Coast Times", None),
        ("North Ledger", "left"),
    ]
    assert known_outlets(store) == ["Coast Times", "North Ledger"]
    assert story_row(store, "st1") is not None and story_row(store, "st") is None
    store.close()
