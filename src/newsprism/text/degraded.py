"""Detect text that lost its sentence punctuation and case (e.g. ASR output or scraped captions)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_TERMINAL = re.compile(r"[.!?;:](?=\s|$|[\"'”’)])")


def is_degraded(text: str, min_words: int = 40) -> bool:
    """True when a long text has almost no sentence ends or almost no capitals.

    Normal news prose has a sentence end every ~25 words and a capital every ~10.
    """
    words = _WORD.findall(text)
    if len(words) < min_words:
        return False
    terminals = len(_TERMINAL.findall(text))
    capitals = sum(1 for w in words if w[0].isupper())
    no_punctuation = terminals * 80 < len(words)
    no_case = capitals * 50 < len(words)
    return no_punctuation or (no_case and terminals * 40 < len(words))
