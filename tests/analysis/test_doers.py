"""Who did it: one act on one thing given to different people (invented names)."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.doers import acts, doer_conflicts


def _run(texts: dict[str, str]) -> list[object]:
    brief, _, sources = aligned(texts)
    return doer_conflicts(brief, sources)


def test_doers_are_people_kin_or_parties_including_an_inherited_subject() -> None:
    assert acts("The victim called the harbour office and agreed to wear a hidden microphone.")[
        ("wear", "microphone")
    ][0] == frozenset({"victim"})
    assert acts("Her husband wore a hidden microphone.")[("wear", "microphone")][0] == frozenset(
        {"husband"}
    )
    assert ("wear", "microphone") not in acts("Officers wore a hidden microphone.")


def test_one_act_given_to_different_people_is_a_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "The victim phoned the harbour office. Her husband wore a hidden microphone.",
            "Herald": "The victim agreed to wear a hidden microphone at the meeting with Ivo Dancer.",
        }
    )
    assert disc.what == "who did it: wear the microphone"
    assert sorted(v.value for v in disc.values) == ["Her husband", "The victim"]


def test_fp_groups_shared_doers_and_outlets_naming_both_are_not_conflicts() -> None:
    assert not _run(  # institutions are often one actor in other words
        {
            "Wire": "Police towed the blue van from the square on Sunday.",
            "Herald": "Officers towed the blue van from the square on Sunday.",
        }
    )
    assert not _run(  # a doer in common
        {
            "Wire": "Ana Holm and Piet Varga carried the canoe to the shore.",
            "Herald": "Piet Varga carried the canoe to the shore.",
        }
    )
    assert not _run(  # one outlet gives the act to both people: not a side
        {
            "Wire": "Ana Holm carried the canoe first. Later Piet Varga carried the canoe.",
            "Herald": "Piet Varga carried the canoe to the shore.",
        }
    )
