"""Timeline built from stories written in code: resolution, upcoming, merging across outlets."""

from __future__ import annotations

from datetime import date

from tests.expect import groups_linked

from newsprism.model import Article, Brief, Story, TimelineEvent
from newsprism.pipeline import Pipeline

STAGES = ("sentences", "sources", "align", "names", "timeline")


def _brief(texts: dict[str, str], day: date | None = None) -> Brief:
    articles = [Article.create(text, outlet=name, date=day) for name, text in texts.items()]
    return Pipeline(STAGES).run(Story.from_articles(articles))


def _event(brief: Brief, word: str) -> TimelineEvent:
    found = [e for e in brief.timeline if word in e.text]
    assert len(found) == 1, [e.text for e in brief.timeline]
    return found[0]


def test_a_weekday_resolves_against_the_article_date() -> None:
    brief = _brief({"A": "The council published its report on Sunday."}, date(2021, 3, 10))
    event = _event(brief, "report")
    assert (event.date, event.resolved, event.date_text) == (date(2021, 3, 7), True, "Sunday")
    assert event.basis == "article" and not event.upcoming


def test_without_any_date_a_weekday_stays_as_text() -> None:
    event = _event(_brief({"A": "The council published its report on Sunday."}), "report")
    assert (event.date, event.resolved, event.date_text) == (None, False, "Sunday")


def test_an_article_without_a_date_uses_the_other_articles_dates() -> None:
    articles = [
        Article.create("The mayor resigned on Monday after the vote.", outlet="A"),
        Article.create("Rain closed the harbour for a day.", outlet="B", date=date(2021, 3, 10)),
    ]
    brief = Pipeline(STAGES).run(Story.from_articles(articles))
    event = _event(brief, "mayor")
    assert (event.date, event.basis) == (date(2021, 3, 8), "story")


def test_scheduled_events_are_upcoming_and_resolve_forward() -> None:
    brief = _brief(
        {"A": "The governor is scheduled to testify before the committee on April 2."},
        date(2021, 3, 10),
    )
    event = _event(brief, "testify")
    assert event.upcoming and event.date == date(2021, 4, 2)


def test_durations_are_not_events() -> None:
    brief = _brief({"A": "He faces a sentence of three to four years."}, date(2021, 3, 10))
    assert brief.timeline == []


def test_the_same_event_told_by_two_outlets_is_one_entry_citing_both() -> None:
    brief = _brief(
        {
            "A": "The bridge over the river collapsed on Tuesday, injuring nine workers.",
            "B": "Nine workers were injured when the river bridge collapsed on Tuesday.",
        },
        date(2021, 3, 10),
    )
    event = _event(brief, "collapsed")
    assert event.outlets == ["A", "B"] and len(event.citations) == 2
    assert event.date == date(2021, 3, 9)


def test_events_are_in_date_order_and_hours_after_follows_its_article() -> None:
    brief = _brief(
        {
            "A": (
                "The factory opened in 1998. "
                "The fire started in the storage hall on Friday. "
                "Hours after the alarm, crews reached the roof."
            )
        },
        date(2021, 3, 10),
    )
    texts = [e.text for e in brief.timeline]
    assert texts[0].startswith("The factory") and texts[1].startswith("The fire")
    assert texts[2].startswith("Hours after") and not brief.timeline[2].resolved


def test_clock_times_order_the_events_of_one_day() -> None:
    brief = _brief(
        {
            "A": (
                "The alarm sounded at 9:15 p.m. on Friday. "
                "Smoke was first seen at 8:40 p.m. on Friday, a neighbour said."
            )
        },
        date(2021, 3, 10),
    )
    texts = [e.text for e in brief.timeline]
    assert texts[0].startswith("Smoke") and texts[1].startswith("The alarm")
    assert all(e.date == date(2021, 3, 5) for e in brief.timeline)


def test_undated_weekdays_read_in_week_order_and_plans_come_last() -> None:
    brief = _brief(
        {
            "A": (
                "Crews cleared the roads on Wednesday. "
                "The storm reached the coast on Monday. "
                "The governor is scheduled to visit the town on Friday. "
                "Forecasters warned residents on Sunday."
            )
        }
    )
    order = [e.date_text for e in brief.timeline]
    assert order == ["Sunday", "Monday", "Wednesday", "Friday"]
    assert [e.upcoming for e in brief.timeline] == [False, False, False, True]
    assert not any(e.resolved for e in brief.timeline)


