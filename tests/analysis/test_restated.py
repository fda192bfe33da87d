"""Agreed claims restated inside other outlets' sentences (analysis/restated.py); invented text."""

from newsprism.analysis.restated import PARTNERS, Entry, partners, restated_claims
from newsprism.model import Sentence


def _entries(texts: list[str]) -> list[Entry]:
    return [Entry(Sentence(id=f"a{g}.0", index=0, text=t), g) for g, t in enumerate(texts)]


def _run(texts: list[str]) -> list[tuple[str, str, int]]:
    entries = _entries(texts)

    def support(chosen: list[Entry]) -> int:
        return len({e.group for e in chosen})

    found = restated_claims(entries, lambda s: True, support)
    return [(c.source.id, c.text, c.support) for c in found]


def test_shared_claim_is_cut_out_and_credited_to_each_outlet_stating_it() -> None:
    found = _run([
        "Jones was convicted in March on four counts of fraud, bribery and perjury.",
        "The judge sentenced Jones, who was convicted on four counts, to ten years.",
        "Jones was convicted on four counts last spring after a long trial.",
    ])  # fmt: skip
    texts = {text: n for _, text, n in found}
    assert texts.get("Jones was convicted on four counts.") == 3


def test_other_figures_are_never_credited() -> None:
    found = _run([
        "Jones was convicted in March on four counts of fraud and bribery.",
        "Jones was convicted on five counts last spring after a long trial.",
    ])  # fmt: skip
    assert found == []


def test_one_outlets_evaluation_is_not_shown_as_shared() -> None:
    found = _run([
        "The reckless council approved the new stadium budget on Tuesday night.",
        "The council approved the new stadium budget after a long debate.",
    ])  # fmt: skip
    assert all("reckless" not in text for _, text, _ in found)


def test_partners_come_from_other_sources_only() -> None:
    entries = _entries(["Acme shut its plant in Dover.", "Acme shut its plant in Dover."])
    entries.append(Entry(Sentence(id="a0.1", index=1, text="Acme shut its plant in Dover."), 0))
    near = partners(entries)
    assert near[0] == [1] and near[2] == [1] and sorted(near[1]) == [0, 2]


def test_tied_partners_go_to_the_earlier_sentences() -> None:
    # every candidate shares two of the three terms, through different pairs of them, so only
    # the tie rule (not the order in which the terms are met) can decide which are kept
    pairs = ["walrus tundra", "tundra glacier", "walrus glacier"]
    texts = ["Walrus tundra glacier."] + [f"{pairs[k % 3]} item{k}." for k in range(PARTNERS + 4)]
    near = partners(_entries(texts))
    assert near[0] == list(range(1, PARTNERS + 1))


def test_a_different_verb_is_a_different_claim() -> None:
    found = _run([
        "The city council bought the old mill on Friday.",
        "The city council sold the old mill to a developer.",
    ])  # fmt: skip
    assert found == []


def test_an_event_in_an_adverbial_clause_must_be_stated_too() -> None:
    found = _run([
        "As Brandt walked away, he was shot.",
        "Brandt was shot two blocks away near the harbour.",
    ])  # fmt: skip
    assert all("walked" not in text for _, text, _ in found), found


def test_a_purpose_is_no_event_of_its_own_but_its_words_must_be_stated() -> None:
    """A purpose ('to discuss the offer') needs no clause of its own in the other sentence, but
    a credit needs the whole claim (analysis/whole_credit.py): 'talk about' is not 'discuss'."""
    found = _run([
        "The husband said he wanted to meet to discuss the offer.",
        "The husband said on Friday that he wanted to meet to discuss the offer.",
    ])  # fmt: skip
    assert any("meet" in text for _, text, _ in found), found
    other_words = _run([
        "The husband said he wanted to meet to discuss the offer.",
        "The husband said he wanted to meet to talk about the offer.",
    ])  # fmt: skip
    assert other_words == [], other_words


def test_a_cut_never_opens_with_a_participle_whose_noun_was_cut() -> None:
    found = _run([
        "In the appeal, written after the trial ended in 1961, Voss says the court overstated his role.",
        "In the petition, written after the trial ended in 1961, Voss says the court overstated his role.",
    ])  # fmt: skip
    assert all(not text.startswith("Written") for _, text, _ in found), found
