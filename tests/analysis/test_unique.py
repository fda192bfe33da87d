"""Only in one outlet: what no other independent source reports, ranked by new information."""

from __future__ import annotations

from tests.analysis.helpers import make_brief
from tests.analysis.test_agreed import STORY

from newsprism.align import align
from newsprism.analysis.sources import independent_sources
from newsprism.analysis.unique import find_unique, shared_ids
from newsprism.pipeline import DEFAULT_PIPELINE


def _unique():
    brief = make_brief(STORY, DEFAULT_PIPELINE)
    al, sources = align(brief.articles), independent_sources(brief.articles)
    return find_unique(brief, al, sources, shared_ids(brief.quotes, brief.agreed))


def test_each_outlet_gets_its_own_content() -> None:
    items = _unique()
    by_outlet = {u.outlet: " ".join(x.text for x in items if x.outlet == u.outlet) for u in items}
    assert "detour" in by_outlet["Herald"]
    assert "cycling" in by_outlet["Post"]
    assert all(u.citations for u in items)


def test_shared_content_is_not_unique() -> None:
    assert not any("six weeks" in u.text for u in _unique())


def test_copies_share_their_content() -> None:
    text = STORY["Post"]
    brief = make_brief({"Post": text, "Reprint": text})
    items = find_unique(brief, align(brief.articles), independent_sources(brief.articles))
    assert {u.outlet for u in items} == {"Post"}  # the first of a group speaks for it
