"""Language stage: sentences, tokens with lemma and morphology, linked entities.

`analyze(article)` runs the spaCy pipeline (`pipeline.load()`) over the
article's matching text (apostrophes unified, same offsets) and links the
named entities to the knowledge base (`linking.link`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from khronika.model import Article, Entity, Sentence, Token
from khronika.text import for_matching


@dataclass
class Analysis:
    """What later stages read: the shared spaCy Doc and its typed records."""

    doc: Doc  # doc.text == for_matching(article.text): same offsets
    sentences: list[Sentence]
    tokens: list[Token]
    entities: list[Entity]


def analyze(article: Article) -> Analysis:
    from khronika.language import gazetteer, linking, pipeline

    doc = pipeline.load()(for_matching(article.text))
    text = article.text
    sentences = [
        Sentence(s.start_char, s.end_char, text[s.start_char : s.end_char]) for s in doc.sents
    ]
    tokens = [
        Token(t.idx, t.idx + len(t), text[t.idx : t.idx + len(t)], t.lemma_, t.pos_, str(t.morph))
        for t in doc
        if not t.is_space
    ]
    # Names inside a longer name ("Вашингтоні" in "посольство Білорусі у Вашингтоні") are entities too.
    entities = sorted(linking.link(doc, text) + gazetteer.nested_entities(doc, text), key=lambda e: (e.start, -e.end))
    return Analysis(doc, sentences, tokens, entities)
