"""Cheap content terms for cross-article comparison: tokens, stop words and Snowball stems.

The analyses compare hundreds of sentences per story; a full parse of each would cost more than the
whole brief may take, so claim and figure alignment work on stems of content words.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "to",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "as",
        "than",
        "then",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "him",
        "we",
        "us",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "not",
        "no",
        "all",
        "each",
        "every",
        "both",
        "some",
        "any",
        "such",
        "there",
        "here",
        "if",
        "while",
        "because",
        "after",
        "before",
        "since",
        "until",
        "during",
        "against",
        "among",
        "between",
        "through",
        "per",
        "via",
    ]
)
# sklearn's list drops words news depends on ('former', 'call', 'found', 'fire', 'bill'), so content
# words are everything but function words and a few empty verbs.
STOP_WORDS = FUNCTION_WORDS | {
    "s", "t", "said", "says", "say", "mr", "ms", "mrs", "also", "just", "like", "very", "more",
    "most", "much", "many", "other", "only", "own", "same", "too", "than", "one", "get", "got",
    "make", "made", "up", "out", "off", "down", "again", "further", "once", "now", "even", "still",
}  # fmt: skip
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_STEMMER = snowballstemmer.stemmer("english")


def words(text: str) -> list[str]:
    """Lower-case word tokens, apostrophes normalised, possessive 's dropped."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
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
