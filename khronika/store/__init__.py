"""The store: documents in SQLite (default) or PostgreSQL, one transaction per article.

`Store(url)` migrates the database to the newest schema on open. `save(doc)`
writes an article with everything found in it, or nothing: a crash between two
articles leaves every stored article whole, and the next run stores the rest.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, insert, select, text
from sqlalchemy.engine import Connection

from khronika.model import (
    Actor,
    Article,
    Attribution,
    DateExpr,
    Document,
    Entity,
    Evidence,
    Event,
    Quantity,
    Reject,
    Sentence,
)
from khronika.store import schema

DEFAULT_URL = "sqlite:///khronika.db"
_INSERT_FTS = text("INSERT INTO articles_fts (article_id, lemmas) VALUES (:id, :lemmas)")
MIGRATIONS = Path(__file__).with_name("migrations")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers work while a batch writes; foreign keys make deletes cascade.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass(frozen=True)
class EventFilter:
    event: str | None = None
    mode: str | None = None
    actor: str | None = None  # actor code
    recipient: str | None = None  # recipient code
    since: date | None = None
    until: date | None = None
    status: str | None = None
    article: str | None = None
    text: str | None = None  # words that the event's sentence contains
    limit: int | None = None


@dataclass(frozen=True)
class StoredEvent:
    article_id: str
    event: Event


class Store:
    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = url
        self.engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        migrate(self.engine)

    # -- writing ---------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as connection:
            found = connection.execute(select(schema.articles.c.id).where(schema.articles.c.id == article_id))
            return found.first() is not None

    def save(self, doc: Document) -> bool:
        """Store the document in one transaction; False if it was already stored."""
        with self.engine.begin() as connection:
            exists = connection.execute(select(schema.articles.c.id).where(schema.articles.c.id == doc.article.id))
            if exists.first() is not None:
                return False
            _insert_document(connection, doc)
        return True

    def add_reject(self, reject: Reject) -> None:
        now = _now()
        table = schema.rejects
        with self.engine.begin() as connection:
            known = connection.execute(
                select(table.c.id).where(table.c.origin == reject.origin, table.c.reason == reject.reason)
            ).first()
            if known is None:
                connection.execute(insert(table).values(origin=reject.origin, reason=reject.reason, first_seen=now, last_seen=now))
            else:
                connection.execute(table.update().where(table.c.id == known.id).values(last_seen=now))

    # -- reading ---------------------------------------------------------------

    def articles(
        self,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        a = schema.articles
        n_events = select(func.count()).where(schema.events.c.article_id == a.c.id).scalar_subquery()
        query = select(
            a.c.id, a.c.published, a.c.source, a.c.title, a.c.url, a.c.origin, func.length(a.c.text).label("chars"),
            n_events.label("events"),
        ).order_by(a.c.published, a.c.id)
        if since:
            query = query.where(a.c.published >= since)
        if until:
            query = query.where(a.c.published <= until)
        if source:
            query = query.where(a.c.source == source)
        if search:
            query = query.where(a.c.id.in_(self._search_ids(search)))
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def ids_starting(self, prefix: str, limit: int = 5) -> list[str]:
        """Article ids that start with `prefix`, so users can type a few characters."""
        a = schema.articles
        query = select(a.c.id).where(a.c.id.startswith(prefix, autoescape=True)).order_by(a.c.id).limit(limit)
        with self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def _search_ids(self, words: str) -> Any:
        """Article ids whose lemmas contain every word of `words` (already lemmatized)."""
        if self.engine.dialect.name == "sqlite":
            query = " ".join('"' + w.replace('"', "") + '"' for w in words.split())
            return text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=query)
        condition = func.to_tsvector("simple", schema.articles.c.lemmas).op("@@")(func.plainto_tsquery("simple", words))
        return select(schema.articles.c.id).where(condition)

    def document(self, article_id: str) -> Document | None:
        """The stored article with everything found in it, as the stages produced it."""
        with self.engine.connect() as connection:
            row = connection.execute(select(schema.articles).where(schema.articles.c.id == article_id)).first()
            if row is None:
                return None
            article = Article(
                id=row.id, text=row.text, published=row.published, source=row.source, url=row.url,
                title=row.title, language=row.language, origin=row.origin, external_id=row.external_id,
            )
            doc = Document(article)
            by_article = lambda table: select(table).where(table.c.article_id == article_id)  # noqa: E731
            doc.sentences = [
                Sentence(r.start, r.end, row.text[r.start : r.end])
                for r in connection.execute(by_article(schema.sentences).order_by(schema.sentences.c.idx))
            ]
            groups = {r.entity: r for r in connection.execute(by_article(schema.entities))}
            doc.entities = [
                Entity(
                    r.start, r.end, r.text, r.type, r.name, groups[r.entity].code, groups[r.entity].sector,
                    groups[r.entity].kb, r.entity, r.metonym, r.lat, r.lon,
                )
                for r in connection.execute(by_article(schema.mentions).order_by(schema.mentions.c.idx))
            ]
            doc.quantities = [
                Quantity(r.start, r.end, r.text, r.min, r.max, r.approximate, r.qualifier, r.counted, r.nationality, r.unit)
                for r in connection.execute(by_article(schema.quantities).order_by(schema.quantities.c.idx))
            ]
            doc.dates = [
                DateExpr(r.start, r.end, r.text, r.date_start, r.date_end, r.precision)
                for r in connection.execute(by_article(schema.dates).order_by(schema.dates.c.idx))
            ]
        in_text_order = sorted(self.events(EventFilter(article=article_id)), key=lambda s: (s.event.evidence.start, s.event.id))
        doc.events = [stored.event for stored in in_text_order]
        return doc

    def events(self, where: EventFilter = EventFilter()) -> list[StoredEvent]:
        e, arg = schema.events, schema.event_arguments
        query = select(e).order_by(e.c.date_start, e.c.article_id, e.c.evidence_start, e.c.id)
        for column, value in ((e.c.event, where.event), (e.c.mode, where.mode), (e.c.status, where.status), (e.c.article_id, where.article)):
            if value:
                query = query.where(column == value)
        for role, code in (("actor", where.actor), ("recipient", where.recipient)):
            if code:
                query = query.where(e.c.id.in_(select(arg.c.event_id).where(arg.c.role == role, arg.c.code == code)))
        if where.since:
            query = query.where(func.coalesce(e.c.date_end, e.c.date_start) >= where.since)
        if where.until:
            query = query.where(e.c.date_start <= where.until)
        if where.text:
            for word in where.text.split():
                query = query.where(e.c.text.ilike(f"%{word}%"))
        if where.limit:
            query = query.limit(where.limit)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
            ids = [r.id for r in rows]
            roles: dict[tuple[str, str], list[Actor]] = {}
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for a in connection.execute(select(arg).where(arg.c.event_id.in_(chunk)).order_by(arg.c.idx)):
                    roles.setdefault((a.event_id, a.role), []).append(Actor(a.actor_text, a.name, a.code, a.sector, a.kb))
        return [
            StoredEvent(r.article_id, _event_from_row(r, roles.get((r.id, "actor"), []), roles.get((r.id, "recipient"), [])))
            for r in rows
        ]

    def stats(self) -> dict[str, Any]:
        counted = {
            "articles": schema.articles, "sentences": schema.sentences, "entities": schema.entities,
            "mentions": schema.mentions, "quantities": schema.quantities, "dates": schema.dates,
            "events": schema.events, "rejects": schema.rejects,
        }
        with self.engine.connect() as connection:
            figures: dict[str, Any] = {
                name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in counted.items()
            }
            first, last = connection.execute(select(func.min(schema.articles.c.published), func.max(schema.articles.c.published))).one()
            figures["published_from"] = first.isoformat() if first else None
            figures["published_to"] = last.isoformat() if last else None
            by_category = connection.execute(
                select(schema.events.c.event, func.count()).group_by(schema.events.c.event).order_by(func.count().desc())
            )
            figures["events_by_category"] = {category: n for category, n in by_category}
        return figures

    def rejects(self) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            query = select(schema.rejects).order_by(schema.rejects.c.id)
            return [dict(r._mapping) for r in connection.execute(query)]


def _insert_document(connection: Connection, doc: Document) -> None:
    a = doc.article
    lemmas = " ".join(t.lemma.lower() for t in doc.tokens if t.lemma)
    connection.execute(_insert_into(schema.articles), {
        "id": a.id, "published": a.published, "source": a.source, "url": a.url, "title": a.title, "language": a.language,
        "external_id": a.external_id, "origin": a.origin, "text": a.text, "lemmas": lemmas, "ingested_at": _now(),
    })
    if connection.dialect.name == "sqlite":
        connection.execute(_INSERT_FTS, {"id": a.id, "lemmas": lemmas})
    _insert_rows(connection, schema.sentences, ({"idx": i, "start": s.start, "end": s.end} for i, s in enumerate(doc.sentences)), a.id)
    groups: dict[str, dict[str, Any]] = {}
    for m in doc.entities:
        key = m.entity or f"{m.type}:{m.name}"
        groups.setdefault(key, {"entity": key, "name": m.name, "type": m.type, "code": m.code, "sector": m.sector, "kb": m.kb})
    _insert_rows(connection, schema.entities, groups.values(), a.id)
    _insert_rows(connection, schema.mentions, (
        {"idx": i, "entity": m.entity or f"{m.type}:{m.name}", "start": m.start, "end": m.end, "text": m.text,
         "type": m.type, "name": m.name, "metonym": m.metonym, "lat": m.lat, "lon": m.lon}
        for i, m in enumerate(doc.entities)
    ), a.id)
    _insert_rows(connection, schema.quantities, ({"idx": i, **_fields_of(q)} for i, q in enumerate(doc.quantities)), a.id)
    _insert_rows(connection, schema.dates, ({"idx": i, **_fields_of(d)} for i, d in enumerate(doc.dates)), a.id)
    _insert_rows(connection, schema.events, (_event_row(ev) for ev in doc.events), a.id)
    _insert_rows(connection, schema.event_arguments, (
        {"event_id": ev.id, "role": role, "idx": i, "actor_text": actor.actorText, "name": actor.name,
         "code": actor.code, "sector": actor.sector, "kb": actor.kb}
        for ev in doc.events
        for role, actors in (("actor", ev.actor), ("recipient", ev.recipient))
        for i, actor in enumerate(actors)
    ))


def _insert_rows(connection: Connection, table: Any, rows: Iterable[dict[str, Any]], article_id: str | None = None) -> None:
    values = [{**row, "article_id": article_id} if article_id else row for row in rows]
    if values:
        connection.execute(_insert_into(table), values)


@functools.cache
def _insert_into(table: Any) -> Any:
    """The INSERT statement of a table, built once: SQLAlchemy then finds its compiled form faster."""
    return insert(table)


def _fields_of(record: Any) -> dict[str, Any]:
    """A flat dataclass (Quantity, DateExpr) as a dict: asdict's deep copy is slow and needless for scalars."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _event_row(ev: Event) -> dict[str, Any]:
    return {
        "id": ev.id, "event": ev.event, "mode": ev.mode, "context": json.dumps(ev.context),
        "date_start": ev.date_start, "date_end": ev.date_end, "date_precision": ev.date_precision,
        "date_from_publication": ev.date_from_publication, "status": ev.status,
        "magnitude": json.dumps(_fields_of(ev.magnitude), ensure_ascii=False) if ev.magnitude else None,
        "reporter": ev.attribution.reporter, "sources": ev.attribution.sources, "anonymous": ev.attribution.anonymous,
        "speaker": ev.attribution.speaker, "attribution_text": ev.attribution.text,
        "event_text": ev.eventText, "text": ev.text, "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end, "confidence": ev.confidence,
    }


def _event_from_row(r: Any, actors: list[Actor], recipients: list[Actor]) -> Event:
    return Event(
        id=r.id, event=r.event, mode=r.mode, context=json.loads(r.context), actor=actors, recipient=recipients,
        magnitude=Quantity(**json.loads(r.magnitude)) if r.magnitude else None,
        date_start=r.date_start, date_end=r.date_end, date_precision=r.date_precision,
        date_from_publication=r.date_from_publication, status=r.status,
        attribution=Attribution(r.reporter, r.sources, r.anonymous, r.speaker, r.attribution_text),
        eventText=r.event_text, text=r.text, evidence=Evidence(r.evidence_start, r.evidence_end),
        confidence=r.confidence,
    )
