"""Discrepancy recall on stories nobody tuned on: plant one disagreement, see if the brief finds it.

Each Multi-News story (the keyed dev stories left out) is searched for a figure that two
independent articles state in sentences sharing most of their words (the project's quantity
reader only FINDS candidates). One article's statement of it is then changed by a plain string
edit to another plausible value: a count +30-60%, an age 3-9 years off, a weekday or a day of the
month moved, a clock time two hours off, money / percent / duration / measure +45%. The perturbed
story goes through the normal brief pipeline. FOUND: one reported discrepancy has a side whose
value is the new figure citing the edited article and a side whose value is the original citing
an unedited article that states it. The unperturbed story's discrepancies are the false-alarm
baseline (`--show` prints them for reading).

    .venv/bin/python bench/disc_perturb.py [--limit 60] [--seed 7] [--per-story 2]
        [--out /tmp/disc_perturb.json] [--show-misses] [--show-baseline]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsprism.analysis.sources import independent_sources
from newsprism.api import brief_story
from newsprism.eval.faithfulness_run import record_articles
from newsprism.ingest.base import decode, make_article
from newsprism.ingest.jsonl import iter_records
from newsprism.model import Article, Brief, Story
from newsprism.text.quantities import Quantity, find_quantities
from newsprism.text.terms import STOP_WORDS, stem, words

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "multinews-val250.jsonl"
KEYS = ROOT.parent / "shared" / "eval" / "keys"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty"]  # fmt: skip
_AGE = re.compile(r"[A-Z][\w'’-]+,\s*$")  # 'Ana Ruiz, 34,': a bare number after a name
_PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_CLOCK = re.compile(r"(\d{1,2})(:\d\d)?")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass
class Plant:
    """One planted disagreement: which figure, where, and its old and new values."""

    story: str
    kind: str
    article: int  # the edited article
    witnesses: list[int]  # unedited articles stating the original in a matching sentence
    old_text: str
    new_text: str
    old_value: float | str
    new_value: float | str
    sentence: str


def figure_kind(sentence: str, q: Quantity) -> str | None:
    """The bench's own kind names; None for figures it does not perturb (years, ordinals)."""
    if q.kind == "count":
        if not q.noun and _AGE.search(sentence[: q.start]):
            return "age"
        return "count" if q.noun else None
    if q.kind == "date":
        return {"weekday": "weekday", "md": "month-day", "ymd": "month-day"}.get(q.unit)
    if q.kind in {"money", "percent", "duration", "time", "measure"}:
        return q.kind
    return None


def content(sentence: str) -> set[str]:
    return {stem(w) for w in words(sentence) if w not in STOP_WORDS and not w.isdigit()}


def same_statement(a: str, b: str) -> bool:
    """Two sentences that say the same thing: most content words shared."""
    wa, wb = content(a), content(b)
    shared = len(wa & wb)
    return shared >= 4 and shared / max(1, min(len(wa), len(wb))) >= 0.5


def _scaled(value: float, rng: random.Random, low: float = 1.3, high: float = 1.6) -> float:
    return value * rng.uniform(low, high)


def _number_text(old: str, value: float) -> str:
    """Write ``value`` the way ``old`` was written (commas, decimals)."""
    decimals = len(old.split(".")[1]) if "." in old else 0
    text = f"{value:,.{decimals}f}" if "," in old else f"{value:.{decimals}f}"
    return text


