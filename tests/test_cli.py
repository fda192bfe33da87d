"""Start-up: --version, and --help without the heavy libraries (they load in the commands)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsprism.cli import main

HEAVY = ("sklearn", "spacy", "trafilatura", "datasketch", "scipy", "dask", "torch", "chardet")
HEAVY += ("fastapi", "uvicorn", "starlette", "multipart", "jinja2", "sqlalchemy")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from newsprism import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code in (0, None)
    assert capsys.readouterr().out.strip() == f"newsprism {__version__}"


def test_help_imports_no_heavy_library() -> None:
    probe = (
        "import sys\nfrom newsprism.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert "brief" in done.stdout and "cluster" in done.stdout


def test_help_lists_every_summary_peer() -> None:
    from newsprism.commands.eval_summarize import DEFAULT_PEERS
    from newsprism.eval.peers import PEERS

    assert DEFAULT_PEERS.split(",") == list(PEERS)
