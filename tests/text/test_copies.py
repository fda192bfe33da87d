"""The one definition of a syndicated copy: shingles and containment, on texts built here."""

from __future__ import annotations

from newsprism.cluster.config import ClusterConfig
from newsprism.text.copies import (
    STREAM_JACCARD,
    STREAM_SHINGLE,
    is_copy,
    shingle_hashes,
    story_shingles,
)
from newsprism.text.tokens import word_tokens

WIRE = word_tokens(
    "the council voted on tuesday to close the old bridge for repairs until next spring"
)


def test_a_reprint_inside_a_longer_article_is_a_copy() -> None:
    longer = ["local", "paper", "reports", *WIRE, "residents", "were", "not", "asked"]
    assert is_copy(story_shingles(WIRE), story_shingles(longer))


def test_a_different_text_on_the_same_event_is_not_a_copy() -> None:
    other = word_tokens(
        "repairs will close the old bridge until spring after a vote by the council"
    )
    assert not is_copy(story_shingles(WIRE), story_shingles(other))


def test_containment_threshold_is_inclusive_and_empty_sets_never_copy() -> None:
    a, b = {1, 2, 3, 4, 5}, {1, 2, 3, 4, 9, 10}
    assert is_copy(a, b, threshold=0.8)  # 4 of the shorter's 5 inside the other
    assert not is_copy(a, b, threshold=0.81)
    assert not is_copy(set(), b)


def test_a_text_shorter_than_a_shingle_is_one_shingle() -> None:
    assert len(story_shingles(["breaking", "news"])) == 1
    assert len(story_shingles(WIRE, size=5)) == len(WIRE) - 4


def test_stream_settings_are_the_cluster_defaults_and_shingles_keep_word_order() -> None:
    assert (ClusterConfig().shingle_size, ClusterConfig().dedup_threshold) == (
        STREAM_SHINGLE,
        STREAM_JACCARD,
    )
    assert set(shingle_hashes([1, 2, 3], 3)) != set(shingle_hashes([3, 2, 1], 3))
