"""`newsprism eval brief`: brief each answer-key folder and score it, per story and overall.

Overall scores are micro-averages (items found over items in all keys), so a story with many items
weighs more; the per-story rows show where the total comes from.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.api import brief
from newsprism.eval.brief_score import (
    Tally,
    score_agreed,
    score_discrepancies,
    score_quotes,
    score_unique,
)
from newsprism.eval.keys import Cited, load_key, map_articles
from newsprism.eval.players import player_tallies
from newsprism.model import Brief

COLUMNS = (
    ("disc", "discrepancy recall"),
    ("noise", "top-5 noise"),
    ("quotes", "shared-quote recall (every listed doc)"),
    ("quotes_exact", "shared-quote recall (exact doc set)"),
    ("unique", "unique recall"),
    ("agreed", "agreed-fact recall (paraphrase match)"),
    ("internal", "internal inconsistencies found (not in recall)"),
    ("entities", "key-entity recall"),
    ("merges", "merge errors (one entity for two key people) over key people"),
    ("splits", "split errors (one key person as two entities) over key people"),
    ("timeline", "timeline event recall"),
    ("order", "found timeline event pairs in the right order"),
)


@dataclass
class StoryScore:
    name: str
    tallies: dict[str, Tally]
    top: int
    noise: list[str]
    seconds: float
    semantic: bool
    notes: list[str] = field(default_factory=list)

    def rate(self, column: str) -> float | None:
        if column == "noise":
            return len(self.noise) / self.top if self.top else None
        return self.tallies[column].rate

    def cell(self, column: str) -> str:
        if column == "noise":
            return f"{len(self.noise)}/{self.top}"
        t = self.tallies[column]
        return f"{t.found}/{t.total}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "story": self.name,
            "seconds": round(self.seconds, 2),
            "semantic": self.semantic,
            "notes": self.notes,
            "noise": {"count": len(self.noise), "top": self.top, "items": self.noise},
            **{
                name: {"found": t.found, "total": t.total, "missed": t.missed}
                for name, t in self.tallies.items()
            },
        }


def score_story(folder: Path, semantic: bool | None = None) -> StoryScore:
    """Brief the key folder's articles and score the brief against its key."""
    key = load_key(folder)
    start = time.perf_counter()
    result: Brief = brief(key.files, semantic=semantic)
    seconds = time.perf_counter() - start
    mapping, notes = map_articles(key, result)
    cited = Cited(result, mapping)
    disc = score_discrepancies(key, result, cited)
    quotes, exact = score_quotes(key, result, cited)
    tallies = {
        "disc": disc["recall"],
        "quotes": quotes,
        "quotes_exact": exact,
        "unique": score_unique(key, result, cited),
        "agreed": score_agreed(key, result, cited),
        "internal": disc["internal"],
        **player_tallies(result, key.data),
    }
    semantic_used = bool(result.config and result.config.semantic)
    return StoryScore(key.name, tallies, disc["top"], disc["noise"], seconds, semantic_used, notes)


@dataclass
class BriefReport:
    stories: list[StoryScore]

    def overall(self, column: str) -> tuple[int, int]:
        if column == "noise":
            return sum(len(s.noise) for s in self.stories), sum(s.top for s in self.stories)
        found = sum(s.tallies[column].found for s in self.stories)
        return found, sum(s.tallies[column].total for s in self.stories)

    def table(self, only: tuple[str, ...] | None = None) -> str:
        """Markdown table: one row per story (found/total), then the overall rates; ``only``
        keeps those columns."""
        columns = [(c, label) for c, label in COLUMNS if only is None or c in only]
        head = ["story", *(c for c, _ in columns), "s"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for s in self.stories:
            cells = [s.name, *(s.cell(c) for c, _ in columns), f"{s.seconds:.1f}"]
            lines.append("| " + " | ".join(cells) + " |")
        overall = []
        for column, _ in columns:
            found, total = self.overall(column)
            overall.append(f"**{found / total:.2f}** ({found}/{total})" if total else "n/a")
        seconds = sum(s.seconds for s in self.stories)
        lines.append("| **overall** | " + " | ".join(overall) + f" | {seconds:.1f} |")
        legend = "; ".join(f"{c} = {label}" for c, label in columns)
        return "\n".join(lines) + "\n\n" + legend

    def as_dict(self) -> dict[str, Any]:
        overall = {}
        for column, label in COLUMNS:
            found, total = self.overall(column)
            overall[column] = {
                "label": label,
                "found": found,
                "total": total,
                "rate": round(found / total, 4) if total else None,
            }
        return {"overall": overall, "stories": [s.as_dict() for s in self.stories]}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.as_dict(), indent=2) + "\n", encoding="utf-8")


def evaluate(
    folders: Iterable[Path],
    semantic: bool | None = None,
    progress: Callable[[str], None] | None = None,
) -> BriefReport:
    stories = []
    for folder in folders:
        if progress:
            progress(folder.name)
        stories.append(score_story(folder, semantic))
    return BriefReport(stories)
