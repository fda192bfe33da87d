"""The one word tokeniser and the stop lists every analysis reads.

A word is a run of letters and digits. Callers differ only where their task needs it (keep case to
count capitals, letters only to measure prose, apostrophes to keep "don't" whole, ASCII only where a
learned model's vocabulary was built that way, underscores and a minimum length where scikit-learn's
``token_pattern`` must be reproduced); those are parameters of one definition, so a fix to what a
word is lands everywhere at once.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Closed-class words: never content, never a name or a noun on their own.
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


@lru_cache(maxsize=32)
def word_pattern(
    *,
    letters_only: bool = False,
    ascii_only: bool = False,
    underscore: bool = False,
    apostrophes: bool = False,
    contraction_tail: bool = False,
) -> re.Pattern[str]:
    """The compiled word pattern for these options (one definition; compiled once per variant).

    ``letters_only`` drops digits, ``ascii_only`` keeps A-Z/0-9, ``underscore`` counts '_' as a word
    character (scikit-learn's ``\\w``), ``apostrophes`` keeps one inner apostrophe ("don't"), and
    ``contraction_tail`` lets only letters follow it (a contraction or possessive, never "5'10")."""
    if ascii_only:
        char = "[A-Za-z]" if letters_only else "[A-Za-z0-9]"
    elif underscore:
        char = "[^\\W\\d]" if letters_only else "\\w"
    else:
        char = "[^\\W\\d_]" if letters_only else "[^\\W_]"
    letter = "[A-Za-z]" if ascii_only else "[^\\W\\d_]"
    tail = f"(?:['’]{letter if contraction_tail else char}+)?" if apostrophes else ""
    return re.compile(f"{char}+{tail}")


def word_tokens(
    text: str,
    *,
    keep_case: bool = False,
    letters_only: bool = False,
    ascii_only: bool = False,
    underscore: bool = False,
    apostrophes: bool = False,
    contraction_tail: bool = False,
    min_length: int = 1,
) -> list[str]:
    """Words of ``text`` in order, lower-cased (the text is lowered first) unless ``keep_case``."""
    pattern = word_pattern(
        letters_only=letters_only,
        ascii_only=ascii_only,
        underscore=underscore,
        apostrophes=apostrophes,
        contraction_tail=contraction_tail,
    )
    if not keep_case:
        text = text.lower()
    if text.isascii():  # the same matches, found faster without Unicode's character classes
        pattern = _ascii_twin(pattern)
    found = pattern.findall(text)
    return found if min_length <= 1 else [w for w in found if len(w) >= min_length]


@lru_cache(maxsize=32)
def _ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with ASCII character classes: on ASCII-only text ``\\w``, ``\\W`` and ``\\d``
    match exactly what their Unicode forms match there, and the regex engine checks them faster."""
    return re.compile(pattern.pattern, re.ASCII)


def __getattr__(name: str) -> frozenset[str]:
    """``GENERAL_STOP_WORDS``: scikit-learn's English list, what TF-IDF alignment, clustering terms
    and the summary's concepts were tuned with (replacing it with STOP_WORDS would move every tuned
    threshold). Loaded on first use, so reading text does not import scikit-learn."""
    if name == "GENERAL_STOP_WORDS":
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        globals()[name] = frozenset(ENGLISH_STOP_WORDS)
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
