"""Outlet names from a URL's domain and from agency cues in the first lines."""

from __future__ import annotations

import pytest

from newsprism.ingest.outlets import agency_cue, credit_cue, name_from_url, outlet_cue


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


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "The vote passed.\n\nPublished with permission of The Valley Ledger Foundation.",
            "The Valley Ledger Foundation",
        ),
        (
            "The vote passed.\nThis article originally appeared in Harbor Weekly, a sister title.",
            "Harbor Weekly",
        ),
        (
            "The vote passed.\n© 2023 Northgate Media Group, Inc. All rights reserved.",
            "Northgate Media Group",
        ),
        (
            "The vote passed.\nCopyright 2021 Coastline Press. All rights reserved.",
            "Coastline Press",
        ),
        ("The vote passed.\nWrite to Jo Roe at jo.roe@harbor-daily.com.", "Harbor Daily"),
        ("WASHINGTON (AP) — The vote passed.\n© 2020 Coastline Press", "AP"),  # the dateline wins
    ],
)
def test_closing_credit_cues(text: str, cue: str) -> None:
    assert outlet_cue(text) == cue


@pytest.mark.parametrize(
    "text",
    [
        "The band said copyright law protects the song. It was released in 2019.",
        "She wanted permission of the court first.",  # no credit wording
        "Published with permission of the author.",  # not a name
        "Write to your senator today.",
    ],
)
def test_no_closing_credit(text: str) -> None:
    assert credit_cue(text) is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Text.\nAn edited version first appeared in the Oct. 3 issue of Delta Monthly.", None),
        ("Text.\nThis story first appeared in the Oct. 3 issue of Delta Monthly.", "Delta Monthly"),
        ("He fled. Image copyright Lens Agency Image caption Police came.", None),
        ("The study said so. J. Anat. 2:1–5, 2015. © 2015 Pellucid Journals, Inc.", None),
        ("Text.\n\nCopyright © 2012 Lens Agency. All rights reserved.", "Lens Agency"),
    ],
)
def test_credit_lines_that_name_no_publisher(text: str, cue: str | None) -> None:
    assert credit_cue(text) == cue
