"""Names a package exports but imports only on first use, so `newsprism --help` starts fast."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: dict[str, str]
) -> Callable[[str], Any]:
    """A module `__getattr__` that imports ``name`` from ``exports[name]`` once, then caches it."""

    def getattr_(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(exports[name]), name)
        namespace[name] = value
        return value

    return getattr_
