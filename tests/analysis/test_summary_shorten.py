"""Shortened candidates: each cut, and every kind of text a cut must leave alone."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.align import align
from newsprism.analysis.summary import SummaryParams
from newsprism.analysis.summary_pool import build_pool, with_variants
from newsprism.analysis.summary_shorten import CUTS, cut_names, shorten
from newsprism.errors import NewsprismError
from newsprism.model import Article, Story
from newsprism.pipeline import BriefConfig, Pipeline

ALL = frozenset(CUTS)


@pytest.mark.parametrize(
    ("cut", "text", "short"),
    [
        (
            "parenthetical",
            "The mayor (pictured) said the dam held.",
            "The mayor said the dam held.",
        ),
        ("parenthetical", "The dam held [sic] on Monday.", "The dam held on Monday."),
        (
            "relative",
            "The Kessel dam, which engineers inspected last spring, burst on Monday.",
            "The Kessel dam burst on Monday.",
        ),
        (
            "relative",
            "The engineers met Ada Vrell, who runs the pumping station.",
            "The engineers met Ada Vrell.",
        ),
        (
            "appositive",
            "Ada Vrell, the town's chief engineer, inspected the dam on Monday.",
            "Ada Vrell inspected the dam on Monday.",
        ),
        ("connective", "However, the dam held.", "The dam held."),
        ("connective", "But the river rose on Monday.", "The river rose on Monday."),
    ],
)
def test_each_cut_alone(cut: str, text: str, short: str) -> None:
    assert shorten(text, frozenset([cut])) == short
    others = ALL - {cut}
    assert shorten(text, others) == text  # only that cut makes this change


def test_a_closing_comma_goes_only_after_a_subject() -> None:
    text = "After the flood, which lasted a week, the council met."
    assert shorten(text, ALL) == "After the flood, the council met."
    text = (
        "The singer had been in Harwick, where the band performed over the weekend as part of "
        "the tour, featuring other acts."
    )
    assert shorten(text, ALL) == "The singer had been in Harwick, featuring other acts."
    text = "The crew of Ada Vrell, the town's engineer, met on Monday."
    assert shorten(text, ALL) == "The crew of Ada Vrell met on Monday."


@pytest.mark.parametrize(
    "text",
    [
        '"The dam, which we built, will hold," the mayor said.',  # inside a quotation
        '"The dam (built in the spring) held," the mayor said.',
        "Ada Vrell, who said the dam was safe, resigned on Monday.",  # an attribution
        "The dam, which had not been inspected, burst on Monday.",  # a negation
        "The dam, which holds 40 million litres, burst on Monday.",  # a figure
        "The mill, which survived two floods, burned on Monday.",  # a figure in words
        "The dam (40 metres high) burst on Monday.",
        "His deputy, Ada Vrell, inspected the dam on Monday.",  # the person's name
        "The dam, which was designed by Ada Vrell, burst on Monday.",
        "The mill won prizes for its bread (Ada Vrell) and its beer.",
        "The families who lost their homes slept in the school gym.",  # restrictive
        "A dam on the river, which burst.",  # no whole sentence would be left
    ],
)
def test_never_cut(text: str) -> None:
    assert shorten(text, ALL) == text


def test_a_connective_before_a_name_written_in_lower_case_stays() -> None:
    assert shorten("But eBay said the sale would go ahead.", ALL) == (
        "But eBay said the sale would go ahead."
    )


def test_unknown_cuts_are_refused() -> None:
    assert cut_names("appositive, relative") == {"appositive", "relative"}
    assert cut_names("") == frozenset()
    with pytest.raises(NewsprismError):
        cut_names("adjectives")
    with pytest.raises(NewsprismError):
        SummaryParams.from_options({"summary": {"shorten": "appositive everything"}})
    assert (
        SummaryParams.from_options({"summary": {"shorten": "appositive"}}).shorten == "appositive"
    )


EVENT = [
    "Ada Vrell, the town's chief engineer, inspected the Kessel dam on the Arno river on Monday.",
    "Engineers inspected the Kessel dam on the Arno river on Monday after the storm.",
]


def test_a_variant_restates_its_original_and_carries_only_the_shown_concepts() -> None:
    articles = [Article.create(text, outlet=f"Outlet {k}") for k, text in enumerate(EVENT)]
    Pipeline(("sentences",)).run(Story.from_articles(articles))
    al = align(articles)
    pool = build_pool(al)
    k = next(k for k, i in enumerate(pool.index) if al.sentences[int(i)].text == EVENT[0])
    short = "Ada Vrell inspected the Kessel dam on the Arno river on Monday."
    grown, new = with_variants(pool, {k: short})
    (v,) = new
    assert new[v] == short and len(grown) == len(pool) + 1
    assert grown.words[v] == len(short.split()) < grown.words[k]
    assert grown.index[v] == grown.index[k] and grown.article[v] == grown.article[k]
    same = set(grown.same.indices[grown.same.indptr[v] : grown.same.indptr[v + 1]])
    assert (
        k in same and set(pool.same.indices[pool.same.indptr[k] : pool.same.indptr[k + 1]]) <= same
    )
    assert grown.unigrams[v].sum() < grown.unigrams[k].sum()
    assert np.all(grown.unigrams[v].toarray() <= grown.unigrams[k].toarray())


STAGES = (
    "sentences", "sources", "boilerplate", "embed", "align", "names", "entities", "timeline",
    "quotes", "discrepancies", "summary",
)  # fmt: skip
REPORTS = {
    "Daily Ledger": (
        "The river flooded the old mill district of Harwick on Tuesday night after heavy rain. "
        "Ada Vrell, the town's chief engineer, said the pumps failed when the power went out."
    ),
    "Morning Post": (
        "The river flooded the old mill district of Harwick on Tuesday night after heavy rain. "
        "Forty families spent the night in the school gym."
    ),
}


def _summary(options: dict[str, object]) -> list[tuple[str, list[str]]]:
    articles = [Article.create(text, outlet=name) for name, text in REPORTS.items()]
    config = BriefConfig(words=250, options={"summary": options})
    brief = Pipeline(STAGES).run(Story.from_articles(articles), config)
    return [(s.text, s.citations) for s in brief.summary]


def test_the_summary_shows_the_shorter_variant_with_the_same_citations() -> None:
    plain = _summary({})
    short = _summary({"shorten": "appositive"})
    long_text = (
        "Ada Vrell, the town's chief engineer, said the pumps failed when the power went out."
    )
    assert long_text in [text for text, _ in plain]
    cited = dict(plain)[long_text]
    assert ("Ada Vrell said the pumps failed when the power went out.", cited) in short
    assert long_text not in [text for text, _ in short]
