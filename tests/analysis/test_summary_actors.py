"""Who made the central thing: named in the summary when two independent outlets say so."""

from __future__ import annotations

from newsprism.analysis.summary_actors import _clause
from newsprism.model import Article, Brief, Entity, Story
from newsprism.pipeline import BriefConfig, Pipeline

STAGES = (
    "sentences", "sources", "boilerplate", "embed", "align", "names", "entities", "timeline",
    "quotes", "discrepancies", "summary",
)  # fmt: skip
WORDS = 35  # the lead and one more sentence: the maker does not get in by itself
LEAD = (
    "More than 400 dock workers in Port Selby signed a petition asking the harbour board to resign."
)
TEXTS = {
    "Coast Herald": (
        f"{LEAD} The board raised berth fees by a third in March. "
        "Retired pilots, two ferry captains and a former customs officer also signed the petition, "
        "which was organised by Seaboard Labor Council, a small residents' group founded after a storm."
    ),
    "Selby Gazette": (
        f"{LEAD} Berth fees rose by a third in March, the board confirmed. "
        "The list of signatures, which grew through the winter in cafes along the quay and in two "
        "churches, is kept and updated by the nonprofit Seaboard Labor Council."
    ),
    "Evening Tide": (
        f"{LEAD} The board said the fees had not changed since 2009. "
        "Board chair Nils Aaberg said the board would meet the workers on Friday."
    ),
}


def run(texts: dict[str, str]) -> Brief:
    articles = [Article.create(text, outlet=name) for name, text in texts.items()]
    return Pipeline(STAGES).run(Story.from_articles(articles), BriefConfig(words=WORDS))


def test_maker_named_by_two_outlets_enters_the_summary() -> None:
    brief = run(TEXTS)
    made = [s for s in brief.summary if "Seaboard Labor Council" in s.text]
    assert len(made) == 1
    assert made[0].text.endswith("by Seaboard Labor Council.")
    assert set(made[0].outlets) == {"Coast Herald", "Selby Gazette"}
    assert sum(len(s.text.split()) for s in brief.summary) <= WORDS


def test_maker_named_by_one_outlet_only_is_not_added() -> None:
    texts = dict(TEXTS)
    texts["Selby Gazette"] = f"{LEAD} Berth fees rose by a third in March, the board confirmed."
    brief = run(texts)
    assert not any(s.text.endswith("by Seaboard Labor Council.") for s in brief.summary)


def test_only_a_name_after_by_can_be_the_agent() -> None:
    council = Entity(id="e1", name="Seaboard Labor Council", type="ORG")
    before = "Seaboard Labor Council said the petition was organised by dock workers."
    assert _clause(before, council) is None
    after = "The petition, which was organised by Seaboard Labor Council, grew fast."
    assert _clause(after, council) == "The petition was organised by Seaboard Labor Council."