def _ordinal(day: int) -> str:
    if 10 < day % 100 < 14:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def new_figure(kind: str, q: Quantity, rng: random.Random) -> tuple[str, str, float | str] | None:
    """(old span, new span, new value) for a plain string edit of the figure, or None."""
    text = q.text
    if kind == "weekday":
        day = WEEKDAYS.index(text.lower())
        name = WEEKDAYS[(day + rng.choice([2, 3, 4, 5])) % 7]
        return text, name.capitalize() if text[0].isupper() else name, name
    if kind == "month-day":
        m = re.search(r"(\d{1,2})(st|nd|rd|th)?\b", text)
        if not m:
            return None
        day = int(m.group(1))
        new_day = day + rng.choice([3, 4, 5, 6, 7, 8, 9]) * (1 if day <= 14 else -1)
        suffix = _ordinal(new_day) if m.group(2) else ""
        return m.group(0), f"{new_day}{suffix}", float(new_day)
    if kind == "time":
        m = _CLOCK.search(text)
        if not m:
            return None
        hour = int(m.group(1))
        new_hour = hour + 2 if hour <= 9 else hour - 3
        return m.group(0), f"{new_hour}{m.group(2) or ''}", float(new_hour)
    m = _PLAIN_NUMBER.search(text)
    word = next((w for w in NUMBER_WORDS if re.match(rf"{w}\b", text, re.IGNORECASE)), None)
    if m is None and word is None:
        return None
    old_span = m.group(0) if m else text[: len(word or "")]
    old = float(old_span.replace(",", "")) if m else float(NUMBER_WORDS.index(word or ""))
    if kind == "age":
        new = old + rng.choice([-9, -7, -5, -3, 3, 5, 7, 9])
        new = new if new >= 16 else old + 5
    elif kind == "count":
        new = max(old + 1, round(_scaled(old, rng)))
    elif kind == "percent" and old > 60:
        new = old * 0.6
    else:
        new = _scaled(old, rng)
    if not m or "." not in old_span:
        new = float(round(new))
    if new == old:
        return None
    if m:
        new_span = _number_text(old_span, new)
    else:
        new_span = NUMBER_WORDS[int(new)] if new < len(NUMBER_WORDS) else str(int(new))
        new_span = new_span.capitalize() if old_span[0].isupper() else new_span
    return old_span, new_span, new


def _span_number(span: str) -> float:
    if span.lower() in NUMBER_WORDS:
        return float(NUMBER_WORDS.index(span.lower()))
    return float(span.replace(",", ""))


def sentences_of(article: Article) -> list[str]:
    return [s.text for s in article.sentences if s.text in article.text]


def candidates(story: str, brief: Brief, rng: random.Random) -> list[Plant]:
    """Every figure two independent articles state in matching sentences, one plant each."""
    groups = independent_sources(brief.articles).group_of
    found: dict[tuple[Any, ...], list[tuple[int, str, Quantity, str]]] = defaultdict(list)
    for k, article in enumerate(brief.articles):
        for text in sentences_of(article):
            for q in find_quantities(text):
                kind = figure_kind(text, q)
                if kind:
                    found[(q.key, q.noun.lower(), kind)].append((k, text, q, kind))
    plants = []
    for (key, _, kind), mentions in found.items():
        for k, text, q, _ in mentions:
            witnesses = sorted({
                j for j, other, _, _ in mentions
                if groups[j] != groups[k] and same_statement(text, other)
            })  # fmt: skip
            if not witnesses:
                continue
            edit = new_figure(kind, q, rng)
            if edit is None:
                continue
            old_span, new_span, new_value = edit
            old_value: float | str = key[3] if kind != "weekday" else q.text.lower()
            if isinstance(new_value, float) and kind not in {"month-day", "time", "age"}:
                new_value = q.low * new_value / _span_number(old_span)
            if kind in {"month-day", "time"}:  # the day of the month, the hour
                old_value = float(re.sub(r"\D", "", old_span.split(":")[0]))
            new_text = q.text.replace(old_span, new_span, 1)
            plants.append(Plant(story, kind, k, witnesses, q.text, new_text, old_value,
                                new_value, text))  # fmt: skip
            break
    return plants


def perturbed(articles: list[Article], brief: Brief, plant: Plant) -> list[Article]:
    """The story with the figure changed in every sentence of the edited article stating it."""
    article = brief.articles[plant.article]
    text = article.text
    for sentence in sentences_of(article):
        if plant.old_text not in sentence:
            continue
        if sentence != plant.sentence and not same_statement(sentence, plant.sentence):
            continue
        text = text.replace(sentence, sentence.replace(plant.old_text, plant.new_text), 1)
    out = list(articles)
    a = articles[plant.article]
    out[plant.article] = make_article(text, a.source, outlet=a.outlet, title=a.title, url=a.url)
    return out


def numbers_in(value: str) -> set[float]:
    """Every number a discrepancy side shows, scale words applied ('$4.2 million')."""
    out = set()
    for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion))?", value):
        n = float(m.group(1).replace(",", ""))
        out.add(n * _SCALES.get(m.group(2) or "", 1.0))
    return out


def shows(value: str, wanted: float | str, kind: str) -> bool:
    if isinstance(wanted, str):
        return wanted in value.lower()
    found = numbers_in(value)
    if kind in {"month-day", "time"}:
        return any(abs(n - wanted) < 1e-6 for n in found) or any(
            str(int(wanted)) == str(int(n)).split(".")[0] for n in found
        )
    return any(abs(n - wanted) <= 0.011 * max(1.0, abs(wanted)) for n in found)


