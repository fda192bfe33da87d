"""Which stretches the recogniser reads, and carrying the names it found to other occurrences."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from newsprism.analysis.name_windows import carried, tag_windows, windows

LABELS = frozenset({"PERSON", "ORG", "DATE"})


def test_only_the_first_occurrence_of_a_name_is_read() -> None:
    texts = [
        "Officials said Dana Pruitt resigned after the vote in the council chamber.",
        "Critics said Dana Pruitt had been told to go.",
    ]
    found = windows(texts)
    assert "Dana Pruitt" in texts[0][slice(*found[texts[0]][0])]
    assert texts[1] not in found  # nothing new there: no name, no time word


def test_a_sentence_opening_word_is_a_candidate_only_when_written_capitalised_elsewhere() -> None:
    texts = ["However the plan stalled.", "Pruitt left early.", "Reporters met Pruitt Holdings."]
    found = windows(texts)
    assert texts[0] not in found
    assert texts[1] in found  # "Pruitt" is also inside a longer run


def test_a_word_ending_a_full_name_is_not_read_again_but_carried_as_the_surname() -> None:
    full = "Reporters met Dana Pruitt at noon."
    alone = "Later that evening the staff and Pruitt left."
    wanted = windows([full, alone])
    assert alone not in wanted  # "Pruitt" is left to the carrying
    spans = {"s1": [("PERSON", 14, 25, "Dana Pruitt")], "s2": []}
    result = carried(spans, {"s1": full, "s2": alone}, wanted, LABELS)
    at = alone.index("Pruitt")
    assert result["s2"] == [("PERSON", at, at + 6, "Pruitt")]


def test_only_a_person_name_lends_its_last_word_as_a_surname() -> None:
    org = "Staff at Acme Holdings agreed."
    alone = "Then, on reflection, Holdings staff agreed."
    spans = {"s1": [("ORG", 9, 22, "Acme Holdings")], "s2": []}
    result = carried(spans, {"s1": org, "s2": alone}, {}, LABELS)
    assert result["s2"] == []


def test_time_words_get_a_window_but_durations_alone_do_not() -> None:
    text = "They met on Tuesday in the hall"
    assert windows([text]) == {text: [(0, len(text))]}
    assert windows(["it took nine years to build the hall"]) == {}


def _fake_recogniser(texts: list[str]) -> list[Any]:
    """Marks the word 'Pruitt' as a person wherever it appears: an oracle for offsets."""
    docs = []
    for text in texts:
        at = text.find("Pruitt")
        ents = [SimpleNamespace(label_="PERSON", start_char=at, end_char=at + 6)] if at >= 0 else []
        docs.append(SimpleNamespace(ents=ents))
    return docs


def test_window_spans_are_given_in_sentence_offsets_and_carried_elsewhere() -> None:
    first = "Long before any of this happened, a lawyer named Pruitt filed the papers."
    later = "The papers Pruitt filed were thin."
    wanted = {first: [(first.index("lawyer"), len(first))]}
    found = tag_windows([first, later], wanted, _fake_recogniser, LABELS)
    start = first.index("Pruitt")
    assert found[first] == [("PERSON", start, start + 6)]
    spans = {"s1": [("PERSON", start, start + 6, "Pruitt")], "s2": []}
    result = carried(spans, {"s1": first, "s2": later}, wanted, LABELS)
    assert result["s2"] == [("PERSON", 11, 17, "Pruitt")]
    assert result["s1"] == spans["s1"]


def test_known_forms_are_found_as_the_longest_first_alternation_finds_them() -> None:
    """Oracle: one regex alternation of the forms, longest first, between name boundaries."""
    import random
    import re

    from newsprism.analysis.name_windows import FormFinder

    rng = random.Random(3)
    parts = ["Jo", "Jon", "Jones", "Ann", "Anna", "Lee", "Co", "Corp", "O'Neil", "A.B."]
    forms = {" ".join(rng.sample(parts, rng.randint(1, 2))) for _ in range(30)}
    forms = {f for f in forms if len(f) > 1}
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    oracle = re.compile(rf"(?<![\w.&'’-])(?:{alternation})(?![\w&'’-]|\.\w)")
    find = FormFinder(forms)
    for _ in range(500):
        text = " ".join(rng.choice([*parts, "and", "met", ",", "Jonas", "x"]) for _ in range(12))
        expected = [(m.group(), m.start(), m.end()) for m in oracle.finditer(text)]
        assert find(text) == expected
