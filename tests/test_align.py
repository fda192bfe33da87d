"""Cross-article alignment: matches across articles only, and the big-story path loses nothing."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from newsprism import align as align_module
from newsprism.align import SAME_CONTENT, align, similar_pairs
from newsprism.model import Article, Story
from newsprism.pipeline import BriefConfig, Context, Pipeline

SHARED = "The river flooded the old mill district of Harwick on Tuesday night after heavy rain."


def split(texts: list[str]) -> list[Article]:
    articles = [Article.create(t, outlet=f"outlet{i}") for i, t in enumerate(texts)]
    Pipeline(("sentences",)).run(Story.from_articles(articles))
    return articles


def test_matches_are_across_articles_and_symmetric() -> None:
    articles = split(
        [
            f"{SHARED} Rescue teams moved forty families to the school gym.",
            f"Officials met on Wednesday. {SHARED}",
            "A bakery in another town won a prize for its rye bread.",
        ]
    )
    al = align(articles)
    first = [s.text for s in al.sentences].index(SHARED)
    second = [s.text for s in al.sentences].index(SHARED, first + 1)
    assert [j for j, _ in al.matches[first]] == [second]
    assert [j for j, _ in al.matches[second]] == [first]
    assert al.supporters(first) == [first, second]
    assert al.matches[first][0][1] == pytest.approx(1.0)
    assert al.vectors.shape[0] == len(al.sentences) == len(al.article_of)
    bakery = [s.text for s in al.sentences].index(
        "A bakery in another town won a prize for its rye bread."
    )
    assert al.matches[bakery] == []


def test_same_article_repeats_are_not_matches() -> None:
    al = align(split([f"{SHARED} {SHARED}"]))
    assert all(m == [] for m in al.matches)


def test_empty_input() -> None:
    al = align([])
    assert al.sentences == [] and al.matches == []


def test_stage_assigns_alignment() -> None:
    articles = split([SHARED, SHARED + " More follows here today."])
    story = Story.from_articles(articles)
    brief = Pipeline(("sentences", "align")).run(story)
    assert brief.stages[-1].name == "align" and brief.stages[-1].status == "ok"
    ctx = Context(brief=brief, config=BriefConfig(), values={"sentences": articles})
    align_module.align_stage(ctx)
    assert len(ctx.values["alignment"].sentences) == len(brief.sentence_index())


def _random_vectors(n: int, seed: int) -> sparse.csr_matrix:
    """TF-IDF rows over Zipf-distributed terms, with planted near-copies."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(n):
        terms = np.unique(rng.zipf(1.3, size=12) % 5000)
        rows.append(terms)
    for i in range(0, n - 1, 7):  # every 7th sentence gets a near copy
        rows[i + 1] = np.unique(np.concatenate([rows[i][:-1], rng.integers(0, 5000, 1)]))
    indptr = np.cumsum([0] + [len(r) for r in rows])
    m = sparse.csr_matrix((np.ones(indptr[-1]), np.concatenate(rows), indptr), shape=(n, 5000))
    in_rows = np.maximum(np.asarray(m.sum(axis=0)).ravel(), 1)
    m = sparse.csr_matrix(m @ sparse.diags(1 + np.log(n / in_rows)))  # TF-IDF weights, as in align
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1 / norms) @ m)


def _kept(
    rows: np.ndarray, cols: np.ndarray, sims: np.ndarray, threshold: float
) -> set[tuple[int, int]]:
    keep = (sims >= threshold) & (rows != cols)
    return set(zip(rows[keep].tolist(), cols[keep].tolist(), strict=True))


@pytest.mark.parametrize("threshold", [SAME_CONTENT, 0.3, 0.7])
def test_big_story_path_finds_exactly_the_same_pairs(
    monkeypatch: pytest.MonkeyPatch, threshold: float
) -> None:
    vectors = _random_vectors(1500, seed=3)
    exact = _kept(*similar_pairs(vectors, threshold), threshold)
    monkeypatch.setattr(align_module, "EXACT_LIMIT", 100)
    pruned = _kept(*similar_pairs(vectors, threshold), threshold)
    assert len(exact) > 50
    assert pruned == exact, "prefix filtering loses no pair at or above the threshold"


def test_hand_written_tfidf_matches_scikit_learn() -> None:
    """tfidf_vectors claims to compute TfidfVectorizer(ngram_range=(1, 2), stop_words='english',
    sublinear_tf=True): every sentence-by-sentence cosine (independent of column order) agrees."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsprism.align import tfidf_vectors

    texts = [
        "The mayor resigned on Monday after the audit report was published.",
        "After the audit report, the mayor resigned; the council met on Monday.",
        "Rain, rain and more rain: the river rose two metres overnight.",
        "Officials said the river rose overnight and schools would stay shut.",
        "A",
        "",
    ]
    ours = tfidf_vectors(texts)
    theirs = TfidfVectorizer(ngram_range=(1, 2), stop_words="english", sublinear_tf=True)
    reference = theirs.fit_transform(texts)
    assert np.allclose((ours @ ours.T).toarray(), (reference @ reference.T).toarray())
    assert ours.nnz == reference.nnz
    assert ours[4].nnz == 0 and ours[5].nnz == 0  # no terms: an empty row, not an error


def _copies_story() -> list[Article]:
    """Five articles that each reprint the shared sentence (one twice) among their own lines."""
    own = ["Rescue teams moved forty families.", "The mayor visited the gym at noon.",
           "Schools stay shut until Friday.", "A second storm is due next week.",
           "Insurers sent assessors to the mill."]  # fmt: skip
    texts = [f"{line} {SHARED}" for line in own]
    texts[2] = f"{SHARED} {own[2]} {SHARED}"
    return split(texts)


def test_copies_pair_with_every_copy_in_another_article() -> None:
    al = align(_copies_story())
    texts = [s.text for s in al.sentences]
    copies = [i for i, t in enumerate(texts) if t == SHARED]
    assert len(copies) == 6
    for i in copies:
        others = {j for j in copies if al.article_of[j] != al.article_of[i]}
        assert {j for j, _ in al.matches[i]} == others
        assert all(v == pytest.approx(1.0) for _, v in al.matches[i])


@pytest.mark.parametrize("limit", [align_module.EXACT_LIMIT, 3])
def test_copies_are_listed_as_the_pairwise_scan_lists_them(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """Merging copies before pairing keeps the order of equal matches the pairwise scan gave:
    later sentences first for all pairs; later then earlier ones for the pruned scan."""
    monkeypatch.setattr(align_module, "EXACT_LIMIT", limit)
    al = align(_copies_story())
    copies = [i for i, s in enumerate(al.sentences) if s.text == SHARED]
    others = [j for j in copies if al.article_of[j] != al.article_of[copies[0]]]
    listed = [j for j, _ in al.matches[copies[0]]]
    if limit == 3:
        assert listed == others  # only later ones: ascending
    else:
        assert listed == sorted(others, reverse=True)
    middle = copies[3]  # a copy in the fourth article: later copies, then earlier ones
    later = [j for j in copies if j > middle and al.article_of[j] != al.article_of[middle]]
    earlier = [j for j in copies if j < middle and al.article_of[j] != al.article_of[middle]]
    expected = later + earlier if limit == 3 else sorted(later + earlier, reverse=True)
    assert [j for j, _ in al.matches[middle]] == expected
