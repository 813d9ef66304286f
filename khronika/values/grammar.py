"""Words, their morphology and the tense of a clause, as the values stage needs them.

The stage scans the text with its own word pattern, so it finds "1 000" or
"26.11.2025" whether or not the tokenizer kept them as one token. Morphology
comes from the spaCy tokens of the language stage (lemma_, pos_, morph); when a
token carries none (a blank pipeline, or a word the tokenizer split
differently) pymorphy3 is asked directly, as a documented fallback.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

import pymorphy3
from spacy.attrs import IDX, POS
from spacy.tokens import Doc, Token

from khronika.values import lexicon

# a number with thousands groups ("1 000", "1 000"), decimals or dotted dates;
# a word (with inner apostrophes and hyphens); or one other visible character
WORD_RE = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d.,]\d)"
    r"|\d+(?:[.,]\d+)*"
    r"|[^\W\d_]+(?:'[^\W\d_]+)*"
    r"|[^\w\s]"
)
CLAUSE_BREAK = frozenset(",;:—–()«»\"")
SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s)|\n+")

_UD_TENSE = {"Past": "past", "Pres": "present", "Fut": "future"}
_OPENCORPORA_TENSE = {"past": "past", "pres": "present", "futr": "future"}
_NOUN_UPOS = frozenset({"NOUN", "PROPN"})
_MODIFIER_UPOS = frozenset({"ADJ", "DET", "NUM"})
_VERB_UPOS = frozenset({"VERB", "AUX"})
_MODIFIER_OPENCORPORA = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "NUMR"})
_VERB_OPENCORPORA = frozenset({"VERB", "GRND", "INFN"})


class Word(NamedTuple):
    """One word of the scanned text (a tuple: every article makes a thousand of them)."""

    start: int
    end: int
    text: str  # lower case, apostrophes unified

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()

    @property
    def is_letters(self) -> bool:
        return self.text[0].isalpha()


@dataclass(frozen=True)
class WordInfo:
    lemma: str
    role: str  # noun, modifier (adjective, participle, numeral, determiner), verb, other
    tense: str | None  # past, present, future; None when not a finite verb


def scan(text: str) -> list[Word]:
    """The words of `text` (the matching text) in order."""
    return [Word(m.start(), m.end(), m.group().lower()) for m in WORD_RE.finditer(text)]


@functools.cache
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="uk")


@functools.cache
def _pymorphy_info(word: str) -> WordInfo:
    parse = _analyzer().parse(word)[0]
    pos = parse.tag.POS
    if pos == "NOUN":
        role = "noun"
    elif pos in _MODIFIER_OPENCORPORA:
        role = "modifier"
    elif pos in _VERB_OPENCORPORA:
        role = "verb"
    else:
        role = "other"
    tense = (_OPENCORPORA_TENSE.get(parse.tag.tense or "") or _finite_tense(word)) if role == "verb" else None
    if role == "verb" and parse.normal_form in _planning_verbs():
        tense = "future"
    return WordInfo(parse.normal_form, role, tense)


@functools.cache
def _planning_verbs() -> frozenset[str]:
    """Verbs whose own tense is not the tense of the dates they govern: "запланували
    наприкінці березня", "запросив на початку вересня" point forward. For the same reason
    an infinitive ("домовилися провести у лютому") reads as future: it names an intended act."""
    return frozenset(lexicon.dates()["planning_verbs"])


@functools.cache
def _finite_tense(word: str) -> str | None:
    """A tense some pymorphy3 reading of `word` has: "звільнить" is read first as a
    (colloquial) infinitive, but in news it is nearly always the future 3rd person."""
    for parse in _analyzer().parse(word):
        if parse.tag.POS == "VERB" and parse.tag.tense in _OPENCORPORA_TENSE:
            return _OPENCORPORA_TENSE[parse.tag.tense]
    return None


def _token_info(token: Token) -> WordInfo:
    pos = token.pos_
    if pos in _NOUN_UPOS:
        role = "noun"
    elif pos in _MODIFIER_UPOS:
        role = "modifier"
    elif pos in _VERB_UPOS:
        # participles are VERB in some taggers and ADJ in others: they modify
        role = "modifier" if "Part" in token.morph.get("VerbForm") else "verb"
    else:
        role = "other"
    tenses = token.morph.get("Tense")
    tense = _UD_TENSE.get(tenses[0]) if tenses else None
    lemma = token.lemma_.lower()
    if role == "verb" and (lemma in _planning_verbs() or "Inf" in token.morph.get("VerbForm")):
        tense = "future"
    return WordInfo(lemma, role, tense if role == "verb" else None)


class Morphology:
    """Word facts for one Doc: from its tokens when tagged, else from pymorphy3."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy joins the tokens' texts anew on every read of doc.text
        # tagged tokens by start offset, read as arrays: a Token object is made only for a word asked about
        self._token_index = {start: i for i, (start, pos) in enumerate(doc.to_array([IDX, POS]).tolist()) if pos}
        self._sentence_starts = self._sentences(doc, self.text)
        self._sentence_words: dict[int, list[Word]] = {}

    @staticmethod
    def _sentences(doc: Doc, text: str) -> list[int]:
        if doc.has_annotation("SENT_START"):
            return [sentence.start_char for sentence in doc.sents]
        return [0] + [m.end() for m in SENTENCE_END_RE.finditer(text)]

    def _token_at(self, start: int) -> Token | None:
        i = self._token_index.get(start)
        return None if i is None else self.doc[i]

    def info(self, word: Word) -> WordInfo:
        token = self._token_at(word.start)
        if token is not None and len(token) == word.end - word.start:
            return _token_info(token)
        return _pymorphy_info(word.text)

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        start = self._sentence_starts[max(index, 0)]
        end = self._sentence_starts[index + 1] if index + 1 < len(self._sentence_starts) else len(self.text)
        return start, end

    def genitive_follows(self, position: int) -> bool:
        """Whether the first word after text[position] is a noun or adjective in the genitive."""
        following = WORD_RE.search(self.text, position)
        if following is None or not following.group()[0].isalpha():
            return False
        token = self._token_at(following.start())
        if token is not None and token.idx + len(token) == following.end():
            return token.pos_ in _NOUN_UPOS | _MODIFIER_UPOS and "Gen" in token.morph.get("Case")
        parse = _analyzer().parse(following.group().lower())[0]
        return parse.tag.POS in {"NOUN", "ADJF", "PRTF"} and parse.tag.case == "gent"

    def _words_of_sentence(self, position: int) -> list[Word]:
        """The words of the sentence around text[position], scanned once per sentence."""
        sentence_start, sentence_end = self.sentence_bounds(position)
        if sentence_start not in self._sentence_words:
            self._sentence_words[sentence_start] = [
                Word(w.start + sentence_start, w.end + sentence_start, w.text)
                for w in scan(self.text[sentence_start:sentence_end])
            ]
        return self._sentence_words[sentence_start]

    def clause_tense(self, start: int, end: int) -> str | None:
        """Tense of the finite verb nearest to text[start:end], preferring its own clause.

        The clause is the stretch of the sentence between punctuation marks
        around the span; when it has no finite verb, the nearest one in the
        sentence decides.
        """
        words = self._words_of_sentence(start)
        clause_of: list[int] = []
        clause = 0
        for word in words:
            if word.text in CLAUSE_BREAK:
                clause += 1
            clause_of.append(clause)
        own_clause = next(
            (clause_of[i] for i, w in enumerate(words) if w.start >= start), clause_of[-1] if words else 0
        )
        best: tuple[int, int, str] | None = None  # (other clause?, distance, tense)
        for i, word in enumerate(words):
            if start <= word.start < end or not word.is_letters:
                continue
            tense = self.info(word).tense
            if tense is None:
                continue
            distance = start - word.end if word.end <= start else word.start - end
            candidate = (int(clause_of[i] != own_clause), distance, tense)
            if best is None or candidate < best:
                best = candidate
        return best[2] if best else None
