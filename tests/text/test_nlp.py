"""The one shared spaCy pipeline: loaded once, clear error when the model is missing."""

from __future__ import annotations

import pytest

from newsprism.errors import NewsprismError
from newsprism.text import nlp, syntax


def test_every_user_shares_one_loaded_pipeline() -> None:
    assert syntax.spacy_pipeline() is nlp.load() is nlp.pipeline()


def test_a_missing_model_is_a_user_error() -> None:
    with pytest.raises(NewsprismError) as info:
        nlp.load("no_such_model_abc")
    assert info.value.code == "nlp-model-missing"


def test_names_only_runs_the_recogniser() -> None:
    doc = nlp.names(["Maria Olsen flew to Denver on Sunday."])[0]
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Denver") == "GPE" and labels.get("Sunday") == "DATE"
    assert not doc.has_annotation("DEP")
