"""Who holds a role: different owners of one thing named by different outlets (invented names)."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.holders import holder_conflicts, holdings
from newsprism.model import Discrepancy


def _run(texts: dict[str, str]) -> list[Discrepancy]:
    brief, _, sources = aligned(texts)
    return holder_conflicts(brief, sources)


def test_holders_are_read_from_a_clause_an_agent_noun_or_an_apposition() -> None:
    read = [
        (h.role, h.holder, h.thing)
        for text in (
            "The Vell Holdings Group, which owns the tower, apologised on Friday.",
            "A note from the owner Arno Estates II said little.",
            "The tower's owner, Arno Estates, declined to comment.",
            "Asked about it, Ada Brill, the operator of the ferry, said nothing.",
            "The tower, owned by Vell Holdings, was closed.",
        )
        for h in holdings(text)
    ]
    assert read == [
        ("own", "Vell Holdings Group", "tower"),
        ("own", "Arno Estates II", None),
        ("own", "Arno Estates", "tower"),
        ("operate", "Ada Brill", "ferry"),
        ("own", "Vell Holdings", "tower"),
    ]
    assert holdings("He met the owner and left. The owner, who asked not to be named, spoke.") == []


def test_different_holders_of_one_thing_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "A lift failed on Monday. Vell Holdings, which owns the tower, apologised.",
            "Herald": "A lift failed on Monday, said a note from the owner Arno Estates.",
        }
    )
    assert disc.what == "who is the owner of the tower"
    assert sorted(v.value for v in disc.values) == ["Arno Estates", "Vell Holdings"]
    assert disc.note and "different owners" in disc.note


def test_fp_owners_of_different_things_shared_names_or_both_named_are_not_conflicts() -> None:
    assert not _run(  # two things owned: a bare 'the owner' could be either's
        {
            "Wire": "Vell Holdings, which owns the tower, spoke. Ada Brill, the owner of the cafe, wept.",
            "Herald": "A note from the owner Arno Estates said little.",
        }
    )
    assert not _run(  # one holder named more or less fully
        {
            "Wire": "Vell Holdings, which owns the tower, apologised.",
            "Herald": "A note from the owner Vell Holdings Group said little.",
        }
    )
    assert not _run(  # an outlet that names the other holder too may tell them apart
        {
            "Wire": "Vell Holdings, which owns the tower, bought it from Arno Estates in May.",
            "Herald": "A note from the owner Arno Estates said little.",
        }
    )
