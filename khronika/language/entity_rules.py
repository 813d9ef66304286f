"""Rules over the statistical NER output: NER-UK's span conventions the model gets wrong.

The spaCy component "khronika_entity_rules" runs after "khronika_gazetteer" and
fixes the boundaries and types of PERS, ORG and LOC spans where NER-UK's
annotation follows a convention the tagger often misses (found by error
analysis on the held-out part of the training split, see khronika/train/ner.py):

- initials belong to the person: "Б. Хмельницького" is one PERS span, not
  "Хмельницького" alone nor a LOC (a city of that name);
- an address is one LOC span from the street word to the house number:
  "вул. Московській, 31 / 33", "пр. Гагаріна, 20" (a street named after a
  person is a place: "пров. Максима Рильського");
- a name that opens a quotation mark closes it: "ТОВ «Сонячна долина»", not
  "ТОВ «Сонячна долина" (the tagger often stops before the closing mark);
- one name has one type in a document: where the same words (by lemma) are
  tagged with different name types, the type most of their mentions have wins
  ("Шевченка" a person in three sentences and a place in one is a person in
  all four); a tie changes nothing.

Word lists live in data/lexicons/entity_rules.json. Only name labels (PERS,
ORG, LOC) are touched; a span is never grown over another entity it only
partly covers.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

COMPONENT_NAME = "khronika_entity_rules"
LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "entity_rules.json"
NAME_LABELS = frozenset({"PERS", "ORG", "LOC"})
RULES = ("initials", "addresses", "quotes", "consistency")
_OPENING_QUOTES = {"«": "»", "„": "“", "\u201c": "\u201d"}
# "Б.", "С.М.": one or two capital initials, each with its period
_INITIALS = re.compile(r"^(?:[А-ЯІЇЄҐA-Z]\.){1,2}$")
_EPONYM_WORDS = frozenset({"ім.", "імені"})  # "ім. Т. Шевченка" names an institution


@dataclass(frozen=True)
class EntityRuleWords:
    street_markers: frozenset[str]  # lower-cased words that open an address: "вул.", "проспекті"
    house_number_joiners: frozenset[str]  # "31 / 33", "2-6"


@functools.cache
def rule_words() -> EntityRuleWords:
    raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    return EntityRuleWords(
        frozenset(raw["street_markers"]),
        frozenset(raw["house_number_joiners"]),
    )


def _is_initial(token: Token) -> bool:
    return bool(_INITIALS.match(token.text))


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_house_number(token: Token) -> bool:
    return token.text[:1].isdigit()


class _Entities:
    """The flat entity list being corrected."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.spans: list[Span] = list(doc.ents)

    def starting_at(self, i: int) -> Span | None:
        return next((s for s in self.spans if s.start == i), None)

    def replace(self, old: Span, start: int, end: int, label: str) -> None:
        """`old` becomes [start, end) with `label`, unless that would cut through another entity.

        Entities wholly inside the new extent are swallowed; only name labels may be.
        """
        others = [s for s in self.spans if s is not old and s.start < end and start < s.end]
        if any(s.start < start or s.end > end or s.label_ not in NAME_LABELS for s in others):
            return
        self.spans = [s for s in self.spans if s is not old and s not in others]
        self.spans.append(Span(self.doc, start, end, label=label))

    def apply(self) -> None:
        self.doc.ents = sorted(self.spans, key=lambda s: s.start)


def _street_marker_end(doc: Doc, i: int, words: EntityRuleWords) -> int | None:
    """Index after the street word at i ("вул.", or "пр" + "." split by the tokenizer), or None."""
    lower = doc[i].lower_
    if doc[i].text != lower:
        return None  # "ПР" is an abbreviation of something else; street words are written in lower case
    if lower in words.street_markers:
        return i + 1
    if i + 1 < len(doc) and doc[i + 1].text == "." and f"{lower}." in words.street_markers:
        return i + 2
    return None


def _initials_before(doc: Doc, start: int) -> int:
    """Index of the first initial right before token `start` (`start` itself when there are none)."""
    first = start
    while first > 0 and start - first < 2 and _is_initial(doc[first - 1]):
        first -= 1
    return first


def fix_initials(entities: _Entities) -> None:
    """Initials join the surname after them, and the whole is a person.

    Not after a street word (an address: "вул. Л. Курбаса") nor after "ім."
    (an institution named after someone).
    """
    doc = entities.doc
    words = rule_words()
    for span in list(entities.spans):
        if span.label_ not in NAME_LABELS:
            continue
        start = _initials_before(doc, span.start)
        body = span.start
        while body < span.end and _is_initial(doc[body]):
            body += 1
        if start == span.start and body == span.start:
            continue  # no initials before or at the opening of the span
        end = body
        while end < span.end and end - body < 2 and _is_capitalised(doc[end]) and not doc[end].is_punct:
            end += 1
        if end == body:
            continue
        before = doc[start - 1] if start > 0 else None
        if before is not None and (
            before.lower_ in _EPONYM_WORDS
            or _street_marker_end(doc, before.i, words) == start
            or (before.text == "." and before.i > 0 and _street_marker_end(doc, before.i - 1, words) == start)
        ):
            continue
        if span.label_ != "PERS" and end != span.end:
            continue  # a longer place or organisation that merely contains a name
        if (start, end, "PERS") != (span.start, span.end, span.label_):
            entities.replace(span, start, end, "PERS")


