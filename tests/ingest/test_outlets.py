"""Outlet names from a URL's domain and from agency cues in the first lines."""

from __future__ import annotations

import pytest

from newsprism.ingest.outlets import agency_cue, name_from_url


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.example-news.com/2024/a.html", "Example News"),
        ("https://m.harbor-daily.co.uk/a", "Harbor Daily"),
        ("https://amp.HarborDaily.com/a", "Harbor Daily"),  # camel case in the host
        ("https://news.qxz.co.uk/1", "QXZ"),  # vowel-less: initials
        ("https://user@www.the-tribune.com.au:443/x", "The Tribune"),
        ("https://someone.blogspot.com/x", "Someone"),  # a private suffix is a suffix too
    ],
)
def test_domain_becomes_a_readable_name(url: str, name: str) -> None:
    assert name_from_url(url) == name


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/a", "not a url", "", "file:///tmp/a.txt"])
def test_no_name_without_a_domain(url: str) -> None:
    assert name_from_url(url) is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("WASHINGTON (AP) — The Senate voted on Monday.", "AP"),
        ("LONDON, March 5 (Reuters) - Shares fell on Tuesday.", "Reuters"),
        ("NORTH HAVEN, June 2 (Valley Wire) - The mayor resigned.", "Valley Wire"),
        ("By Jane Doe, Reuters\nThe market fell on Monday.", "Reuters"),
        ("Shares fell sharply on Monday — AFP\n\nMore text.", "AFP"),
    ],
)
def test_dateline_and_byline_cues(text: str, cue: str) -> None:
    assert agency_cue(text) == cue


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said (in a statement) that it was fine.",
        "Plain story with no cue at all. It goes on.",
        "A long opening line about the vote. " * 20 + "(Reuters)",  # past the first lines
    ],
)
def test_no_cue(text: str) -> None:
    assert agency_cue(text) is None
