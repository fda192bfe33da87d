"""Shared fixtures. Data in ../shared is for tests and evaluation only and is never copied here."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# $NEWSPRISM_SHARED points elsewhere (a git worktree has no ../shared beside it).
SHARED = Path(
    os.environ.get("NEWSPRISM_SHARED") or Path(__file__).resolve().parents[1].parent / "shared"
)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repo: skip cleanly when absent, but fail in CI (CI=true)."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing: CI must run with ../shared beside the repository")
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def doj_dir(shared_dir: Path) -> Path:
    return shared_dir / "clusters" / "doj-letter"


# PostgreSQL for the store tests: `.ci/postgres` starts a throwaway server and CI exports its URL.
PG_ADMIN = os.environ.get("NEWSPRISM_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store URL: a SQLite file, and a new database on the test PostgreSQL."""
    if request.param == "sqlite":
        yield str(tmp_path / "newsprism.db")
        return
    if not PG_ADMIN:
        if os.environ.get("CI") == "true":
            pytest.fail("NEWSPRISM_TEST_PG is not set: CI must start PostgreSQL (.ci/postgres)")
        pytest.skip("no PostgreSQL: start one with .ci/postgres and set NEWSPRISM_TEST_PG")
    import psycopg

    name = f"np_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
