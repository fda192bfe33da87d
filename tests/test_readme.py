"""The README's install lines install what pyproject declares, from PyPI alone."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_semantic_install_line_names_the_extras_packages_not_the_project() -> None:
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]["semantic"]
    row = next((line for line in (ROOT / "README.md").read_text("utf-8").splitlines()
                if line.startswith("| `semantic` |")), "")  # fmt: skip
    assert row, "README has no row for the semantic extra"
    commands = re.findall(r"`(pip install [^`]+)`", row)
    outside_a_clone = [c for c in commands if "-e " not in c and "torch" not in c]
    assert outside_a_clone, f"no install line that works outside a clone in: {row}"
    line = outside_a_clone[0]
    assert "newsprism" not in line, "newsprism itself is not on PyPI: this fails outside a clone"
    for requirement in extra:
        assert requirement in line.replace("'", ""), f"{requirement} missing from: {line}"
