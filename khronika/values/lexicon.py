"""The values stage's vocabulary, read once from khronika/data/lexicons/*.json.

Every form is lower case with apostrophes as U+0027 (khronika.text.for_matching),
so lookups take `word.lower()` of the matching text.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicons"


@dataclass(frozen=True)
class Scale:
    value: float
    singular: frozenset[str]  # тисяча, тисячу: exactly one thousand when alone
    plural: frozenset[str]  # тисячі, тисячами: a vague number of thousands when alone
    abbreviations: frozenset[str]  # тис., млн

    @property
    def forms(self) -> frozenset[str]:
        return self.singular | self.plural | self.abbreviations


@dataclass(frozen=True)
class VagueCount:
    min: float
    max: float


@dataclass(frozen=True)
class NumberLexicon:
    cardinals: dict[str, int]  # form -> value
    fractions: dict[str, float]
    scales: dict[str, Scale]  # form -> scale
    vague: dict[str, VagueCount]
    genitive_singular: dict[str, float]  # сотні, тисячі after a genitive preposition
    genitive_prepositions: frozenset[str]
    qualifiers: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, qualifier), longest first
    range_from: frozenset[str]
    range_to: frozenset[str]
    range_between: frozenset[str]
    range_and: frozenset[str]
    currencies: dict[str, str]  # form -> ISO 4217
    currency_qualifiers: frozenset[str]  # доларів США: words that may follow a currency
    percent: frozenset[str]
    not_count_before: frozenset[str]
    not_count_after: frozenset[str]
    and_a_half: tuple[str, ...]
    year_words: frozenset[str]
    indefinite_one: frozenset[str]  # forms of один
    one_before_noun: frozenset[str]  # forms of один that count before a noun
    both: frozenset[str]  # forms of обидва
    both_idiom_nouns: frozenset[str]  # з обох сторін: not a count
    multiplier_prepositions: frozenset[str]  # у 2 рази
    sentence_lemmas: frozenset[str]  # засудив до 16 років: the exact term
    threat_lemmas: frozenset[str]  # загрожує до 5 років: a maximum
    growth_lemmas: frozenset[str]  # зросла до 12: the count reached
    time_units: frozenset[str]  # рік, місяць: durations, never what a bare number after them counts
    partitive_prepositions: frozenset[str]  # сто з них — ...
    partitive_pronouns: frozenset[str]
    qualified_prepositions: frozenset[str]  # щонайменше у семи будинках

    @functools.cached_property
    def openers(self) -> frozenset[str]:
        """Every word other than digits that a quantity may start with: number words, range and qualifier words."""
        number_words = (self.cardinals, self.fractions, self.scales, self.vague, self.genitive_singular, self.qualifiers)
        return frozenset().union(*number_words, self.range_from, self.range_between)
    citizen_nouns: frozenset[str]  # громадяни Литви: nationality from what follows


@dataclass(frozen=True)
class Month:
    number: int
    nominative: str
    genitive: str
    locative: tuple[str, ...]


@dataclass(frozen=True)
class Season:
    name: str
    first_month: int
    adverbs: tuple[str, ...]
    genitive: str
    locative: tuple[str, ...]


@dataclass(frozen=True)
class PeriodPart:
    """на початку / в середині / наприкінці of a month, a week or a year."""

    name: str
    first_day: int  # of the month
    last_day: int  # 31 means "to the end of the month"
    weekdays: tuple[int, int]  # first and last weekday (0 = Monday)
    months: tuple[int, int]  # first and last month of the year
    phrases: tuple[str, ...]


def _read(name: str) -> dict[str, Any]:
    with (LEXICON_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


@functools.cache
def numbers() -> NumberLexicon:
    raw = _read("numbers.json")
    cardinals = {form: int(value) for value, forms in raw["cardinals"].items() for form in forms}
    scales: dict[str, Scale] = {}
    for entry in raw["scales"]:
        scale = Scale(
            float(entry["value"]),
            frozenset(entry["singular"]),
            frozenset(entry["plural"]),
            frozenset(entry["abbreviations"]),
        )
        scales.update({form: scale for form in scale.forms})
    qualifiers: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, phrases in raw["qualifiers"].items():
        for phrase in phrases:
            words = tuple(phrase.split())
            qualifiers.setdefault(words[0], []).append((words, name))
    for options in qualifiers.values():
        options.sort(key=lambda item: -len(item[0]))
    ranges = raw["range_words"]
    return NumberLexicon(
        cardinals=cardinals,
        fractions={form: float(value) for value, forms in raw["fractions"].items() for form in forms},
        scales=scales,
        vague={
            form: VagueCount(float(entry["min"]), float(entry["max"]))
            for entry in raw["vague"]
            for form in entry["forms"]
        },
        genitive_singular={form: float(value) for form, value in raw["genitive_singular"].items()},
        genitive_prepositions=frozenset(raw["genitive_prepositions"]),
        qualifiers=qualifiers,
        range_from=frozenset(ranges["from"]),
        range_to=frozenset(ranges["to"]),
        range_between=frozenset(ranges["between"]),
        range_and=frozenset(ranges["and"]),
        currencies={form: code for code, forms in raw["currencies"].items() for form in forms},
        currency_qualifiers=frozenset(raw["currency_qualifiers"]),
        percent=frozenset(raw["percent"]),
        not_count_before=frozenset(raw["not_count_before"]),
        not_count_after=frozenset(raw["not_count_after"]),
        and_a_half=tuple(raw["and_a_half"]),
        year_words=frozenset(raw["year_words"]),
        indefinite_one=frozenset(raw["cardinals"]["1"]),
        one_before_noun=frozenset(raw["one_before_noun"]),
        both=frozenset(raw["both"]),
        both_idiom_nouns=frozenset(raw["both_idiom_nouns"]),
        multiplier_prepositions=frozenset(raw["multiplier_prepositions"]),
        sentence_lemmas=frozenset(raw["sentence_lemmas"]),
        threat_lemmas=frozenset(raw["threat_lemmas"]),
        growth_lemmas=frozenset(raw["growth_lemmas"]),
        time_units=frozenset(raw["time_units"]),
        partitive_prepositions=frozenset(raw["partitive_prepositions"]),
        partitive_pronouns=frozenset(raw["partitive_pronouns"]),
        qualified_prepositions=frozenset(raw["qualified_prepositions"]),
        citizen_nouns=frozenset(raw["citizen_nouns"]),
    )


@functools.cache
def dates() -> dict[str, Any]:
    """The raw date vocabulary; khronika.values.dates compiles it into patterns."""
    return _read("dates.json")


@functools.cache
def months() -> tuple[Month, ...]:
    return tuple(
        Month(m["number"], m["nominative"], m["genitive"], tuple(m["locative"])) for m in dates()["months"]
    )


@functools.cache
def month_forms() -> frozenset[str]:
    return frozenset(form for m in months() for form in (m.nominative, m.genitive, *m.locative))


@functools.cache
def seasons() -> tuple[Season, ...]:
    return tuple(
        Season(s["name"], s["first_month"], tuple(s["adverbs"]), s["genitive"], tuple(s["locative"]))
        for s in dates()["seasons"]
    )


@functools.cache
def period_parts() -> tuple[PeriodPart, ...]:
    return tuple(
        PeriodPart(
            p["name"], p["first_day"], p["last_day"], tuple(p["weekdays"]), tuple(p["months"]), tuple(p["phrases"])
        )
        for p in dates()["month_parts"]
    )
