"""`newsprism eval players KEYS_DIR...`: key players and timeline scored against answer keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer


def _key_dirs(paths: list[Path]) -> list[Path]:
    """Folders holding an expected.json: the paths themselves, else their sub-folders."""
    found: list[Path] = []
    for path in paths:
        if (path / "expected.json").is_file():
            found.append(path)
        elif path.is_dir():
            found += sorted(p for p in path.iterdir() if (p / "expected.json").is_file())
    return found


def evaluate(key_dirs: list[Path]) -> dict[str, Any]:
    """Per-story scores and totals (found over key items, summed across stories)."""
    from newsprism.api import brief
    from newsprism.eval.players import key_documents, score_entities, score_timeline

    stories = {}
    for key_dir in key_dirs:
        key = json.loads((key_dir / "expected.json").read_text(encoding="utf-8"))
        result = brief(key_documents(key_dir))
        stories[key_dir.name] = {
            "entities": score_entities(result, key),
            "timeline": score_timeline(result, key),
        }
    ents = [s["entities"] for s in stories.values()]
    times = [s["timeline"] for s in stories.values()]
    pairs = sum(t["pairs"] for t in times)
    right = sum(round((t["order"] or 0) * t["pairs"]) for t in times)
    overall = {
        "entity_recall": _ratio(
            sum(e["found"] for e in ents), sum(e["key_entities"] for e in ents)
        ),
        "merge_errors": sum(len(e["merge_errors"]) for e in ents),
        "split_errors": sum(len(e["split_errors"]) for e in ents),
        "timeline_recall": _ratio(
            sum(t["found"] for t in times), sum(t["key_events"] for t in times)
        ),
        "timeline_order": _ratio(right, pairs),
    }
    return {"stories": stories, "overall": overall}


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def render(report: dict[str, Any]) -> str:
    head = f"{'story':32}{'ent.recall':>11}{'merges':>8}{'splits':>8}{'tl.recall':>10}{'order':>7}"
    lines = [head]
    for name, s in report["stories"].items():
        e, t = s["entities"], s["timeline"]
        lines.append(
            f"{name:32}{_num(e['recall']):>11}{len(e['merge_errors']):>8}"
            f"{len(e['split_errors']):>8}{_num(t['recall']):>10}{_num(t['order']):>7}"
        )
    o = report["overall"]
    lines.append(
        f"{'overall':32}{_num(o['entity_recall']):>11}{o['merge_errors']:>8}{o['split_errors']:>8}"
        f"{_num(o['timeline_recall']):>10}{_num(o['timeline_order']):>7}"
    )
    return "\n".join(lines)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def players(
    keys: list[Path] = typer.Argument(
        ..., help="Key folders (with expected.json) or their parent."
    ),
    out: Path | None = typer.Option(None, "--out", help="Write the full report as JSON here."),
) -> None:
    """Entity recall, merge and split errors, timeline recall and order, per story and overall."""
    report = evaluate(_key_dirs(keys))
    if out is not None:
        out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    typer.echo(render(report))


def register(eval_app: typer.Typer) -> None:
    eval_app.command("players")(players)
