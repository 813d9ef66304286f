"""Rules over the statistical NER: the knowledge base fixes what the model misses.

The spaCy component "khronika_gazetteer" runs after "ner" and
- adds a span for every knowledge-base name found in the text in any
  inflected form (matched by lemma sequence or by surface words): "Білого
  дому" -> ORG, "Reuters" -> ORG, with the entry's type (PERS, ORG, LOC);
- gives an NER span that is exactly a knowledge-base name the entry's type
  ("Білорусь" tagged PERS -> LOC); a seat of government ("Кремль", "Білий
  дім") keeps LOC or ORG, both fit it, and which one is linking's matter;
- replaces NER fragments that a knowledge-base name covers by the whole name
  ("Міністерство" + "США" -> "Міністерство фінансів США");
- joins a diplomatic body and its places into one ORG, the way NER-UK
  annotates them: head word (data/kb/org_heads.json) + place in the genitive
  (+ "у"/"в"/"при" + place in the locative): "посольство Білорусі у
  Вашингтоні".
An NER span that is longer than a knowledge-base name inside it, or that only
partly overlaps one, is kept: the model saw more context than a list of names.
Entities swallowed by a longer span that are entities in their own right (a
place inside an embassy, a country inside a ministry's name) are kept in
`doc.spans[NESTED_KEY]`; `nested_entities(doc, text)` links them.

Capitalised text only: the first word of a match starts with a capital. A
one-word match that is also a common word ("Те", "Чад", "Захід" opening a
sentence) is taken only where its capital says "name": not at the opening of
a sentence and not for words of three letters or fewer, unless written in
capitals as an abbreviation.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import NamedTuple

from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from khronika.language.kb import KB_DIR, KBEntry, joined_key, key_part, load_kb, name_key
from khronika.language.morph import analyzer
from khronika.model import Entity

COMPONENT_NAME = "khronika_gazetteer"
NESTED_KEY = "khronika_nested"
# NER labels the knowledge base may correct (a party in quotes is often tagged ART); DATE, JOB, QUANT... are never touched
NAME_LABELS = frozenset({"PERS", "ORG", "LOC", "MISC", "ART"})
KB_LABELS = frozenset({"PERS", "ORG", "LOC", "MISC"})
_METONYM_LABELS = frozenset({"LOC", "ORG"})
SHORT_WORD_LENGTH = 3
# pymorphy3 grammemes of readings that are names, not common words
_PROPER_GRAMMEMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})
_OPENING_PUNCTUATION = frozenset({"«", '"', "“", "„", "—", "–", "(", ":"})
_OPENING_QUOTES = ("«", "„")
_LOCATIVE_PREPOSITIONS = frozenset({"в", "у", "на"})
_CLOSING_QUOTES = ("»", "“", "”")


@dataclass(frozen=True)
class NameIndex:
    """Knowledge-base names by key (lemma key and surface key), with every word prefix of a key."""

    by_key: dict[str, KBEntry]
    prefixes: frozenset[str]


@dataclass(frozen=True)
class OrgPattern:
    heads: frozenset[str]  # lemmas: "посольство", "консульство"...
    seat_prepositions: frozenset[str]  # "у", "в", "при"


@dataclass(frozen=True)
class KBMatch:
    start: int  # token indices, end exclusive
    end: int
    entry: KBEntry


@functools.cache
def name_index() -> NameIndex:
    """The knowledge base's name keys of persons, organisations and places, built once."""
    kb = load_kb()
    # the KB keeps its key table private; it is the one place every name's keys live
    by_key = {key: entry for key, entry in kb._by_key.items() if entry.type in KB_LABELS}
    prefixes = set()
    for key in by_key:
        words = key.split(" ")
        prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return NameIndex(by_key, frozenset(prefixes))


@functools.cache
def org_pattern() -> OrgPattern:
    raw = json.loads((KB_DIR / "org_heads.json").read_text(encoding="utf-8"))
    return OrgPattern(frozenset(raw["heads"]), frozenset(raw["seat_prepositions"]))


@functools.cache
def _has_common_reading(word: str) -> bool:
    """Whether the dictionary knows `word` as something other than a name ("те", "захід")."""
    lower = word.lower()
    morph = analyzer()
    if not morph.word_is_known(lower):
        return False
    return any(p.tag.POS and not (_PROPER_GRAMMEMES & p.tag.grammemes) for p in morph.parse(lower))


def _opens_sentence(token: Token) -> bool:
    return bool(token.is_sent_start) or (token.i > 0 and token.doc[token.i - 1].text in _OPENING_PUNCTUATION)


