"""The brief scorer on keys and briefs built in code: what earns credit and what does not."""

from __future__ import annotations

from pathlib import Path

from newsprism.eval.brief_score import (
    carries,
    covers,
    matches,
    score_discrepancies,
    score_quotes,
    score_unique,
    signatures,
)
from newsprism.eval.keys import Cited, Key
from newsprism.model import (
    Article,
    Brief,
    Discrepancy,
    DiscrepancyValue,
    Quote,
    Sentence,
    UniqueItem,
)

TEXTS = {
    "d0": ["At least 12 volunteers searched the Brackley marsh.", "The ferry left at dawn."],
    "d1": ["Officials said 30 volunteers searched the marsh.", "Mayor Ilse Varga thanked them."],
    "d2": ["Thirty volunteers joined the search, a warden said.", "The warden wore a red coat."],
}


def _brief() -> tuple[Brief, Cited]:
    articles = []
    for doc, lines in TEXTS.items():
        sentences = [Sentence(id=f"{doc}s{i}", index=i, text=t) for i, t in enumerate(lines)]
        articles.append(Article(id=doc + "a", text=" ".join(lines), outlet=doc.upper(),
                                sentences=sentences))  # fmt: skip
    brief = Brief(story_id="st", articles=articles)
    return brief, Cited(brief, {a.id: a.id[:-1] for a in articles})


def _key(**data: object) -> Key:
    return Key("k", Path("."), dict(data), [], {d: d for d in TEXTS})


def _side(value: str, *cites: str) -> DiscrepancyValue:
    return DiscrepancyValue(value=value, citations=list(cites))


VOLUNTEERS = {
    "what": "volunteers",
    "values": {"at least 12": ["d0"], "30": ["d1", "d2"]},
}


def test_a_discrepancy_needs_two_key_values_on_two_sides() -> None:
    _, cited = _brief()
    both = Discrepancy(what="x", values=[_side("at least 12", "d0s0"), _side("30", "d1s0", "d2s0")])
    one_side = Discrepancy(what="x", values=[_side("30", "d1s0"), _side("30", "d2s0")])
    assert matches(VOLUNTEERS, both, cited)
    assert not matches(VOLUNTEERS, one_side, cited)


def test_a_value_cited_from_a_document_outside_it_is_not_carried() -> None:
    _, cited = _brief()
    sig = signatures(VOLUNTEERS["values"])["30"]
    assert carries(sig, {"d1", "d2"}, _side("30", "d1s0"), cited)
    assert not carries(sig, {"d1", "d2"}, _side("30", "d1s0", "d0s0"), cited)


def test_values_without_distinct_figures_are_told_apart_by_their_words() -> None:
    values = {"two boats (and a plane)": ["d0"], "two boats and a helicopter": ["d1"]}
    sigs = signatures(values)
    assert sigs["two boats and a helicopter"].words == {"helicopt"}
    assert sigs["two boats (and a plane)"].all_words  # nothing of its own outside the brackets


def test_noise_is_a_top_five_item_matching_no_key_or_borderline_item() -> None:
    brief, _ = _brief()
    brief.discrepancies = [
        Discrepancy(what="volunteers", values=[_side("12", "d0s0"), _side("30", "d1s0")]),
        Discrepancy(what="coats", values=[_side("red", "d2s1"), _side("dawn", "d0s1")]),
    ]
    cited = Cited(brief, {a.id: a.id[:-1] for a in brief.articles})
    key = _key(discrepancies=[VOLUNTEERS], borderline_not_counted=[])
    result = score_discrepancies(key, brief, cited)
    assert (result["recall"].found, result["recall"].total) == (1, 1)
    assert result["noise"] == ["coats"] and result["top"] == 2


def test_internal_inconsistencies_are_scored_apart_from_recall() -> None:
    _, cited = _brief()
    item = {**VOLUNTEERS, "kind": "internal_inconsistency"}
    result = score_discrepancies(_key(discrepancies=[item]), _brief()[0], cited)
    assert result["recall"].total == 0 and result["internal"].total == 1


def test_a_shared_quote_needs_the_fragment_and_every_listed_document() -> None:
    brief, _ = _brief()
    brief.quotes = [Quote(text="volunteers searched the marsh", citations=["d0s0", "d1s0"])]
    cited = Cited(brief, {a.id: a.id[:-1] for a in brief.articles})
    fine = {"fragment": "Volunteers searched the marsh.", "docs": ["d0", "d1"]}
    wider = {"fragment": "volunteers searched the marsh", "docs": ["d0", "d1", "d2"]}
    narrower = {"fragment": "volunteers searched the marsh", "docs": ["d1"]}
    cover, exact = score_quotes(_key(shared_quotes=[fine, wider, narrower]), brief, cited)
    assert (cover.found, exact.found) == (2, 1)


def test_unique_keywords_match_whole_words_in_that_documents_items_only() -> None:
    brief, _ = _brief()
    brief.unique = [UniqueItem(article_id="d1a", citations=["d1s1"])]
    cited = Cited(brief, {a.id: a.id[:-1] for a in brief.articles})
    key = _key(unique_to_one_source={
        "d1": [{"item": "mayor thanks", "keywords": ["varga"]},
               {"item": "part word", "keywords": ["var"]}],
        "d2": [{"item": "coat", "keywords": ["coat"]}],
    })  # fmt: skip
    tally = score_unique(key, brief, cited)
    assert (tally.found, tally.total) == (1, 3)


def test_alternatives_in_a_paraphrase_fill_one_slot() -> None:
    # 'a / b' in a key means either word: one of them is enough, and both count once
    assert covers("the ferry was delayed / cancelled", "The ferry was cancelled on Monday.")
    assert not covers("the ferry was delayed / cancelled", "The bus was late on Monday.")
    # without the slash both words are required as usual
    assert not covers("ferry delayed cancelled stranded harbour", "The ferry was cancelled.")
