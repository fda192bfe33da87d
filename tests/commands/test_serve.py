"""`newsprism serve`: the real command in its own process, with the sample store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from newsprism.commands.serve import _loopback
from newsprism.serve.background import free_port


def test_loopback_names() -> None:
    assert _loopback("127.0.0.1") and _loopback("::1") and _loopback("localhost")
    assert not _loopback("0.0.0.0") and not _loopback("192.0.2.1") and not _loopback("example.org")


def test_serve_sample_opens_the_web_app_with_the_story(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "NEWSPRISM_DATA": str(tmp_path), "NEWSPRISM_TOKEN": ""}
    cmd = [sys.executable, "-m", "newsprism.cli", "serve", "--sample", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                health = httpx.get(f"{base}/api/health", timeout=5).json()
                break
            except httpx.HTTPError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"serve did not start: {proc.stderr.read() if proc.stderr else ''}")
                time.sleep(0.2)
        assert health["stories"] == 1 and health["articles"] == 5
        assert (tmp_path / "sample.db").is_file()
        page = httpx.get(f"{base}/", timeout=30)
        assert "Port Arvenna" in page.text
        foreign = httpx.get(f"{base}/api/health", headers={"host": "news.example"}, timeout=30)
        assert foreign.status_code == 400  # bound to loopback: loopback names only
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    # uvicorn shuts down gracefully, then re-raises the signal it caught.
    assert proc.returncode in (0, -signal.SIGTERM), err
    assert f"http://127.0.0.1:{port}/" in err and "warning" not in err
