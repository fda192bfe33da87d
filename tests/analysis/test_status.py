"""Status conflicts: done in one outlet, still to come in another (invented names and figures)."""

from __future__ import annotations

import random
import time

import pytest
from tests.analysis.helpers import aligned, make_brief

from newsprism.analysis.doers import doer_conflicts
from newsprism.analysis.pairs import in_turn
from newsprism.analysis.persons import person_conflicts
from newsprism.analysis.sources import independent_sources
from newsprism.analysis.status import status_conflicts, statuses


def _run(texts: dict[str, str]) -> list[object]:
    brief, _, sources = aligned(texts)
    return status_conflicts(brief, sources)


def test_done_and_pending_states_are_read() -> None:
    done = statuses("A $20,000 grant for the shelter was approved by the Marlow board.", 0, "s")
    assert [(s.verb, s.theme, s.done) for s in done] == [("approve", "grant", True)]
    for pending in (
        "The Marlow board is expected to approve a $20,000 grant for the shelter.",
        "The board has yet to approve the grant.",
        "The board has not approved the grant.",
        "The board will approve the grant on Friday.",
    ):
        assert [(s.verb, s.theme, s.done) for s in statuses(pending, 0, "s")] == [
            ("approve", "grant", False)
        ], pending


def test_an_act_done_in_one_outlet_and_pending_in_another_is_a_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "A $20,000 grant for the shelter was approved by the Marlow board. It opened.",
            "Herald": "The Marlow board is expected to approve a $20,000 grant for the shelter.",
            "Post": "The board is scheduled to approve the grant this week, officials said.",
        }
    )
    assert disc.what == "whether 'approve' was done: grant"
    done, pending = disc.values
    assert done.outlets == ["Wire"] and "approved" in done.value
    assert set(pending.outlets) == {"Herald", "Post"} and "expected" in pending.value


def test_fp_hypotheticals_quotes_and_narrated_outcomes_are_not_conflicts() -> None:
    assert not statuses("If the board approved the grant, the shelter would open.", 0, "s")
    assert not _run(
        {
            "Wire": "The Marlow board approved the grant for the shelter on Friday.",
            "Herald": 'Ms. Ilse Varga said: "The board will approve the grant, I am sure."',
        }
    )
    assert not _run(  # one outlet tells the plan and its outcome: narration, not a conflict
        {
            "Wire": "The board was expected to approve the grant. It approved the grant on Friday.",
            "Herald": "The board is expected to approve the grant for the shelter.",
        }
    )


def test_fp_different_things_acted_on_are_not_one_status() -> None:
    assert not _run(
        {
            "Wire": "The Marlow board approved the budget for the shelter on Friday.",
            "Herald": "The Marlow board is expected to approve the grant for the shelter.",
        }
    )


def test_fp_the_same_verb_for_different_charges_is_not_one_status() -> None:
    # seen on an unkeyed story: charged with one offence, not (yet) charged with another
    assert not _run(
        {
            "Wire": "Police said Dara Holm was charged with criminal trespassing in late May.",
            "Herald": "Dara Holm has not been charged with the death of Piet Olsen, police said.",
        }
    )


def test_a_denied_act_against_a_done_one_is_a_conflict_but_not_for_another_things_name() -> None:
    (disc,) = _run(
        {
            "Wire": "Harbour police seized the car of the driver on Tuesday evening.",
            "Herald": "Harbour police did not seize the car of the driver, citing the inquiry.",
        }
    )
    assert disc.what == "whether 'seize' was done: car"
    assert not _run(
        {
            "Wire": "Harbour police seized the car of the driver on Tuesday evening.",
            "Herald": "Harbour police did not seize the car of the passenger on Tuesday.",
        }
    )


def test_refusing_or_not_going_so_far_as_to_act_is_not_done() -> None:
    for text in (
        "Harbour police declined to identify the bodies on Tuesday.",
        "Sgt. Ana Ruiz would not go so far as to identify the bodies as the missing divers.",
    ):
        assert [(s.verb, s.theme, s.done) for s in statuses(text, 0, "s")] == [
            ("identify", "body", False)
        ], text


