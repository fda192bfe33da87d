"""What an agreed item must say to be read on its own (analysis/agreed_check.says_too_little)."""

from __future__ import annotations

import pytest

from newsprism.analysis.agreed_check import says_too_little


@pytest.mark.parametrize(
    "text",
    [
        "The three were shot dead outside the depot.",
        "On Monday, the two were arrested in Dorset.",
        "Both were charged with arson on Friday.",
        "Each was fined 500 pounds.",
        "The pair were found in a flooded car.",
        "The 12 were freed after nine days.",
    ],
)
def test_an_item_pointing_at_no_one_is_refused(text: str) -> None:
    assert says_too_little(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The three suspects were shot dead outside the depot on Monday.",
        "Both of the engineers were charged with arson on Friday.",
        "Mara Quill was born in Leeds in 1961.",
        "The hikers were last seen near the north ridge on Sunday.",
        "The senator resigned abruptly.",
        "The mayor resigned.",
        "Both men were charged.",
        "2019 was the wettest year on record for the county.",
        "The council voted 7-2 to close the bridge.",
    ],
)
def test_a_full_informative_sentence_passes(text: str) -> None:
    assert says_too_little(text) is None
