"""Only in one outlet: what no other independent source reports, ranked by new information."""

from __future__ import annotations

from tests.analysis.helpers import make_brief
from tests.analysis.test_agreed import STORY

from newsprism.align import align
from newsprism.analysis.sources import independent_sources
from newsprism.analysis.unique import find_unique, shared_ids
from newsprism.model import AgreedFact
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


def test_fragments_and_pronoun_only_lines_do_not_stand_alone() -> None:
    from newsprism.analysis.unique import stands_alone

    assert stands_alone("The Varnhem pier closed after engineers found rust in its piles.")
    assert not stands_alone("and then the pier closed for good after the storm.")
    assert not stands_alone("It was closed quickly and quietly.")
    assert stands_alone("It cost Varnhem 40,000 crowns to shore up the piles.")


def test_many_items_are_grouped_by_a_shared_name() -> None:
    from newsprism.analysis.unique import group_by_topic
    from newsprism.model import UniqueItem

    texts = [
        "The timetable from Varnhem changes in March.",
        "Councillor Brand opposed the closure.",
        "A new timetable for Varnhem will be printed.",
        "Later, Councillor Brand called the vote rushed.",
        "Fishermen fear lost income this winter.",
    ]
    items = [UniqueItem(article_id="a", text=t, citations=[str(i)]) for i, t in enumerate(texts)]
    topics = [u.topic for u in group_by_topic(items)]
    assert topics[:2] == ["Varnhem", "Varnhem"] and topics[2:4] == ["Brand", "Brand"]
    assert topics[4] is None  # shares no name: kept, after the groups


def test_a_sentence_showing_only_a_cut_claim_stays_its_own() -> None:
    brief = make_brief(STORY, ("sentences",))
    al = align(brief.articles)
    long = max(al.sentences, key=lambda s: len(s.text.split()))
    words = long.text.split()
    whole = AgreedFact(text=long.text, outlets=["a", "b"], citations=[long.id], source=long.id)
    cut = AgreedFact(
        text=" ".join(words[: len(words) // 3]) + ".", outlets=["a", "b"],
        citations=[long.id], source=long.id,
    )  # fmt: skip
    assert long.id in shared_ids([], [whole], al)
    assert long.id not in shared_ids([], [cut], al)


def test_a_snippet_cut_off_at_an_ellipsis_is_not_a_unique_item() -> None:
    story = dict(STORY)
    story["Post"] = STORY["Post"].replace(
        "held its annual race on Sunday.", "held its annual race..."
    )
    brief = make_brief(story, DEFAULT_PIPELINE)
    al, sources = align(brief.articles), independent_sources(brief.articles)
    items = find_unique(brief, al, sources, shared_ids(brief.quotes, brief.agreed))
    assert not any("cycling" in u.text for u in items)
    assert any("cycling" in u.text for u in _unique())  # the whole sentence is one
