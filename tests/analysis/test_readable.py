"""Agreed facts show clean sentences, merge restatements, agree with the discrepancy table; unique
items exclude agreed content and time checks; figure labels read from the parse."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.align import align
from newsprism.analysis.agreed import find_agreed, representative
from newsprism.analysis.discrepancies import find_discrepancies
from newsprism.analysis.labels import figure_label
from newsprism.analysis.readable import complete_clause, flaws, only_time
from newsprism.analysis.sources import independent_sources
from newsprism.model import AgreedFact, Sentence
from newsprism.text.quantities import find_quantities

DISCREPANCY_STAGES = (
    "sentences", "sources", "embed", "align", "names", "entities", "timeline", "quotes",
    "discrepancies",
)  # fmt: skip


def _s(sid: str, text: str, repaired: bool = False) -> Sentence:
    return Sentence(id=sid, index=0, text=text, repaired=repaired)


def test_representative_prefers_a_clean_complete_sentence() -> None:
    fragment = _s("a.0", "has left the homes without water since Monday.")
    quote = _s("b.0", '" said the mayor of the town on Monday.')
    restored = _s("c.0", "The leak has left the homes without water since monday", repaired=True)
    clean = _s("d.0", "The leak has left the homes in the town without water since Monday.")
    assert representative([fragment, quote, restored, clean], set()) is clean
    assert flaws(clean) == (False, False, False, False, False)
    assert flaws(fragment)[1] and flaws(quote)[2] and flaws(restored)[0]


def test_clause_kept_only_when_it_reads_as_a_sentence() -> None:
    sentence = "The board approved the budget, most recently in connection with the audit."
    assert (
        complete_clause("The board approved the budget", sentence)
        == "The board approved the budget"
    )
    assert complete_clause("most recently in connection with the audit.", sentence) == sentence


def test_restatements_merge_into_one_fact() -> None:
    brief = make_brief({
        "Wire": "The ruling prompted the three lead engineers to quit the bridge project.",
        "Herald": "This prompted the three lead engineers to quit the bridge project on Friday.",
        "Post": "The council's ruling prompted three lead engineers to quit the bridge project.",
    })  # fmt: skip
    facts = find_agreed(brief, independent_sources(brief.articles), align(brief.articles))
    quit_facts = [f for f in facts if "quit" in f.text]
    assert len(quit_facts) == 1
    # 'This prompted ...' does not say what prompted it: Herald does not state the ruling did.
    assert set(quit_facts[0].outlets) == {"Wire", "Post"}
    assert quit_facts[0].text[0].isupper()


STORY = {
    "Wire": "The mill will stay shut for up to five weeks while crews replace the boiler.",
    "Herald": "Owners said the mill will stay shut for up to five weeks while crews replace the boiler.",
    "Post": "The mill will stay shut for three to five weeks while crews replace the old boiler.",
    "Daily": "Owners say the mill will stay shut for three to five weeks as crews replace the boiler.",
}


def test_agreed_fact_cites_only_its_side_of_a_discrepancy() -> None:
    brief = make_brief(STORY, DISCREPANCY_STAGES)
    assert brief.discrepancies, "the weeks differ"
    facts = find_agreed(
        brief,
        independent_sources(brief.articles),
        align(brief.articles),
        discrepancies=brief.discrepancies,
    )
    for fact in facts:
        values = {v.value for v in brief.discrepancies[0].values for c in v.citations
                  if c in fact.citations}  # fmt: skip
        assert len(values) <= 1, (fact.text, values)


def test_unsupported_differing_figure_is_not_agreed() -> None:
    brief = make_brief({
        "Wire": "The repair bill for the flooded town hall could reach $6 million, insiders said.",
        "Herald": "The council expects the repair bill for the flooded town hall to be $4 million.",
    })  # fmt: skip
    facts = find_agreed(
        brief,
        independent_sources(brief.articles),
        align(brief.articles),
        discrepancies=brief.discrepancies,
    )
    assert not any("million" in f.text for f in facts), [f.text for f in facts]


def test_unique_excludes_agreed_sentences_and_time_checks() -> None:
    from newsprism.analysis.unique import find_unique, shared_ids

    brief = make_brief(
        {
            "Wire": "Inspectors declined to say when the dam had last been examined by anyone.",
            "Radio": "Good morning. It is seven minutes past seven on Tuesday morning.",
        },
        ("sentences", "align"),
    )
    al = align(brief.articles)
    wire = brief.articles[0].sentences[0].id
    radio = brief.articles[1].sentences[0].id
    brief.agreed = [AgreedFact(text="x", outlets=["Wire", "Radio"], citations=[wire, radio],
                               source=wire)]  # fmt: skip
    shared = shared_ids(brief.quotes, brief.agreed, al)
    items = find_unique(brief, al, independent_sources(brief.articles), shared)
    assert not any(wire in u.citations for u in items)
    assert only_time("It is seven minutes past seven.")
    assert not only_time("The dam was examined at seven.")


def test_figure_labels_read_from_the_parse() -> None:
    def label(text: str) -> str | None:
        return figure_label(text, find_quantities(text)[0])

    assert label("Owners said the mill will stay shut for up to five weeks.") == (
        "how long the mill will stay shut"
    )
    assert label("Residents noticed the smell of smoke in their homes on Saturday.") == (
        "when residents noticed the smell of smoke"
    )
    assert label("The council estimates the cost of the repairs at $4.2 million.") == (
        "cost of the repairs"
    )


def test_discrepancy_label_is_readable() -> None:
    brief = make_brief(STORY, ("sentences",))
    (disc,) = find_discrepancies(brief)
    assert disc.what.startswith("how long the mill") and disc.what.endswith("(weeks)")
