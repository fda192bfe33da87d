"""`newsprism cluster` under process faults: SIGKILL of the main process leaves no helper behind
and no output that passes for complete; a helper's death ends the run with a clear error.

The run is held mid-stream by a second input that is a named pipe: the helper is alive, and the
main process waits to read, until the test writes to the pipe.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.cluster.io import read_stories
from newsprism.errors import NewsprismError

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")


def children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if f"\nPPid:\t{pid}\n" in text:
            found.append(int(status.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state  # a zombie has ended


def wait_for(check: object, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def rows(n: int, offset: int = 0) -> str:
    return "".join(
        json.dumps({"text": f"Article {i} about topic {i % 7}. It has words like river and vote."})
        + "\n"
        for i in range(offset, offset + n)
    )


@pytest.fixture
def held_run(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path, Path]]:
    first = tmp_path / "first.jsonl"
    first.write_text(rows(600))
    fifo = tmp_path / "second.jsonl"
    os.mkfifo(fifo)
    out = tmp_path / "stories.jsonl"
    out.write_text("previous\n")
    args = [sys.executable, "-m", "newsprism.cli", "cluster", str(first), str(fifo)]
    args += ["--out", str(out), "--force", "-q", "--jobs", "1", "--reorder", "0"]
    run = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: children(run.pid)), "the helper process never started"
        yield run, fifo, out
    finally:
        if run.poll() is None:
            run.kill()
        run.communicate(timeout=30)


def test_sigkill_leaves_no_orphan_and_no_complete_looking_file(
    held_run: tuple[subprocess.Popen[bytes], Path, Path],
) -> None:
    run, _, out = held_run
    helpers = children(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    assert wait_for(lambda: not any(alive(h) for h in helpers), 10), "helper outlived the run"
    assert out.read_text() == "previous\n"
    with pytest.raises(NewsprismError):
        list(read_stories(out))


def test_a_dead_helper_ends_the_run_with_a_clear_error(
    held_run: tuple[subprocess.Popen[bytes], Path, Path],
) -> None:
    run, fifo, out = held_run
    for helper in children(run.pid):
        os.kill(helper, signal.SIGKILL)
    with fifo.open("w") as fh:  # release the main process
        fh.write(rows(600, offset=600))
    _, err = run.communicate(timeout=60)
    assert run.returncode == 2
    assert b"helper process died" in err and b"Traceback" not in err
    assert out.read_text() == "previous\n"
