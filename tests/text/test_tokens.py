"""The one word tokeniser: each option changes only what it names."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_contraction_tail_lets_only_letters_follow_the_apostrophe() -> None:
    text = "It's 5'10 and don’t"
    assert word_tokens(text, apostrophes=True) == ["it's", "5'10", "and", "don’t"]
    assert word_tokens(text, apostrophes=True, contraction_tail=True) == [
        "it's",
        "5",
        "10",
        "and",
        "don’t",
    ]


# The inline patterns voice, support and unique used before they called word_tokens (the oracles).
_FORMER = [
    (
        lambda t: re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", t.lower().replace("’", "'")),
        lambda t: word_tokens(
            t.replace("’", "'"), ascii_only=True, apostrophes=True, contraction_tail=True
        ),
    ),
    (lambda t: re.findall(r"[a-z]+", t.lower()), lambda t: word_tokens(t, **_ASCII_LETTERS)),
    (lambda t: re.findall(r"[^\W_]+", t.lower()), word_tokens),
    (lambda t: re.findall(r"\w+", t.lower()), lambda t: word_tokens(t, underscore=True)),
]
_ASCII_LETTERS = {"ascii_only": True, "letters_only": True}
_TRICKY = st.sampled_from(list("aZé9_'’ .-İKß\u0130\u212a0Ω"))


@settings(max_examples=300, deadline=None)
@given(st.text(_TRICKY, max_size=30) | st.text(max_size=30))
def test_former_inline_splitters_are_reproduced_exactly(text: str) -> None:
    for former, now in _FORMER:
        assert now(text) == former(text), text


def test_ascii_text_gives_the_words_the_unicode_classes_give() -> None:
    """ASCII-only text is matched with ASCII character classes (faster); every option must find
    exactly what the Unicode pattern finds. Oracle: the patterns written out, Unicode mode."""
    texts = [
        "Mr. O'Brien's 3rd-quarter plan_B costs $4,500 (5'10\") -- don't IT'S 2024a",
        "snake_case __init__ x1y2 9to5 A.B.C. tab\tnew\nline",
        "",
    ]
    oracles = {
        (): r"[^\W_]+",
        (("letters_only", True),): r"[^\W\d_]+",
        (("underscore", True),): r"\w+",
        (("apostrophes", True),): r"[^\W_]+(?:['’][^\W_]+)?",
        (("apostrophes", True), ("contraction_tail", True)): r"[^\W_]+(?:['’][^\W\d_]+)?",
    }
    for text in texts:
        assert text.isascii()
        for options, oracle in oracles.items():
            expected = re.findall(oracle, text.lower())
            assert word_tokens(text, **dict(options)) == expected, (text, options)
        assert word_tokens(text, keep_case=True) == re.findall(r"[^\W_]+", text)


def test_non_ascii_text_keeps_unicode_letters() -> None:
    assert word_tokens("Café naïve 1º déjà-vu “quoted”") == [
        "café",
        "naïve",
        "1º",
        "déjà",
        "vu",
        "quoted",
    ]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
@settings(max_examples=200, deadline=None)
def test_any_ascii_text_tokenises_as_with_unicode_classes(text: str) -> None:
    assert word_tokens(text) == re.findall(r"[^\W_]+", text.lower())
    letters = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
    assert word_tokens(text, letters_only=True, apostrophes=True) == letters
