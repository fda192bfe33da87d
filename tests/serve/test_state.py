"""The brief pool: bounded, shared builds per key; the page cache: LRU by key."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsprism.errors import NewsprismError
from newsprism.serve.state import BriefPool, PageCache


def test_one_build_per_key_is_shared() -> None:
    calls = []
    gate = threading.Event()

    def build() -> str:
        calls.append(1)
        gate.wait(5)
        return "brief"

    async def scenario() -> list[str]:
        pool = BriefPool(ThreadPoolExecutor(2), workers=2, queue=2)
        waiting = [asyncio.create_task(pool.run("story-1", build)) for _ in range(5)]
        await asyncio.sleep(0.05)
        gate.set()
        results = await asyncio.gather(*waiting)
        assert pool.pending == 0 and not pool.building
        pool.close()
        return results

    assert asyncio.run(scenario()) == ["brief"] * 5
    assert len(calls) == 1


def test_a_full_queue_says_busy_instead_of_waiting() -> None:
    gate = threading.Event()

    async def scenario() -> None:
        pool = BriefPool(ThreadPoolExecutor(1), workers=1, queue=1)
        running = [asyncio.create_task(pool.run(None, lambda: gate.wait(5))) for _ in range(2)]
        await asyncio.sleep(0.05)
        with pytest.raises(NewsprismError) as caught:
            await pool.run(None, lambda: True)
        assert caught.value.code == "server-busy"
        gate.set()
        await asyncio.gather(*running)
        assert await pool.run(None, lambda: "again") == "again"
        pool.close()

    asyncio.run(scenario())


def test_an_error_reaches_every_waiter_and_frees_the_key() -> None:
    def fail() -> str:
        raise NewsprismError("stage-failed", stage="x", detail="boom")

    async def scenario() -> None:
        pool = BriefPool(ThreadPoolExecutor(1), workers=1, queue=4)
        results = await asyncio.gather(
            pool.run("k", fail), pool.run("k", fail), return_exceptions=True
        )
        assert all(isinstance(r, NewsprismError) for r in results)
        assert await pool.run("k", lambda: "ok") == "ok"
        pool.close()

    asyncio.run(scenario())


def test_page_cache_drops_the_least_recently_used() -> None:
    cache = PageCache(2)
    cache.put("a", "A")
    cache.put("b", "B")
    assert cache.get("a") == "A"
    cache.put("c", "C")
    assert cache.get("b") is None and cache.get("a") == "A" and cache.get("c") == "C"
