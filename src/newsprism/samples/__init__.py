"""The bundled fictional sample story: the demo, and a fixture with known answers."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_PACKAGE = "newsprism.samples"


def sample_paths() -> list[Path]:
    root = Path(str(files(SAMPLE_PACKAGE) / "story"))
    return sorted(
        p
        for p in root.iterdir()
        if p.is_file() and not p.name.startswith((".", "expected", "articles."))
    )


def sample_ratings() -> Path:
    """Example stance ratings for the sample's invented outlets (``--ratings``)."""
    return Path(str(files(SAMPLE_PACKAGE) / "ratings.yaml"))
