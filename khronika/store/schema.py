"""The store's tables, as SQLAlchemy Core objects for queries.

Alembic migrations (khronika/store/migrations) create and change them; a test
checks that a migrated database and these declarations agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)


def _span_columns() -> list[Column]:
    """Where a mention stands in its article: its rank, offsets and words."""
    return [
        Column("idx", Integer, primary_key=True),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
    ]


articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("published", Date, nullable=False, index=True),
    Column("source", String(200), index=True),
    Column("url", Text),
    Column("title", Text),
    Column("language", String(8), nullable=False),
    Column("external_id", String(200)),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("lemmas", Text, nullable=False),  # space-separated lemmas, for full-text search
    Column("ingested_at", DateTime, nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    _article_fk(),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

# One row per thing an article names; its mentions point to it.
entities = Table(
    "entities",
    metadata,
    _article_fk(),
    Column("entity", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("code", String(8), index=True),
    Column("sector", String(8)),
    Column("kb", String(200), index=True),
)

mentions = Table(
    "mentions",
    metadata,
    _article_fk(),
    *_span_columns(),
    Column("entity", String(200), nullable=False),
    Column("type", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("metonym", Boolean, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
)

quantities = Table(
    "quantities",
    metadata,
    _article_fk(),
    *_span_columns(),
    Column("min", Float),
    Column("max", Float),
    Column("approximate", Boolean, nullable=False),
    Column("qualifier", String(16), nullable=False),
    Column("counted", String(100)),
    Column("nationality", String(8)),
    Column("unit", String(16)),
)

dates = Table(
    "dates",
    metadata,
    _article_fk(),
    *_span_columns(),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("precision", String(16), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event", String(16), nullable=False, index=True),
    Column("mode", String(32)),
    Column("context", Text, nullable=False),  # JSON list of PLOVER context codes
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("date_precision", String(16)),
    Column("date_from_publication", Boolean, nullable=False),
    Column("status", String(16), nullable=False),
    Column("magnitude", Text),  # the Quantity as JSON
    Column("reporter", Text),
    Column("sources", Integer),
    Column("anonymous", Boolean, nullable=False),
    Column("speaker", Text),
    Column("attribution_text", Text),
    Column("event_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
)

# Actors and recipients of events: one row each, so they can be filtered by code.
event_arguments = Table(
    "event_arguments",
    metadata,
    Column("event_id", String(100), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), primary_key=True),  # actor | recipient
    Column("idx", Integer, primary_key=True),
    Column("actor_text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("code", String(8), index=True),
    Column("sector", String(8)),
    Column("kb", String(200)),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_seen", DateTime, nullable=False),
    Column("last_seen", DateTime, nullable=False),
    UniqueConstraint("origin", "reason", name="uq_rejects_origin_reason"),
)
