"""Reference tokens and n-gram alignment of degraded words to punctuated siblings."""

from __future__ import annotations

from newsprism.text.siblings import align, reference_tokens, same_run, strip_text, words_of


def test_strip_text_removes_case_and_every_mark() -> None:
    assert strip_text('The mayor\'s 1,100 "votes" — counted.') == "the mayor s 1 100 votes counted"
    assert words_of("Don't stop") == ["don", "t", "stop"]


def test_reference_tokens_keep_surface_punctuation_and_starts() -> None:
    tokens = reference_tokens('It cost $1,100. "Too much," she said.')
    assert [t.low for t in tokens] == ["it", "cost", "1", "100", "too", "much", "she", "said"]
    assert [t.sentence_start for t in tokens] == [True, False, False, False, True] + [False] * 3
    assert tokens[1].after == " $"
    assert tokens[2].after == ","
    assert tokens[3].after == "."
    assert tokens[4].lead == '"'
    assert tokens[5].after == '," '
    assert tokens[4].surface == "Too"


def test_align_maps_shared_runs_and_leaves_the_rest() -> None:
    refs = [reference_tokens("The old bridge over the river was closed in March. Nobody knew.")]
    words = words_of("yesterday the old bridge over the river was closed again")
    anchors = align(words, refs)
    assert anchors[0] is None
    assert [a.pos if a else None for a in anchors[1:9]] == list(range(8))
    assert anchors[9] is None
    assert same_run(anchors[1], anchors[2])
    assert not same_run(anchors[8], anchors[9])


def test_short_common_runs_are_not_anchors() -> None:
    refs = [reference_tokens("Officials of the department met on Monday.")]
    anchors = align(words_of("critics of the department said"), refs)
    assert all(a is None for a in anchors)


def test_align_prefers_the_longest_run_across_references() -> None:
    refs = [
        reference_tokens("The council voted on the plan today."),
        reference_tokens("Critics said the council voted on the plan today without debate."),
    ]
    words = words_of("the council voted on the plan today without debate")
    anchors = align(words, refs)
    assert {a.ref for a in anchors if a} == {1}
