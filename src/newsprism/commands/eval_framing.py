"""`newsprism eval framing BASIL.jsonl`: loaded terms against annotated lexical-bias spans."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def framing(
    data: Path = typer.Argument(..., help="BASIL-style JSONL: one article a line with 'event'."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N events."),
    out: Path | None = typer.Option(None, "--out", help="Save the scores as JSON."),
) -> None:
    """Span P/R/F1 of outlet-voice loaded terms (overall, per outlet), stance ordering, ms/event,
    beside a plain lexicon-match baseline."""
    from newsprism.analysis.framing import MIN_SCORE
    from newsprism.eval.framing import load_events, run_events
    from newsprism.eval.framing_scores import (
        baseline,
        cross_validated,
        per_outlet_profile,
        score_at,
        stance_ordering,
        voice_agreement,
    )

    events = list(run_events(load_events(data), limit))
    seconds = [e.seconds for e in events]
    report = {
        "data": str(data),
        "events": len(events),
        "ms_per_event": round(1000 * sum(seconds) / max(len(seconds), 1), 1),
        "newsprism": score_at(events, MIN_SCORE),
        "newsprism_cross_validated": cross_validated(events),
        "newsprism_cross_validated_for_sentences": cross_validated(
            events, metric="sentence_macro_f1"
        ),
        "baseline_lexicon_match": baseline(events),
        "stance_ordering": stance_ordering(events, MIN_SCORE),
        "voice": voice_agreement(events),
        "per_outlet_profile": per_outlet_profile(events, MIN_SCORE),
    }
    typer.echo(table(report))
    if out:
        out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        typer.echo(f"saved {out}")


def table(report: dict[str, object]) -> str:
    lines = [
        f"{report['events']} events, {report['ms_per_event']} ms per event (whole brief)",
        "",
        "| system | P | R | F1 | sentence macro-F1 | spans predicted | gold |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [
        ("newsprism", report["newsprism"]),
        ("newsprism, threshold by 5-fold CV", report["newsprism_cross_validated"]),
        (
            "newsprism, threshold by 5-fold CV on sentence macro-F1",
            report["newsprism_cross_validated_for_sentences"],
        ),
        ("baseline: lexicon match, all text", report["baseline_lexicon_match"]),
    ]
    for name, block in rows:
        o = block["overall"]  # type: ignore[index]
        lines.append(
            f"| {name} | {o['p']:.3f} | {o['r']:.3f} | {o['f1']:.3f} | "
            f"{o['sentence_macro_f1']:.3f} | {o['predicted']} | {o['gold']} |"
        )
    lines += ["", "| outlet | P | R | F1 | baseline F1 |", "|---|---:|---:|---:|---:|"]
    ours = report["newsprism"]["per_outlet"]  # type: ignore[index]
    base = report["baseline_lexicon_match"]["per_outlet"]  # type: ignore[index]
    for outlet, o in ours.items():
        lines.append(
            f"| {outlet} | {o['p']:.3f} | {o['r']:.3f} | {o['f1']:.3f} | {base[outlet]['f1']:.3f} |"
        )
    nothing = report["baseline_lexicon_match"]["sentence_macro_f1_flagging_nothing"]  # type: ignore[index]
    lines += [
        "",
        f"sentence macro-F1 when no sentence is flagged: {nothing:.3f}",
        f"stance ordering: {json.dumps(report['stance_ordering'])}",
        f"quotation vs own voice, all annotated spans: {json.dumps(report['voice'])}",
    ]
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    app.command("framing")(framing)