def _written_as_name(tokens: Span) -> bool:
    first = tokens[0]
    if not first.text[:1].isupper():
        return False
    if len(tokens) > 1 or (first.is_upper and len(first.text) > 1):
        return True
    if not _has_common_reading(first.text):
        return True
    return not _opens_sentence(first) and len(first.text) > SHORT_WORD_LENGTH


class _Word(NamedTuple):
    """What name matching reads of one token, read from the Doc once per text (a tuple: one per token)."""

    surface: str | None  # the token's part of a name key (kb.key_part), None when keys skip it
    lemma: str | None
    punct: bool
    space: bool
    sentence_start: bool


def _words(doc: Doc) -> list[_Word]:
    strings = doc.vocab.strings
    # arrays, not Token objects: see tokenizer.token_texts
    return [
        _Word(key_part(strings[orth]), key_part(strings[lemma] or strings[orth]), bool(punct), bool(space), start == 1)
        for orth, lemma, punct, space, start in doc.to_array([ORTH, LEMMA, IS_PUNCT, IS_SPACE, SENT_START]).tolist()
    ]


def kb_matches(doc: Doc) -> list[KBMatch]:
    """Knowledge-base names in `doc`, leftmost-longest, not overlapping, within one sentence."""
    index = name_index()
    words = _words(doc)
    # where the tagger already read a name, a sentence-opening word need not prove it is one ('Євросоюз запровадив')
    tagged = {(e.start, e.end) for e in doc.ents if e.label_ in NAME_LABELS}
    matches: list[KBMatch] = []
    i = 0
    while i < len(words):
        best: KBMatch | None = None
        if not words[i].punct and not words[i].space:
            lemma_parts: tuple[str, ...] = ()
            surface_parts: tuple[str, ...] = ()
            for j in range(i, len(words)):
                word = words[j]
                if word.space or (j > i and word.sentence_start):
                    break
                lemma_parts += (word.lemma,) if word.lemma is not None else ()
                surface_parts += (word.surface,) if word.surface is not None else ()
                lemma_key, surface_key = joined_key(lemma_parts), joined_key(surface_parts)
                if lemma_key not in index.prefixes and surface_key not in index.prefixes:
                    break
                entry = index.by_key.get(surface_key) or index.by_key.get(lemma_key)
                if entry is not None and not word.punct and ((i, j + 1) in tagged or _written_as_name(doc[i : j + 1])):
                    best = KBMatch(i, j + 1, entry)
        if best is None:
            i += 1
        else:
            best = _with_closing_quote(doc, best)
            matches.append(best)
            i = best.end
    return matches


def _with_closing_quote(doc: Doc, match: KBMatch) -> KBMatch:
    """The match with the quote that closes one opened inside it: «Вясна» -> ...«Вясна»."""
    texts = [t.text for t in doc[match.start : match.end]]
    opened = sum(texts.count(q) for q in _OPENING_QUOTES) > sum(texts.count(q) for q in _CLOSING_QUOTES) or texts.count('"') % 2 == 1
    if opened and match.end < len(doc) and doc[match.end].text in (*_CLOSING_QUOTES, '"'):
        return KBMatch(match.start, match.end + 1, match.entry)
    return match


def _acceptable_labels(entry: KBEntry) -> frozenset[str]:
    """NER labels that fit the entry.

    A building standing for a government ("Кремль", "Білий дім") is a place and an
    institution; a city stays a place even where it stands for its government, as
    NER-UK annotates it ("з орбіти Москви").
    """
    return _METONYM_LABELS if entry.metonym and entry.type == "ORG" else frozenset({entry.type})


def _is_kb_name(span: Span) -> bool:
    index = name_index()
    return name_key([t.text for t in span]) in index.by_key or name_key([t.lemma_ for t in span]) in index.by_key


