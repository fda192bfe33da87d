"""The faithfulness checker flags what a reader would catch, on briefs built in code."""

from __future__ import annotations

import pytest
from tests.analysis.helpers import make_brief

from newsprism.eval.faithfulness import check_brief, counts, unbalanced
from newsprism.model import AgreedFact, SummarySentence


def _brief(summary: list[str], agreed: list[AgreedFact] | None = None):  # type: ignore[no-untyped-def]
    brief = make_brief(
        {
            "Wire": (
                "The council closed the Orlen bridge on Monday after engineers found rust. "
                "The bridge will stay shut for weeks. "
                '"We must act before winter," the mayor said.'
            ),
            "Herald": (
                "Engineers found rust in the Orlen bridge, and the council closed it on Monday. "
                "Drivers face a detour of 20 minutes."
            ),
        }
    )
    ids = {s.text: s.id for a in brief.articles for s in a.sentences}
    brief.summary = [
        SummarySentence(text=t, citations=[ids.get(t, "")], source=ids.get(t, "")) for t in summary
    ]
    brief.agreed = agreed or []
    return brief, ids


def test_unbalanced_quotes() -> None:
    assert unbalanced('"We must act before winter.')
    assert not unbalanced('"We must act," she said.')
    assert unbalanced("“We must act.")


def test_dangling_definite_reference_is_flagged() -> None:
    brief, _ = _brief(["The bridge will stay shut for weeks."])
    assert counts(check_brief(brief))["unresolved_reference"] == 1
    brief, _ = _brief(
        [
            "The council closed the Orlen bridge on Monday after engineers found rust.",
            "The bridge will stay shut for weeks.",
        ]
    )
    assert counts(check_brief(brief))["unresolved_reference"] == 0


def test_advocacy_in_the_tools_voice_is_flagged_but_attribution_is_not() -> None:
    brief, _ = _brief(["We must act before winter."])
    assert counts(check_brief(brief))["unattributed_opinion"] == 1
    brief, _ = _brief(['"We must act before winter," the mayor said.'])
    assert counts(check_brief(brief))["unattributed_opinion"] == 0


def test_agreed_credit_without_the_figure_or_terms_is_flagged() -> None:
    brief, ids = _brief([])
    wire = ids["The council closed the Orlen bridge on Monday after engineers found rust."]
    herald = ids["Drivers face a detour of 20 minutes."]
    fact = AgreedFact(
        text="The council closed the Orlen bridge on Monday after engineers found rust.",
        outlets=["Wire", "Herald"],
        citations=[wire, herald],
        support=2,
        source=wire,
    )
    brief.agreed = [fact]
    found = counts(check_brief(brief))
    assert found["unsupported_agreed"] == 1  # Herald's cited sentence states another fact
    assert found["count_label"] == 0


def test_wrong_omitted_by_is_flagged() -> None:
    brief, ids = _brief([])
    wire = ids["The council closed the Orlen bridge on Monday after engineers found rust."]
    brief.agreed = [
        AgreedFact(
            text="The council closed the Orlen bridge on Monday after engineers found rust.",
            outlets=["Wire"],
            citations=[wire],
            support=1,
            source=wire,
            omitted_by=["Herald"],
        )
    ]
    assert counts(check_brief(brief))["wrong_omitted_by"] == 1


def _speaker_brief(summary: list[str]):  # type: ignore[no-untyped-def]
    brief = make_brief(
        {
            "Gazette": (
                "Mayor Ana Colt visited the harbour on Monday. "
                '"We will reopen the pier by spring," she said. '
                "The pier has been closed since a storm in May."
            ),
            "Courier": "The harbour pier has been closed since a storm in May.",
        }
    )
    ids = {s.text: s.id for a in brief.articles for s in a.sentences}
    brief.summary = [SummarySentence(text=t, citations=[ids[t]], source=ids[t]) for t in summary]
    return brief


def test_a_pronoun_speaker_needs_the_person_named_before_it() -> None:
    quote = '"We will reopen the pier by spring," she said.'
    alone = _speaker_brief(["The harbour pier has been closed since a storm in May.", quote])
    assert counts(check_brief(alone))["unresolved_reference"] == 1
    named = _speaker_brief(["Mayor Ana Colt visited the harbour on Monday.", quote])
    assert counts(check_brief(named))["unresolved_reference"] == 0


def test_a_named_speaker_is_not_a_reference() -> None:
    brief = make_brief({"Gazette": '"We will reopen the pier by spring," Ana Colt said.'})
    text = brief.articles[0].sentences[0]
    brief.summary = [SummarySentence(text=text.text, citations=[text.id], source=text.id)]


def test_an_inverted_attribution_opening_the_sentence_is_attribution() -> None:
    """'Added <name>: "..."' names who says it, even where the tagger reads 'Added' as a name."""
    for verb in ("Added", "Replied", "Admitted", "Noted"):
        brief, _ = _brief([f'{verb} Orsolya Venn: "We must act before the winter comes."'])
        assert counts(check_brief(brief))["unattributed_opinion"] == 0, verb
    brief, _ = _brief(['Orsolya Venn: "We must act before the winter comes."'])
    assert counts(check_brief(brief))["unattributed_opinion"] == 1


def _agreed_item(text: str) -> dict[str, int]:
    brief, ids = _brief([])
    wire = ids["The council closed the Orlen bridge on Monday after engineers found rust."]
    brief.agreed = [
        AgreedFact(text=text, outlets=["Wire"], citations=[wire], support=1, source=wire)
    ]
    return counts(check_brief(brief))


def test_an_agreed_item_pointing_back_or_cut_to_a_fragment_is_flagged() -> None:
    cut = _agreed_item("One of these was that the bridge's chief engineer Ada Holm.")
    assert cut["agreed_reference"] == cut["agreed_fragment"] == 1
    assert _agreed_item("It will stay shut for weeks.")["agreed_reference"] == 1
    caption = _agreed_item("A view of the Orlen bridge at dawn, with rust on the cables.")
    assert caption["agreed_fragment"] == 1
    whole = _agreed_item(
        "The council closed the Orlen bridge on Monday after engineers found rust."
    )
    assert whole["agreed_reference"] == whole["agreed_fragment"] == 0
    assert _agreed_item("The bridge shut because of rust on the cables.")["agreed_fragment"] == 0


def test_a_part_of_a_set_named_before_needs_the_set_in_the_summary() -> None:
    part = "One of these engineers found rust on the Orlen bridge."
    brief, _ = _brief([part])
    assert counts(check_brief(brief))["unresolved_reference"] == 1
    brief, _ = _brief(["Engineers inspected the Orlen bridge on Monday.", part])
    assert counts(check_brief(brief))["unresolved_reference"] == 0
    brief, _ = _brief(["As of this week, drivers face a detour of 20 minutes."])
    assert counts(check_brief(brief))["unresolved_reference"] == 0


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The three were shot dead outside the depot.", 1),
        ("Both were charged with arson on Friday.", 1),
        ("On Monday the pair were found in a flooded car.", 1),
        ("Two were killed when the roof fell.", 1),
        ("The three suspects were shot dead outside the depot on Monday.", 0),
        ("Both of the engineers were charged with arson on Friday.", 0),
        ("2019 was the wettest year on record for the county.", 0),
        ("The two sides agreed to reopen the bridge in May.", 0),
    ],
)
def test_an_agreed_item_whose_subject_counts_people_it_never_names_is_flagged(
    text: str, flagged: int
) -> None:
    assert _agreed_item(text)["agreed_reference"] == flagged
