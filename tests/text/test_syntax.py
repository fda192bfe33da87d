"""Boundary odds from the parse of lowercase text."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.errors import NewsprismError
from newsprism.text.siblings import words_of
from newsprism.text.syntax import parse_words, syntax_log_odds


def test_subject_after_a_finished_clause_scores_higher_than_inside_a_phrase() -> None:
    words = words_of("the council approved the budget on monday the mayor said she was pleased")
    odds = syntax_log_odds(parse_words(words))
    new_clause = words.index("mayor") - 1  # "the mayor"
    assert odds[new_clause] > odds[words.index("budget")]
    assert odds[new_clause] > odds[words.index("monday")]
    assert np.all(odds[1:] < 5)


def test_words_that_cannot_end_a_sentence_lower_the_odds() -> None:
    words = words_of("officials said the plan was approved by the council")
    odds = syntax_log_odds(parse_words(words))
    assert odds[words.index("plan")] < odds[words.index("officials") + 1]


def test_missing_model_is_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.text.syntax as syntax

    monkeypatch.setattr(syntax, "MODEL", "no_such_model_xyz")
    with pytest.raises(NewsprismError) as info:
        syntax.spacy_pipeline()
    assert info.value.code == "nlp-model-missing"
    assert "no_such_model_xyz" in info.value.message
