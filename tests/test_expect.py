"""The test oracles themselves: figures read as a person reads them."""

from __future__ import annotations

import pytest
from tests.expect import named_as_agent, stated_numbers, the


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("more than 1,100", {(1100.0, 1100.0)}),
        ("$4.2 million", {(4_200_000.0, 4_200_000.0)}),
        ("three to five weeks", {(3.0, 5.0)}),
        ("7-9 years", {(7.0, 9.0)}),
        ("up to nine years, not 12", {(9.0, 9.0), (12.0, 12.0)}),
        ("Saturday", set()),
    ],
)
def test_stated_numbers(text: str, numbers: set[tuple[float, float]]) -> None:
    assert stated_numbers(text) == numbers


def test_the_names_what_is_missing() -> None:
    assert the([1, 2, 3], "an even number", lambda n: n % 2 == 0) == 2
    with pytest.raises(AssertionError, match="missing: a negative number; there were 3"):
        the([1, 2, 3], "a negative number", lambda n: n < 0)


def test_named_as_agent_counts_texts_with_by_before_the_name() -> None:
    texts = [
        "The petition, which was organised by Civic Watch, drew crowds.",
        "the list is kept by the nonprofit civic watch and updated daily",
        "Civic Watch said nothing, and the list was kept by volunteers.",
    ]
    assert named_as_agent("Civic Watch", texts) == 2
    assert named_as_agent("Civic Watch", ["run by many eager young civic watch groups"]) == 0
