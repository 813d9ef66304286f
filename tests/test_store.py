"""The store: migrations match the schema, writes are whole, reads filter as asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from documents import sample_document
from khronika.model import Reject
from khronika.store import EventFilter, Store, schema


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'k.db'}")


def test_migrated_database_matches_the_declared_schema(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), schema.metadata)
    # The FTS5 table and its shadow tables are the migration's own, outside the Core schema.
    assert [d for d in differences if not (d[0] == "remove_table" and d[1].name.startswith("articles_fts"))] == []


def test_reopening_a_migrated_database_keeps_its_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    Store(url).save(sample_document())
    assert Store(url).stats()["articles"] == 1


def test_save_is_idempotent_and_round_trips(store: Store) -> None:
    doc = sample_document()
    assert store.save(doc) is True
    assert store.save(doc) is False
    assert store.stats()["events"] == 2
    again = store.document("a1")
    assert again is not None
    assert again.to_dict() == {**doc.to_dict(), "tokens": []}  # tokens are kept only as lemmas for search


def test_a_failed_write_leaves_nothing_behind(store: Store) -> None:
    doc = sample_document()
    doc.events.append(doc.events[0])  # a duplicate event id violates the primary key mid-transaction
    with pytest.raises(Exception):
        store.save(doc)
    with store.engine.connect() as connection:
        for table in schema.metadata.sorted_tables:
            assert connection.execute(select(func.count()).select_from(table)).scalar_one() == 0, table.name


def test_event_filters(store: Store) -> None:
    store.save(sample_document())
    store.save(sample_document("a2", date(2025, 6, 1)))
    by = lambda **kw: sorted(s.event.id for s in store.events(EventFilter(**kw)))  # noqa: E731
    assert by(mode="expel") == ["a1:39:SANCTION", "a2:39:SANCTION"]
    assert by(actor="LTU", recipient="BLR", article="a2") == ["a2:39:SANCTION"]
    assert by(recipient="LTU") == []
    assert by(since=date(2025, 5, 1)) == ["a2:0:SANCTION"]  # the expulsion is dated 2025-03-03 in both
    assert by(until=date(2025, 3, 3)) == ["a1:39:SANCTION", "a2:39:SANCTION"]
    assert by(text="журналістів", status="occurred") == ["a1:0:SANCTION", "a2:0:SANCTION"]
    [stored] = store.events(EventFilter(event="SANCTION", mode="convict", limit=1))
    assert stored.article_id == "a1" and stored.event.magnitude is not None and stored.event.magnitude.counted == "журналіст"


def test_articles_filters_and_lemma_search(store: Store) -> None:
    store.save(sample_document())
    store.save(sample_document("a2", date(2025, 6, 1)))
    assert [a["id"] for a in store.articles(since=date(2025, 5, 1))] == ["a2"]
    assert [a["id"] for a in store.articles(until=date(2025, 5, 1), source="Тест")] == ["a1"]
    assert [a["id"] for a in store.articles(search="засудити")] == ["a1", "a2"]
    assert store.articles(search="помилувати") == []
    assert store.articles()[0]["events"] == 2


def test_rejects_are_recorded_once_per_origin_and_reason(store: Store) -> None:
    store.add_reject(Reject("feed.jsonl:3", "empty text"))
    store.add_reject(Reject("feed.jsonl:3", "empty text"))
    store.add_reject(Reject("feed.jsonl:4", "missing date"))
    assert [(r["origin"], r["reason"]) for r in store.rejects()] == [("feed.jsonl:3", "empty text"), ("feed.jsonl:4", "missing date")]
