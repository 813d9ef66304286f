"""The chain of stages: article -> language -> values -> events -> Document."""

from __future__ import annotations

from khronika import events, language, values
from khronika.model import Article, Document


def process(article: Article) -> Document:
    analysis = language.analyze(article)
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
