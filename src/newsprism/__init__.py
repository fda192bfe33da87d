"""newsprism: what many outlets' coverage of one event agrees on, where it differs, and who said what.

Names are imported on first use, so `newsprism --help` and `--version` start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprism.lazy import lazy_exports

__version__ = "0.1.0"

_EXPORTS = {
    "brief": "newsprism.api",
    "brief_story": "newsprism.api",
    "load_articles": "newsprism.api",
    "NewsprismError": "newsprism.errors",
    "read_inputs": "newsprism.ingest",
    "read_path": "newsprism.ingest",
    "Article": "newsprism.model",
    "Brief": "newsprism.model",
    "Sentence": "newsprism.model",
    "Story": "newsprism.model",
    "SummarySentence": "newsprism.model",
}

if TYPE_CHECKING:
    from newsprism.api import brief, brief_story, load_articles
    from newsprism.errors import NewsprismError
    from newsprism.ingest import read_inputs, read_path
    from newsprism.model import Article, Brief, Sentence, Story, SummarySentence

__all__ = [
    "Article",
    "Brief",
    "NewsprismError",
    "Sentence",
    "Story",
    "SummarySentence",
    "__version__",
    "brief",
    "brief_story",
    "load_articles",
    "read_inputs",
    "read_path",
]


__getattr__ = lazy_exports("newsprism", globals(), _EXPORTS)
