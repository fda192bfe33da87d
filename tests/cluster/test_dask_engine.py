"""The Dask engine on a LocalCluster: same stories as the local engine, copies found across blocks,
and the same output whatever the number of workers."""

from __future__ import annotations

import itertools
import json
import pickle
import random
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from newsprism.cluster.batch import cluster_batch
from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.dask_blocks import (
    SpillReader,
    WorkerError,
    located_articles,
    portable_errors,
    sign_block,
    with_duplicate_of,
)
from newsprism.cluster.dask_chunks import chunk_count, last_reader, match_plan, plan_chunks
from newsprism.cluster.dask_engine import BlockSpec, cluster_dask, plan_blocks
from newsprism.cluster.features import Featurizer
from newsprism.cluster.io import read_stories
from newsprism.cluster.stream import ClusterStats, StreamClusterer
from newsprism.errors import NewsprismError
from newsprism.eval.cluster_metrics import score_clusters
from newsprism.model import Article, Notice

from .conftest import START, Stream, make_article, synthetic_stream, word

pytest.importorskip("dask.distributed")


def write_jsonl(stream: Stream, path: Path) -> None:
    with path.open("w") as fh:
        for a in stream.articles:
            row = {"title": a.title, "text": a.text, "source": a.outlet, "date": str(a.date)}
            fh.write(json.dumps(row) + "\n")


