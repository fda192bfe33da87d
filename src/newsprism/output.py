"""Writing results without losing data: the output is checked before any work is done, never
one of the inputs, never an existing file unless asked, and written atomically (a temporary file
in the same folder, renamed over the target at the end), so a failed or killed run leaves the
previous file as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

from newsprism.errors import NewsprismError


def check_output(out: Path | str, inputs: Iterable[str | Path] = (), force: bool = False) -> Path:
    """The output path, or a one-line error naming it: why it cannot or must not be written."""
    if not str(out).strip():
        raise NewsprismError("output-unwritable", source=repr(str(out)), detail="the path is empty")
    path = Path(out)
    _refuse_inputs(path, inputs)
    if path.is_dir():
        raise NewsprismError("output-unwritable", source=str(path), detail="it is a folder")
    parent = path.parent
    if not parent.exists():
        raise NewsprismError(
            "output-unwritable", source=str(path), detail=f"the folder {parent} does not exist"
        )
    if not parent.is_dir():
        raise NewsprismError(
            "output-unwritable", source=str(path), detail=f"{parent} is a file, not a folder"
        )
    if (path.exists() or path.is_symlink()) and not force:
        raise NewsprismError("output-exists", source=str(path))
    if not os.access(parent, os.W_OK):
        raise NewsprismError(
            "output-unwritable", source=str(path), detail=f"the folder {parent} is read-only"
        )
    return path


def _refuse_inputs(path: Path, inputs: Iterable[str | Path]) -> None:
    target = _real(path)
    for item in inputs:
        if str(item) != "-" and _real(Path(item)) == target:
            raise NewsprismError("output-is-input", source=str(path))


def _real(path: Path) -> Path:
    """Where a path leads (links followed), so two spellings of one file compare equal."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


@contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out`` that replaces it only when the block ends without error.

    The rename replaces a symbolic link itself, never the file it points to; a killed run leaves
    only the hidden `.NAME.*.partial` file, which nothing takes for the output.
    """
    try:
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".partial")
        os.close(fd)
    except OSError as exc:
        raise NewsprismError("output-unwritable", source=str(out), detail=exc.strerror) from exc
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except OSError as exc:
        _remove(tmp)
        raise NewsprismError("output-unwritable", source=str(out), detail=exc.strerror) from exc
    except BaseException:
        _remove(tmp)
        raise


@contextmanager
def atomic_output(out: Path) -> Iterator[TextIO]:
    """`atomic_path` as an open text file, flushed to disk before the rename."""
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


def write_atomic(out: Path, text: str) -> None:
    with atomic_output(out) as fh:
        fh.write(text)


def _remove(path: Path) -> None:
    with suppress(OSError):
        os.unlink(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
