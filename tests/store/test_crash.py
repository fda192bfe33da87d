"""SIGKILL in the middle of an ingest: whatever was acknowledged survives, `newsprism ingest` run
again completes the store without duplicates, and the integrity check passes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.store.helpers import stream

from newsprism.store import open_store

# Ingests a JSONL file, printing each committed article id only after its batch commits.
INGEST = """
import sys
from newsprism.ingest import iter_articles
from newsprism.store import open_store
from newsprism.store.ingest import Ingester

store = open_store(sys.argv[1])
def ack(placed):
    print("\\n".join(p.article.id for p in placed), flush=True)
Ingester(store).ingest(iter_articles([sys.argv[2]]), on_commit=ack, batch=50)
"""


def run_until_killed(db_url: str, feed: Path, after: int) -> list[str]:
    """Start the ingest, SIGKILL it once ``after`` ids were acknowledged; the acknowledged ids."""
    acked: list[str] = []
    cmd = [sys.executable, "-c", INGEST, db_url, str(feed)]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            acked.append(line.strip())
            if len(acked) >= after:
                os.kill(proc.pid, signal.SIGKILL)
                break
        acked.extend(line.strip() for line in proc.stdout)  # written before the kill
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    return acked


def test_sigkill_mid_ingest_loses_nothing_acknowledged(db_url: str, tmp_path: Path) -> None:
    articles = stream(600, days=10)  # 3,000 articles
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(a.model_dump(mode="json")) + "\n" for a in articles))
    acked = run_until_killed(db_url, feed, after=500)
    store = open_store(db_url)
    stored = store.article_ids()
    assert set(acked) <= set(stored)
    assert len(stored) < len(articles), "killed mid-way, so some articles are still missing"
    assert store.integrity_problems() == []
    store.close()

    survived = len(stored)
    restart = [sys.executable, "-m", "newsprism.cli", "ingest", str(feed), "--db", db_url, "-q"]
    done = subprocess.run(restart, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    stored_now = len(articles) - survived
    assert f"{stored_now} stored, {survived} already stored" in done.stderr
    store = open_store(db_url)
    stored = store.article_ids()
    assert len(stored) == len(set(stored)) == len(articles)
    assert set(stored) == {a.id for a in articles}
    assert store.integrity_problems() == []
    assert store.counts()["articles"] == sum(r.articles for r in store.stories(limit=10_000))
    store.close()
