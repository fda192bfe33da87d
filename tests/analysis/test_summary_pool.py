"""The summary's candidate pool: articles off the story are no candidates."""

from __future__ import annotations

from newsprism.align import Alignment, align
from newsprism.analysis.summary_pool import build_pool, off_story
from newsprism.model import Article, Story
from newsprism.pipeline import Pipeline

EVENT = [
    "The Kessel dam on the Arno river burst on Monday, flooding the valley town of Brill.",
    "Engineers said the Kessel dam had shown cracks for months before the Arno flood.",
    "Residents of Brill said the Arno river rose a metre an hour after the Kessel dam gave way.",
]
NOTICES = [
    "Since 2004 the library has copied public web pages into its archive. Copies join the "
    "collection every night after a short delay.",
    "These copies help readers find pages that moved. The archive keeps each copy in the "
    "collection for later study.",
]


def _alignment(texts: list[str]) -> Alignment:
    articles = [Article.create(text, outlet=f"Outlet {k}") for k, text in enumerate(texts)]
    Pipeline(("sentences",)).run(Story.from_articles(articles))
    return align(articles)


def test_notices_sharing_words_only_with_each_other_are_off_the_story() -> None:
    al = _alignment(EVENT + NOTICES)
    assert off_story(al, [0, 1, 2, 3, 4]) == {3, 4}
    assert off_story(al, [0, 1, 2, 3, 3]) == {3, 4}  # a notice printed twice counts once


def test_every_article_of_one_event_stays() -> None:
    assert off_story(_alignment(EVENT), [0, 1, 2]) == set()
    assert off_story(_alignment(EVENT[:2] + NOTICES[:1]), [0, 1, 2]) == {2}
    # one long report beside two notices: most of the text is the report, nothing is dropped
    assert off_story(_alignment([" ".join(EVENT), *NOTICES]), [0, 1, 2]) == set()


def test_a_snippet_cut_off_at_an_ellipsis_is_no_candidate() -> None:
    cut = EVENT[1][: EVENT[1].index(" before")] + " before..."
    al = _alignment([EVENT[0], "The town council met on Tuesday. " + cut, EVENT[2]])
    texts = [al.sentences[int(i)].text for i in build_pool(al).index]
    assert "The town council met on Tuesday." in texts
    assert not any(t.endswith("...") for t in texts)
