"""Debian's Chromium for the browser tests (never a downloaded browser): where it is, the flags
that keep it from reaching out on its own, and the rule that it may be missing locally (skip)
but never in CI (fail)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(available: bool, what: str) -> None:
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI (see .ci/run)")
    pytest.skip(f"{what} is not installed")


def require_chromium() -> None:
    """Chromium and Playwright, or skip (fail in CI)."""
    require(Path(CHROMIUM).is_file() and shutil.which(CHROMIUM) is not None, CHROMIUM)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        require(False, "playwright (pip, dev extra)")
