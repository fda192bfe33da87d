"""One against several: 'a man confronted him' / 'two men confronted him'."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from tests.analysis.helpers import aligned, make_brief

from newsprism.analysis import counts
from newsprism.analysis.counts import blocked_pairs, count_conflicts, counted
from newsprism.analysis.sources import independent_sources


def _run(texts: dict[str, str]) -> list[object]:
    return count_conflicts(*aligned(texts))


def test_one_doer_against_two_is_a_conflict() -> None:
    (disc,) = _run(
        {
            "Wire": "Inside the bakery, Ola Venn was threatened by two men who demanded cash.",
            "Herald": "Inside the bakery, a man threatened Ola Venn and demanded cash.",
        }
    )
    assert {v.value for v in disc.values} == {"two men", "a man"}
    assert disc.what.startswith("how many")


def test_fp_counts_of_different_acts_are_not_set_against_each_other() -> None:
    """'a man was arrested' and 'two men fled' count different people."""
    assert not _run(
        {
            "Wire": "Outside the bakery, a man was arrested after the robbery on Friday night.",
            "Herald": "Outside the bakery, two men fled after the robbery on Friday night.",
        }
    )


def test_counted_reads_articles_and_numbers() -> None:
    assert counted("A lone diver found the wreck.") == {("find", "diver"): (1.0, "A lone diver")}
    assert counted("Three divers found the wreck.") == {("find", "diver"): (3.0, "Three divers")}


def test_a_bare_noun_listed_after_an_article_counts_one() -> None:
    found = counted("The harbour office sent a tug, launch and barge, and crews set up a tent.")
    assert found[("send", "barg")] == (1.0, "a barge")
    assert ("send", "tent") not in found  # 'set up' has its own doer: not the office's sending


BLOCKED = {
    "Wire": "The county sent a truck, van and ambulance to the crash site.",
    "Herald": "Later the county sent the truck from Elm Ridge and two ambulances from its depot, "
    "according to a spokesman who asked not to be named.",
}


def test_counts_in_sentences_the_alignment_does_not_pair_are_compared() -> None:
    """Different wording around one act: found through the index of counted nouns."""
    brief, al, sources = aligned(BLOCKED)
    assert len(blocked_pairs(brief, sources)) == 1
    (disc,) = count_conflicts(brief, al, sources)
    assert {v.value for v in disc.values} == {"an ambulance", "two ambulances"}


def test_fp_blocked_pairs_need_independent_outlets_and_another_shared_word() -> None:
    brief, al, sources = aligned(
        {
            "Wire": "A nurse treated the driver. Two ambulances waited outside the station.",
            "Herald": "Officials praised a nurse at the clinic on Elm Road.",
        }
    )
    assert blocked_pairs(brief, sources) == []
    assert count_conflicts(brief, al, sources) == []


def test_fp_an_amount_or_a_describing_noun_is_not_a_count() -> None:
    """'a $2 million penalty clause' counts no clauses; 'Rex, a horse that was hurt' describes
    Rex (both found on the dev keys, paraphrased)."""
    assert counted("The deal holds a $2 million penalty clause for each breach.") == {}
    assert ("hurt", "hors") not in counted(
        "The photo shows Rex, a horse that was hurt in the fall."
    )
    brief, al, sources = aligned(
        {
            "Wire": "The photo shows Rex, a horse that was hurt when a truck hit the trailer.",
            "Herald": "Two other horses were hurt when the truck hit the trailer, officials said.",
        }
    )
    assert count_conflicts(brief, al, sources) == []


def test_blocked_pairs_keep_to_their_budget_on_a_300_article_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The noun index reads a budget of sentences and parses a budget of pairs, however many
    outlets count the same nouns (the alignment's own pairs are left out here)."""
    rng = random.Random(3)
    nouns = ["truck", "van", "boat", "crew", "medic", "dog"]

    def sentence() -> str:
        count = rng.choice(["a", "two", "three", "one"])
        return f"The county sent {count} {rng.choice(nouns)}s to the {rng.choice(nouns)} depot."

    texts = {f"Outlet {i}": " ".join(sentence() for _ in range(20)) for i in range(300)}
    brief = make_brief(texts, ("sentences",))
    sources = independent_sources(brief.articles)
    found = blocked_pairs(brief, sources)
    assert 0 < len(found) <= counts.MAX_BLOCKED
    calls: list[str] = []
    monkeypatch.setattr(counts, "counted", lambda text: calls.append(text) or {})
    monkeypatch.setattr(counts, "aligned_pairs", lambda *args: iter(()))
    count_conflicts(brief, SimpleNamespace(sentences=[]), sources)  # type: ignore[arg-type]
    assert 0 < len(calls) <= 2 * counts.MAX_BLOCKED


def test_fp_counts_told_of_different_days_are_two_events() -> None:
    """'a truck bomb ... on Sunday' / 'three bombings ... on Saturday' (unkeyed Multi-News)."""
    brief, al, sources = aligned(
        {
            "Wire": "A truck bomb near the port killed at least four people on Sunday.",
            "Herald": "On Saturday, three bombings near the port killed 19 people.",
        }
    )
    assert count_conflicts(brief, al, sources) == []
    same_day = {
        "Wire": "A truck bomb near the port killed at least four people on Sunday.",
        "Herald": "On Sunday, three bombings near the port killed four people.",
    }
    assert len(count_conflicts(*aligned(same_day))) == 1


def test_fp_one_more_or_a_quoted_count_is_not_one_against_several() -> None:
    """'"one more thing I know"' said in a quotation / '10 things to know' (unkeyed Multi-News)."""
    assert counted("He wants one more thing from the board.") == {}
    brief, _, sources = aligned(
        {
            "Wire": '"I want to tell you one thing I know about the board," Ames said.',
            "Herald": "Ames gave reporters four things he knows about the board.",
        }
    )
    assert blocked_pairs(brief, sources) == []


def test_fp_an_outlet_on_both_sides_tells_of_different_sets() -> None:
    """'break a distance record' and 'break two records' in each outlet (unkeyed Multi-News)."""
    brief, al, sources = aligned(
        {
            "Wire": "The crew hopes to break two records on the flight. "
            "The crew is on course to break a distance record of 900 miles.",
            "Herald": "The crew is on course to break a distance record, officials said. "
            "The crew hopes to break two records on the long flight.",
        }
    )
    assert count_conflicts(brief, al, sources) == []
