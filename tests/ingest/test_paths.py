"""Which files a folder yields, and input arguments checked before anything is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs
from newsprism.ingest.paths import as_paths

BODY = "The council approved the new bridge on Monday. Work starts in May and ends in 2027."


def test_folder_skips_extensionless_unknown_and_our_outputs(tmp_path: Path) -> None:
    from newsprism.api import brief
    from newsprism.render import render

    (tmp_path / "a.txt").write_text(BODY)
    for name in ("README", "LICENSE", "Makefile", "notes.docx", ".hidden.txt"):
        (tmp_path / name).write_text(BODY)
    made = brief([tmp_path / "a.txt"], stages=["sentences"])
    for fmt in ("html", "json"):
        (tmp_path / f"brief.{fmt}").write_text(render(made, fmt))
    result = read_inputs([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["a.txt"]
    skipped = {Path(n.source or "").name: n.message for n in result.notices}
    assert set(skipped) == {
        "README",
        "LICENSE",
        "Makefile",
        "notes.docx",
        "brief.html",
        "brief.json",
    }
    assert "newsprism output" in skipped["brief.html"]


def test_extensionless_file_named_on_its_own_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "article").write_text(BODY)
    assert read_inputs([tmp_path / "article"]).articles[0].text == BODY


def test_a_string_is_one_path_not_its_characters(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    assert len(read_inputs(str(tmp_path)).articles) == 1
    assert as_paths("some/dir") == ["some/dir"]


@pytest.mark.parametrize("bad", [None, 123, b"bytes", [""], ["ok.txt", 5]])
def test_bad_inputs_are_clear_errors(bad: object) -> None:
    with pytest.raises(NewsprismError) as err:
        as_paths(bad)
    assert err.value.code == "option-invalid"
