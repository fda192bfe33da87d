"""Punkt for sumy comes from the installed package, written where NLTK looks: no download."""

from __future__ import annotations

from pathlib import Path

import nltk

from newsprism.eval.nltk_data import ensure_punkt, export_punkt


def test_export_writes_punkt_tab(tmp_path: Path) -> None:
    target = export_punkt(tmp_path)
    names = sorted(p.name for p in target.iterdir())
    assert names == [
        "abbrev_types.txt",
        "collocations.tab",
        "ortho_context.tab",
        "sent_starters.txt",
    ]
    assert "dr" in (target / "abbrev_types.txt").read_text().split("\n")
    assert export_punkt(tmp_path) == target, "a second export reuses the files"


def test_nltk_splits_with_exported_model(tmp_path: Path) -> None:
    root = ensure_punkt(tmp_path)
    try:
        text = "Dr. Smith met Mr. Jones in Washington. They talked for an hour."
        assert nltk.sent_tokenize(text) == [
            "Dr. Smith met Mr. Jones in Washington.",
            "They talked for an hour.",
        ]
    finally:
        nltk.data.path.remove(str(root))
