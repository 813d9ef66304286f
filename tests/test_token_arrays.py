"""The stages read the spaCy Doc as arrays (no Token objects) and build name keys from
cached word parts: these must give exactly what reading Token attributes gave."""

from __future__ import annotations

from datetime import date

import pytest

from khronika.language import analyze
from khronika.language.kb import joined_key, key_part, name_key
from khronika.language.tokenizer import token_texts, trailing_spaces
from khronika.model import Article
from khronika.values import extract

# written for this test: apostrophes in two spellings, a blank line, a number with a
# thousands space, an abbreviation, quotes, a hyphenated name and a date
TEXT = (
    "У п’ятницю в Ель-Фашері затримали понад 1 200 людей, повідомила організація «Червоний Півмісяць».\n\n"
    "Голова громади О. Мар'яненко заявив, що до 15 березня 2026 р. звільнять щонайменше двох.  "
    "Решту обміняють наступного тижня."
)


@pytest.fixture(scope="module")
def analysis():
    return analyze(Article("arrays", TEXT, date(2026, 3, 10)))


def test_token_texts_and_spaces_are_what_the_tokens_say(analysis):
    doc = analysis.doc
    assert token_texts(doc) == [t.text for t in doc]
    assert trailing_spaces(doc) == [bool(t.whitespace_) for t in doc]


def test_typed_tokens_are_the_spacy_tokens(analysis):
    doc = analysis.doc
    expected = [
        (t.idx, t.idx + len(t), TEXT[t.idx : t.idx + len(t)], t.lemma_, t.pos_, str(t.morph))
        for t in doc
        if not t.is_space
    ]
    assert [(t.start, t.end, t.text, t.lemma, t.pos, t.morph) for t in analysis.tokens] == expected
    assert any(t.morph == "" for t in analysis.tokens)  # punctuation carries no features
    assert "п’ятницю" in [t.text for t in analysis.tokens]  # the article's own apostrophe


def test_values_quote_the_article_exactly(analysis):
    found = extract(analysis, date(2026, 3, 10))
    assert [q.text for q in found.quantities] == ["понад 1 200", "щонайменше двох"]
    for expression in [*found.quantities, *found.dates]:
        assert expression.text == TEXT[expression.start : expression.end]


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (["Ель", "-", "Фашер"], "ель-фашер"),
        (["«", "Червоний", "Півмісяць", "»"], "червоний півмісяць"),
        (["Мар’яненко"], "мар'яненко"),
        (["ст.", "  "], "ст"),
        (["«»", "ООН"], "оон"),
    ],
)
def test_name_key_from_cached_parts(words, key):
    assert name_key(words) == key
    assert joined_key(tuple(p for p in map(key_part, words) if p is not None)) == key