class _Entities:
    """The flat entity list being corrected, and the entities that longer spans swallow."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.spans: list[Span] = list(doc.ents)
        self.nested: list[Span] = []

    def overlapping(self, start: int, end: int) -> list[Span]:
        return [s for s in self.spans if s.start < end and start < s.end]

    def replace(self, old: list[Span], new: Span, keep_nested: list[Span]) -> None:
        self.spans = [s for s in self.spans if s not in old] + [new]
        self.nested += keep_nested

    def apply(self) -> None:
        self.doc.ents = sorted(self.spans, key=lambda s: s.start)
        self.doc.spans[NESTED_KEY] = sorted(self.nested, key=lambda s: s.start)

    def apply_kb_match(self, match: KBMatch) -> None:
        label = match.entry.type
        overlapping = self.overlapping(match.start, match.end)
        if any(s.label_ not in NAME_LABELS for s in overlapping):
            return
        if any(s.start < match.start or s.end > match.end for s in overlapping):
            if len(overlapping) == 1 and self._place_opens(overlapping[0], match):
                self.replace(overlapping, Span(self.doc, match.start, match.end, label=label), [])
            return  # a longer or crossing NER span: the model's reading stands
        same_extent = len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end) == (match.start, match.end)
        if same_extent and overlapping[0].label_ in _acceptable_labels(match.entry):
            return
        whole = Span(self.doc, match.start, match.end, label=label)
        nested = [s for s in overlapping if (s.start, s.end) != (whole.start, whole.end) and s.label_ != label and _is_kb_name(s)]
        self.replace(overlapping, whole, nested)

    def _place_opens(self, span: Span, match: KBMatch) -> bool:
        """'прийняв в Анкарі делегацію України' tagged as one ORG: a place after 'в'/'у'/'на', in the locative,
        opens the span and a lower-case word follows it. The place is where something happens, not part of a name."""
        doc = self.doc
        return (
            match.entry.type == "LOC"
            and span.start == match.start
            and match.start > 0
            and doc[match.start - 1].lower_ in _LOCATIVE_PREPOSITIONS
            and _in_case(doc[match.start : match.end], "Loc")
            and match.end < span.end
            and doc[match.end].text[:1].islower()
        )

    def apply_org_pattern(self, pattern: OrgPattern) -> None:
        strings = self.doc.vocab.strings
        lemmas = [strings[lemma].lower() for lemma in self.doc.to_array(LEMMA).tolist()]  # see tokenizer.token_texts
        for head in [self.doc[i] for i, lemma in enumerate(lemmas) if lemma in pattern.heads]:
            body = self._body(head, pattern)
            if body is None:
                continue
            start, (end, places) = head.i, body
            overlapping = self.overlapping(start, end)
            if any(s.start < start or s.end > end or s.label_ not in NAME_LABELS for s in overlapping):
                continue
            self.replace(overlapping, Span(self.doc, start, end, label="ORG"), places)

    def _entity_at(self, i: int) -> Span | None:
        return next((s for s in self.spans if s.start == i), None)

    def _body(self, head: Token, pattern: OrgPattern) -> tuple[int, list[Span]] | None:
        """End of "head + owner in the genitive (+ preposition + seat in the locative)" and its places.

        None when there is no such body, or when the model already found all of it.
        """
        found = self._entity_at(head.i)
        if found is not None and found.label_ == "ORG" and len(found) > 1:
            end, places = found.end, []  # the model joined head and owner: "посольство Білорусі"
        else:
            owner = self._entity_at(head.i + 1)
            if owner is None or owner.label_ != "LOC" or not _in_case(owner, "Gen"):
                return None
            end, places = owner.end, [owner]
        if end + 1 < len(self.doc) and self.doc[end].lower_ in pattern.seat_prepositions:
            seat = self._entity_at(end + 1)
            if seat is not None and seat.label_ in ("LOC", "ORG") and _in_case(seat, "Loc"):
                return seat.end, [*places, seat]
        return (end, places) if places else None


def _in_case(span: Span, case: str) -> bool:
    """Whether a name is in `case`; indeclinable names and abbreviations ("США", "ООН") fit any case."""
    head = span[0]
    return case in head.morph.get("Case") or "Yes" in head.morph.get("Uninflect") or (head.is_upper and len(head) > 1)


class Gazetteer:
    """The spaCy component: knowledge-base names and diplomatic bodies over the NER output."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        name_index()  # compile the name table when the pipeline is built, not on the first text
        org_pattern()

    def __call__(self, doc: Doc) -> Doc:
        entities = _Entities(doc)
        for match in kb_matches(doc):
            entities.apply_kb_match(match)
        entities.apply_org_pattern(org_pattern())
        entities.apply()
        return doc


@Language.factory(COMPONENT_NAME)
def create_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)


def with_gazetteer(nlp: Language) -> Language:
    """`nlp` with the gazetteer after its NER (added once)."""
    if COMPONENT_NAME not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT_NAME, after="ner" if "ner" in nlp.pipe_names else None)
    return nlp


def nested_entities(doc: Doc, text: str) -> list[Entity]:
    """Linked entities for the spans kept in `doc.spans[NESTED_KEY]` ("Вашингтоні" inside an embassy)."""
    from khronika.language import linking

    nested = list(doc.spans.get(NESTED_KEY, []))
    if not nested:
        return []
    view = doc.copy()
    view.ents = [Span(view, s.start, s.end, label=s.label_) for s in nested]
    return linking.link(view, text)
