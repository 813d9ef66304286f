"""Hand-built test material: a small stored document, and entities set on a Doc."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from khronika.model import (
    Actor,
    Article,
    Attribution,
    DateExpr,
    Document,
    Entity,
    Event,
    Evidence,
    Quantity,
    Sentence,
    Token,
)

TEXT = "Суд у Гродні засудив двох журналістів. Вчора Литва вислала білоруського дипломата."


def sample_document(article_id: str = "a1", published: date = date(2025, 3, 4)) -> Document:
    article = Article(article_id, TEXT, published, source="Тест", title="Вирок")
    court = Actor("Суд у Гродні", "суд у Гродні", "BLR", "JUD")
    lithuania = Actor("Литва", "Литва", "LTU", "GOV", "country:LTU")
    belarus = Actor("білоруського", "Білорусь", "BLR", "GOV", "country:BLR")
    convict = Event(
        f"{article_id}:0:SANCTION", "SANCTION", "convict", ["legal"], [court], [], Quantity(21, 26, "двох", 2, 2, counted="журналіст"),
        published, published, "day", True, "occurred", Attribution(), "засудив", TEXT[:38], Evidence(0, 38), 0.8,
    )
    expel = Event(
        f"{article_id}:39:SANCTION", "SANCTION", "expel", ["diplomatic"], [lithuania], [belarus], None,
        date(2025, 3, 3), date(2025, 3, 3), "day", False, "occurred", Attribution(reporter="Тест"), "вислала", TEXT[39:], Evidence(39, len(TEXT)), 0.7,
    )
    return Document(
        article,
        sentences=[Sentence(0, 38, TEXT[:38]), Sentence(39, len(TEXT), TEXT[39:])],
        tokens=[Token(0, 3, "Суд", "суд", "NOUN", "Case=Nom"), Token(13, 20, "засудив", "засудити", "VERB", "")],
        entities=[
            Entity(6, 12, "Гродні", "LOC", "Гродно", "BLR", None, "place:Гродно", "e1"),
            Entity(45, 50, "Литва", "LOC", "Литва", "LTU", "GOV", "country:LTU", "e2"),
        ],
        quantities=[Quantity(21, 26, "двох", 2, 2, counted="журналіст")],
        dates=[DateExpr(39, 44, "Вчора", date(2025, 3, 3), date(2025, 3, 3), "day")],
        events=[convict, expel],
    )


def set_entities(doc: Doc, text: str, entities: list[tuple[str, str]]) -> Doc:
    """`doc` with each (words, label) as an entity at the words' first occurrence in `text`."""
    spans = []
    for words, label in entities:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    return doc
