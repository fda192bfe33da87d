"""Shared fixtures. Data in ../shared is for tests and evaluation only and is never copied here."""

from __future__ import annotations

import os
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
