"""Batch ingestion: read, analyze and store, one transaction per article."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from khronika.model import Article, Reject
from khronika.pipeline import process
from khronika.read import Item
from khronika.store import Store


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)  # article ids
    already: list[str] = field(default_factory=list)  # ids that were stored before
    rejects: list[Reject] = field(default_factory=list)


def ingest(items: Iterable[Item], store: Store, on_item: Callable[[Item], None] | None = None) -> IngestReport:
    """Store every article not yet stored; record every reject and go on."""
    report = IngestReport()
    for item in items:
        if isinstance(item, Article):
            _ingest_article(item, store, report)
        else:
            report.rejects.append(item)
            store.add_reject(item)
        if on_item is not None:
            on_item(item)
    return report


def _ingest_article(article: Article, store: Store, report: IngestReport) -> None:
    if store.has_article(article.id):
        report.already.append(article.id)
        return
    try:
        doc = process(article)
    except Exception as problem:  # one article's failure must not stop the batch
        reject = Reject(article.origin or article.id, f"analysis failed: {type(problem).__name__}: {problem}")
        report.rejects.append(reject)
        store.add_reject(reject)
        return
    (report.stored if store.save(doc) else report.already).append(article.id)
