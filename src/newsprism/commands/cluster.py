"""`newsprism cluster INPUT... --out stories.jsonl`: group a stream of articles into stories."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from newsprism.clean import for_terminal
from newsprism.cluster.config import ClusterConfig
from newsprism.errors import NewsprismError

if TYPE_CHECKING:
    from newsprism.cluster.stream import ClusterStats
    from newsprism.model import Notice


class Mode(StrEnum):
    online = "online"
    batch = "batch"


def cluster(
    inputs: list[str] = typer.Argument(
        None, help="Files, folders or '-' (JSONL, JSON, text, HTML)."
    ),
    out: str = typer.Option(..., "--out", "-o", help="Where to write stories, one JSON per line."),
    force: bool = typer.Option(False, "--force", help="Overwrite --out if it exists."),
    mode: Mode = typer.Option(Mode.online, "--mode", help="online: one pass in arrival order."),
    engine: str = typer.Option(
        "local", "--engine", help="local; dask: partitioned, parallel; or a plugin's engine."
    ),
    threshold: float = typer.Option(
        ClusterConfig.threshold,
        "--threshold",
        help="Similarity to join a story, in (0, 1].",
    ),
    day_penalty: float = typer.Option(
        ClusterConfig.day_penalty, "--day-penalty", help="Similarity lost per day apart, in (0, 1]."
    ),
    dedup: float = typer.Option(
        ClusterConfig.dedup_threshold, "--dedup-threshold", help="Copy Jaccard, in (0, 1]."
    ),
    threads: bool = typer.Option(
        True, "--threads/--no-threads", help="Link stories into threads (topics over weeks)."
    ),
    thread_threshold: float = typer.Option(
        ClusterConfig.thread_threshold,
        "--thread-threshold",
        help="Similarity for a closed story to continue an earlier thread (topic), in (0, 1].",
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."
    ),
    workers: int | None = typer.Option(None, "--workers", min=1, help="LocalCluster workers."),
    dashboard: bool = typer.Option(
        False, "--dashboard", help="Dask: serve the LocalCluster's dashboard on 127.0.0.1."
    ),
    reorder: int = typer.Option(
        ClusterConfig.reorder,
        "--reorder",
        help="Online: articles held back to put a roughly dated stream in date order.",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", min=0, help="Online: helper processes for features (default: spare cores)."
    ),
    semantic: bool = typer.Option(
        False,
        "--semantic/--lexical",
        help="Add embeddings of headline and lead to the lexical score (needs the semantic "
        "extra; much slower, and no better on the benchmarks in docs/clustering.md).",
    ),
    semantic_threads: bool = typer.Option(
        False,
        "--semantic-threads",
        help="Link stories into threads by words and embeddings (needs the semantic extra; "
        "stories stay lexical unless --semantic).",
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail on the first unreadable input."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Group articles into stories; syndicated copies and near-duplicates join their original."""
    from tqdm import tqdm

    from newsprism.cluster.runner import run_clustering
    from newsprism.output import check_output

    if not inputs:
        raise NewsprismError("option-invalid", detail="give input files, folders or '-' for stdin")
    target = check_output(out, inputs, force)  # a str, not a Path: Path('') would be '.'
    config = ClusterConfig(
        threshold=threshold,
        day_penalty=day_penalty,
        dedup_threshold=dedup,
        threads=threads,
        thread_threshold=thread_threshold,
        reorder=reorder,
        semantic=semantic,
        thread_semantic=semantic_threads,
    )
    bar = tqdm(desc="clustering", unit=" articles", disable=quiet, dynamic_ncols=True)
    try:
        stats = run_clustering(
            inputs,
            target,
            mode.value,
            engine,
            config,
            strict=strict,
            on_notice=_warn,
            progress=bar.update,
            scheduler=scheduler,
            workers=workers,
            jobs=jobs,
            dashboard=dashboard,
        )
    finally:
        bar.close()
    typer.echo(for_terminal(summary(stats, target, config)), err=True)


def summary(stats: ClusterStats, out: Path, config: ClusterConfig) -> str:
    features = "lexical + embeddings" if config.semantic else "lexical"
    if config.thread_semantic:
        features += ", threads with embeddings"
    line = (
        f"{stats.articles} articles -> {stats.stories} stories, {stats.duplicates} duplicates; "
        f"{stats.throughput:,.0f} articles/s ({stats.seconds:.1f} s, {features}); wrote {out}"
    )
    repeats = int(stats.extra.get("exact_repeats", 0))
    if repeats:
        line += f"\n{repeats} exact repeats (same outlet, title and text) were read once."
    late = int(stats.extra.get("late_articles", 0))
    if late:
        line += (
            f"\nwarning: {late} articles arrived further out of date order than --reorder "
            f"({config.reorder:,} articles) could repair, so some stories may be split; sort the input "
            "by date, raise --reorder, or use --mode batch."
        )
    return line


def _warn(notice: Notice) -> None:
    typer.secho(for_terminal(f"warning: {notice.message}"), fg=typer.colors.YELLOW, err=True)


def register(app: typer.Typer) -> None:
    app.command()(cluster)
