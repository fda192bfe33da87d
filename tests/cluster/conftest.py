"""Small generated streams with known answers: stories, their days, and syndicated copies.

Each story has its own topic words (made-up names, places, terms) that its articles repeat among
filler drawn from a shared background vocabulary, the way coverage of one event shares names and
facts but not wording. Copies are an article with a few words edited and another outlet.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from newsprism.model import Article

SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "sun", "de", "pri", "gal", "nor", "bek", "ul"]
START = date(2024, 3, 1)


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


@dataclass
class Stream:
    articles: list[Article]
    gold: list[int]
    copies: dict[str, str] = field(default_factory=dict)  # copy id -> original id

    def label_of(self) -> dict[str, int]:
        return {a.id: g for a, g in zip(self.articles, self.gold, strict=True)}


def make_article(
    rng: random.Random, topic: list[str], background: list[str], day: date, outlet: str
) -> Article:
    sentences = []
    for _ in range(rng.randint(5, 8)):
        words = [
            rng.choice(topic) if rng.random() < 0.35 else rng.choice(background) for _ in range(12)
        ]
        sentences.append(" ".join(words).capitalize() + ".")
    title = " ".join(rng.choice(topic) for _ in range(4)).title()
    return Article.create(" ".join(sentences), title=title, outlet=outlet, date=day)


def edit(rng: random.Random, article: Article, outlet: str) -> Article:
    """A syndicated copy: same text with two words changed, under another outlet."""
    words = article.text.split()
    for _ in range(2):
        words[rng.randrange(len(words))] = "edited"
    return Article.create(" ".join(words), title=article.title, outlet=outlet, date=article.date)


def synthetic_stream(
    stories: int = 30,
    per_story: tuple[int, int] = (2, 6),
    days: int = 20,
    copy_rate: float = 0.15,
    seed: int = 0,
) -> Stream:
    rng = random.Random(seed)
    background = [word(rng, rng.randint(2, 3)) for _ in range(3000)]
    items: list[tuple[date, int, Article]] = []
    copies: dict[str, str] = {}
    for s in range(stories):
        topic = [word(rng, 4) for _ in range(10)]
        start = START + timedelta(days=rng.randrange(days))
        for i in range(rng.randint(*per_story)):
            day = start + timedelta(days=min(i // 3, 2))
            article = make_article(rng, topic, background, day, f"outlet{rng.randrange(50)}")
            items.append((day, s, article))
            if rng.random() < copy_rate:
                copy = edit(rng, article, f"outlet{rng.randrange(50)}")
                copies[copy.id] = article.id
                items.append((day, s, copy))
    order = sorted(range(len(items)), key=lambda i: (items[i][0], i))
    return Stream([items[i][2] for i in order], [items[i][1] for i in order], copies)


@pytest.fixture(scope="session")
def stream() -> Stream:
    return synthetic_stream()
