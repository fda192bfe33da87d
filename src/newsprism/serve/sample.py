"""`newsprism serve --sample`: a store that holds the bundled sample story, so the web app opens
with something to read. Seeded once; later starts reuse it."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest import read_inputs
from newsprism.model import Story
from newsprism.samples import sample_paths
from newsprism.store import Placed, Store, default_db


def sample_db() -> Path:
    """`sample.db` beside the default store, so the demo never mixes with a real stream."""
    return default_db().with_name("sample.db")


def seed(store: Store) -> int:
    """Store the sample as the one story it is (its five outlets cover one event), when the
    store holds no article yet; returns how many were stored."""
    if store.counts()["articles"]:
        return 0
    result = read_inputs(sample_paths())
    story = Story.from_articles(result.articles, title=result.title)
    title = story.title or next((a.title for a in story.articles if a.title), None)
    return store.write_batch([Placed(a, story.id, title) for a in story.articles])
