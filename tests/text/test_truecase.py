"""Casing from siblings, gated by part of speech, and from names spaCy finds."""

from __future__ import annotations

from newsprism.text.siblings import reference_tokens, words_of
from newsprism.text.syntax import parse_words
from newsprism.text.truecase import CaseTable, truecase


def test_table_prefers_the_casing_in_the_same_context() -> None:
    table = CaseTable([reference_tokens("He met President Lin. The president said no.")])
    assert table.lookup("met", "president") == "President"
    assert table.lookup("the", "president") == "president"


def test_sentence_initial_words_do_not_teach_casing() -> None:
    table = CaseTable([reference_tokens("Budgets rose. The budgets rose again.")])
    assert table.lookup(None, "budgets") == "budgets"
    assert table.lookup(None, "the") is None


def test_capital_seen_elsewhere_needs_a_noun_here() -> None:
    table = CaseTable([reference_tokens("He visited the United States last year.")])
    assert table.lookup("letter", "states", nominal=False) == "states"
    assert table.lookup("letter", "states", nominal=True) == "States"


def test_truecase_names_and_fixed_words() -> None:
    words = words_of("the report was written by william barr and i read it on monday")
    doc = parse_words(words)
    fixed = [None] * len(words)
    fixed[2] = "WAS"
    cased = truecase(doc, CaseTable([]), fixed)
    assert cased[5:7] == ["William", "Barr"]
    assert cased[2] == "WAS"
    assert cased[words.index("i")] == "I"
    assert cased[-1] == "Monday"
    assert cased[0] == "the"