def _house_number_end(doc: Doc, end: int, words: EntityRuleWords) -> int:
    """End of ", 31 / 33", ", 2-6" after an address ending at `end` (or after its own number)."""
    if not _is_house_number(doc[end - 1]):
        if end + 1 < len(doc) and doc[end].text == "," and _is_house_number(doc[end + 1]):
            end += 2
        else:
            return end
    while end + 1 < len(doc) and doc[end].text in words.house_number_joiners and _is_house_number(doc[end + 1]):
        end += 2
    return end


def _address_at(entities: _Entities, i: int, words: EntityRuleWords) -> tuple[Span, int, int] | None:
    """(the entity to replace, start, end before the house number) of an address opening at token i.

    Either a street word followed by a name entity ("вул." + "Садовій"), or a LOC
    that is itself opened or closed by a street word ("Липовому проспекті").
    """
    doc = entities.doc
    name_start = _street_marker_end(doc, i, words)
    if name_start is not None:
        while name_start < len(doc) and _is_initial(doc[name_start]):
            name_start += 1  # "вул. Л. Курбаса": the initials are part of the street's name
        name = entities.starting_at(name_start) if name_start < len(doc) else None
        if name is not None and name.label_ in NAME_LABELS and not doc[name_start].is_sent_start:
            return name, i, name.end
    loc = entities.starting_at(i)
    if loc is None or loc.label_ != "LOC":
        return None
    if name_start is None and doc[loc.end - 1].lower_ not in words.street_markers:
        return None
    return loc, loc.start, loc.end


def fix_addresses(entities: _Entities) -> None:
    """Street word + name (+ house number) is one LOC; a LOC address takes its house number."""
    doc = entities.doc
    words = rule_words()
    # Only street words and LOC openings can start an address; looking at those alone keeps this fast.
    candidates = sorted({t.i for t in doc if t.lower_ in words.street_markers or f"{t.lower_}." in words.street_markers}
                        | {s.start for s in entities.spans if s.label_ == "LOC"})
    covered_until = 0
    for i in candidates:
        if i < covered_until:
            continue
        address = _address_at(entities, i, words)
        if address is None:
            continue
        name, start, end = address
        end = _house_number_end(doc, end, words)
        if (start, end, "LOC") != (name.start, name.end, name.label_):
            entities.replace(name, start, end, "LOC")
        covered_until = end


def _unclosed_quote(span: Span) -> str | None:
    """The closing mark a span still owes: the one for its last opening mark left unclosed."""
    owed: list[str] = []
    for token in span:
        if token.text in _OPENING_QUOTES:
            owed.append(_OPENING_QUOTES[token.text])
        elif owed and token.text == owed[-1]:
            owed.pop()
    return owed[-1] if owed else None


def fix_quotes(entities: _Entities) -> None:
    """A name span with an opening quotation mark unclosed takes the closing mark right after it."""
    doc = entities.doc
    for span in list(entities.spans):
        if span.label_ not in NAME_LABELS or span.end >= len(doc):
            continue
        closing = _unclosed_quote(span)
        if closing is not None and doc[span.end].text == closing:
            entities.replace(span, span.start, span.end + 1, span.label_)


def _name_key(span: Span) -> tuple[str, ...]:
    return tuple((token.lemma_ or token.text).lower() for token in span)


def fix_consistency(entities: _Entities) -> None:
    """Mentions of one name (the same lemmas) take the name type most of them have."""
    types: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for span in entities.spans:
        if span.label_ in NAME_LABELS:
            types[_name_key(span)][span.label_] += 1
    for span in list(entities.spans):
        if span.label_ not in NAME_LABELS:
            continue
        (label, mentions), *others = types[_name_key(span)].most_common()
        if label != span.label_ and mentions > others[0][1]:
            entities.replace(span, span.start, span.end, label)


_RULE_FUNCTIONS = {
    "initials": fix_initials,
    "addresses": fix_addresses,
    "quotes": fix_quotes,
    "consistency": fix_consistency,
}


class EntityRules:
    """The spaCy component: the rules named in `rules`, in that order, over doc.ents."""

    def __init__(self, nlp: Language, name: str, rules: list[str]):
        unknown = set(rules) - set(_RULE_FUNCTIONS)
        if unknown:
            raise ValueError(f"unknown entity rules: {sorted(unknown)}")
        self.name = name
        self.rules = [_RULE_FUNCTIONS[rule] for rule in rules]
        rule_words()  # read the word lists when the pipeline is built, not on the first text

    def __call__(self, doc: Doc) -> Doc:
        entities = _Entities(doc)
        for rule in self.rules:
            rule(entities)
        entities.apply()
        return doc


@Language.factory(COMPONENT_NAME, default_config={"rules": list(RULES)})
def create_entity_rules(nlp: Language, name: str, rules: list[str]) -> EntityRules:
    return EntityRules(nlp, name, rules)
