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
        "Drivers face a detour of 20 minutes. Petra Lind, the mayor, said the closure would last six weeks."
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
        _fact("Crews painted the railings by the cables.", ["a.1", "b.0"], "e.0"),  # same cites
        _fact("Engineers found rust in the main cables today.", ["b.0", "f.0"], "f.0"),  # +1 word
        _fact("Drivers face a detour of twenty minutes.", ["b.0", "d.3"], "d.3"),  # another fact
        _fact("Engineers found rust in the cables.", ["e.1", "f.1"], "e.1"),  # worded alike
        _fact("The cycling club held its annual race.", ["c.1", "g.2"], "c.1"),  # new
        _fact("The club's annual race was held on Sunday.", ["h.0", "g.5"], "h.0"),  # like the new
    ]
    assert [f.source for f in distinct(kept, claims)] == ["a.1", "d.3", "c.1"]


def test_a_second_claim_of_a_shared_sentence_is_another_fact() -> None:
    """Two claims cut from one outlet's sentence are two facts; a claim adding only a date
    to a kept fact, or citing mostly its sentences, is the same fact."""
    kept = [_fact("As Ivo Brandt stood beside his mother, he was shot.", ["w.1", "h.1"], "w.1")]
    claims = [
        _fact("Ivo Brandt was shot on May 29.", ["w.0", "h.1"], "w.0"),  # adds one figure
        _fact("Ivo Brandt was shot outside a car wash on May 29.", ["w.0", "h.1", "p.0"], "p.0"),
        _fact("Brandt was shot as he stood by his mother at a car wash.", ["w.1", "h.1"], "h.1"),
    ]
    assert [f.text for f in distinct(kept, claims)] == [
        "As Ivo Brandt stood beside his mother, he was shot.",
        "Ivo Brandt was shot outside a car wash on May 29.",
    ]


def test_a_more_precise_claim_is_kept_beside_the_general_one() -> None:
    kept = [_fact("Ivo Brandt was shot.", ["w.0", "h.0", "p.0"], "p.0")]
    claims = [
        _fact("Ivo Brandt was shot on Monday.", ["w.0", "h.0"], "w.0"),  # one word more
        _fact("Ivo Brandt was shot outside a car wash on Harbour Road.", ["w.0", "h.0"], "h.0"),
    ]
    assert [f.source for f in distinct(kept, claims)] == ["p.0", "h.0"]


BRANDT = {
    "Wire": (
        "Ivo Brandt was shot on May 29 outside a car wash on Harbour Road. "
        "As Brandt stood beside his mother, he was shot, police said. The council will meet on Friday."
    ),
    "Herald": (
        "Ivo Brandt, 19, was shot on May 29 while he stood beside his mother outside a car wash on "
        "Harbour Road, police said. A reward of $5,000 was offered."
    ),
    "Courier": (
        "Ivo Brandt was shot on May 29 outside a car wash, his lawyer said. As Brandt stood beside "
        "his mother, he was shot, police said. Witnesses spoke to reporters."
    ),
    "Post": (
        "Ivo Brandt was shot on May 30 outside a car wash on Harbour Road. "
        "Traffic was diverted for hours."
    ),
    "Gazette": (
        "Ivo Brandt was not shot outside a car wash on Harbour Road. "
        "The mayor praised the police response."
    ),
}


def test_a_precise_shared_claim_is_agreed_beside_the_general_one() -> None:
    brief = make_brief(BRANDT)
    facts = find_agreed(brief, independent_sources(brief.articles), align(brief.articles))
    by_text = {f.text: f for f in facts}
    precise = by_text["Ivo Brandt was shot outside a car wash on Harbour Road."]
    assert sorted(precise.outlets) == ["Herald", "Post", "Wire"]  # the Courier lacks the road
    assert "Ivo Brandt was shot." in by_text
    for fact in facts:
        assert "Gazette" not in fact.outlets, fact.text  # it says he was not shot
        if "May 29" in fact.text:
            assert "Post" not in fact.outlets, fact.text  # it says May 30
        if "lawyer" in fact.text:
            assert set(fact.outlets) <= {"Courier"}, fact.text  # nobody else names the lawyer


def test_after_a_fact_citing_nothing_every_claim_is_left_out() -> None:
    kept = [_fact("Engineers found rust in the main cables.", [], "a.1")]
    claims = [_fact("The cycling club held its annual race.", ["c.1", "g.2"], "c.1")]
    assert distinct(kept, claims) == kept


def _agreed_of(story: dict[str, str]) -> list[str]:
    brief = make_brief(story)
    sources = independent_sources(brief.articles)
    return [f.text for f in find_agreed(brief, sources, align(brief.articles))]


OTHERS = {
    "Wire": "Raiders attacked the grain depot in Varn late on Monday. Police sealed the road.",
    "Herald": "Officials in Varn closed schools on Tuesday. A vigil is planned for Friday.",
    "Post": "The depot had been guarded by a private firm since March. Its owner declined to comment.",
}


def test_a_shared_sentence_whose_subject_names_no_one_is_not_agreed() -> None:
    said = "The three were shot dead outside the grain depot on Monday night."
    named = "The three guards were shot dead outside the grain depot on Monday night."
    bare = _agreed_of({o: f"{said} {rest}" for o, rest in OTHERS.items()})
    full = _agreed_of({o: f"{named} {rest}" for o, rest in OTHERS.items()})
    assert not any("three were" in t for t in bare), bare
    assert any(t.startswith("The three guards") for t in full), full
