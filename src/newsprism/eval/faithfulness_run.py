"""Run the faithfulness checker over datasets: folders of articles, the sample, JSONL story sets.

A folder (or file) is one story. A JSONL file of story records (``documents``, optional
``doc_meta`` with each document's outlet, ``headline``) gives one story per record; the first
``limit`` records are briefed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.api import brief_story, load_articles
from newsprism.errors import NewsprismError
from newsprism.eval.faithfulness import CATEGORIES, Finding, check_brief, counts
from newsprism.ingest.base import decode, make_article
from newsprism.ingest.jsonl import articles_from_record, iter_records
from newsprism.model import Article, Story
from newsprism.samples import sample_paths

SAMPLE = "sample"


@dataclass
class DatasetResult:
    name: str
    stories: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    findings: list[dict[str, Any]] = field(default_factory=list)

    def add(self, story: str, found: list[Finding]) -> None:
        self.stories += 1
        for category, n in counts(found).items():
            self.counts[category] += n
        self.findings += [{"story": story, **f.__dict__} for f in found]


def record_articles(record: dict[str, Any], source: str) -> list[Article]:
    """A story record's articles, each with its outlet and title from ``doc_meta`` when given."""
    articles = articles_from_record(record, source)
    meta = record.get("doc_meta")
    if not isinstance(meta, list) or len(meta) != len(articles):
        return articles
    out = []
    for article, info in zip(articles, meta, strict=True):
        if isinstance(info, dict) and not article.outlet:
            article = make_article(
                article.text,
                article.source,
                outlet=info.get("outlet"),
                title=info.get("title") or article.title,
                url=info.get("url") or article.url,
            )
        out.append(article)
    return out


def stories(source: str, limit: int) -> Iterator[tuple[str, Story]]:
    """(story name, story) for a dataset: 'sample', a folder or file, or a JSONL of stories."""
    if source == SAMPLE:
        articles, _ = load_articles(sample_paths())
        yield SAMPLE, Story.from_articles(articles)
        return
    path = Path(source)
    if path.suffix == ".jsonl" and _is_story_set(path):
        yield from _jsonl_stories(path, limit)
        return
    articles, _ = load_articles([path])
    if not articles:
        raise NewsprismError("no-articles")
    yield path.name, Story.from_articles(articles)


def _is_story_set(path: Path) -> bool:
    with path.open(encoding="utf-8") as f:
        first = f.readline()
    try:
        return isinstance(json.loads(first).get("documents"), list | str)
    except (json.JSONDecodeError, AttributeError):
        return False


def _jsonl_stories(path: Path, limit: int) -> Iterator[tuple[str, Story]]:
    text = decode(path.read_bytes(), str(path))
    for count, (location, record) in enumerate(iter_records(text, path.name)):
        if count >= limit:
            return
        if isinstance(record, NewsprismError):
            raise record
        articles = record_articles(record, location)
        title = record.get("headline") or record.get("title")
        yield str(record.get("id") or location), Story.from_articles(articles, title=title)


def run(
    sources: list[str],
    limit: int = 50,
    words: int = 250,
    progress: Callable[[str], None] | None = None,
) -> list[DatasetResult]:
    """Brief every story of every source and count the checker's findings per dataset."""
    results = []
    for source in sources:
        result = DatasetResult(Path(source).name if source != SAMPLE else SAMPLE)
        for name, story in stories(source, limit):
            if progress:
                progress(f"{result.name}: {name}")
            brief = brief_story(story, words=words, semantic=False)
            result.add(name, check_brief(brief))
        results.append(result)
    return results


def table(results: list[DatasetResult]) -> str:
    """Counts per category (rows) and dataset (columns), as Markdown."""
    head = "| category | " + " | ".join(f"{r.name} ({r.stories})" for r in results) + " |"
    rule = "|---|" + "---:|" * len(results)
    rows = [f"| {c} | " + " | ".join(str(r.counts[c]) for r in results) + " |" for c in CATEGORIES]
    return "\n".join([head, rule, *rows])
