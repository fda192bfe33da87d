"""Gap classifier trained on references, and the length-constrained decoder."""

from __future__ import annotations

import numpy as np

from newsprism.text.boundaries import MAX_WORDS, BoundaryModel, decode, gap_features
from newsprism.text.siblings import reference_tokens, words_of


def test_decode_follows_confident_probabilities() -> None:
    probs = np.full(12, 0.01)
    probs[0] = 1.0
    probs[6] = 0.99
    assert decode(probs) == [0, 6]


def test_decode_never_exceeds_the_maximum_length() -> None:
    probs = np.full(300, 0.001)
    starts = decode(probs)
    lengths = np.diff([*starts, 300])
    assert starts[0] == 0
    assert lengths.max() <= MAX_WORDS


def test_decode_handles_empty_and_tiny_inputs() -> None:
    assert decode(np.array([])) == []
    assert decode(np.array([1.0])) == [0]
    assert decode(np.array([1.0, 0.9])) == [0]


def test_gap_features_name_both_sides() -> None:
    features = gap_features(["officials", "said", "the", "plan"], 2)
    assert "l=said" in features
    assert "r=the" in features
    assert "ll=officials_said" in features


def test_model_learns_sentence_openers_from_references() -> None:
    text = " ".join(
        f"The council met in hall {i} on the quiet morning. It voted to delay the plan again."
        for i in range(12)
    )
    model = BoundaryModel.train([reference_tokens(text)])
    assert model is not None
    words = words_of("the mayor spoke for an hour it voted to delay the plan")
    odds = model.log_odds(words)
    assert int(np.argmax(odds[1:])) + 1 == words.index("it")


def test_model_needs_enough_sentences() -> None:
    assert BoundaryModel.train([reference_tokens("One short sentence. And another one.")]) is None
