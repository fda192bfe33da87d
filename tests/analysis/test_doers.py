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


def test_named_people_are_doers_and_a_kin_noun_beside_a_name_is_that_person() -> None:
    assert acts("Tom Eberly carried the canoe to the shore.")[("carry", "canoe")][0] == frozenset(
        {"eberly"}
    )
    assert acts("Her husband, Tom Eberly, carried the canoe.")[("carry", "canoe")][0] == frozenset(
        {"eberly"}
    )
    (disc,) = _run(
        {
            "Wire": "On Sunday, Tom Eberly carried the canoe to the shore near the old mill.",
            "Herald": "Witnesses said Tessa Lindqvist carried the canoe down the beach after the storm.",
        }
    )
    assert sorted(v.value for v in disc.values) == ["Tessa Lindqvist", "Tom Eberly"]


def test_fp_a_misparsed_clause_or_a_kin_noun_and_its_name_are_not_rival_doers() -> None:
    # the teller is never the doer of what she tells, however 'was attending' is parsed
    told = acts("Tessa Lindqvist told deputies her husband, Tom Eberly, was attending a wedding.")
    assert "lindqvist" not in told.get(("attend", "wedding"), (frozenset(), ""))[0]
    assert not _run(  # 'her husband, Tom Eberly' and 'Tom Eberly' are one doer
        {
            "Wire": "Her husband, Tom Eberly, carried the canoe to the shore.",
            "Herald": "On Sunday, Tom Eberly carried the canoe to the shore.",
        }
    )


def test_fp_an_institution_and_its_acronym_are_not_rival_doers() -> None:
    assert not _run(
        {
            "Wire": "Critics said the National Harbour Institute funded the dredging study.",
            "Herald": "In May, critics said the NHI funded the dredging study for two years.",
        }
    )
