"""Articles built in code for the store tests: a few topics, each with its own vocabulary."""

from __future__ import annotations

import random
from datetime import date, timedelta

from newsprism.model import Article

TOPICS = {
    "bridge": "council bridge harbor vote construction mayor river traffic budget engineers",
    "storm": "storm rain flood coast evacuation winds power outage shelters forecasters",
    "election": "election ballots turnout candidate parliament coalition votes campaign polls",
    "vaccine": "vaccine trial doses patients regulator approval efficacy clinic health study",
    "strike": "strike union workers wages factory talks pickets employers contract shifts",
}
OUTLETS = ["Harbor Daily", "City Times", "Coast Post", "Metro Wire", "Valley News"]


def article(topic: str, n: int, day: int = 0, outlet: str | None = None) -> Article:
    """The n-th distinct article about ``topic``, dated ``day`` days after 1 March 2024."""
    rng = random.Random(f"{topic}-{n}")
    words = TOPICS[topic].split()
    sentences = [
        " ".join(rng.choice(words) for _ in range(12)).capitalize() + f" report {n}."
        for _ in range(6)
    ]
    return Article.create(
        " ".join(sentences),
        title=f"{topic.title()} update {n}",
        outlet=outlet or OUTLETS[n % len(OUTLETS)],
        date=date(2024, 3, 1) + timedelta(days=day),
        url=f"https://news.example/{topic}/{n}",
        source="generated",
    )


def stream(per_topic: int, days: int = 1) -> list[Article]:
    """Interleaved articles on every topic, in date order."""
    return [
        article(topic, n, day=n * days // per_topic) for n in range(per_topic) for topic in TOPICS
    ]
