"""The summary stage: citations of every supporter, budget, boilerplate, order and knobs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tests.expect import the

from newsprism.align import align
from newsprism.analysis.boilerplate import is_boilerplate
from newsprism.analysis.summary import (
    SummaryParams,
    build_pool,
    concept_lists,
    displayed,
    reading_order,
    select,
    summarize,
    voiced_pool,
)
from newsprism.api import brief as brief_from_paths
from newsprism.errors import NewsprismError
from newsprism.model import Article, Brief, Sentence, Story
from newsprism.pipeline import BriefConfig, Pipeline

STAGES = (
    "sentences", "sources", "boilerplate", "embed", "align", "names", "entities", "timeline",
    "quotes", "discrepancies", "summary",
)  # fmt: skip
SHARED = "The river flooded the old mill district of Harwick on Tuesday night after heavy rain."
TEXTS = {
    "Daily Ledger": (
        f"{SHARED} Rescue teams moved forty families to the school gym before dawn. "
        "Mayor Ines Calloway said the pumps failed when the power station went dark. "
        "Advertisement\n\nThe mill itself dates from 1840 and survived two earlier floods."
    ),
    "Morning Post": (
        f"{SHARED} Forty families spent the night in the school gym, rescue teams said. "
        "Photo by Karl Benn/Getty Images. "
        "Engineers will inspect the stone bridge over the river on Thursday morning."
    ),
    "Valley Times": (
        f"{SHARED} Mayor Ines Calloway blamed failed pumps and a dark power station. "
        '"We need a new levee before winter," she told reporters at the town hall.'
    ),
}


def run(words: int = 250, options: dict[str, Any] | None = None) -> Brief:
    articles = [Article.create(text, outlet=name) for name, text in TEXTS.items()]
    config = BriefConfig(words=words, options=options or {})
    return Pipeline(STAGES).run(Story.from_articles(articles), config)


def test_shared_sentence_cites_every_outlet() -> None:
    brief = run()
    index = brief.sentence_index()
    shared = [s for s in brief.summary if s.text == SHARED]
    assert len(shared) == 1, "the sentence all three outlets print appears once"
    cited = {index[c][0].outlet for c in shared[0].citations}
    assert cited == set(TEXTS)
    assert sorted(shared[0].outlets) == sorted(TEXTS)
    assert shared[0].source in shared[0].citations


def test_every_citation_exists_and_outlets_match() -> None:
    brief = run()
    index = brief.sentence_index()
    for sentence in brief.summary:
        assert sentence.citations and all(c in index for c in sentence.citations)
        assert sentence.outlets == brief.outlets_of(sentence.citations)
        assert index[sentence.source][1].text == sentence.text


def test_page_furniture_is_never_summarized() -> None:
    texts = [s.text for s in run().summary]
    assert not any("Getty" in t or "Advertisement" in t for t in texts)


def test_budget_is_respected() -> None:
    for words in (15, 30, 60):
        brief = run(words)
        assert brief.summary
        assert sum(len(s.text.split()) for s in brief.summary) <= words


def test_exact_selection_keeps_budget_and_citations() -> None:
    for words in (15, 30, 60):
        brief = run(words, {"summary": {"exact": 1}})
        index = brief.sentence_index()
        assert brief.summary
        assert sum(len(s.text.split()) for s in brief.summary) <= words
        assert all(c in index for s in brief.summary for c in s.citations)


def test_budget_below_every_sentence_still_gives_one() -> None:
    assert len(run(words=3).summary) == 1


def test_no_sentence_repeats_and_reading_order() -> None:
    brief = run(words=120)
    texts = [s.text for s in brief.summary]
    assert len(texts) == len(set(texts))
    assert texts[0] == SHARED, "lead material comes first"


def test_knobs_from_options() -> None:
    assert SummaryParams.from_options({"summary": {"quotes": "0.3"}}).quotes == 0.3
    assert SummaryParams.from_options({}) == SummaryParams()
    with pytest.raises(NewsprismError, match="unknown summary option"):
        SummaryParams.from_options({"summary": {"colour": 1}})
    with pytest.raises(NewsprismError, match="summary option"):
        SummaryParams.from_options({"summary": {"quotes": "lots"}})


def test_quote_knob_changes_selection() -> None:
    quiet = [s.text for s in run(30, {"summary": {"quotes": 0.0, "quotations": 1.0}}).summary]
    loud = [s.text for s in run(30, {"summary": {"quotes": 5.0, "quotations": 1.0}}).summary]
    assert any("levee" in t for t in loud) and not any("levee" in t for t in quiet)


def test_concepts_skip_stop_word_pairs() -> None:
    unigrams, pairs = concept_lists("The floods of the river")
    assert unigrams == ["flood", "river"]
    assert "of the" not in pairs and "flood of" in pairs


def test_select_fills_budget_without_overflow() -> None:
    articles = [Article.create(text, outlet=name) for name, text in TEXTS.items()]
    Pipeline(("sentences",)).run(Story.from_articles(articles))
    al = align(articles)
    pool = build_pool(al)
    chosen = select(pool, SummaryParams(), 40)
    assert sum(pool.words[k] for k in chosen) <= 40
    assert sorted(reading_order(pool, chosen)) == sorted(chosen)


def test_only_boilerplate_still_summarizes() -> None:
    article = Article.create("Advertisement. Photo: Reuters.", outlet="x")
    brief = Pipeline(STAGES).run(Story.from_articles([article]))
    assert brief.summary, "when every line looks like furniture, fall back to all lines"
    assert summarize(brief, align([]), 50) == []


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Advertisement", True),
        ("Sign up for our newsletter to get the top stories every morning.", True),
        ("Photo by Karl Benn/Getty Images.", True),
        ("FILE - In this May 2, 2016, file photo, the mayor speaks in the town hall.", True),
        ("Trump Says He Will Not Sign The Budget Bill Today", True),
        ("THE MAYOR SAID NOTHING AT ALL ABOUT THE FLOOD.", True),
        ("Rescue teams moved forty families to the school gym before dawn.", False),
        ('"We need a new levee before winter," she told reporters.', False),
    ],
)
def test_boilerplate_lines(line: str, furniture: bool) -> None:
    assert is_boilerplate(line) is furniture


@pytest.mark.slow  # the degraded article's repair dominates
def test_doj_letter_summary_cites_several_outlets(doj_dir: Path) -> None:
    brief = brief_from_paths(sorted(doj_dir.glob("*.txt")), words=150, stages=STAGES)
    assert 0 < sum(len(s.text.split()) for s in brief.summary) <= 150
    assert any(len(s.outlets) >= 3 for s in brief.summary), "a fact most outlets report"
    labels = {a.label for a in brief.articles}
    assert all(set(s.outlets) <= labels for s in brief.summary)


@pytest.mark.slow  # the whole brief of the seed story
def test_doj_letter_summary_states_the_replacement_recommendation(doj_dir: Path) -> None:
    """Issue 9: quotations of the letter that outlets reprint whole no longer crowd out what
    happened (the cut of the recommended sentence)."""
    brief = brief_from_paths(sorted(doj_dir.glob("*.txt")), words=250, stages=STAGES)
    text = " ".join(s.text for s in brief.summary)
    assert "three to four years" in text
    assert sum(len(s.text.split()) for s in brief.summary) <= 250


def test_restored_sentence_gives_way_to_an_outlets_own_wording() -> None:
    restored = Sentence(id="r.0", index=0, text="The order was issued on monday", repaired=True)
    clean = Sentence(id="c.3", index=3, text="The order was issued on Monday.")
    fragment = Sentence(id="f.1", index=1, text="issued on Monday, the order")
    assert displayed([restored, fragment, clean]) is clean
    assert displayed([clean, restored]) is clean
    assert displayed([restored]) is restored


def test_supporters_stating_another_figure_are_not_cited() -> None:
    shared = (
        "The pipeline will stay shut for {} weeks while engineers replace the corroded section."
    )
    texts = {
        "Wire": shared.format("up to five") + " Residents queued for bottled water on Monday.",
        "Ledger": shared.format("three to five") + " Shares in the operator fell sharply.",
        "Radio": shared.format("up to five") + " The mayor thanked volunteers at the depot.",
    }
    articles = [Article.create(text, outlet=name) for name, text in texts.items()]
    brief = Pipeline(STAGES).run(Story.from_articles(articles), BriefConfig(words=60))
    item = the(brief.summary, "a summary sentence on 'stay shut'", lambda s: "stay shut" in s.text)
    index = brief.sentence_index()
    cited_outlets = {index[c][0].outlet for c in item.citations}
    if "three to five" in item.text:
        assert cited_outlets == {"Ledger"}
    else:
        assert cited_outlets == {"Wire", "Radio"}


def test_learned_furniture_is_not_a_candidate() -> None:
    articles = [Article.create(text, outlet=name) for name, text in TEXTS.items()]
    Pipeline(("sentences",)).run(Story.from_articles(articles))
    al = align(articles)
    first = al.sentences[0]
    assert 0 in build_pool(al).index
    assert 0 not in build_pool(al, furniture={first.id}).index


def _quoting_pool() -> Any:
    articles = [Article.create(text, outlet=name) for name, text in TEXTS.items()]
    Pipeline(("sentences",)).run(Story.from_articles(articles))
    pool = build_pool(align(articles))
    pool.quotation = np.ones(len(pool), dtype=bool)  # as if every candidate were a quotation
    return pool


def test_quotations_get_only_their_share_of_the_budget() -> None:
    pool = _quoting_pool()
    words = int(pool.words.sum())
    for share in (0.3, 0.6):
        chosen = select(pool, SummaryParams(quotations=share), words)
        assert sum(pool.words[k] for k in chosen) <= share * words
    whole = select(pool, SummaryParams(quotations=1.0), words)
    pool.quotation = None
    assert whole == select(pool, SummaryParams(), words)  # a full share is no limit
    assert sum(pool.words[k] for k in whole) > 0.3 * words


def test_one_reprinted_statement_fills_only_its_quota() -> None:
    pool = _quoting_pool()
    pool.reprint = np.ones(len(pool), dtype=bool)  # as if all were one reprinted document's words
    words = int(pool.words.sum())
    assert len(select(pool, SummaryParams(quotations=1.0, per_statement=1), words)) == 1
    assert len(select(pool, SummaryParams(quotations=1.0, per_statement=2), words)) == 2
    assert len(select(pool, SummaryParams(quotations=1.0, per_statement=0), words)) > 2


LETTER = (
    "The residents' association published its letter to the water board on Friday. "
    "It reads in full:\n\n"
    "We have waited three years for the pipes to be replaced. "
    "The board has broken every promise it made to the families of Osterby.\n\n"
    "The board did not answer questions on Saturday."
)
QUOTING = (
    "The residents' association wrote to the water board on Friday about the old pipes. "
    '"The board has broken every promise it made to the families of Osterby," the letter says. '
    "Repairs were first promised in the spring budget."
)


def test_quotations_of_a_reprinted_letter_are_marked() -> None:
    articles = [
        Article.create(LETTER, outlet="Osterby Post"),
        Article.create(QUOTING, outlet="Valley Wire"),
    ]
    stages = (
        "sentences",
        "sources",
        "boilerplate",
        "embed",
        "align",
        "names",
        "entities",
        "timeline",
        "quotes",
    )
    brief = Pipeline(stages).run(Story.from_articles(articles))
    al = align(articles)
    pool, _, _ = voiced_pool(brief, al, SummaryParams(), brief.quotes)
    texts = [al.sentences[int(i)].text for i in pool.index]
    assert pool.reprint is not None
    marked = {t for t, r in zip(texts, pool.reprint, strict=True) if r}
    assert any("the letter says" in t for t in marked)
    assert not any("spring budget" in t or "did not answer" in t for t in marked)


def test_a_quotation_the_outlet_attributes_does_not_draw_on_the_quotations_share() -> None:
    reported = '"The pumps were never tested," Mayor Ines Calloway said.'
    bare = '"The pumps were never tested before the storm came."'
    articles = [
        Article.create(f"{SHARED} {reported}", outlet="Daily Ledger"),
        Article.create(f"{SHARED} Crews worked through the night. {bare}", outlet="Radio"),
    ]
    brief = Pipeline(("sentences",)).run(Story.from_articles(articles))
    al = align(articles)
    pool, _, _ = voiced_pool(brief, al, SummaryParams(), [])
    assert pool.quotation is not None
    marked = {
        al.sentences[int(i)].text for i, q in zip(pool.index, pool.quotation, strict=True) if q
    }
    assert reported not in marked  # the outlet's own reporting of who said it
    assert bare in marked  # someone's words with nothing of the outlet's
