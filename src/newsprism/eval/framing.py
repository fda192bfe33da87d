"""Score the framing section against BASIL's phrase-level bias annotations (Fan et al., 2019).

Each event (the same story from three outlets) is briefed with the default pipeline, without the
annotated stances. The outlet-voice loaded terms are scored against the annotated lexical-bias
spans outside quotations: a predicted span counts when it overlaps an annotated one, an annotated
span is found when a prediction overlaps it (span P/R/F1), overall and per outlet, and per
sentence (a sentence with a bias span or not: macro-F1, the measure MBIB reports). The score
threshold is chosen by cross-validation over events (tuned on the other folds, scored on the
held-out one); a plain lexicon match over all the text is the baseline, scored alike.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.analysis.framing_lexicon import pattern_tone
from newsprism.analysis.framing_text import _TOKEN, lookup, own_voice, quoted_ranges
from newsprism.errors import NewsprismError
from newsprism.model import Article, Brief, BriefConfig, Story
from newsprism.pipeline import DEFAULT_PIPELINE, Pipeline

FOLDS = 5
GRID = [round(0.05 * k, 2) for k in range(0, 17)]
Span = tuple[int, int]


@dataclass
class ArticleResult:
    """One article's gold spans and scored predictions, in offsets of its text."""

    outlet: str
    stance: str
    gold: list[Span]
    sentences: list[Span]
    predicted: list[tuple[float, Span]]  # (score, span), own voice only
    baseline: list[Span]
    words: int
    tone_toward: dict[str, float]
    feeling: dict[str, str]
    pattern_toward: dict[str, float] = field(default_factory=dict)
    voice: list[tuple[bool, bool]] = field(default_factory=list)  # (annotated quoted, ours)
    tone_overall: float = 0.0
    opinion_share: float = 0.0


@dataclass
class EventResult:
    event: str
    seconds: float
    articles: list[ArticleResult] = field(default_factory=list)


def load_events(path: Path) -> dict[str, list[dict[str, Any]]]:
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise NewsprismError(
                            "input-format", source=f"{path}:{number}", detail=exc.msg
                        ) from exc
                    events[row["event"]].append(row)
    except OSError as exc:
        raise NewsprismError("input-unreadable", source=str(path), detail=exc.strerror) from exc
    return events


def _offsets(article: Article) -> dict[str, int]:
    """Where each sentence starts in the article text (sentences are verbatim, in order)."""
    out, pos = {}, 0
    for s in article.sentences:
        found = article.text.find(s.text, pos)
        if found >= 0:
            out[s.id] = found
            pos = found + len(s.text)
    return out


def baseline_spans(text: str) -> list[Span]:
    """Every word the lexicons know, anywhere in the text: no voice, no distinctiveness."""
    return [m.span() for m in _TOKEN.finditer(text) if lookup(m.group(0)) is not None]


def _feelings(row: dict[str, Any]) -> dict[str, str]:
    prefix = "author_feeling_"
    return {
        k[len(prefix) :].replace("_", " "): v
        for k, v in (row.get("article") or {}).items()
        if k.startswith(prefix) and k != "author_feeling_main_event" and v in ("pos", "neu", "neg")
    }


def brief_event(rows: list[dict[str, Any]], pipeline: Pipeline) -> tuple[Brief, float]:
    articles = [
        Article.create(r["text"], outlet=r["outlet"], title=r.get("title") or None) for r in rows
    ]
    config = BriefConfig(options={"framing": {"min_score": 0.0, "max_terms": 100_000}})
    start = time.perf_counter()
    brief = pipeline.run(Story.from_articles(articles), config)
    return brief, time.perf_counter() - start


def score_event(event: str, rows: list[dict[str, Any]], pipeline: Pipeline) -> EventResult:
    brief, seconds = brief_event(rows, pipeline)
    result = EventResult(event, seconds)
    framing = brief.framing
    by_outlet = {o.outlet: o for o in framing.outlets} if framing else {}
    for row, article in zip(rows, brief.articles, strict=True):
        starts = _offsets(article)
        mine = by_outlet.get(article.label)
        predicted = [
            (t.score, (starts[t.sentence_id] + t.start, starts[t.sentence_id] + t.end))
            for t in (mine.loaded_terms if mine else [])
            if not t.quoted and t.sentence_id in starts
        ]
        gold = [
            (a["text_start"], a["text_end"])
            for a in row["annotations"]
            if a["bias"] == "lex" and a["quote"] == "no" and a["text_start"] is not None
        ]
        result.articles.append(
            ArticleResult(
                outlet=row["outlet"],
                stance=row["stance"],
                gold=gold,
                sentences=[tuple(s) for s in row["sentence_spans"]],
                predicted=predicted,
                baseline=baseline_spans(row["text"]),
                words=len(row["text"].split()),
                tone_toward=dict(mine.tone.toward) if mine else {},
                feeling=_feelings(row),
                pattern_toward=_pattern_toward(article, list(mine.tone.toward) if mine else []),
                voice=_voice(article, row["annotations"]),
                tone_overall=mine.tone.overall if mine else 0.0,
                opinion_share=mine.tone.opinion_share if mine else 0.0,
            )
        )
    return result


def _voice(article: Article, annotations: list[dict[str, Any]]) -> list[tuple[bool, bool]]:
    """For every annotated span: inside a quotation per the annotators, and per our quote finder."""
    starts = _offsets(article)
    inside: list[Span] = [
        (starts[sid] + lo, starts[sid] + hi)
        for sid, ranges in quoted_ranges(article).items()
        if sid in starts
        for lo, hi in ranges
    ]
    out = []
    for a in annotations:
        if a["text_start"] is None:
            continue
        middle = (a["text_start"] + a["text_end"]) // 2
        out.append((a["quote"] == "yes", any(lo <= middle < hi for lo, hi in inside)))
    return out


def _pattern_toward(article: Article, names: list[str]) -> dict[str, float]:
    """Tone toward each entity with Pattern's polarity instead of VADER, on the same sentences."""
    ranges = quoted_ranges(article)
    own = [own_voice(s, ranges.get(s.id, [])) for s in article.sentences]
    out = {}
    for name in names:
        last = re.compile(rf"\b{re.escape(name.split()[-1])}\b")
        tones = [pattern_tone(t) for t in own if len(t.split()) >= 3 and last.search(t)]
        if tones:
            out[name] = sum(tones) / len(tones)
    return out


def run_events(events: dict[str, list[dict[str, Any]]], limit: int | None = None
               ) -> Iterable[EventResult]:  # fmt: skip
    pipeline = Pipeline(DEFAULT_PIPELINE)
    for n, (event, rows) in enumerate(sorted(events.items())):
        if limit is not None and n >= limit:
            break
        yield score_event(event, rows, pipeline)
