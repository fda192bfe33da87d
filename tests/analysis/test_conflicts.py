"""Conflicting claims about one actor, anchored on an agreed figure or date."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.analysis.discrepancies import find_discrepancies
from newsprism.analysis.quotes import find_quotes


def _claims(texts: dict[str, str]):
    brief = make_brief(texts, ("sentences",))
    _, quoted = find_quotes(brief)
    return [d for d in find_discrepancies(brief, quoted=quoted) if d.kind == "claim"]


def test_same_day_different_verbs_conflict() -> None:
    claims = _claims(
        {
            "Wire": "Harbour master Ana Ruiz resigned on Thursday after the collision inquiry.",
            "Herald": "Ana Ruiz, the harbour master, resigned on Thursday, her office said.",
            "Post": "Harbour master Ana Ruiz was fired on Thursday, two board members said.",
        }
    )
    assert len(claims) == 1
    sides = {v.value: set(v.outlets) for v in claims[0].values}
    assert sides == {"resigned": {"Wire", "Herald"}, "was fired": {"Post"}}


def test_scope_conflict_on_a_counted_group() -> None:
    claims = _claims(
        {
            "Wire": "The ruling led the three lead engineers to resign in protest.",
            "Herald": "The ruling prompted the three lead engineers to quit the project.",
            "Post": "The three engineers who resigned from the project wrote to the board.",
            "Daily": "The ruling led three engineers to withdraw from the project on Monday.",
        }
    )
    assert len(claims) == 1
    sides = sorted((sorted(v.outlets) for v in claims[0].values), key=len)
    assert sides == [["Wire"], ["Daily", "Herald", "Post"]]


def test_different_events_on_one_day_do_not_conflict() -> None:
    claims = _claims(
        {
            "Wire": "The port reopened on Friday after repairs.",
            "Herald": "Shares in the port operator rose on Friday.",
            "Post": "The port reopened on Friday, officials said.",
        }
    )
    assert claims == []


def test_quoted_words_are_not_the_outlet_claims() -> None:
    claims = _claims(
        {
            "Wire": "Harbour master Ana Ruiz resigned on Thursday.",
            "Herald": "Ana Ruiz resigned on Thursday, her office said.",
            "Post": '"Ana Ruiz was fired on Thursday," a rival claimed in a post.',
        }
    )
    assert claims == []


def test_fp_one_act_in_other_words_on_one_date_is_not_a_conflict() -> None:
    """Found on unkeyed stories: 'issued a subpoena on Wednesday' / 'announced on Wednesday', and
    'ruled' / 'issued two opinions' set against each other."""
    claims = _claims(
        {
            "Wire": "The harbour inquiry issued a subpoena on Wednesday to former pilot Ivo Brandt.",
            "Herald": "The harbour inquiry issued a subpoena on Wednesday to Ivo Brandt, a pilot.",
            "Post": "The harbour inquiry announced on Wednesday that it wants records from Ivo Brandt.",
        }
    )
    assert claims == []


def test_fp_an_act_on_something_against_another_verb_on_one_date() -> None:
    """Found on an unkeyed story: 'voted on Wednesday' / 'accused Lerner on Wednesday'."""
    claims = _claims(
        {
            "Wire": "The harbour committee voted on Wednesday to refer Ivo Brandt to prosecutors.",
            "Herald": "The harbour committee voted on Wednesday to send Ivo Brandt's case on.",
            "Post": "The harbour committee accused Ivo Brandt on Wednesday of hiding the logs.",
        }
    )
    assert claims == []


def test_fp_synonyms_for_leaving_on_one_date_are_one_act() -> None:
    """Issue 10: 'resigned' / 'quit' / 'stepped down' on one date is one act in other words."""
    claims = _claims(
        {
            "Wire": "Harbour master Ana Ruiz resigned on Thursday after the collision inquiry.",
            "Herald": "Ana Ruiz, the harbour master, resigned on Thursday, her office said.",
            "Post": "Ana Ruiz, the harbour master, quit on Thursday, the port authority said.",
            "Daily": "Harbour master Ana Ruiz stepped down on Thursday, two board members said.",
        }
    )
    assert claims == []


def test_fp_leaving_a_post_is_leaving_with_no_scope_named() -> None:
    claims = _claims(
        {
            "Wire": "The ruling led the three lead engineers to resign in protest.",
            "Herald": "The ruling prompted the three lead engineers to quit their jobs.",
            "Post": "The ruling led three engineers to step down from their posts on Monday.",
        }
    )
    assert claims == []


def test_fp_a_call_to_resign_is_not_a_resignation() -> None:
    """Issue 10: 'urged X to resign' or 'X should resign' (a request, not an act) set against 'X
    resigned from the project' is no conflict: nobody reported that X left their post."""
    claims = _claims(
        {
            "Wire": "The union urged the three lead engineers to resign over the ruling.",
            "Herald": "The three lead engineers who resigned from the project wrote to the board.",
            "Post": "The ruling led the three lead engineers to withdraw from the project.",
            "Daily": "The petition says the three lead engineers should resign at once.",
        }
    )
    assert claims == []


def test_fp_an_act_in_another_clause_with_its_own_subject() -> None:
    """'led X ... after Y decided to resign': the resigning is Y's act, not X's."""
    claims = _claims(
        {
            "Wire": "The ruling alarmed the three lead engineers after their manager decided to "
            "resign.",
            "Herald": "The three lead engineers who resigned from the project wrote to the board.",
            "Post": "The ruling led the three lead engineers to withdraw from the project.",
        }
    )
    assert claims == []