@dataclass
class Run:
    stream: Stream
    stats: dict[int, ClusterStats]
    outputs: dict[int, bytes]
    leftovers: list[Path]
    notices: list[Notice]
    path: Path


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One input (JSON Lines with a bad line and a two-document record, plus a JSON file) run
    with one and with two workers, in several blocks and time chunks."""
    tmp = tmp_path_factory.mktemp("dask")
    stream = synthetic_stream(stories=40, days=30, seed=4)
    path = tmp / "in.jsonl"
    write_jsonl(stream, path)
    with path.open("a") as fh:
        fh.write("not json\n")
        fh.write(json.dumps({"documents": ["First document text.", "Second document text."]}))
        fh.write("\n")
    (tmp / "more.json").write_text(json.dumps([{"text": "A lone article in a JSON list."}]))
    stats, outputs = {}, {}
    notices: list[Notice] = []
    for workers in (1, 2):
        out = tmp / f"w{workers}" / "stories.jsonl"
        stats[workers] = cluster_dask(
            [path, tmp / "more.json"],
            out,
            "batch",
            workers=workers,
            block_bytes=20_000,
            chunk_articles=40,
            on_notice=notices.append,
        )
        outputs[workers] = out.read_bytes()
    return Run(stream, stats, outputs, [p for p in tmp.rglob("*.parts")], notices, path)


def test_blocks_split_at_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    write_jsonl(synthetic_stream(stories=10), path)
    specs = plan_blocks([path], target=2000)
    assert len(specs) > 3
    assert specs[0].start == 0 and specs[-1].end == path.stat().st_size
    data = path.read_bytes()
    assert all(data[s.end - 1 : s.end] == b"\n" for s in specs)
    assert all(a.end == b.start for a, b in itertools.pairwise(specs))


def test_blocks_spill_each_article_once_for_the_chunk_tasks(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [{"text": "One."}, {"documents": ["Two.", "", "Three."]}, {"text": "Four."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\nbroken\n")
    listed = tmp_path / "list.json"
    listed.write_text(
        json.dumps([{"text": 'Five. Bad\u00e9 "quoted"', "title": "T"}, {"text": ""}])
    )
    specs = [BlockSpec(str(path), 0, path.stat().st_size), BlockSpec(str(listed))]
    spills = [str(tmp_path / f"block-{k}.spill") for k in range(2)]
    featurizer = Featurizer()
    with SpillReader(spills) as reader:
        for file, (spec, spill) in enumerate(zip(specs, spills, strict=True)):
            found, problems = located_articles(spec)
            assert len(problems) == 1  # the broken line, or the empty record, named by place
            assert problems[0].source in (f"{path}:5", f"{listed}[1]")
            signed = sign_block(spec, spill, ClusterConfig(), bands=8, rows=8).signed
            assert signed.offsets.tolist() == [0, *np.cumsum(signed.lengths)[:-1].tolist()]
            for article, offset, length in zip(found, signed.offsets, signed.lengths, strict=True):
                record = reader.record(file, int(offset), int(length))
                terms = featurizer.features(article).terms
                assert record[:3] == (article.id, article.title, article.model_dump_json().encode())
                assert record[3] == terms and list(record[3]) == list(terms)  # order kept
    assert [a.text for a in located_articles(specs[0])[0]] == ["One.", "Two.", "Three.", "Four."]
    Path(spills[0]).write_bytes(b"gone")
    with SpillReader(spills) as again, pytest.raises(NewsprismError, match="spill file"):
        again.record(0, 0, 40)


def test_copies_are_spliced_as_pydantic_dumps_them() -> None:
    article = Article.create(
        'Said "hi", \\ then ,"duplicate_of": left \u00e9\u2028', title='A "t"', outlet="X"
    )
    for given in (None, "a00000000000"):
        original = article.model_copy(update={"duplicate_of": given})
        for canonical in ("a1234567890b", 'odd "id" \u00e9'):
            spliced = with_duplicate_of(original.model_dump_json().encode(), canonical)
            copy = original.model_copy(update={"duplicate_of": canonical})
            assert spliced == copy.model_dump_json().encode()


def _fail() -> None:
    raise NewsprismError("input-unreadable", source="a.jsonl", detail="gone")


def test_worker_errors_reach_the_client_as_newsprism_errors() -> None:
    with pytest.raises(WorkerError) as info:
        portable_errors(_fail)()
    again = pickle.loads(pickle.dumps(info.value))  # how Dask sends it to the client
    error = NewsprismError(again.code, **again.params)
    assert error.code == "input-unreadable" and error.source == "a.jsonl"


def test_chunks_depend_on_the_data_and_copies_follow_their_original() -> None:
    days = np.array([3.0, 1.0, 1.0, np.nan, 2.0, 2.0, 1.0, 3.0])
    canonical = np.array([0, 1, 2, 3, 4, 5, 1, 5])  # 6 is a copy of 1, 7 of 5
    where = {f: np.arange(8) for f in ("file", "offset", "length")}
    plans = plan_chunks(canonical, days, ~np.isnan(days), where, size=2)
    # Ranked canonicals: 3 (undated), 1, 2, 4, 5, 0 -> three chunks of two.
    assert [p.offset.tolist() for p in plans] == [[1, 3, 6], [2, 4], [0, 5, 7]]
    assert plans[0].canon.tolist() == [0, 1, 0]
    assert plans[2].canon.tolist() == [0, 1, 1]
    assert match_plan(plans, reach=0) == [(0, 1), (1, 2)]


def test_a_chunk_result_is_released_after_its_last_match_is_submitted() -> None:
    pairs = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4)]  # 0, 1, 2 one day cut three times
    assert last_reader(pairs, 6) == [2, 2, 3, 4, 4, 5]


def test_chunk_count_depends_on_the_article_count_only() -> None:
    assert [chunk_count(n, 50_000) for n in (300, 20_000, 100_000, 1_000_000)] == [1, 4, 4, 20]


def test_dask_engine_matches_known_stories(runs: Run) -> None:
    stream, stats = runs.stream, runs.stats[2]
    stories = [json.loads(line) for line in runs.outputs[2].splitlines()]
    articles = [a for s in stories for a in s["articles"]]
    assert len({a["id"] for a in articles}) == len(articles) == len(stream.articles) + 3
    # Articles were re-read from JSONL without outlet-free ids, so match on text.
    label_by_text = {a.text: g for a, g in zip(stream.articles, stream.gold, strict=True)}
    pairs = [(label_by_text.get(a["text"]), s["id"]) for s in stories for a in s["articles"]]
    gold, pred = zip(*[p for p in pairs if p[0] is not None], strict=True)
    assert score_clusters(gold, pred).bcubed.f1 >= 0.95
    copies = {a["text"] for a in articles if a["duplicate_of"]}
    assert copies == {a.text for a in stream.articles if a.id in stream.copies}
    assert stats.duplicates == len(stream.copies)
    assert stats.stories == len(stories)
    assert stats.extra["workers"] == 2
    assert stats.extra["chunks"] > 2
    assert stats.extra["unreadable_records"] == 1


def test_one_and_two_workers_write_the_same_stories(runs: Run, tmp_path: Path) -> None:
    assert runs.outputs[1] == runs.outputs[2]
    assert runs.stats[1].stories == runs.stats[2].stories
    assert runs.leftovers == []
    out = tmp_path / "stories.jsonl"
    out.write_bytes(runs.outputs[2])
    # every line is a valid Story, with Story's id rule
    for story in read_stories(out, require_complete=False):
        assert story.id == type(story).from_articles(story.articles).id


def test_bad_records_are_notices_naming_the_line(runs: Run) -> None:
    bad_line = len(runs.stream.articles) + 1
    assert [n.source for n in runs.notices] == [f"{runs.path}:{bad_line}"] * 2  # once per run
    assert all("invalid JSON" in n.message for n in runs.notices)


def test_local_cluster_listens_on_loopback_without_a_dashboard() -> None:
    from newsprism.cluster.dask_engine import _connect

    psutil = pytest.importorskip("psutil")
    client, local = _connect(None, 1, dashboard=False)
    try:
        info = client.scheduler_info()
        addresses = [info["address"], *info["workers"]]
        assert all(a.startswith("tcp://127.0.0.1:") for a in addresses), addresses
        listening = [
            c.laddr.ip
            for c in psutil.Process().net_connections(kind="tcp")
            if c.status == psutil.CONN_LISTEN
        ]
        assert listening and set(listening) == {"127.0.0.1"}  # scheduler and HTTP server
        port = info["services"]["dashboard"]
        with pytest.raises(OSError):  # no dashboard pages unless asked for
            urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=10)
    finally:
        client.close()
        local.close()


def test_undated_articles_do_not_chain_stories_and_the_engines_agree(tmp_path: Path) -> None:
    """Two events on one topic 20 days apart, each with undated reports arriving among its dated
    ones. Dask used to place undated articles first in their chunk with no day (no time
    penalty, free to join or chain any story); now it estimates their day as the local engines
    do (dateline, else the dated articles before them in the input), and all three agree."""
    rng = random.Random(3)
    background = [word(rng, 3) for _ in range(2000)]
    shared = [word(rng, 4) for _ in range(3)]
    rows = []
    for event, day in enumerate((START, START + timedelta(days=20))):
        topic = shared + [word(rng, 4) for _ in range(8)]
        for k in range(6):
            article = make_article(rng, topic, background, day, f"outlet{event}{k}")
            rows.append(
                (event, article if k % 2 == 0 else article.model_copy(update={"date": None}))
            )
    path = tmp_path / "in.jsonl"
    with path.open("w") as fh:
        for _, a in rows:
            date = str(a.date) if a.date else None
            fh.write(
                json.dumps({"title": a.title, "text": a.text, "source": a.outlet, "date": date})
            )
            fh.write("\n")
    out = tmp_path / "stories.jsonl"
    cluster_dask([path], out, "online", workers=1, block_bytes=4_000, chunk_articles=6)
    event_of = {a.text: e for e, a in rows}

    def partition(stories: list[list[str]]) -> list[list[int]]:
        return sorted(sorted(event_of[t] for t in texts) for texts in stories)

    dask = [
        [a["text"] for a in json.loads(line)["articles"]] for line in out.read_text().splitlines()
    ]
    online = [[a.text for a in s.articles] for s in StreamClusterer().run([a for _, a in rows])]
    batch = [[a.text for a in s.articles] for s in cluster_batch([a for _, a in rows])[0]]
    assert partition(dask) == partition(online) == partition(batch) == [[0] * 6, [1] * 6]
