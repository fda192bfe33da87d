"""The tightened agreed check: a credited outlet's sentence states every content word of the item
and names every source the item names; omitting outlets are still judged on most of the words."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.eval.faithfulness import check_brief, counts
from newsprism.model import AgreedFact

TEXTS = {
    "Wire": "The inspectorate opened an investigation into the leak on Wednesday. "
    "Hal Verde was shot twice in the chest, his family said. "
    "The order covers public and private schoolchildren.",
    "Herald": "The inspectorate opened an investigation on Wednesday. "
    "Hal Verde was shot twice in the chest. "
    "The order covers public-school students.",
    "Post": "On Wednesday the inspectorate opened an investigation into the leak. "
    "Verde's family said Hal Verde was shot twice in the chest. "
    "The order covers public school students.",
}


def _found(item: int, credited: list[str], omitting: tuple[str, ...] = ()) -> dict[str, int]:
    brief = make_brief(TEXTS)
    by_outlet = {a.label: a.sentences for a in brief.articles}
    text = by_outlet[credited[0]][item].text
    cited = [by_outlet[o][item].id for o in credited]
    brief.agreed = [
        AgreedFact(
            text=text,
            outlets=credited,
            citations=cited,
            support=len(credited),
            source=cited[0],
            omitted_by=list(omitting),
        )
    ]
    return counts(check_brief(brief))


def test_a_credit_missing_one_content_word_is_flagged() -> None:
    assert _found(0, ["Wire", "Herald"])["unsupported_agreed"] == 1  # no 'into the leak'
    assert _found(0, ["Wire", "Post"])["unsupported_agreed"] == 0  # the same words, reordered


def test_a_credit_that_drops_the_named_source_is_flagged() -> None:
    assert _found(1, ["Wire", "Herald"])["unsupported_agreed"] == 1  # no 'his family said'
    assert _found(1, ["Wire", "Post"])["unsupported_agreed"] == 0


def test_a_narrower_wording_is_not_the_item_but_hyphen_parts_count() -> None:
    assert _found(2, ["Wire", "Herald"])["unsupported_agreed"] == 1  # schoolchildren, private
    assert _found(2, ["Post", "Herald"])["unsupported_agreed"] == 0  # public-school = public school


def test_an_outlet_stating_most_of_the_item_is_not_listed_as_omitting_it() -> None:
    """Tightening credits does not loosen omissions: Herald says most of item 0."""
    assert _found(0, ["Wire", "Post"], omitting=("Herald",))["wrong_omitted_by"] == 1


def test_a_source_named_only_inside_another_name_is_flagged() -> None:
    brief = make_brief(
        {
            "Wire": "Verde said the harbour would close in May. Boats left.",
            "Herald": "She told the Verde Show the harbour would close in May. Rain fell.",
            "Post": "Verde told reporters the harbour would close in May. Fog came.",
        }
    )
    first = {a.label: a.sentences[0] for a in brief.articles}

    def found(other: str) -> int:
        cited = [first["Wire"].id, first[other].id]
        brief.agreed = [
            AgreedFact(
                text=first["Wire"].text,
                outlets=["Wire", other],
                citations=cited,
                support=2,
                source=cited[0],
            )
        ]
        return counts(check_brief(brief))["unsupported_agreed"]

    assert found("Herald") == 1
    assert found("Post") == 0
