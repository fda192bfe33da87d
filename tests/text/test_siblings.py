"""Reference tokens and n-gram alignment of degraded words to punctuated siblings."""

from __future__ import annotations

from newsprism.text.siblings import align, bridge, reference_tokens, strip_text, words_of


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
    assert bridge(1, words, anchors, refs) == (0, 0)
    assert bridge(8, words, anchors, refs) is None


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


def test_bridge_joins_two_runs_where_one_reference_continues() -> None:
    refs = [
        reference_tokens("Police said the bridge over the river was closed on Monday."),
        reference_tokens("Below the river was closed, angering many drivers."),
    ]
    words = words_of("police said the bridge over the river was closed angering many drivers")
    anchors = align(words, refs)
    closed = words.index("closed")
    assert anchors[closed] is not None and anchors[closed].ref == 0
    assert anchors[closed + 1] is not None and anchors[closed + 1].ref == 1
    link = bridge(closed, words, anchors, refs)
    assert link is not None
    assert refs[link[0]][link[1]].after == ", "
