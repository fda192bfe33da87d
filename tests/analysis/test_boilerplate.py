"""The boilerplate stage: furniture judged by shape, position and what the cluster repeats."""

from __future__ import annotations

import pytest
from tests.analysis.helpers import make_brief

from newsprism.analysis.boilerplate import find_boilerplate, is_boilerplate, shape_score
from newsprism.analysis.sources import independent_sources

BODY = (
    "The council of Varnhem voted on Monday to close the old ferry pier for repairs. "
    "Engineers found rust in four of the pier's steel piles during an inspection in May. "
    "Ferry passengers will use a temporary landing at the north quay until spring. "
)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Contact Ilse Brand at 555-201-3344.", True),
        ("Follow her at example.com/ibrand or email ibrand@example.org.", True),
        ("(Ola Berg/Northern Wire)", True),
        ("Pier repairs | Map of the closures | Timetable", True),
        ("Share your pictures of the storm with us.", True),
        ("Call Gazette reporter Ola Berg at 555-201-3344 or email oberg@example.org.", True),
        ("Gazette reporter Ola Berg contributed to this report.", False),
        ("The ferry pier closed on Monday after engineers found rust.", False),
        ('"We had no choice," the council leader, Ilse Brand, told reporters.', False),
    ],
)
def test_shape(line: str, furniture: bool) -> None:
    assert (shape_score(line) >= 1.0) is furniture
    assert is_boilerplate(line) or not furniture


def test_a_credit_line_is_furniture_at_an_articles_tail() -> None:
    credit = "Gazette reporter Ola Berg contributed to this report."
    other = "Varnhem's ferry pier will shut for months while its rusted piles are replaced."
    brief = make_brief({"Gazette": BODY + credit, "Courier": other}, ("sentences",))
    ids = find_boilerplate(brief.articles, independent_sources(brief.articles).group_of)
    assert {s.text for s in brief.articles[0].sentences if s.id in ids} == {credit}


def test_repeated_tail_lines_are_learned_from_the_cluster() -> None:
    tail = "Read the full council report at the town hall."
    shared = "Engineers found rust in four of the pier's steel piles during an inspection in May."
    brief = make_brief(
        {
            "Gazette": BODY + "Passengers on the morning boats welcomed the decision. " + tail,
            "Courier": "Varnhem's ferry pier will shut for several months this winter. "
            + shared
            + " The council expects the work to cost more than the new landing. "
            + "Ferry crews will move to the north quay in the meantime. "
            + "Ticket prices will stay the same throughout the closure. "
            + tail,
        },
        ("sentences",),
    )
    ids = find_boilerplate(brief.articles, independent_sources(brief.articles).group_of)
    flagged = {s.text for a in brief.articles for s in a.sentences if s.id in ids}
    assert flagged == {tail}  # the shared body sentence is reporting, the shared tail is not


def test_a_caption_without_a_main_verb_at_the_head_is_furniture() -> None:
    brief = make_brief(
        {"Gazette": "Mayor Ilse Brand at the ferry pier in May. " + BODY}, ("sentences",)
    )
    ids = find_boilerplate(brief.articles, independent_sources(brief.articles).group_of)
    flagged = {s.text for s in brief.articles[0].sentences if s.id in ids}
    assert flagged == {"Mayor Ilse Brand at the ferry pier in May."}


def test_an_article_sharing_nothing_with_the_other_sources_is_off_topic() -> None:
    from newsprism.analysis.boilerplate import off_topic

    notice = (
        "Members log in here to manage saved preferences. Forgotten passwords can be reset "
        "from the account settings page at any moment."
    )
    texts = {
        "Gazette": BODY,
        "Courier": "Varnhem's council closed the ferry pier after engineers found rust in the "
        "steel piles. Passengers will use the north quay landing until spring.",
        "Portal": notice,
    }
    brief = make_brief(texts, ("sentences",))
    assert off_topic(brief.articles, [0, 1, 2]) == {2}
    pair = make_brief({"Gazette": BODY, "Portal": notice}, ("sentences",))
    assert off_topic(pair.articles, [0, 1]) == set()  # two sources: no telling which is off


def test_of_two_unrelated_sources_a_much_smaller_one_is_off_topic() -> None:
    from newsprism.analysis.boilerplate import off_topic

    report = BODY + (
        "The harbour office said the landing would open on Thursday. "
        "Cyclists may still cross the bridge beside the closed pier."
    )
    notice = "Forgotten passwords are reset from the settings page."
    pair = make_brief({"Gazette": report, "Portal": notice}, ("sentences",))
    assert off_topic(pair.articles, [0, 1]) == {1}
    swapped = make_brief({"Portal": notice, "Gazette": report}, ("sentences",))
    assert off_topic(swapped.articles, [0, 1]) == {0}


def test_off_topic_articles_found_among_many_however_far_apart() -> None:
    """Articles sharing almost no distinctive word with any other source are found wherever
    they sit; the check is the pairwise one (shared words over the smaller bag below 0.08)."""
    import random

    from newsprism.analysis.boilerplate import off_topic
    from newsprism.model import Article

    rng = random.Random(3)
    topic = "ferry pier harbour council engineers inspection repairs passengers quay timetable"
    letters = "bcdfghjklmnpqrstvwxz"
    texts = [
        f"{' '.join(rng.sample(topic.split(), 6))} {rng.choice(['Monday', 'Tuesday'])} report."
        for _ in range(40)
    ]
    noise = [
        " ".join("".join(rng.choice(letters) for _ in range(6)) + "ing" for _ in range(30)) + "."
        for _ in range(2)
    ]
    texts[5], texts[33] = noise
    articles = [Article.create(t, outlet=f"outlet{k}") for k, t in enumerate(texts)]
    assert off_topic(articles, list(range(len(articles)))) == {5, 33}