def found_plant(brief: Brief, plant: Plant) -> bool:
    """One discrepancy: the new value citing the edited article, the old citing a witness."""
    index = brief.sentence_index()
    article_of = {cid: brief.articles.index(a) for cid, (a, _) in index.items()}
    for d in brief.discrepancies:
        new_side = old_side = False
        for v in d.values:
            cited = {article_of.get(c) for c in v.citations}
            if plant.article in cited and shows(v.value, plant.new_value, plant.kind):
                new_side = True
            elif cited & set(plant.witnesses) and shows(v.value, plant.old_value, plant.kind):
                old_side = True
        if new_side and old_side:
            return True
    return False


def stories(limit: int, seed: int) -> list[tuple[str, list[Article]]]:
    keyed = {p.name for p in KEYS.iterdir() if p.is_dir()} if KEYS.exists() else set()
    text = decode(DATA.read_bytes(), str(DATA))
    records = [(loc, r) for loc, r in iter_records(text, DATA.name) if isinstance(r, dict)]
    records = [(loc, r) for loc, r in records if str(r.get("id")) not in keyed]
    random.Random(seed).shuffle(records)
    return [(str(r.get("id") or loc), record_articles(r, loc)) for loc, r in records[:limit]]


def brief_of(articles: list[Article]) -> Brief:
    return brief_story(Story.from_articles(articles), semantic=False)


def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    results: list[dict[str, Any]] = []
    baseline: dict[str, list[dict[str, Any]]] = {}
    for name, articles in stories(args.limit, args.seed):
        if len(articles) < 2:
            continue
        base = brief_of(articles)
        baseline[name] = [d.model_dump(include={"what", "kind", "values"}) for d in
                          base.discrepancies]  # fmt: skip
        plants = candidates(name, base, rng)
        rng.shuffle(plants)
        chosen: list[Plant] = []
        for plant in plants:  # different kinds first, then any
            if len(chosen) < args.per_story and plant.kind not in {p.kind for p in chosen}:
                chosen.append(plant)
        for plant in chosen:
            after = brief_of(perturbed(articles, base, plant))
            hit = found_plant(after, plant)
            results.append({**asdict(plant), "found": hit, "reported": [
                d.model_dump(include={"what", "kind", "values"}) for d in after.discrepancies
            ]})  # fmt: skip
            print(f"{name:<28} {plant.kind:<10} {'FOUND' if hit else 'miss':<5} "
                  f"{plant.old_text!r} -> {plant.new_text!r}", flush=True)  # fmt: skip
    return {"plants": results, "baseline": baseline}


def table(record: dict[str, Any]) -> str:
    plants = record["plants"]
    kinds = Counter(p["kind"] for p in plants)
    hits = Counter(p["kind"] for p in plants if p["found"])
    rows = ["| kind | planted | found | recall |", "|---|---:|---:|---:|"]
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        rows.append(f"| {kind} | {n} | {hits[kind]} | {hits[kind] / n:.2f} |")
    total, found = len(plants), sum(hits.values())
    rows.append(f"| all | {total} | {found} | {found / max(1, total):.2f} |")
    base = record["baseline"]
    alarms = sum(len(v) for v in base.values())
    rows.append(f"\nunperturbed stories: {len(base)}; discrepancies reported on them: {alarms} "
                f"({sum(1 for v in base.values() if v)} stories with any)")  # fmt: skip
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-story", type=int, default=2)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-baseline", action="store_true")
    args = parser.parse_args()
    start = time.monotonic()
    record = run(args)
    print(table(record))
    print(f"{time.monotonic() - start:.0f} s")
    if args.show_misses:
        for p in record["plants"]:
            if not p["found"]:
                print(f"\nMISS {p['story']} {p['kind']} {p['old_text']!r}->{p['new_text']!r}: "
                      f"{p['sentence'][:200]}")  # fmt: skip
                for d in p["reported"][:4]:
                    print("   reported:", d["what"], [v["value"] for v in d["values"]])
    if args.show_baseline:
        for name, found in record["baseline"].items():
            for d in found:
                print(f"BASE {name}: {d['what']} :: {[v['value'] for v in d['values']]}")
    if args.out:
        args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