def test_a_time_frame_is_kept_as_text() -> None:
    brief = _brief({"A": "In just one week, three ministers resigned over the affair."})
    (event,) = brief.timeline
    assert (event.date_text, event.resolved) == ("In just one week", False)


def test_outlets_giving_one_event_different_days_make_one_entry_and_a_conflict() -> None:
    from newsprism.align import align
    from newsprism.analysis.mentions import tag_sentences
    from newsprism.analysis.timeline import build_timeline

    brief = _brief(
        {
            "A": "The bridge over the river collapsed on Tuesday, injuring nine workers.",
            "B": "The bridge over the river collapsed on Monday, injuring nine workers.",
        },
        date(2021, 3, 10),
    )
    events, conflicts = build_timeline(
        brief.articles, tag_sentences(brief.articles), align(brief.articles)
    )
    (event,) = events
    assert event.outlets == ["A", "B"] and event.note and "B says Monday" in event.note
    (conflict,) = conflicts
    assert conflict["kind"] == "date"
    assert {v["value"] for v in conflict["values"]} == {"2021-03-09", "2021-03-08"}


def test_undated_weekdays_fall_in_the_week_of_a_dated_day_with_its_weekday_named() -> None:
    brief = _brief(
        {
            "A": (
                "The storm reached the coast on Saturday. "
                "Crews cleared the roads on Sunday. "
                "The mayor posted an update on March 13, 2016."
            ),
            "B": "Volunteers handed out water on Monday.",
        }
    )
    order = [e.date_text for e in brief.timeline]
    assert order == ["Saturday", "March 13, 2016", "Sunday", "Monday"]  # March 13, 2016: a Sunday


def test_a_dated_day_whose_weekday_is_not_named_stays_background() -> None:
    brief = _brief(
        {"A": "The law was passed on March 3, 2015. On Wednesday the court struck the law down."}
    )
    assert [e.date_text for e in brief.timeline] == ["March 3, 2015", "Wednesday"]


def test_a_weekday_just_before_a_dated_day_falls_in_its_week() -> None:
    brief = _brief(
        {
            "A": "The storm reached the coast on Saturday. The mayor posted an update on March 13, 2016."
        }
    )
    assert [e.date_text for e in brief.timeline] == ["Saturday", "March 13, 2016"]


def test_events_group_exactly_as_comparing_every_pair_would() -> None:
    """Blocking by stated time and shared stems finds the same groups as testing all pairs."""
    import random

    from scipy.sparse import csr_matrix

    from newsprism.align import Alignment
    from newsprism.analysis.dates import DateRef
    from newsprism.analysis.timeline import Candidate, _same_event, group_events
    from newsprism.model import Sentence

    rng = random.Random(7)
    days = [date(2024, 3, d) for d in (1, 2, 3)] + [None]
    found = []
    for n in range(120):
        day = rng.choice(days)
        words = rng.choice(["hours after", "days later", "on Monday"]) if day is None else "then"
        ref = DateRef(words, day, rng.choice(["day", "week"]), None)
        stems = frozenset(rng.sample(["fire", "vote", "court", "storm", "march", "deal"], 2))
        sentence = Sentence(id=f"a{n % 9}.{n}", index=n, text=words)
        found.append(Candidate(n % 9, sentence, ref, False, stems if n % 11 else frozenset()))
    sentences = [c.sentence for c in found]
    matches = [[(rng.randrange(120), 0.9)] if k % 5 == 0 else [] for k in range(120)]
    articles = [c.article for c in found]
    alignment = Alignment(sentences, articles, csr_matrix((len(found), 1)), matches)
    aligned = {(sentences[i].id, sentences[j].id) for i, m in enumerate(matches) for j, _ in m}
    expected = groups_linked(len(found), lambda i, j: _same_event(found[i], found[j], aligned))
    position = {id(c): k for k, c in enumerate(found)}
    got = [[position[id(c)] for c in group] for group in group_events(found, alignment)]
    assert got == expected
    assert any(len(g) > 2 for g in got)
