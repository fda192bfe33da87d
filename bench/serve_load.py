"""Load and faults for `newsprism serve`, on loopback only, bounded in time and requests.

1. **Load.** A server (its own process, SQLite store seeded with the bundled sample) takes
   ``--clients`` concurrent readers for ``--seconds``: the sample story's web page and its brief
   as JSON and Markdown, the story list, and briefs of stories that the writers have just made
   (uncached: built on demand). Meanwhile ``--writers`` clients POST batches of new articles.
   Each client pauses between requests (0 to 2 x ``--think`` s, as a reader does); a second,
   shorter run without pauses (``--saturate`` s) finds the server's ceiling, where latency is
   only queueing (Little's law: clients / throughput). Reported: requests/s, p50/p95/p99 per
   kind, errors, and p95 of cached against built briefs (the server says which in
   `X-Newsprism-Cache`). The clients run on the same cores as the server.
2. **Crash.** Writers POST batches; the server is killed with SIGKILL mid-ingest, restarted on
   the same store, and every article it had acknowledged is looked up; the store's integrity
   check must pass.

The articles are synthetic, made here from templates (one event per batch, five outlets).

    .venv/bin/python bench/serve_load.py [--seconds 60] [--clients 50] [--out bench/results/serve_load.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

from newsprism.serve.sample import seed
from newsprism.store import open_store

HOST = "127.0.0.1"  # loopback only, always
MAX_REQUESTS = 500_000
RESULTS = Path(__file__).resolve().parent / "results" / "serve_load.json"
TOWNS = ["Aldwick", "Brennan Falls", "Corran", "Dunmere", "Eskholt", "Farrowby", "Glenmoor"]
THINGS = ["library", "tram line", "sea wall", "hospital wing", "ferry pier", "school roof"]
OUTLETS = ["North Ledger", "Coast Times", "Valley Herald", "City Wire", "Evening Post"]


def batch(n: int, rng: random.Random) -> list[dict[str, Any]]:
    """Five outlets' reports of one invented event (event ``n``)."""
    town, thing = rng.choice(TOWNS), rng.choice(THINGS)
    cost, votes = rng.randint(2, 90), rng.randint(5, 12)
    event = f"{town} {thing} plan {n}"
    return [
        {
            "outlet": outlet,
            "date": f"2031-0{1 + n % 9}-{10 + n % 18}",
            "title": f"{town} approves {thing} plan number {n}",
            "text": f"The {town} council approved plan number {n} for a new {thing} on Tuesday, "
            f"at a cost of {cost + k % 2} million dollars. Councillors voted {votes} to {k + 1}. "
            f"Work on the {event} is due to start next spring, the council said. "
            f"{outlet} reporter number {k} spoke to residents about the {thing}.",
        }
        for k, outlet in enumerate(OUTLETS)
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "newsprism.cli", "serve", "--db", str(db), "--host", HOST]
    proc = subprocess.Popen([*cmd, "--port", str(port)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


class Recorder:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.server: dict[str, list[float]] = defaultdict(list)
        self.count = 0

    def add(self, kind: str, seconds: float, ok: bool) -> None:
        self.count += 1
        if ok:
            self.times[kind].append(seconds)
        else:
            self.errors[kind] += 1


def pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 1)


async def timed(
    client: httpx.AsyncClient, rec: Recorder, kind: str, method: str, url: str, **kw: Any
) -> httpx.Response | None:
    start = time.perf_counter()
    try:
        resp = await client.request(method, url, **kw)
    except httpx.HTTPError:
        rec.add(kind, time.perf_counter() - start, ok=False)
        return None
    elapsed = time.perf_counter() - start
    if kind == "brief" and resp.status_code == 200:  # split by the layer that served it
        kind = "brief-cached" if resp.headers.get("x-newsprism-cache") != "built" else "brief-built"
    rec.add(kind, elapsed, ok=resp.status_code == 200)
    timing = resp.headers.get("server-timing", "")
    if resp.status_code == 200 and "dur=" in timing:  # the server's own time, without queueing
        rec.server[kind].append(float(timing.split("dur=")[1]) / 1000)
    return resp


async def reader(
    base: str, story: str, fresh: list[str], rec: Recorder, until: float, builds: bool,
    think: float,
) -> None:  # fmt: skip
    """One client: a request, then a pause of 0 to 2 x ``think`` seconds (a reader reading)."""
    rng = random.Random()
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        while time.monotonic() < until and rec.count < MAX_REQUESTS:
            await asyncio.sleep(rng.uniform(0, 2 * think))
            if builds and fresh:  # briefs of the stories the writers just made: built on demand
                await timed(
                    client,
                    rec,
                    "brief",
                    "GET",
                    f"/api/stories/{rng.choice(fresh[-5:])}/brief?format=html",
                )
                continue
            pick = rng.random()
            if pick < 0.4:
                await timed(client, rec, "story-page", "GET", f"/stories/{story}")
            elif pick < 0.7:
                fmt = rng.choice(["json", "md"])
                await timed(client, rec, "brief", "GET", f"/api/stories/{story}/brief?format={fmt}")
            else:
                await timed(client, rec, "list", "GET", "/")


async def writer(
    base: str, first: int, fresh: list[str], acked: set[str], rec: Recorder, until: float,
    pause: float, stop: asyncio.Event | None = None,
) -> None:  # fmt: skip
    rng = random.Random(first)
    n = first
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        while time.monotonic() < until and rec.count < MAX_REQUESTS:
            if stop is not None and stop.is_set():
                return
            resp = await timed(
                client,
                rec,
                "post-articles",
                "POST",
                "/api/articles",
                json={"articles": batch(n, rng)},
            )
            if resp is not None and resp.status_code == 200:
                got = resp.json()["articles"]
                acked.update(a["id"] for a in got)
                fresh.extend({a["story_id"] for a in got if a["story_id"]})
            n += 1000
            await asyncio.sleep(pause)


async def load(
    base: str, story: str, seconds: float, clients: int, writers: int, think: float
) -> dict[str, Any]:
    rec, fresh, acked = Recorder(), [], set()
    until = time.monotonic() + seconds
    builders = 2  # of the readers, these ask for briefs of brand-new stories
    tasks = [reader(base, story, fresh, rec, until, i < builders, think) for i in range(clients)]
    tasks += [writer(base, i, fresh, acked, rec, until, pause=0.5) for i in range(writers)]
    start = time.perf_counter()
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - start
    kinds = {
        k: {
            "requests": len(v), "p50_ms": pct(v, 50), "p95_ms": pct(v, 95), "p99_ms": pct(v, 99),
            "server_p50_ms": pct(rec.server[k], 50), "server_p95_ms": pct(rec.server[k], 95),
        }
        for k, v in sorted(rec.times.items()) if v
    }  # fmt: skip
    every = [t for v in rec.times.values() for t in v]
    return {
        "seconds": round(wall, 1), "clients": clients, "writers": writers, "think_seconds": think,
        "requests": rec.count, "requests_per_second": round(rec.count / wall, 1),
        "errors": sum(rec.errors.values()), "errors_by_kind": dict(rec.errors),
        "p50_ms": pct(every, 50), "p95_ms": pct(every, 95), "p99_ms": pct(every, 99),
        "by_kind": kinds, "articles_acknowledged": len(acked),
    }  # fmt: skip


async def crash(db: Path, port: int, writers: int) -> dict[str, Any]:
    """SIGKILL the server while writers post, restart it, and look up every acknowledged id."""
    proc = start_server(db, port)
    base = f"http://{HOST}:{port}"
    rec, fresh, acked = Recorder(), [], set()
    until, stop = time.monotonic() + 60, asyncio.Event()
    tasks = [
        asyncio.create_task(writer(base, 500 + i, fresh, acked, rec, until, 0.0, stop))
        for i in range(writers)
    ]
    while len(acked) < 100 and time.monotonic() < until:
        await asyncio.sleep(0.05)
    proc.send_signal(signal.SIGKILL)  # mid-ingest: other batches are in flight
    proc.wait()
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    restarted = start_server(db, port)
    health = httpx.get(f"{base}/api/health", timeout=10).json()
    restarted.terminate()
    restarted.wait(timeout=30)
    store = open_store(str(db))
    stored = set(store.article_ids())
    problems = store.integrity_problems()
    store.close()
    return {
        "acknowledged": len(acked), "failed_in_flight": sum(rec.errors.values()),
        "missing_after_restart": len(acked - stored), "integrity_problems": problems,
        "articles_after_restart": health["articles"],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between requests")
    parser.add_argument("--saturate", type=float, default=15.0, help="seconds without pauses")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "load.db"
        store = open_store(str(db))
        seed(store)
        story = store.stories(limit=1)[0].id
        store.close()
        port = free_port()
        proc = start_server(db, port)
        base = f"http://{HOST}:{port}"
        try:
            warm = time.perf_counter()
            httpx.get(f"{base}/stories/{story}", timeout=300).raise_for_status()
            first_build = time.perf_counter() - warm
            result = asyncio.run(
                load(base, story, args.seconds, args.clients, args.writers, args.think)
            )
            if args.saturate:  # the same clients, no pauses: the server's ceiling
                result["saturated"] = asyncio.run(
                    load(base, story, args.saturate, args.clients, args.writers, 0.0)
                )
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        result["first_build_seconds"] = round(first_build, 2)
        result["crash"] = asyncio.run(crash(db, free_port(), args.writers))
    result["machine"] = {
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
