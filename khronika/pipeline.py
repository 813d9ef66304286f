"""The chain of stages: article -> language -> values -> events -> Document."""

from __future__ import annotations

from collections.abc import Sequence

from khronika import events, language, values
from khronika.model import Article, Document


def process(article: Article) -> Document:
    return _document(article, language.analyze(article))


def process_batch(articles: Sequence[Article]) -> list[Document]:
    """`process` over several articles, with the language stage batched (faster per article)."""
    return [_document(article, analysis) for article, analysis in zip(articles, language.analyze_batch(articles))]


def _document(article: Article, analysis: language.Analysis) -> Document:
    found = values.extract(analysis, article.published)
    return Document(
        article=article,
        sentences=analysis.sentences,
        tokens=analysis.tokens,
        entities=analysis.entities,
        quantities=found.quantities,
        dates=found.dates,
        events=events.extract(article, analysis, found),
    )
