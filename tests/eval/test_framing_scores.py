"""Scoring for `eval framing` on results built in code: spans, sentences, CV, orderings, voice."""

from __future__ import annotations

from newsprism.eval.framing import ArticleResult, EventResult
from newsprism.eval.framing_scores import (
    cross_validated,
    macro_f1,
    score_at,
    stance_ordering,
    voice_agreement,
)


def _article(
    stance: str, predicted: list[tuple[float, tuple[int, int]]], **kw: object
) -> ArticleResult:
    return ArticleResult(
        outlet=f"Outlet {stance}",
        stance=stance,
        gold=[(10, 15)],
        sentences=[(0, 20), (20, 40)],
        predicted=predicted,
        baseline=[],
        words=100,
        tone_toward={},
        feeling={},
        **kw,  # type: ignore[arg-type]
    )


def _event(n: int) -> EventResult:
    good = _article("center", [(0.9, (11, 13))])  # a confident hit
    noisy = _article("left", [(0.9, (11, 13)), (0.2, (25, 30)), (0.2, (31, 35))])
    return EventResult(event=f"e{n}", seconds=0.1, articles=[good, noisy])


def test_threshold_drops_weak_false_positives() -> None:
    events = [_event(n) for n in range(5)]
    assert score_at(events, 0.0)["overall"]["p"] == 0.5
    assert score_at(events, 0.5)["overall"]["p"] == 1.0
    assert score_at(events, 0.5)["overall"]["r"] == 1.0


def test_cross_validation_picks_the_threshold_on_other_folds() -> None:
    result = cross_validated([_event(n) for n in range(5)])
    assert all(0.2 < t <= 0.9 for t in result["thresholds"])
    assert result["overall"]["f1"] == 1.0


def test_macro_f1_of_flagging_nothing_is_half_the_negative_f1() -> None:
    pairs = [(False, False)] * 9 + [(True, False)]
    assert macro_f1(pairs) == round((2 * 9 / (2 * 9 + 1)) / 2, 3)


def test_center_with_fewer_terms_counts_as_calmer() -> None:
    order = stance_ordering([_event(0)], threshold=0.0)
    assert order["center_less_loaded"] == {"agree": 1, "pairs": 1, "share": 1.0}


def test_voice_agreement_counts_matching_voices() -> None:
    art = _article("center", [], voice=[(True, True), (False, False), (True, False)])
    result = voice_agreement([EventResult("e", 0.0, [art])])
    assert result["accuracy"] == round(2 / 3, 3) and result["quoted_recall"] == 0.5
