"""Output safety: checked before work, never over an input, atomic, no writing through links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.output import atomic_output, check_output, write_atomic


def code_of(call: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(NewsprismError) as err:
        call(*args, **kwargs)  # type: ignore[operator]
    assert "\n" not in err.value.message  # one line
    return err.value.code


def test_unwritable_places_are_one_line_errors_naming_the_path(tmp_path: Path) -> None:
    regular = tmp_path / "file.txt"
    regular.write_text("x")
    cases = [
        (tmp_path, "it is a folder"),
        (tmp_path / "missing" / "brief.md", "does not exist"),
        (regular / "brief.md", "is a file, not a folder"),
    ]
    for path, why in cases:
        with pytest.raises(NewsprismError) as err:
            check_output(path)
        assert err.value.code == "output-unwritable"
        assert str(path) in err.value.message and why in err.value.message
    assert code_of(check_output, "") == "output-unwritable"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert code_of(check_output, folder / "brief.md") == "output-unwritable"
    finally:
        folder.chmod(0o700)


def test_existing_file_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    out.write_text("old")
    assert code_of(check_output, out) == "output-exists"
    assert check_output(out, force=True) == out


def test_an_input_is_never_an_output_even_with_force(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("text")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    for out in (article, tmp_path / "." / "a.txt", link):
        assert code_of(check_output, out, [article], force=True) == "output-is-input"
    assert article.read_text() == "text"


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "stories.jsonl"
    out.write_text("previous\n")
    with pytest.raises(RuntimeError), atomic_output(out) as fh:
        fh.write("half")
        raise RuntimeError("the run failed")
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["stories.jsonl"]


def test_atomic_write_replaces_a_link_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "target.md"
    target.write_text("keep me")
    link = tmp_path / "brief.md"
    link.symlink_to(target)
    assert code_of(check_output, link) == "output-exists"
    write_atomic(check_output(link, force=True), "new brief")
    assert target.read_text() == "keep me"
    assert not link.is_symlink() and link.read_text() == "new brief"


def test_a_full_disk_is_a_one_line_error_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    out = tmp_path / "brief.md"
    out.write_text("previous")

    def full(_: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(NewsprismError) as err:
        write_atomic(out, "new")
    assert err.value.code == "output-unwritable" and str(out) in err.value.message
    assert "No space left" in err.value.message
    assert out.read_text() == "previous" and [p.name for p in tmp_path.iterdir()] == ["brief.md"]
