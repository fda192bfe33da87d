"""Run the real CLI entry point in-process and capture exit code, stdout and stderr."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsprism.cli import main

Cli = Callable[[list[str]], tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    def run(argv: list[str]) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        out = capsys.readouterr()
        return int(exit_info.value.code or 0), out.out, out.err

    return run
