"""The news-tuned splitter: real abbreviations hold, ordinary words before a period do not."""

from __future__ import annotations

import pytest

from newsprism.text.split import news_tokenizer, paragraphs, split_sentences, split_text


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("She pressed on her chest. His effort failed.", 2),
        ("They knew whom they had found. Mountaineer Ann Roe spoke.", 2),
        ("The U.S. Senate voted on Tuesday. The bill goes to the House.", 2),
        ("Mr. Alvarez arrived on Jan. 5 with Gov. Hanley. He left.", 2),
        ('The mayor called the plan "reckless." Council members disagreed.', 2),
        ("Sen. Ortiz (D-Calif.) opposed the bill. Sen. Brandt backed it.", 2),
        ("According to Lt. Col. Dane Wu, the base is secure. Patrols continue.", 2),
        ("Shares fell 3.5 percent to $12.40 in New York. Analysts expected less.", 2),
        ("It was reported by the Las Vegas Sun. Officials declined to comment.", 2),
    ],
)
def test_boundaries_in_news_prose(paragraph: str, expected: int) -> None:
    assert len(split_sentences(paragraph)) == expected


def test_quote_stays_with_its_sentence() -> None:
    first, second = split_sentences('He said, "We are ready." The talks resume Friday.')
    assert first.endswith('ready."')
    assert second.startswith("The talks")


def test_common_words_are_not_abbreviations() -> None:
    known = news_tokenizer().abbreviations
    assert {"chest", "found", "day", "so"}.isdisjoint(known)
    assert {"mr", "u.s", "gov", "calif", "jan", "lt"} <= known


def test_paragraphs_blank_lines_and_soft_wraps() -> None:
    assert paragraphs("One line\nwrapped.\n\nSecond para.") == ["One line wrapped.", "Second para."]
    assert paragraphs("First.\nSecond.\nThird.") == ["First.", "Second.", "Third."]


def test_split_text_numbers_paragraphs() -> None:
    pieces = split_text("A first one. A second one.\n\nA third one.")
    assert pieces == [(0, "A first one."), (0, "A second one."), (1, "A third one.")]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The bill was backed by Reps. Ana Lutz and Omar Field. It passed.", 2),
        ("Sens. Ida Korr and Bo Lind objected. The vote was delayed.", 2),
        ("She said: “Mr. Tamm has resigned.” The board met later.", 2),
        ("“Dr. Hale will lead the review,” the office said. It starts today.", 2),
    ],
)
def test_titles_keep_their_name(paragraph: str, expected: int) -> None:
    pieces = split_sentences(paragraph)
    assert len(pieces) == expected
    assert not any(
        p.rstrip(".").lstrip("“").lower() in {"mr", "dr", "reps", "sens"} for p in pieces
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("VELDA BAY, June 9 (Northwire) - The council voted.", "The council voted."),
        ("OSTRAVIA (Coastal Press) — Ferries stopped.", "Ferries stopped."),
        ("KELLING — Ferries stopped.", "Ferries stopped."),
        ("The FBI - as usual - declined.", "The FBI - as usual - declined."),
        ("EU - UK talks - resumed.", "EU - UK talks - resumed."),
    ],
)
def test_datelines_are_stripped(sentence: str, expected: str) -> None:
    assert split_text(sentence) == [(0, expected)]


def test_soft_wraps_are_joined_in_linear_time() -> None:
    """A paragraph with a long run of spaces and no line break: the old pattern backtracked over
    the run at every position (seconds at 40,000 spaces); wraps still become one space."""
    import time

    from newsprism.text.split import paragraphs

    start = time.perf_counter()
    assert paragraphs("one" + " " * 200_000 + "two \n \t three four") == [
        "one" + " " * 200_000 + "two three four"
    ]
    assert time.perf_counter() - start < 1.0
