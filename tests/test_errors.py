from __future__ import annotations

from importlib import metadata

import pytest

from newsprism import errors
from newsprism.errors import NewsprismError


def _requires(*lines: str):
    return lambda name: list(lines)


def test_extra_missing_names_the_extras_own_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        errors.metadata,
        "requires",
        _requires(
            "core-lib>=1",
            'alpha>=2; extra == "widgets"',
            'beta; sys_platform != "win32" and extra == "widgets"',
            'gamma; extra == "other"',
        ),
    )
    err = NewsprismError("extra-missing", feature="Widgets", extra="widgets")
    assert err.fix == "pip install 'alpha>=2' 'beta'"
    assert "newsprism[" not in err.message


def test_extra_missing_keeps_the_install_first_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errors.metadata, "requires", _requires('alpha; extra == "widgets"'))
    err = NewsprismError("extra-missing", feature="W", extra="widgets", before=" (after x)")
    assert err.fix == "pip install 'alpha' (after x)"


def test_extra_missing_without_metadata_falls_back_to_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(name: str) -> list[str]:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(errors.metadata, "requires", missing)
    err = NewsprismError("extra-missing", feature="W", extra="widgets")
    assert err.fix == "pip install 'newsprism[widgets]'"
