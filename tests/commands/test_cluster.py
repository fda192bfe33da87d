"""`newsprism cluster` and `newsprism brief --stories`: end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.cluster.config import CLUSTER_VERSION
from newsprism.text import embeddings

from ..cluster.conftest import synthetic_stream
from .conftest import Cli


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    stream = synthetic_stream(stories=12, seed=9)
    path = tmp_path / "feed.jsonl"
    rows = [
        {
            "id": f"r{i}",
            "cluster": g,
            "title": a.title,
            "text": a.text,
            "source": a.outlet,
            "date": str(a.date),
        }
        for i, (a, g) in enumerate(zip(stream.articles, stream.gold, strict=True))
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


@pytest.mark.parametrize("mode", ["online", "batch"])
def test_cluster_writes_stories_and_a_summary(
    feed: Path, tmp_path: Path, mode: str, cli: Cli
) -> None:
    out = tmp_path / "stories.jsonl"
    code, _, err = cli(["cluster", str(feed), "--out", str(out), "--mode", mode])
    assert code == 0
    *lines, completion = out.read_text().splitlines()
    assert json.loads(completion) == {
        "newsprism": "stories",
        "complete": True,
        "stories": len(lines),
        "version": CLUSTER_VERSION,  # which clustering wrote the file
    }
    n_rows = len(feed.read_text().splitlines())
    assert sum(len(json.loads(line)["articles"]) for line in lines) == n_rows
    assert f"{n_rows} articles -> {len(lines)} stories" in err
    assert "duplicates" in err and "articles/s" in err
    assert "clustering" in err  # the progress bar


def test_brief_one_clustered_story(feed: Path, tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "stories.jsonl"
    cli(["cluster", str(feed), "--out", str(out), "-q"])
    story = max(
        (json.loads(line) for line in out.read_text().splitlines()[:-1]),
        key=lambda s: len(s["articles"]),
    )
    code, text, _ = cli(
        ["brief", "--stories", str(out), "--story", story["id"], "--format", "json"]
    )
    assert code == 0
    brief = json.loads(text)
    assert brief["story_id"] == story["id"]
    assert sorted(a["id"] for a in brief["articles"]) == sorted(a["id"] for a in story["articles"])


def test_bad_invocations_exit_2(tmp_path: Path, cli: Cli) -> None:
    code, _, err = cli(
        ["cluster", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o.jsonl")]
    )
    assert code == 2 and "no usable article" in err
    code, _, err = cli(["brief", "--story", "st123"])
    assert code == 2 and "--stories and --story go together" in err


def test_cluster_warns_when_input_is_too_far_out_of_date_order(
    feed: Path, tmp_path: Path, cli: Cli
) -> None:
    newest_first = tmp_path / "newest-first.jsonl"
    newest_first.write_text("\n".join(feed.read_text().splitlines()[::-1]) + "\n")
    out = tmp_path / "stories.jsonl"
    code, _, err = cli(["cluster", str(newest_first), "-o", str(out), "-q", "--reorder", "3"])
    assert code == 0
    assert "out of date order" in err and "--reorder" in err
    code, _, err = cli(["cluster", str(newest_first), "-o", str(out), "-q", "--force"])
    assert code == 0 and "out of date order" not in err


def test_semantic_clustering_says_what_it_needs(feed: Path, tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "stories.jsonl"
    code, _, err = cli(["cluster", str(feed), "-o", str(out), "--semantic", "--engine", "dask"])
    assert code == 2 and "lexical features only" in err
    if not embeddings.available():
        code, _, err = cli(["cluster", str(feed), "-o", str(out), "--semantic"])
        assert code == 2 and "sentence-transformers" in err and "torch==2.13.0" in err
    code, _, err = cli(["cluster", str(feed), "-o", str(out), "-q", "--lexical"])
    assert code == 0 and "lexical)" in err
    dask = ["--engine", "dask"]
    code, _, err = cli(
        ["cluster", str(feed), "-o", str(out), "--force", "--semantic-threads", *dask]
    )
    assert code == 2 and "lexical features only" in err  # threads by meaning need it too


def test_exact_repeats_are_read_once_and_counted(feed: Path, tmp_path: Path, cli: Cli) -> None:
    lines = feed.read_text().splitlines()
    repeated = tmp_path / "repeated.jsonl"
    repeated.write_text("\n".join([*lines, lines[0], lines[1]]) + "\n")
    out = tmp_path / "stories.jsonl"
    code, _, err = cli(["cluster", str(repeated), "-o", str(out), "-q"])
    assert code == 0
    assert f"{len(lines)} articles ->" in err and "2 exact repeats" in err
