"""Eval tests build tiny stories in code; NLTK data goes to a temporary cache, never the network."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.eval import peers

SHARED = "The river flooded the old mill district of Harwick on Tuesday night after heavy rain."
RECORDS = [
    {
        "id": "flood",
        "documents": [
            f"{SHARED} Rescue teams moved forty families to the school gym before dawn.\n \n"
            "Mayor Ines Calloway said the pumps failed when the power station went dark.",
            f"{SHARED} Engineers will inspect the stone bridge over the river on Thursday.",
        ],
        "summary": "The river flooded Harwick's mill district on Tuesday. Forty families "
        "were moved to a school gym, and the mayor blamed failed pumps.",
    },
    {
        "id": "bakery",
        "documents": [
            "A bakery in Lowden won the national prize for rye bread on Saturday. The owner, "
            "Pia Marsh, said the recipe came from her grandmother.",
            "Lowden baker Pia Marsh took the national rye bread prize. Judges praised the crust.",
        ],
        "summaries": [
            "Pia Marsh's Lowden bakery won the national rye bread prize.",
            "A grandmother's recipe won a Lowden bakery the national prize for rye bread.",
        ],
    },
]


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def nltk_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Punkt is exported to a per-session temporary folder, not the user's cache."""
    root = tmp_path_factory.getbasetemp() / "cache"
    monkeypatch.setenv("NEWSPRISM_CACHE", str(root))
    yield root
    peers._sumy_tools.cache_clear()
