"""A credit needs the whole fact: every word that says something, every figure, every source."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.agreed_check import make_fact, whole_credits
from newsprism.analysis.whole_credit import sources_named, states_whole


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
    "Gazette": "Inspectors visited the Orlen plant on Monday. Its owner blamed a cracked valve.",
    "Times": "Rain fell on the Orlen plant all week, and the river rose.",
}
FIRST = {"Wire": 0, "Herald": 1, "Post": 1, "Gazette": 0, "Times": 0}


def _fact(outlets: list[str]):  # type: ignore[no-untyped-def]
    brief, _, sources = aligned(TEXTS)
    ids = {a.label: a.sentences[FIRST[a.label]].id for a in brief.articles}
    cited = [ids[o] for o in outlets]
    shown = brief.sentence_index()[ids["Wire"]][1].text
    fact = make_fact(brief, sources, shown, cited, ids["Wire"])
    fact.omitted_by = ["Times"]
    return brief, sources, fact


def test_a_loose_credit_is_dropped_and_counts_follow() -> None:
    brief, sources, fact = _fact(["Wire", "Herald", "Gazette"])
    assert fact.support == 3
    [kept] = whole_credits(brief, sources, [fact])
    assert kept.text == fact.text
    assert kept.outlets == ["Wire", "Herald"]
    assert kept.support == 2 and len(kept.citations) == 2
    assert kept.omitted_by == ["Times"]  # Gazette says part of it: neither credited nor omitting


def test_a_fact_left_with_one_outlet_is_dropped() -> None:
    brief, sources, fact = _fact(["Wire", "Gazette"])
    assert whole_credits(brief, sources, [fact]) == []


def test_a_fact_is_cut_to_what_every_credited_sentence_states_whole() -> None:
    """Post lacks 'into the leak': the fact is cut to the claim all three state, which Wire's
    and Herald's longer sentences imply; no cut drops the verb or its object."""
    brief, sources, fact = _fact(["Wire", "Herald", "Post"])
    [kept] = whole_credits(brief, sources, [fact])
    assert kept.outlets == ["Wire", "Herald", "Post"] and kept.support == 3
    assert "opened an investigation" in kept.text and "leak" not in kept.text
    index = brief.sentence_index()
    assert all(states_whole(kept.text, index[c][1].text) for c in kept.citations)


def test_a_fact_every_outlet_states_is_kept_unchanged() -> None:
    brief, sources, fact = _fact(["Wire", "Herald"])
    assert whole_credits(brief, sources, [fact]) == [fact]


def test_the_sources_a_fact_names_are_read_from_its_parse() -> None:
    assert states_whole("Hal Verde was shot, police said.", "Police said Hal Verde was shot.")
    assert not states_whole("Hal Verde was shot, police said.", "Hal Verde was shot on Monday.")
    assert sources_named("Hal Verde was shot, police said.") == ("police",)
    assert sources_named("Hal Verde was shot according to his lawyer.") == ("lawyer",)


def test_a_fact_is_not_cut_free_of_its_source() -> None:
    """'..., according to police' cut to '...' would state the police's claim as everyone's."""
    texts = {
        "Wire": "Hal Verde was shot near the harbour late on Friday, according to police. "
        "Crowds gathered.",
        "Herald": "A vigil was held on Sunday. Hal Verde was shot near the harbour late on Friday.",
    }
    brief, _, sources = aligned(texts)
    wire, herald = (a.sentences for a in brief.articles)
    fact = make_fact(brief, sources, wire[0].text, [wire[0].id, herald[1].id], wire[0].id)
    assert fact.support == 2
    assert whole_credits(brief, sources, [fact]) == []


def test_the_source_must_be_named_as_a_source() -> None:
    """'Verde' in 'the Verde Show' is no one speaking."""
    shown = "Verde said the harbour would close."
    assert not states_whole(shown, "She told the Verde Show the harbour would close.")
    assert states_whole(shown, "Verde told reporters the harbour would close.")


def test_a_speaker_quoted_in_the_other_sentence_does_not_state_a_plain_fact() -> None:
    shown = "Trump has often taken credit for the rally."
    quoted = '"Trump has often taken credit for the rally," one trader said.'
    assert not states_whole(shown, quoted)
    assert states_whole(shown, "Trump has often taken credit for the rally, aides said.")
    assert states_whole(quoted, '"Trump has often taken credit for the rally," a trader said.')


def test_a_statement_named_where_the_words_come_from_is_a_source() -> None:
    shown = '"We are saddened by the crash," the statement said.'
    assert states_whole(shown, '"We are saddened by the crash," the club said in a statement.')
    assert not states_whole(shown, '"We are saddened by the crash," the club said on Monday.')


def test_another_source_of_a_claim_is_another_claim() -> None:
    shown = "Ivo Brandt was shot, his lawyer said."
    assert not states_whole(shown, "Ivo Brandt was shot, police said.")
    assert not states_whole(shown, "Ivo Brandt was shot, according to police.")
    assert states_whole(shown, "Ivo Brandt was shot outside a car wash, his lawyer said.")
