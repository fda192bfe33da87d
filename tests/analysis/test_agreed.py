"""Agreed facts: claims several independent sources report, cited, with the outlets omitting them."""

from __future__ import annotations

from tests.analysis.helpers import make_brief
from tests.expect import the

from newsprism.align import align
from newsprism.analysis.agreed import distinct, find_agreed
from newsprism.analysis.claims import claim_anchors, clause_with, name_stems
from newsprism.analysis.sources import independent_sources
from newsprism.model import AgreedFact

STORY = {
    "Wire": (
        "The bridge over the Orlen river will close for repairs on Monday. "
        "Engineers found rust in the main cables during a routine survey. "
        "Mayor Petra Lind said the closure would last about six weeks."
    ),
    "Herald": (
        "Engineers found rust in the bridge's main cables, forcing a closure from Monday. "
        "Drivers face a detour of 20 minutes. Petra Lind, the mayor, expects the closure to last six weeks."
    ),
    "Post": (
        "Commuters will need another route from Monday. The bridge shuts so crews can treat "
        "corroded steel. The city's cycling club held its annual race on Sunday."
    ),
}


def _agreed():
    brief = make_brief(STORY)
    sources = independent_sources(brief.articles)
    return brief, find_agreed(brief, sources, align(brief.articles))


def test_shared_claim_is_agreed_with_all_its_sources() -> None:
    brief, facts = _agreed()
    rust = [f for f in facts if "rust" in f.text.lower() or "cables" in f.text.lower()]
    assert rust, [f.text for f in facts]
    fact = rust[0]
    assert set(fact.outlets) >= {"Wire", "Herald"}
    assert fact.support == len(fact.outlets)
    cited = {brief.sentence_index()[c][0].label for c in fact.citations}
    assert cited == set(fact.outlets)


def test_agreed_figure_and_blindspot() -> None:
    _, facts = _agreed()
    weeks = the(facts, "a fact on 'six weeks'", lambda f: "six weeks" in f.text)
    assert set(weeks.outlets) == {"Wire", "Herald"}
    assert weeks.omitted_by == ["Post"]


def test_single_source_content_is_not_agreed() -> None:
    _, facts = _agreed()
    assert not any("cycling" in f.text or "detour" in f.text for f in facts)


def test_syndicated_copy_does_not_make_agreement() -> None:
    text = STORY["Post"]
    brief = make_brief({"Post": text, "Reprint": text.replace("another", "a different")})
    facts = find_agreed(brief, independent_sources(brief.articles), align(brief.articles))
    assert facts == []


def test_names_are_not_claim_anchors() -> None:
    brief = make_brief(STORY)
    names = name_stems(brief.articles)
    assert {"petra", "lind"} <= names and "bridg" not in names
    anchors = claim_anchors(brief.articles, independent_sources(brief.articles))
    assert all(not set(a.terms) <= names for a in anchors)


def test_clause_with_prefers_the_clause_holding_the_words() -> None:
    sentence = "Late on Friday, after a long meeting, the board approved the budget for 2025."
    assert clause_with(sentence, ("board", "budget")) == "the board approved the budget for 2025."


def _fact(text: str, citations: list[str], source: str) -> AgreedFact:
    return AgreedFact(text=text, outlets=[], citations=citations, support=2, source=source)


def test_distinct_leaves_out_claims_shown_cited_or_worded_like_a_kept_fact() -> None:
    kept = [_fact("Engineers found rust in the main cables.", ["a.1", "b.0"], "a.1")]
    claims = [
        _fact("Crews will paint the railings in spring.", ["c.4", "d.2"], "a.1"),  # shown
        _fact("Drivers face a detour of twenty minutes.", ["b.0", "d.3"], "d.3"),  # cited
        _fact("Engineers found rust in the cables.", ["e.1", "f.1"], "e.1"),  # worded alike
        _fact("The cycling club held its annual race.", ["c.1", "g.2"], "c.1"),  # new
        _fact("The club's annual race was held on Sunday.", ["h.0", "g.5"], "h.0"),  # like the new
    ]
    assert [f.source for f in distinct(kept, claims)] == ["a.1", "c.1"]


def test_after_a_fact_citing_nothing_every_claim_is_left_out() -> None:
    kept = [_fact("Engineers found rust in the main cables.", [], "a.1")]
    claims = [_fact("The cycling club held its annual race.", ["c.1", "g.2"], "c.1")]
    assert distinct(kept, claims) == kept
