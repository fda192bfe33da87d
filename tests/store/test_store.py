"""The store against SQLite and a real PostgreSQL: schema, idempotent ingest, copies, growth
across runs, atomic batches, integrity checks, feed state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from tests.expect import the
from tests.store.helpers import article, stream

from newsprism.errors import NewsprismError
from newsprism.store import FeedState, Placed, open_store
from newsprism.store.ingest import Ingester
from newsprism.store.schema import metadata


def test_migrations_build_the_schema_the_queries_use(db_url: str) -> None:
    store = open_store(db_url)
    found = inspect(store.engine)
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in found.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        # Types, keys and indexes too: what Alembic's autogenerate would still want to change.
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    store.close()


def test_ingest_is_idempotent_and_survives_reopening(db_url: str) -> None:
    articles = stream(6)
    store = open_store(db_url)
    first = Ingester(store).ingest(articles)
    store.close()
    store = open_store(db_url)  # a second open runs the migrations again: a no-op
    again = Ingester(store).ingest(articles + articles[:5])
    assert (first.stored, first.already) == (30, 0)
    assert (again.stored, again.already) == (0, 35)
    assert store.counts()["articles"] == 30
    assert sorted(store.article_ids()) == sorted(a.id for a in articles)
    assert store.integrity_problems() == []
    store.close()


def test_topics_become_stories_and_a_syndicated_copy_links_to_its_original(db_url: str) -> None:
    original = article("storm", 1)
    copy = original.model_copy(update={"outlet": "Wire Reprint"})
    copy = type(copy).create(
        copy.text + " Reprinted.", title=copy.title, outlet="Wire Reprint", date=copy.date
    )
    store = open_store(db_url)
    stats = Ingester(store).ingest([*stream(4), original, copy])
    assert stats.duplicates == 1
    by_topic = {row.title.split()[0] for row in store.stories()}
    assert by_topic == {"Bridge", "Storm", "Election", "Vaccine", "Strike"}
    storm = store.story(the(store.stories(search="storm"), "a story found by 'storm'").id)
    linked = {a.id: a.duplicate_of for a in storm.articles}
    assert linked[copy.id] == original.id and linked[original.id] is None
    store.close()


def test_a_later_run_grows_the_stored_story_and_marks_it_stale(db_url: str) -> None:
    store = open_store(db_url)
    Ingester(store).ingest([article("vaccine", n, day=0) for n in range(3)])
    (row,) = store.stories()
    store.save_brief(row.id, "hash", "[]", "{}")
    assert not store.stories()[0].stale
    Ingester(store).ingest([article("vaccine", n, day=1) for n in range(3, 5)])
    (grown,) = store.stories()
    assert (grown.id, grown.articles, grown.stale) == (row.id, 5, True)
    assert (grown.first_seen, grown.last_seen) == (date(2024, 3, 1), date(2024, 3, 2))
    store.close()


def test_a_failed_batch_leaves_nothing_behind(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(db_url)
    Ingester(store).ingest(stream(2))
    before = store.counts()

    def broken(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_grow_stories", broken)  # after stories and articles were written
    with pytest.raises(RuntimeError):
        Ingester(store).ingest(stream(4))
    assert store.counts() == before
    assert store.integrity_problems() == []
    store.close()


def test_integrity_check_reports_a_story_whose_count_lies(db_url: str) -> None:
    store = open_store(db_url)
    Ingester(store).ingest(stream(2))
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE stories SET articles = articles + 1"))
    assert any("article count" in p for p in store.integrity_problems())
    store.close()


def test_stories_filter_by_search_and_date(db_url: str) -> None:
    store = open_store(db_url)
    Ingester(store).ingest([article("bridge", 0, day=0), article("strike", 0, day=5)])
    assert [r.title for r in store.stories(search="STRIKE")] == ["Strike update 0"]
    assert [r.title for r in store.stories(since=date(2024, 3, 3))] == ["Strike update 0"]
    assert len(store.stories()) == 2
    with pytest.raises(NewsprismError, match="no single story"):
        store.story("st-none")
    store.close()


def test_feed_state_round_trips(db_url: str) -> None:
    store = open_store(db_url)
    assert store.feed_state("https://a.example/feed").errors == 0
    store.save_feed_state(
        FeedState("https://a.example/feed", etag='"v1"', errors=2, last_error="x")
    )
    store.save_feed_state(FeedState("https://a.example/feed", etag='"v2"', errors=0))
    state = store.feed_state("https://a.example/feed")
    assert (state.etag, state.errors, state.last_error) == ('"v2"', 0, None)
    store.close()


def test_a_store_that_cannot_be_opened_is_one_clear_error() -> None:
    with pytest.raises(NewsprismError, match="store cannot be opened") as err:
        open_store("postgresql://nobody@127.0.0.1:1/none")
    assert "127.0.0.1:1" in err.value.message


def test_the_default_store_is_a_sqlite_file_in_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSPRISM_DB", raising=False)
    monkeypatch.setenv("NEWSPRISM_DATA", str(tmp_path / "data"))
    open_store().close()
    assert (tmp_path / "data" / "newsprism.db").is_file()
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "env.db"))
    open_store().close()
    assert (tmp_path / "env.db").is_file()


def test_a_batch_another_writer_stored_first_changes_nothing(db_url: str) -> None:
    """Two writers placing the same new articles: the second insert is ignored, and neither
    the counts nor an empty story are left behind."""
    store = open_store(db_url)
    placed = [Placed(a, "st-race", a.title) for a in stream(2)]
    assert store.write_batch(placed) == 10
    assert store.write_batch([*placed, Placed(placed[0].article, "st-other")]) == 0
    assert [(r.id, r.articles) for r in store.stories()] == [("st-race", 10)]
    assert store.integrity_problems() == []
    store.close()
