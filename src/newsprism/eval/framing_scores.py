"""Metrics for `newsprism eval framing`: span and sentence scores, the cross-validated threshold,
stance ordering, and the report table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from itertools import combinations
from typing import Any

from newsprism.analysis.framing import MAX_TERMS
from newsprism.eval.framing import FOLDS, GRID, ArticleResult, EventResult, Span

_STANCE_RANK = {"left": 0, "center": 1, "right": 2}
_FEELING = {"neg": -1, "neu": 0, "pos": 1}


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_counts(pred: list[Span], gold: list[Span]) -> tuple[int, int, int, int]:
    """(matched predictions, predictions, found gold spans, gold spans); overlap counts."""
    hit_pred = sum(any(_overlaps(p, g) for g in gold) for p in pred)
    hit_gold = sum(any(_overlaps(p, g) for p in pred) for g in gold)
    return hit_pred, len(pred), hit_gold, len(gold)


def prf(counts: list[tuple[int, int, int, int]]) -> dict[str, float]:
    hp, np_, hg, ng = (sum(c[i] for c in counts) for i in range(4))
    p = hp / np_ if np_ else 0.0
    r = hg / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "predicted": np_, "gold": ng}


def sentence_labels(art: ArticleResult, pred: list[Span]) -> list[tuple[bool, bool]]:
    """(gold has a bias span, a prediction falls in it) for each BASIL sentence."""
    return [
        (any(_overlaps(g, s) for g in art.gold), any(_overlaps(p, s) for p in pred))
        for s in art.sentences
        if s[1] > s[0]
    ]


def macro_f1(pairs: list[tuple[bool, bool]]) -> float:
    scores = []
    for positive in (True, False):
        tp = sum(g == positive and p == positive for g, p in pairs)
        fp = sum(g != positive and p == positive for g, p in pairs)
        fn = sum(g == positive and p != positive for g, p in pairs)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(sum(scores) / 2, 3)


def _kept(art: ArticleResult, threshold: float) -> list[Span]:
    """What the brief lists at this threshold: the best MAX_TERMS own-voice terms."""
    ranked = sorted((r for r in art.predicted if r[0] >= threshold), key=lambda r: -r[0])
    return [span for _, span in ranked[:MAX_TERMS]]


def score_at(events: list[EventResult], threshold: float) -> dict[str, Any]:
    arts = [a for e in events for a in e.articles]
    per_outlet: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
    for a in arts:
        per_outlet[a.outlet].append(span_counts(_kept(a, threshold), a.gold))
    overall = prf([c for rows in per_outlet.values() for c in rows])
    overall["sentence_macro_f1"] = macro_f1(
        [pair for a in arts for pair in sentence_labels(a, _kept(a, threshold))]
    )
    return {
        "threshold": threshold,
        "overall": overall,
        "per_outlet": {o: prf(rows) for o, rows in sorted(per_outlet.items())},
    }


def baseline(events: list[EventResult]) -> dict[str, Any]:
    arts = [a for e in events for a in e.articles]
    per_outlet: dict[str, list[tuple[int, int, int, int]]] = defaultdict(list)
    for a in arts:
        per_outlet[a.outlet].append(span_counts(a.baseline, a.gold))
    overall = prf([c for rows in per_outlet.values() for c in rows])
    overall["sentence_macro_f1"] = macro_f1(
        [pair for a in arts for pair in sentence_labels(a, a.baseline)]
    )
    nothing = macro_f1([pair for a in arts for pair in sentence_labels(a, [])])
    return {
        "overall": overall,
        "per_outlet": {o: prf(r) for o, r in sorted(per_outlet.items())},
        "sentence_macro_f1_flagging_nothing": nothing,
    }


def _best_threshold(events: list[EventResult], metric: str = "f1") -> float:
    return max(GRID, key=lambda t: (score_at(events, t)["overall"][metric], -t))


def cross_validated(
    events: list[EventResult], folds: int = FOLDS, metric: str = "f1"
) -> dict[str, Any]:
    """Threshold tuned for ``metric`` (span "f1" or "sentence_macro_f1") on the other folds,
    applied to each held-out fold; event i is in fold i mod ``folds``."""
    chosen = []
    held_out: list[tuple[int, int, int, int]] = []
    sentences: list[tuple[bool, bool]] = []
    for k in range(folds):
        train = [e for i, e in enumerate(events) if i % folds != k]
        test = [e for i, e in enumerate(events) if i % folds == k]
        if not train or not test:
            continue
        t = _best_threshold(train, metric)
        chosen.append(t)
        for a in (a for e in test for a in e.articles):
            held_out.append(span_counts(_kept(a, t), a.gold))
            sentences += sentence_labels(a, _kept(a, t))
    result = prf(held_out)
    result["sentence_macro_f1"] = macro_f1(sentences)
    return {"thresholds": chosen, "overall": result}


def _density(a: ArticleResult, threshold: float) -> float:
    return 100 * len(_kept(a, threshold)) / max(a.words, 1)


def stance_ordering(events: list[EventResult], threshold: float) -> dict[str, Any]:
    """How well loaded-term density and tone order the outlets against the annotations.

    * center vs side: within an event, is the center article less loaded than a left or right one?
    * tone toward an entity vs the annotated author feeling toward it (pos/neu/neg): for article
      pairs of one event whose annotated feelings differ, does our tone order them the same way?
    """
    center = _center_calmer(events, lambda a: _density(a, threshold))
    calm_tone = _center_calmer(events, lambda a: abs(a.tone_overall))
    calm_opinion = _center_calmer(events, lambda a: a.opinion_share)
    vader = _feeling_concordance(events, lambda a: a.tone_toward)
    pattern = _feeling_concordance(events, lambda a: a.pattern_toward)
    return {
        "center_less_loaded": _share(center),
        "center_less_extreme_tone": _share(calm_tone),
        "center_lower_opinion_share": _share(calm_opinion),
        "tone_matches_annotated_feeling": _share(vader),
        "pattern_tone_matches_annotated_feeling": _share(pattern),
    }


def _center_calmer(events: list[EventResult], measure: Callable[[ArticleResult], float]
                   ) -> list[int]:  # fmt: skip
    """[pairs where the center article measures lower than a left or right one, such pairs]."""
    pair = [0, 0]
    for e in events:
        for m in (a for a in e.articles if a.stance == "center"):
            for side in (a for a in e.articles if a.stance != "center"):
                pair[1] += 1
                pair[0] += measure(m) < measure(side)
    return pair


def _feeling_concordance(
    events: list[EventResult], tones: Callable[[ArticleResult], dict[str, float]]
) -> list[int]:
    """[agreeing pairs, pairs]: article pairs of one event whose annotated feeling toward an
    entity differs, ordered the same way by our tone toward it."""
    pair = [0, 0]
    for e in events:
        for a, b in combinations(e.articles, 2):
            ta, tb = tones(a), tones(b)
            for entity, fa in a.feeling.items():
                fb = b.feeling.get(entity)
                key = _entity_key(entity, ta, tb)
                if fb is None or fa == fb or key is None:
                    continue
                pair[1] += 1
                pair[0] += (ta[key] - tb[key]) * (_FEELING[fa] - _FEELING[fb]) > 0
    return pair


def _entity_key(entity: str, *tones: dict[str, float]) -> str | None:
    """Our entity name for an annotated one: same last word, present in both outlets' tones."""
    last = entity.split()[-1].lower()
    for name in tones[0]:
        if name.split()[-1].lower() == last and all(name in t for t in tones):
            return name
    return None


