"""Tokenizer and sentence splitter for Ukrainian news text.

The tokenizer is spaCy's Ukrainian rule tokenizer with three changes that
later stages rely on:

- abbreviations from `data/lexicons/abbreviations.tsv` keep their period
  ("ст.", "тис.", "т.д.", "р.") inside a sentence; where that period also ends
  the sentence ("... 5 млн грн. Далі"), it becomes its own token, so the amount
  "5 млн грн" and the sentence end are both visible;
- hyphenated words stay whole ("Більче-Волицький", "північно-західний"), as the
  morphological dictionary lists them whole;
- numbers written with thousands separated by a space or a no-break space
  ("1 000", "12 500 000") are ONE token, so the values stage reads one number;
- an initial glued to a surname ("О.Петренко") is split after the period.

The sentence splitter ("khronika_sentences") breaks at paragraph ends and after
sentence-final punctuation, but not after initials ("О. Петренко") or after
abbreviations that stand before a name or number ("вул. Садова", "ст. 5").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex
from spacy.vocab import Vocab

ABBREVIATIONS_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "abbreviations.tsv"

TOKENIZER_NAME = "khronika.tokenizer.v1"
SENTENCE_SPLITTER_NAME = "khronika_sentences"

_UPPER = "A-ZА-ЯІЇЄҐЁ"
_LOWER = "a-zа-яіїєґё'"
# "1 000", "12 500 000", "1 000,5": digit groups of three after a space or no-break space.
_NUMBER_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\d])")
# A period after one capital letter, directly followed by a capitalized word: "О.Петренко".
_GLUED_INITIAL = rf"(?<![{_UPPER}{_LOWER}][{_UPPER}]\.)(?<=[{_UPPER}]\.)(?=[{_UPPER}][{_LOWER}])"
_INITIALS = re.compile(rf"^(?:[{_UPPER}]\.)+$")
_SENTENCE_END = re.compile(r"^[.!?…]+$")
_CLOSING = {"»", '"', "”", "“", ")", "]", "'"}


@dataclass(frozen=True)
class Abbreviations:
    """Abbreviations that keep their period, by how they behave at a sentence end."""

    title: frozenset[str]  # never end a sentence
    terminal: frozenset[str]  # may end a sentence

    @property
    def all(self) -> frozenset[str]:
        return self.title | self.terminal


@functools.cache
def abbreviations() -> Abbreviations:
    kinds: dict[str, set[str]] = {"title": set(), "terminal": set()}
    for line in ABBREVIATIONS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, kind = line.split("\t")
        kinds[kind].update({form, form[0].upper() + form[1:]})
    return Abbreviations(frozenset(kinds["title"]), frozenset(kinds["terminal"]))


class KhronikaTokenizer:
    """spaCy's rule tokenizer for Ukrainian with our exceptions, then number groups
    merged into one token and sentence-final periods split off abbreviations."""

    def __init__(self, vocab: Vocab) -> None:
        defaults = spacy.util.get_lang_class("uk").Defaults
        # Drop the infix that splits letters joined by a hyphen; keep every other infix.
        infixes = [p for p in defaults.infixes if not _splits_hyphenated_words(p)]
        infixes.append(_GLUED_INITIAL)
        # Emoticon exceptions such as "8)" would glue a bracket to a number in news text.
        rules = {k: v for k, v in defaults.tokenizer_exceptions.items() if k.isspace() or _has_letter(k)}
        for form in abbreviations().all:
            rules[form] = [{ORTH: form}]
        self.inner = Tokenizer(
            vocab,
            rules=rules,
            prefix_search=spacy.util.compile_prefix_regex(defaults.prefixes).search,
            suffix_search=spacy.util.compile_suffix_regex(defaults.suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    def __call__(self, text: str) -> Doc:
        doc = self.inner(text)
        spans = [doc.char_span(m.start(), m.end()) for m in _NUMBER_GROUPS.finditer(text)]
        spans = [s for s in spans if s is not None and len(s) > 1]
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    retokenizer.merge(span)
        terminal = abbreviations().terminal
        ending = [doc[i] for i, text in enumerate(token_texts(doc)) if text in terminal and _ends_sentence(doc[i])]
        if ending:
            with doc.retokenize() as retokenizer:
                for token in ending:
                    # The period is the sentence's, not the abbreviation's: "5 млн грн" + "."
                    retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 1), (token, 1)])
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # The tokenizer is fully defined by this code and the abbreviation file, so a
    # saved pipeline stores nothing for it and loading restores nothing.
    def to_disk(self, path: Path, **kwargs: Any) -> None:
        pass

    def from_disk(self, path: Path, **kwargs: Any) -> KhronikaTokenizer:
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> KhronikaTokenizer:
        return self


def _ends_sentence(token: Token) -> bool:
    """An abbreviation whose period also ends the sentence: at a line or text end, or before a capital."""
    doc = token.doc
    j = token.i + 1
    while j < len(doc) and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j += 1
    return j == len(doc) or doc[j].text[0].isupper()


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _splits_hyphenated_words(pattern: str) -> bool:
    return bool(re.search(pattern, "а-б")) and "-" in pattern


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer() -> Callable[[Language], KhronikaTokenizer]:
    def make(nlp: Language) -> KhronikaTokenizer:
        return KhronikaTokenizer(nlp.vocab)

    return make


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, read as an array: walking the Doc makes a Token object per token."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def trailing_spaces(doc: Doc) -> list[bool]:
    """For every token, whether whitespace follows it (read as an array, like `token_texts`)."""
    return [bool(space) for space in doc.to_array(SPACY).tolist()]


@Language.component(SENTENCE_SPLITTER_NAME)
def split_sentences(doc: Doc) -> Doc:
    """Mark sentence starts on every token (no parser needed for doc.sents)."""
    if len(doc):
        starts = sentence_starts(token_texts(doc), trailing_spaces(doc))
        # Set through an array: setting token.is_sent_start one by one is several times slower.
        doc.from_array([SENT_START], numpy.array([1 if s else -1 for s in starts], dtype="int64").astype("uint64"))
    return doc


def sentence_starts(words: list[str], spaced: list[bool]) -> list[bool]:
    """For each token, whether a sentence starts there; spaced[i]: whitespace follows token i."""
    starts = [i == 0 for i in range(len(words))]
    for i, word in enumerate(words):
        if word.isspace():
            if "\n" in word:
                _start_after(words, starts, i, lambda *_: True)
        elif _SENTENCE_END.match(word) and not _follows_initial(words, spaced, i):
            _start_after(words, starts, _skip_closing(words, spaced, i), _may_open_sentence)
    return starts


def _start_after(words: list[str], starts: list[bool], i: int, opens: Callable[[list[str], int], bool]) -> None:
    """Start a sentence at the first non-space token after position i, if `opens` says so."""
    j = i + 1
    while j < len(words) and words[j].isspace():
        j += 1
    if j < len(words) and opens(words, j):
        starts[j] = True


def _skip_closing(words: list[str], spaced: list[bool], i: int) -> int:
    """The last of the punctuation, closing quotes and brackets glued after position i ("?!»")."""
    while i + 1 < len(words) and not spaced[i] and _closes(words[i + 1]):
        i += 1
    return i


def _closes(word: str) -> bool:
    return word in _CLOSING or bool(_SENTENCE_END.match(word))


def _follows_initial(words: list[str], spaced: list[bool], i: int) -> bool:
    """A period right after one capital letter ("О" "."), as in "О.Петренко"."""
    if words[i] != "." or i == 0:
        return False
    return not spaced[i - 1] and bool(_INITIALS.match(words[i - 1] + "."))


def _may_open_sentence(words: list[str], j: int) -> bool:
    """After "." "!" "?": a new sentence unless the text goes on in lower case."""
    first = words[j][0]
    if first in "—–-" and j + 1 < len(words):
        return not words[j + 1][0].islower()
    return not (first.islower() or first in ",;:)]»")
