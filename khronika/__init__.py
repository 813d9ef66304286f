"""khronika: verifiable event records from Ukrainian-language news.

    >>> import khronika
    >>> doc = khronika.extract("Суд у Мінську засудив двох журналістів.", published="2025-03-04")
    >>> [e.event for e in doc.events]

`extract` runs the whole chain on one text; `khronika.store.Store` keeps the
results; `khronika.read.read_paths` reads files in every supported format.
"""

from __future__ import annotations

from datetime import date

from khronika.model import Article, Document
from khronika.text import article_id, normalize

__all__ = ["Article", "Document", "extract"]
__version__ = "0.1.0"


def extract(
    text: str,
    published: date | str,
    *,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Document:
    """The document for one article text published on `published`."""
    from khronika.pipeline import process

    day = date.fromisoformat(published) if isinstance(published, str) else published
    text = normalize(text)
    return process(Article(article_id(text, day), text, day, source=source, url=url, title=title))
