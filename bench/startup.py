"""Start-up time of the `newsprism` command: `--help` and `--version`, each in a new process.

Median of 5 runs (after one discarded run that warms the OS file cache), against the issue's
budget of 0.5 s. Heavy libraries (scikit-learn, spaCy, trafilatura, datasketch) must load only
in the commands that use them.

    .venv/bin/python bench/startup.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 5
BUDGET = 0.5


def command() -> list[str]:
    beside = Path(sys.executable).with_name("newsprism")
    found = str(beside) if beside.exists() else shutil.which("newsprism")
    return [found] if found else [sys.executable, "-m", "newsprism.cli"]


def seconds(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    base = command()
    print(f"| command | median of {RUNS} (s) | min | max | budget |")
    print("|---|---|---|---|---|")
    for flag in ("--help", "--version"):
        seconds([*base, flag])
        times = [seconds([*base, flag]) for _ in range(RUNS)]
        print(
            f"| newsprism {flag} | {statistics.median(times):.3f} | {min(times):.3f} "
            f"| {max(times):.3f} | {BUDGET} |"
        )


if __name__ == "__main__":
    main()
