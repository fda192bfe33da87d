"""A credit needs the whole fact: every word that says something, every figure, every source."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.agreed_check import make_fact
from newsprism.analysis.whole_credit import states_whole, whole_credits


def test_a_sentence_lacking_part_of_the_fact_does_not_state_it() -> None:
    shown = "The inspectorate opened an investigation into the leak on Wednesday."
    assert not states_whole(shown, "The inspectorate opened an investigation on Wednesday.")
    assert states_whole(
        shown, "On Wednesday the inspectorate opened an investigation into the leak."
    )


def test_a_named_source_must_be_named_and_attributed() -> None:
    shown = "Hal Verde was shot twice in the chest, his family said."
    assert not states_whole(shown, "Hal Verde was shot twice in the chest.")
    assert not states_whole(
        shown, "Hal Verde's family was there when he was shot twice in the chest."
    )
    assert states_whole(shown, "Verde's family said Hal Verde was shot twice in the chest.")
    told = "Police said Hal Verde, 34, was shot."
    assert not states_whole(told, "The shooting began when Hal Verde, 34, was rear-ended.")


def test_hyphen_parts_and_inflections_count_but_other_words_do_not() -> None:
    assert states_whole(
        "The rule covers public school students.", "The rule covers public-school students."
    )
    assert not states_whole(
        "The rule covers public and private schoolchildren.",
        "The rule covers public-school students.",
    )
    assert states_whole(
        "Engineers found rust on the cables.", "Rust was found on the cables by an engineer."
    )


def test_figures_and_figure_words_must_be_stated() -> None:
    assert states_whole("Seven people were injured in the blast.", "The blast injured 7 people.")
    assert not states_whole(
        "Seven people were injured in the blast.", "The blast injured 9 people."
    )


TEXTS = {
    "Wire": "The inspectorate opened an investigation into the leak at the Orlen plant on Monday. "
    "Workers were sent home. Managers declined to comment on the cause.",
    "Herald": "Fish died along three miles of the river below the works last week. "
    "On Monday the inspectorate opened an investigation into the leak at the Orlen plant.",
    "Post": "Residents of the valley complained of a smell for days. "
    "The inspectorate opened an investigation at the Orlen plant on Monday.",
    "Times": "Rain fell on the Orlen plant all week, and the river rose.",
}
FIRST = {"Wire": 0, "Herald": 1, "Post": 1, "Times": 0}


def _fact(outlets: list[str]):  # type: ignore[no-untyped-def]
    brief, _, sources = aligned(TEXTS)
    ids = {a.label: a.sentences[FIRST[a.label]].id for a in brief.articles}
    cited = [ids[o] for o in outlets]
    shown = brief.sentence_index()[ids["Wire"]][1].text
    fact = make_fact(brief, sources, shown, cited, ids["Wire"])
    fact.omitted_by = ["Times"]
    return brief, sources, fact


def test_a_loose_credit_is_dropped_and_counts_follow() -> None:
    brief, sources, fact = _fact(["Wire", "Herald", "Post"])
    assert fact.support == 3
    [kept] = whole_credits(brief, sources, [fact])
    assert kept.outlets == ["Wire", "Herald"]
    assert kept.support == 2 and len(kept.citations) == 2
    assert kept.omitted_by == ["Times"]  # Post says part of it: neither credited nor omitting


def test_a_fact_left_with_one_outlet_is_dropped() -> None:
    brief, sources, fact = _fact(["Wire", "Post"])
    assert whole_credits(brief, sources, [fact]) == []


def test_a_fact_every_outlet_states_is_kept_unchanged() -> None:
    brief, sources, fact = _fact(["Wire", "Herald"])
    assert whole_credits(brief, sources, [fact]) == [fact]
