"""Real servers for the serve tests: uvicorn in a thread on 127.0.0.1 and a free port, over a
temporary SQLite store; one seeded from the bundled sample (read-only tests share it), and fresh
ones for tests that write."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from tests.serve.helpers import TOKEN

from newsprism.serve.background import BackgroundServer
from newsprism.serve.sample import seed
from newsprism.serve.state import ServeSettings, ServeState


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample story's store, served with a token; the base URL."""
    db = tmp_path_factory.mktemp("serve") / "sample.db"
    state = ServeState(ServeSettings(db=str(db), token=TOKEN))
    seed(state.store)
    with BackgroundServer(state) as url:
        yield url


@pytest.fixture(scope="session")
def sample_story(sample_server: str) -> str:
    with httpx.Client(base_url=sample_server) as client:
        return str(client.get("/api/stories").json()["stories"][0]["id"])


@pytest.fixture
def make_server(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Start a server over a new empty store with the given settings; stopped after the test."""
    numbers = itertools.count()
    with ExitStack() as stack:

        def start(**settings: object) -> str:
            db = tmp_path / f"store-{next(numbers)}.db"
            state = ServeState(ServeSettings(db=str(db), **settings))  # type: ignore[arg-type]
            return stack.enter_context(BackgroundServer(state))

        yield start


@pytest.fixture
def client(sample_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sample_server, timeout=120) as c:
        yield c
