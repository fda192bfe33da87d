"""`ingest`, `stories`, `brief --db` and `watch` end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from tests.commands.conftest import Cli
from tests.ingest.server import serve
from tests.store.helpers import article, stream

from newsprism.commands.watch import feed_urls, parse_every
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.store import open_store


def jsonl(path: Path, articles: list[Article]) -> Path:
    path.write_text("".join(json.dumps(a.model_dump(mode="json")) + "\n" for a in articles))
    return path


def story_ids(cli: Cli, db: str, *args: str) -> list[str]:
    code, out, _ = cli(["stories", "--db", db, *args])
    assert code == 0
    return [line.split()[0] for line in out.splitlines()]


def test_ingest_stories_and_a_cached_brief(cli: Cli, db_url: str, tmp_path: Path) -> None:
    feed = jsonl(tmp_path / "feed.jsonl", stream(3))
    code, _, err = cli(["ingest", str(feed), "--db", db_url, "-q"])
    assert code == 0 and "15 articles read: 15 stored, 0 already stored" in err
    code, _, err = cli(["ingest", str(feed), "--db", db_url, "-q"])
    assert "0 stored, 15 already stored" in err

    assert len(story_ids(cli, db_url)) == 5
    (storm,) = story_ids(cli, db_url, "--search", "storm")
    code, out, err = cli(["brief", "--db", db_url, "--story", storm[:8], "--format", "json"])
    assert code == 0 and "made and stored a new brief" in err
    assert len(json.loads(out)["articles"]) == 3
    code, again, err = cli(["brief", "--db", db_url, "--story", storm, "--format", "json"])
    assert "reused the stored brief" in err and again == out

    cli(
        ["ingest", str(jsonl(tmp_path / "more.jsonl", [article("storm", 9)])), "--db", db_url, "-q"]
    )
    code, listing, _ = cli(["stories", "--db", db_url, "--search", "storm"])
    assert listing.split()[1] == "4" and " * " in listing  # grew, and its brief is stale
    code, out, err = cli(["brief", "--db", db_url, "--story", storm, "--format", "json"])
    assert "made and stored a new brief" in err and len(json.loads(out)["articles"]) == 4


def test_ingest_goes_on_past_bad_sources(cli: Cli, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    good = jsonl(tmp_path / "good.jsonl", stream(1))
    with serve() as site:
        bad_url = f"{site.base}/page"  # loopback, refused without --allow-private
        code, _, err = cli(
            ["ingest", str(tmp_path / "nope.txt"), bad_url, str(good), "--db", db, "-q"]
        )
    assert code == 0
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2
    assert "nope.txt" in warnings[0] and bad_url in warnings[1] and "loopback" in warnings[1]
    assert "5 articles read: 5 stored" in err


def test_ingest_fetches_pages_and_feeds_with_allow_private(cli: Cli, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with serve() as site:
        args = ["ingest", f"{site.base}/page", f"{site.base}/feed", "--db", db, "--allow-private"]
        code, _, err = cli([*args, "-q"])
    assert code == 0 and "3 articles read: 3 stored" in err
    store = open_store(db)
    urls = {a.url for row in store.stories() for a in store.story(row.id).articles}
    store.close()
    assert f"{site.base}/page" in urls and f"{site.base}/page?i=1" in urls


def test_watch_polls_conditionally_and_marks_grown_stories_stale(cli: Cli, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with serve() as site:
        feed, bad = f"{site.base}/feed", f"{site.base}/bad-feed"
        args = ["watch", feed, bad, "--once", "--db", db, "--allow-private", "--per-host", "0"]
        code, _, err = cli(args)
        assert code == 0 and f"{feed}: 2 new of 2 entries" in err
        assert f"error: {bad}: not a readable RSS/Atom feed" in err
        store = open_store(db)
        for row in store.stories():
            store.save_brief(row.id, "h", "[]", "{}")  # as if briefed: no longer stale
        _, _, err = cli(args)
        assert f"{feed}: not modified" in err
        site.feed_items = 3
        _, _, err = cli(args)
        assert f"{feed}: 1 new of 3 entries" in err
    assert store.feed_state(bad).errors == 3 and store.feed_state(feed).errors == 0
    assert sum(r.stale for r in store.stories()) == 1
    store.close()


def test_watch_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    with serve() as site:
        cmd = [sys.executable, "-m", "newsprism.cli", "watch", f"{site.base}/feed", "--every",
               "1h", "--db", str(tmp_path / "s.db"), "--allow-private"]  # fmt: skip
        with subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) as proc:
            assert proc.stderr is not None
            first = proc.stderr.readline()
            assert "2 new of 2 entries" in first
            start = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            rest = proc.stderr.read()
            assert proc.wait(timeout=10) == 0
    assert time.monotonic() - start < 5 and "stopping" in rest
    assert open_store(str(tmp_path / "s.db")).counts()["articles"] == 2


def test_watch_options(tmp_path: Path) -> None:
    assert parse_every("10m") == timedelta(minutes=10)
    assert parse_every("90") == timedelta(seconds=90)
    with pytest.raises(NewsprismError, match="--every"):
        parse_every("soon")
    listing = tmp_path / "feeds.txt"
    listing.write_text(
        "# ours\nhttps://a.example/rss\n\nhttps://b.example/atom\nhttps://a.example/rss\n"
    )
    assert feed_urls(["https://c.example/x"], listing) == [
        "https://c.example/x",
        "https://a.example/rss",
        "https://b.example/atom",
    ]


def test_store_options_are_checked(cli: Cli, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, _, err = cli(["brief", "--db", db])
    assert code == 2 and "--db needs --story" in err
    code, _, err = cli(["stories", "--db", db, "--since", "someday"])
    assert code == 2 and "'someday' is not a date" in err
    code, _, err = cli(["brief", "--db", db, "--story", "st0"])
    assert code == 2 and "no single story matches 'st0'" in err
    code, _, err = cli(["ingest", "--db", db])
    assert code == 2 and "give files" in err
