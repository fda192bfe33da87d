"""What `brief` says on stderr besides warnings: that the semantic extra switched itself on."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.commands.conftest import Cli

from newsprism.commands import brief as brief_cmd


def test_semantic_switching_on_is_said(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("The council approved the bridge on Monday. Work starts soon.")
    monkeypatch.setattr(brief_cmd, "_semantic_installed", lambda: True)
    code, _, err = cli(["brief", str(tmp_path / "a.txt"), "--lexical"])
    assert code == 0 and "semantic" not in err  # asked for words only: nothing to say
    out = tmp_path / "b.md"
    monkeypatch.setattr("newsprism.api.embeddings.available", lambda: False)
    code, _, err = cli(["brief", str(tmp_path / "a.txt"), "-o", str(out)])
    assert "note: aligning claims by meaning" in err
