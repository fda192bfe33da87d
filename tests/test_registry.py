"""One registry: a plugin installed as a distribution adds a stage, reader, renderer and engine."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.registry import ENGINES, READERS, RENDERERS, STAGES

MODULES = {
    "stage": """
from newsprism.registry import stage


@stage("t-plugin-stage", version="1", requires=("articles",), assigns=())
def plugin_stage(ctx):
    ctx.get("articles")
""",
    "reader": """
from newsprism.ingest.base import make_article, reader


@reader(".shout")
def read_shout(data, source):
    yield make_article(data.decode().lower(), source)
""",
    "renderer": """
from newsprism.registry import renderer


@renderer("shout")
def shout(brief):
    return (brief.title or "").upper()
""",
    "engine": """
from newsprism.cluster.engines import engine


@engine("echo")
def echo(inputs, out, mode, config, **options):
    raise RuntimeError("echo engine ran")
""",
}
ENTRY_POINTS = "".join(f"[newsprism.{kind}s]\nfake = fakeplug_{kind}\n" for kind in MODULES)
REGISTRIES = (STAGES, READERS, RENDERERS, ENGINES)
ADDED = {"stage": "t-plugin-stage", "reader": ".shout", "renderer": "shout", "engine": "echo"}


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A distribution on sys.path, as pip would leave it: a module and a dist-info folder."""
    for registry in REGISTRIES:
        registry.load()  # what was installed before
    for kind, code in MODULES.items():
        (tmp_path / f"fakeplug_{kind}.py").write_text(code, "utf-8")
    info = tmp_path / "fakeplug-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fakeplug\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        yield
    finally:
        for registry in REGISTRIES:
            registry.remove(ADDED[registry.kind])
            sys.modules.pop(f"fakeplug_{registry.kind}", None)


def test_entry_point_plugin_is_picked_up_by_every_registry(installed: None) -> None:
    for registry in REGISTRIES:
        assert ADDED[registry.kind] not in registry, registry.kind
        registry.load(again=True)
        assert ADDED[registry.kind] in registry, f"the plugin's {registry.kind} was not loaded"
    with pytest.raises(RuntimeError, match="echo engine ran"):
        ENGINES.get("echo").run([], Path("x"), "online", None)  # type: ignore[arg-type]


def test_built_ins_register_like_plugins() -> None:
    assert {"json", "md", "html"} <= set(RENDERERS)
    assert {"local", "dask"} <= set(ENGINES)
    assert {".txt", ".json", ".jsonl", ".html"} <= set(READERS)
    assert "summary" in STAGES


def test_unknown_name_names_the_known_ones() -> None:
    with pytest.raises(NewsprismError) as caught:
        ENGINES.get("spark")
    assert caught.value.code == "plugin-unknown"
    assert "local" in caught.value.fix and "newsprism.engines" in caught.value.fix