@pytest.mark.slow
def test_claim_readers_stay_near_linear_on_a_300_article_story() -> None:
    """Status, person and doer readers block by cue, name and budget: no all-pairs parse."""
    rng = random.Random(7)
    people = ["Ana Holm", "Piet Varga", "Ivo Dancer", "Dara Reed", "Ola Brant"]
    acts = ["approved the grant", "is expected to approve the grant", "towed the van",
            "did not tow the van", "signed the lease", "will sign the lease"]  # fmt: skip

    def sentence() -> str:
        kin = rng.choice(["", ", 41, the boy's uncle,", ", the victim's husband,"])
        return f"{rng.choice(people)}{kin} {rng.choice(acts)} on day {rng.randint(1, 30)}."

    texts = {f"Outlet {i}": " ".join(sentence() for _ in range(25)) for i in range(300)}
    brief = make_brief(texts, ("sentences",))
    sources = independent_sources(brief.articles)
    start = time.perf_counter()
    status_conflicts(brief, sources)
    person_conflicts(brief, sources)
    doer_conflicts(brief, sources)
    assert time.perf_counter() - start < 30


def test_an_update_above_older_text_stands_on_both_sides_as_timing() -> None:
    (disc,) = _run(
        {
            "Wire": "UPDATE: Harbour police identified the two divers on Wednesday. "
            "Sgt. Ana Ruiz would not go so far as to identify the divers as the missing men.",
            "Herald": "Harbour police identified the two divers recovered near Tarn Point.",
        }
    )
    assert disc.timing and disc.note and "update" in disc.note


def test_fp_a_present_state_is_not_a_done_act() -> None:
    # seen on a dev story: 'foul play is suspected' against 'did not initially suspect foul play'
    assert not [
        s for s in statuses("Foul play is suspected, Sgt. Ana Ruiz said.", 0, "s") if s.done
    ]


def test_fp_an_attempt_is_not_a_pending_act() -> None:
    # seen on an unkeyed story: 'not stopping him from trying to change the lyrics' read as pending
    text = "Illness is not stopping Ivo Dancer from trying to change the anthem's lyrics again."
    assert not [s for s in statuses(text, 0, "s") if not s.done]


def test_the_shown_phrase_leaves_out_clauses_hung_on_the_noun() -> None:
    # seen on an unkeyed AllSides story: a relative clause filled the phrase and hid 'was named'
    text = "Ana Holm, who ran the harbour office for 21 years, was named Thursday to lead the port."
    (status,) = statuses(text, 0, "s")
    assert status.phrase.startswith("Ana Holm was named Thursday")


def test_the_parse_budget_is_shared_by_every_outlet() -> None:
    texts = {f"Outlet {i}": "The board will approve the grant. " * 5 for i in range(6)}
    brief = make_brief(texts, ("sentences",))
    taken = in_turn(brief, lambda text: "approve" in text, limit=6)
    assert sorted(k for k, _ in taken) == list(range(6))


def test_a_noun_for_the_act_and_a_question_clause_carry_the_status() -> None:
    (disc,) = _run(
        {
            "Wire": "The lab did not verify whose samples were tested at the clinic.",
            "Herald": "The lab announced the verification of the samples on Friday, Ada Brill said.",
        }
    )
    assert {v.value for v in disc.values} >= {"did not verify"}
    assert any("announced the verification" in v.value for v in disc.values)
    assert [
        (s.verb, s.theme, s.done) for s in statuses("Nobody said which boats sank.", 0, "s")
    ] == []


def test_fp_a_noun_for_the_act_under_a_verb_that_does_not_report_it_done() -> None:
    assert not _run(  # 'sought the approval' does not say the grant was approved
        {
            "Wire": "The council did not approve the grant for the harbour school.",
            "Herald": "The mayor sought the approval of the grant for the harbour school.",
        }
    )
    assert not _run(  # a noun for another act on the same thing
        {
            "Wire": "The council did not approve the grant for the harbour school.",
            "Herald": "The mayor announced the withdrawal of the grant for the harbour school.",
        }
    )
