"""The one word tokeniser: each option changes only what it names."""

from __future__ import annotations

import re

from newsprism.text.tokens import (
    FUNCTION_WORDS,
    GENERAL_STOP_WORDS,
    STOP_WORDS,
    word_pattern,
    word_tokens,
)

TEXT = "Mayor O’Neill's 2 aides don't_know: Zoë met 10 reporters at café Ünter."


def test_default_is_lowercase_letter_and_digit_runs() -> None:
    assert word_tokens("The U.S. sent 3,000 troops—again.") == [
        "the",
        "u",
        "s",
        "sent",
        "3",
        "000",
        "troops",
        "again",
    ]


def test_underscore_splits_words_by_default() -> None:
    assert word_tokens("snake_case") == ["snake", "case"]
    assert word_tokens("snake_case", underscore=True) == ["snake_case"]


def test_keep_case_keeps_the_letters_as_written() -> None:
    assert word_tokens("Zoë MET him", keep_case=True) == ["Zoë", "MET", "him"]


def test_letters_only_drops_digits_inside_and_between_words() -> None:
    assert word_tokens("covid19 in 2020 and G7", letters_only=True) == ["covid", "in", "and", "g"]


def test_ascii_only_splits_at_accented_letters() -> None:
    assert word_tokens("Zoë café", ascii_only=True) == ["zo", "caf"]
    assert word_tokens("Zoë café") == ["zoë", "café"]


def test_apostrophes_keep_one_inner_apostrophe_of_either_kind() -> None:
    assert word_tokens("don't O’Neill 'quoted'", apostrophes=True) == ["don't", "o’neill", "quoted"]
    assert word_tokens("don't", apostrophes=False) == ["don", "t"]


def test_min_length_matches_scikit_learn_token_pattern() -> None:
    sklearn_pattern = re.compile(r"(?u)\b\w\w+\b")  # TfidfVectorizer's default, the oracle
    assert word_tokens(TEXT, underscore=True, min_length=2) == sklearn_pattern.findall(TEXT.lower())


def test_pattern_variants_are_compiled_once() -> None:
    assert word_pattern(apostrophes=True) is word_pattern(apostrophes=True)
    assert word_pattern() is not word_pattern(letters_only=True)


def test_stop_lists_nest_and_keep_news_content_words() -> None:
    assert FUNCTION_WORDS <= STOP_WORDS
    assert {"the", "of", "said"} <= STOP_WORDS
    assert not {"former", "fire", "bill"} & STOP_WORDS  # sklearn's list drops these
    assert {"former", "fire", "bill"} <= GENERAL_STOP_WORDS
