"""Detect text that lost its sentence punctuation and case (e.g. ASR output or scraped captions).

Normal news prose has a sentence end every ~25 words and a capitalised word every ~5-10. A long
text with almost no sentence ends (counting line breaks, which end headlines and list items) is
degraded, and so is one with almost no capitals and few sentence ends. Short texts (headlines,
captions) and text in capitals (shouted headlines) are left alone: they are not run-on prose.
"""

from __future__ import annotations

import re

from newsprism.text.tokens import word_tokens

_TERMINAL = re.compile(r"[.!?;:…](?=\s|$|[\"'”’)\]])")
_LINE_END = re.compile(r"\S[ \t]*\r?\n")

MIN_WORDS = 40
WORDS_PER_END = 80  # fewer sentence ends than one per this many words: punctuation was lost
WORDS_PER_CAPITAL = 50  # fewer capitals than one per this many words: case was lost


def sentence_ends(text: str) -> int:
    """Sentence-final marks plus line breaks after text."""
    return len(_TERMINAL.findall(text)) + len(_LINE_END.findall(text))


def is_degraded(text: str, min_words: int = MIN_WORDS) -> bool:
    """True when a long text has almost no sentence ends, or almost no capitals and few ends."""
    words = word_tokens(text, keep_case=True, letters_only=True)
    if len(words) < min_words:
        return False
    ends = sentence_ends(text)
    capitals = sum(1 for w in words if w[0].isupper())
    no_punctuation = ends * WORDS_PER_END < len(words)
    no_case = capitals * WORDS_PER_CAPITAL < len(words)
    return no_punctuation or (no_case and ends * (WORDS_PER_END // 2) < len(words))