def _share(pair: list[int]) -> dict[str, float]:
    return {
        "agree": pair[0],
        "pairs": pair[1],
        "share": round(pair[0] / pair[1], 3) if pair[1] else 0.0,
    }


def per_outlet_profile(events: list[EventResult], threshold: float) -> dict[str, Any]:
    rows: dict[str, dict[str, Any]] = {}
    for outlet in sorted({a.outlet for e in events for a in e.articles}):
        arts = [a for e in events for a in e.articles if a.outlet == outlet]
        stances = {s: sum(a.stance == s for a in arts) for s in _STANCE_RANK}
        rows[outlet] = {
            "loaded_per_100_words": round(sum(_density(a, threshold) for a in arts) / len(arts), 3),
            "stances": stances,
        }
    return rows


def voice_agreement(events: list[EventResult]) -> dict[str, Any]:
    """How often our quote finder puts an annotated span in the same voice as the annotators."""
    pairs = [v for e in events for a in e.articles for v in a.voice]
    agree = sum(g == o for g, o in pairs)
    quoted = [o for g, o in pairs if g]
    ours = [g for g, o in pairs if o]
    return {
        "spans": len(pairs),
        "accuracy": round(agree / len(pairs), 3) if pairs else 0.0,
        "quoted_recall": round(sum(quoted) / len(quoted), 3) if quoted else 0.0,
        "quoted_precision": round(sum(ours) / len(ours), 3) if ours else 0.0,
    }
