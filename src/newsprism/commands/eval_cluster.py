"""`newsprism eval cluster DATA.jsonl`: story-clustering quality and speed against gold stories."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from newsprism.cluster.config import ClusterConfig
from newsprism.commands.cluster import Mode


def cluster(
    data: Path = typer.Argument(..., help="JSONL rows {id, cluster, title, text, source, date}."),
    mode: Mode = typer.Option(Mode.online, "--mode", help="online replays the rows in date order."),
    threshold: float = typer.Option(ClusterConfig.threshold, "--threshold"),
    day_penalty: float = typer.Option(ClusterConfig.day_penalty, "--day-penalty"),
    semantic: bool = typer.Option(
        False, "--semantic/--lexical", help="Add embeddings to the lexical score (semantic extra)."
    ),
    semantic_threads: bool = typer.Option(
        False, "--semantic-threads", help="Link threads by words and embeddings (semantic extra)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Pairwise and B-cubed precision/recall/F1, cluster count vs gold, articles per second."""
    from newsprism.cluster.runner import require_embeddings
    from newsprism.eval.cluster_metrics import evaluate_clustering, load_labeled

    config = ClusterConfig(
        threshold=threshold,
        day_penalty=day_penalty,
        semantic=semantic,
        thread_semantic=semantic_threads,
    )
    if config.embeds:
        require_embeddings("local")
    report = {"data": str(data), **evaluate_clustering(load_labeled(data), mode.value, config)}
    typer.echo(json.dumps(report, indent=2) if as_json else render(report))


def render(r: dict[str, Any]) -> str:
    lines = [
        f"{r['data']}  ({r['items']} articles, mode {r['mode']}, {r['features']})",
        *_scores(r),
        f"  {r['articles_per_second']:,.0f} articles/s ({r['seconds']} s clustering)",
        "threads (stories linked into topics followed over weeks; gold as for stories)",
        *_scores(r["threads"]),
    ]
    for name, scores in r.get("by_source", {}).items():
        lines += [f"source {name}  ({scores['items']} articles), by story", *_scores(scores)]
        if "threads" in scores:
            lines += [f"source {name}, by thread", *_scores(scores["threads"])]
    return "\n".join(lines)


def _scores(r: dict[str, Any]) -> list[str]:
    pw, b3 = r["pairwise"], r["bcubed"]
    return [
        f"  {'':10}{'precision':>10}{'recall':>10}{'F1':>10}",
        f"  {'pairwise':10}{pw['precision']:>10.3f}{pw['recall']:>10.3f}{pw['f1']:>10.3f}",
        f"  {'B-cubed':10}{b3['precision']:>10.3f}{b3['recall']:>10.3f}{b3['f1']:>10.3f}",
        f"  clusters {r['clusters']} (gold {r['gold_clusters']})",
    ]


def register(eval_app: typer.Typer) -> None:
    eval_app.command("cluster")(cluster)
