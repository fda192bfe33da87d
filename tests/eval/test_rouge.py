"""ROUGE wrapper: the protocol's word cut and the mean over references."""

from __future__ import annotations

import pytest

from newsprism.errors import NewsprismError
from newsprism.eval.rouge import cut_words, rouge, tokenize


def test_cut_words_truncates_the_last_sentence() -> None:
    assert cut_words(["one two three", "four five six"], 4) == ["one two three", "four"]
    assert cut_words(["one two", "", "three"], 10) == ["one two", "three"]
    assert cut_words(["one two"], 0) == []


def test_identical_text_scores_100() -> None:
    scores = rouge(["The mayor spoke.", "Pumps failed."], [["The mayor spoke.", "Pumps failed."]])
    assert scores == pytest.approx({"rouge1": 100.0, "rouge2": 100.0, "rougeLsum": 100.0})


def test_mean_over_references_and_stemming() -> None:
    one = rouge(["floods hit towns"], [["flooding hit the town"]])
    both = rouge(["floods hit towns"], [["flooding hit the town"], ["nothing alike here"]])
    assert 0 < one["rouge1"] < 100
    assert both["rouge1"] == pytest.approx(one["rouge1"] / 2)
    assert tokenize("Floods flooding") == ["flood", "flood"]


def test_references_required() -> None:
    with pytest.raises(NewsprismError):
        rouge(["text"], [])
