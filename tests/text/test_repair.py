"""Repair of stripped text: a fictional cluster built here, and the acceptance on the DOJ story."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsprism.api import brief
from newsprism.text.repair import balance_quotes, repair_degraded, without_quote_marks
from newsprism.text.siblings import strip_text, words_of
from newsprism.text.split import split_text

SHARED_SENTENCES = [
    "More than 2,400 residents of Lake Morrow have signed a petition asking Governor Helena "
    "Varga to reopen the Callow Bridge.",
    "The bridge was closed in March after inspectors found cracks in two of its steel supports.",
    '"We have waited long enough," said Tomas Reyes, who runs a bakery on the north shore.',
    "The governor's office said repairs would cost about $18 million.",
    "Engineers from the state transport agency will inspect the bridge again on Friday.",
]
OWN_SENTENCES = [
    "Commuters now drive forty minutes around the lake to reach the hospital.",
    "Local schools have moved the start of classes to nine o'clock.",
]
ORIGINAL = " ".join(SHARED_SENTENCES[:3] + OWN_SENTENCES + SHARED_SENTENCES[3:])
SIBLINGS = [
    " ".join(
        [
            "Residents are angry about the closure.",
            *SHARED_SENTENCES[:2],
            "Traffic on the ring road has doubled since then, police said.",
            SHARED_SENTENCES[2],
            "Varga visited the site on Wednesday and met with the families of workers.",
        ]
    ),
    " ".join(
        [
            "A second inspection is planned.",
            *SHARED_SENTENCES[3:],
            "Helena Varga has said she wants the crossing open before the winter.",
            "The Callow Bridge carries about 9,000 vehicles a day, according to the agency.",
            "Lake Morrow has about 15,000 residents.",
        ]
    ),
]


def _starts(sentences: list[str]) -> set[int]:
    starts, count = set(), 0
    for sentence in sentences:
        starts.add(count)
        count += len(words_of(sentence))
    return starts


@pytest.fixture(scope="module")
def repaired() -> list[str]:
    return repair_degraded(strip_text(ORIGINAL), SIBLINGS)


def test_words_are_kept_in_order(repaired: list[str]) -> None:
    assert words_of(" ".join(repaired)) == words_of(ORIGINAL)


def test_sentences_shared_with_siblings_come_back_verbatim(repaired: list[str]) -> None:
    """Verbatim but for quotation marks, which the degraded text does not carry."""
    for sentence in SHARED_SENTENCES:
        assert without_quote_marks(sentence) in repaired


def test_boundaries_match_the_original(repaired: list[str]) -> None:
    truth = _starts([s for _, s in split_text(ORIGINAL)])
    found = _starts(repaired)
    assert len(found & truth) / len(truth) >= 0.85
    assert len(found - truth) <= 1


def test_names_numbers_and_possessives_restored(repaired: list[str]) -> None:
    text = " ".join(repaired)
    for expected in ("Governor Helena Varga", "Lake Morrow", "Callow Bridge", "Tomas Reyes"):
        assert expected in text
    assert "2,400" in text
    assert "governor's office" in text


def test_every_sentence_starts_capitalised_and_ends_with_a_stop(repaired: list[str]) -> None:
    for sentence in repaired:
        assert sentence[0].isupper() or sentence[0] in '"“'
        assert re.search(r"[.!?][\"”’)]?$", sentence)


def test_repair_without_siblings_keeps_sentences_short_and_readable() -> None:
    stripped = strip_text(" ".join([ORIGINAL] * 3))
    sentences = repair_degraded(stripped, [])
    assert words_of(" ".join(sentences)) == stripped.split()
    assert len(sentences) >= 6
    assert max(len(s.split()) for s in sentences) <= 50
    assert all(s[0].isupper() and s.endswith(".") for s in sentences)


def test_contractions_and_digit_groups_without_siblings() -> None:
    text = "i m sure we don t know why the mayor s plan costs 1 200 dollars " * 4
    joined = " ".join(repair_degraded(text, []))
    assert "I'm sure" in joined
    assert "don't know" in joined
    assert "mayor's plan" in joined
    assert "1,200 dollars" in joined


def test_text_that_kept_its_case_keeps_it() -> None:
    text = strip_text(ORIGINAL.lower()).split()
    cased = " ".join(w.capitalize() if w in {"varga", "helena"} else w for w in text)
    joined = " ".join(repair_degraded(cased, []))
    assert "Helena Varga" in joined


def test_empty_text_gives_no_sentences() -> None:
    assert repair_degraded("", SIBLINGS) == []
    assert repair_degraded("  ... ", []) == []


def test_balance_quotes_drops_unpaired_marks() -> None:
    assert balance_quotes('He said "we will go.') == "He said we will go."
    assert balance_quotes('He said "we will go."') == 'He said "we will go."'
    assert balance_quotes("The vote (on Monday was close.") == "The vote on Monday was close."


def test_doj_acceptance(doj_dir: Path) -> None:
    result = brief(doj_dir, stages=("sentences",))
    degraded = [a for a in result.articles if a.degraded]
    assert [Path(a.source).name[:3] for a in degraded] == ["002"]
    sentences = degraded[0].sentences
    assert len(sentences) >= 15
    assert max(len(s.text.split()) for s in sentences) <= 60
    assert all(s.repaired and s.text.lstrip("\"“‘'(")[0].isupper() for s in sentences)
    text = " ".join(s.text for s in sentences)
    assert "William Barr" in text
    assert "Roger Stone" in text
    assert [s.id for s in sentences] == [f"{degraded[0].id}.{i}" for i in range(len(sentences))]


def test_marks_at_the_edge_of_shared_wording_are_kept() -> None:
    sibling = (
        'Prosecutors wrote that "the defendant showed no remorse at any point in the trial," '
        "according to the filing seen by reporters on Monday. " * 3
    )
    text = strip_text(
        'Prosecutors wrote that "the defendant showed no remorse at any point in the trial," '
        "the court papers said."
    )
    joined = " ".join(repair_degraded(text, [sibling]))
    assert "the defendant showed no remorse at any point in the trial, the court" in joined
    assert not set('"“”') & set(joined)  # repair never invents quotation marks


def test_repair_does_not_pin_one_speakers_words_on_another() -> None:
    sibling = (
        '"We will pay every cost of the work," chief executive Ada Brook said in a statement. '
        "The harbour inspectorate has opened an inquiry into the spill on Friday. " * 3
    )
    text = strip_text(
        "we will pay every cost of the work the harbour inspectorate has opened an inquiry"
        " into the spill"
    )
    joined = " ".join(repair_degraded(text, [sibling]))
    assert not set('"“”') & set(joined)
