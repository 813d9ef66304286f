"""Batch ingestion: read, analyze and store, one transaction per article."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from khronika.language import BATCH_SIZE
from khronika.model import Article, Document, Reject
from khronika.pipeline import process, process_batch
from khronika.read import Item
from khronika.store import Store


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)  # article ids
    already: list[str] = field(default_factory=list)  # ids that were stored before
    rejects: list[Reject] = field(default_factory=list)


def ingest(items: Iterable[Item], store: Store, on_item: Callable[[Item], None] | None = None) -> IngestReport:
    """Store every article not yet stored; record every reject and go on.

    New articles are analysed in batches (`language.BATCH_SIZE`), each stored in a
    transaction of its own as soon as its batch is done.
    """
    report = IngestReport()
    waiting: list[Article] = []
    for item in items:
        if isinstance(item, Article) and not store.has_article(item.id):
            waiting.append(item)
            if len(waiting) == BATCH_SIZE:
                _ingest_batch(waiting, store, report, on_item)
                waiting = []
            continue
        if isinstance(item, Article):
            report.already.append(item.id)
        else:
            report.rejects.append(item)
            store.add_reject(item)
        if on_item is not None:
            on_item(item)
    _ingest_batch(waiting, store, report, on_item)
    return report


def _ingest_batch(articles: list[Article], store: Store, report: IngestReport, on_item: Callable[[Item], None] | None) -> None:
    try:
        documents: list[Document | None] = list(process_batch(articles))
    except Exception:  # one article's failure must not cost the others: take them one by one
        documents = [_process_alone(article, store, report) for article in articles]
    for article, document in zip(articles, documents):
        if document is not None:
            (report.stored if store.save(document) else report.already).append(article.id)
        if on_item is not None:
            on_item(article)


def _process_alone(article: Article, store: Store, report: IngestReport) -> Document | None:
    try:
        return process(article)
    except Exception as problem:
        reject = Reject(article.origin or article.id, f"analysis failed: {type(problem).__name__}: {problem}")
        report.rejects.append(reject)
        store.add_reject(reject)
        return None
