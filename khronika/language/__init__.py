"""Language stage: sentences, tokens with lemma and morphology, linked entities.

`analyze(article)` runs the spaCy pipeline (`pipeline.load()`) over the
article's matching text (apostrophes unified, same offsets) and links the
named entities to the knowledge base (`linking.link`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, MORPH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from khronika.model import Article, Entity, Sentence, Token
from khronika.text import for_matching


_TOKEN_ATTRIBUTES = [IDX, LENGTH, LEMMA, POS, MORPH, IS_SPACE]  # as typed Token needs them


@dataclass
class Analysis:
    """What later stages read: the shared spaCy Doc and its typed records."""

    doc: Doc  # doc.text == for_matching(article.text): same offsets
    sentences: list[Sentence]
    tokens: list[Token]
    entities: list[Entity]


BATCH_SIZE = 16  # articles the NER reads together: measured 17.4 -> 14.3 ms per demo article from 1 to 16


def analyze(article: Article) -> Analysis:
    from khronika.language import pipeline

    return analysis_of(pipeline.load()(for_matching(article.text)), article.text)


def analyze_batch(articles: Sequence[Article]) -> list[Analysis]:
    """`analyze` over several articles at once: the spaCy pipeline batches its matrix work."""
    from khronika.language import pipeline

    docs = pipeline.load().pipe((for_matching(a.text) for a in articles), batch_size=BATCH_SIZE)
    return [analysis_of(doc, article.text) for doc, article in zip(docs, articles)]


def analysis_of(doc: Doc, text: str) -> Analysis:
    """The typed records of a Doc the pipeline has run over; their texts come from `text`."""
    from khronika.language import gazetteer, linking

    sentences = [
        Sentence(s.start_char, s.end_char, text[s.start_char : s.end_char]) for s in doc.sents
    ]
    strings = doc.vocab.strings
    # arrays, not Token objects: see tokenizer.token_texts
    tokens = [
        Token(start, start + length, text[start : start + length], strings[lemma], POS_NAMES[pos], strings[morph])
        for start, length, lemma, pos, morph, space in doc.to_array(_TOKEN_ATTRIBUTES).tolist()
        if not space
    ]
    # Names inside a longer name ("Вашингтоні" in "посольство Білорусі у Вашингтоні") are entities too.
    entities = sorted(linking.link(doc, text) + gazetteer.nested_entities(doc, text), key=lambda e: (e.start, -e.end))
    return Analysis(doc, sentences, tokens, entities)
