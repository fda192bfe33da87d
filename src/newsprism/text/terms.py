"""Cheap content terms for cross-article comparison: tokens, stop words and Snowball stems.

The analyses compare hundreds of sentences per story; a full parse of each would cost more than the
whole brief may take, so claim and figure alignment work on stems of content words.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from newsprism.text.tokens import FUNCTION_WORDS, STOP_WORDS, word_tokens

__all__ = ["FUNCTION_WORDS", "STOP_WORDS", "content_stems", "related", "stem", "words"]
_STEMMER = snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-case word tokens, apostrophes normalised, possessive 's dropped."""
    out = []
    for w in word_tokens(text.replace("’", "'"), apostrophes=True):
        out.append(w[:-2] if w.endswith("'s") else w)
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content (no stop words, no bare numbers)."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and not w.isdigit()]


def related(a: str, b: str, min_prefix: int = 4) -> bool:
    """Same stem, or one derives from the other ('sign'/'signatur', 'democrat'/'democrati')."""
    if a == b:
        return True
    if a[:min_prefix] != b[:min_prefix] or len(a) < min_prefix or len(b) < min_prefix:
        return False
    return a.startswith(b) or b.startswith(a)
