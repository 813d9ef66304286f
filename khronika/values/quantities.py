"""Quantities: numbers in digits or words, with scale, unit, qualifier and what they count.

A small left-to-right parser over the words of the text (grammar.scan):

    [qualifier | від/між ...] [currency sign] NUMBER [scale] [– NUMBER] [currency | percent] counted-noun

Intervals are inclusive (DESIGN §4): "понад 100" (a count) is [101, None],
"щонайменше 100" [100, None], "до 50" [None, 50], "десятки" [20, 99]; an
approximate figure keeps min = max with approximate=True. Spans already taken
by dates are skipped, and numbers that are years, clock times, article or
item numbers, or parts of names ("Су-25") are not counts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from khronika.language.kb import load_kb
from khronika.model import Quantity
from khronika.values import lexicon
from khronika.values.grammar import Morphology, Word, WordInfo

DASHES = frozenset("-–—")
CURRENCY_SIGNS = frozenset("$€₴£₽")
MAX_MODIFIERS_BEFORE_NOUN = 3
_PREVIOUS_CHUNK_RE = re.compile(r"(\S+)\s*$")
_CLOCK_OR_SCORE_RE = re.compile(r"\d\s?:\s?\d")  # 10:30, 1 : 0
_YEAR_PREPOSITIONS = frozenset({"у", "в", "з", "із", "до", "від", "після", "по"})


@dataclass(frozen=True)
class _Counted:
    """What a number counts: the noun's lemma and the group's country."""

    lemma: str | None = None
    nationality: str | None = None


_CONJUNCTIONS = frozenset({"і", "й", "та"})


@dataclass(frozen=True)
class _Number:
    """A number parsed from the words up to words[last]."""

    last: int
    min: float
    max: float
    vague: bool
    scale: float | None  # the scale word that multiplied it, if any
    indefinite: bool  # a lone form of один: "one of", not a count


def _digits_value(text: str, scale_follows: bool) -> float | None:
    """Value of a digit string; None for things like "26.11.2025".

    Groups of exactly three digits after a comma or a dot are thousands
    ("1,000", "1.000") unless a scale word follows ("1,500 млн" = 1.5 million);
    otherwise the comma (Ukrainian) or the dot is a decimal separator.
    """
    compact = re.sub(r"[ \u00a0\u202f]", "", text)
    for separator in ",.":
        if separator in compact:
            head, *groups = compact.split(separator)
            thousands = len(head) <= 3 and all(len(g) == 3 for g in groups)
            if thousands and (len(groups) > 1 or not scale_follows):
                return float(head + "".join(groups))
            if len(groups) == 1 and ("," not in compact or "." not in compact):
                return float(f"{head}.{groups[0]}")
            return None
    return float(compact)


class _Parser:
    def __init__(self, text: str, words: list[Word], morphology: Morphology, masked: list[tuple[int, int]]):
        self.text = text
        self.words = words
        self.morphology = morphology
        self.lex = lexicon.numbers()
        # words starting inside a masked span (words are in text order)
        self.masked = [False] * len(words)
        starts = [w.start for w in words]
        for start, end in masked:
            for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
                self.masked[i] = True

    # --- helpers over word positions ---------------------------------------------------

    def word_at(self, i: int) -> str | None:
        if 0 <= i < len(self.words) and not self.masked[i]:
            return self.words[i].text
        return None

    def _abbreviation_end(self, i: int, forms: frozenset[str] | dict) -> int | None:
        """Index of the last word of words[i] (with a following dot, if "тис." is a form)."""
        word = self.word_at(i)
        if word is None:
            return None
        dot = self.word_at(i + 1)
        if dot == "." and self.words[i + 1].start == self.words[i].end and f"{word}." in forms:
            # the dot belongs to the abbreviation unless it also ends the sentence ("... 5 млн грн. Далі")
            rest = self.text[self.words[i + 1].end :].lstrip()
            if rest and not rest[0].isupper():
                return i + 1
        return i if word in forms else None

    def _phrase_at(self, i: int, phrase: tuple[str, ...]) -> bool:
        return all(self.word_at(i + k) == part for k, part in enumerate(phrase))

    # --- numbers -------------------------------------------------------------------------

    def number(self, i: int) -> _Number | None:
        word = self.word_at(i)
        if word is None:
            return None
        if self.words[i].is_number:
            return self._digits(i)
        if word in self.lex.cardinals or word in self.lex.fractions:
            return None if self._glued_to_letters(i) else self._number_words(i)
        if word in self.lex.vague or word in self.lex.genitive_singular:
            return self._vague(i)
        if word in self.lex.scales:
            return self._bare_scale(i)
        return None

    def _scale_after(self, i: int) -> tuple[float, int] | None:
        end = self._abbreviation_end(i, self.lex.scales)
        if end is None:
            return None
        key = self.words[i].text + ("." if end > i else "")
        return self.lex.scales[key].value, end

    def _half_after(self, i: int) -> int:
        """Words of "з половиною" right after words[i]: 0 or 2."""
        return len(self.lex.and_a_half) if self._phrase_at(i + 1, self.lex.and_a_half) else 0

    def _digits(self, i: int) -> _Number | None:
        if not self._is_count_position(i):
            return None
        half = self._half_after(i)
        scale = self._scale_after(i + 1 + half)
        value = _digits_value(self.words[i].text, scale is not None)
        if value is None:
            return None
        value += 0.5 if half else 0
        if scale:
            return _Number(scale[1], value * scale[0], value * scale[0], False, scale[0], False)
        return _Number(i + half, value, value, False, None, False)

    def _glued_to_letters(self, i: int) -> bool:
        """Су-25, COVID-19, 5-го, 90-х, раз-два: part of a name or an ordinal, not a count.

        A range "50-60" is read from its first number, so a dash after digits is fine.
        """
        word = self.words[i]
        text = self.text
        before = text[word.start - 1] if word.start else " "
        after = text[word.end] if word.end < len(text) else " "
        if before.isalpha() or after.isalpha():
            return True
        if before in DASHES and word.start >= 2 and text[word.start - 2].isalpha():
            return True
        return after in DASHES and word.end + 1 < len(text) and text[word.end + 1].isalpha()

    def _is_count_position(self, i: int) -> bool:
        """False for years, clock times and scores, article numbers, ordinals and names like Су-25."""
        word = self.words[i]
        if self._glued_to_letters(i) or _CLOCK_OR_SCORE_RE.search(self.text, max(0, word.start - 4), word.end + 4):
            return False
        if self.word_at(i + 1) in lexicon.month_forms():
            return False  # "32 грудня": a day, even an impossible one, is not a count
        previous = _PREVIOUS_CHUNK_RE.search(self.text[max(0, word.start - 20) : word.start])
        if previous and previous.group(1).lower() in self.lex.not_count_before:
            return False
        if re.match(r"0\d", word.text) or self._in_digit_run(i):
            return False  # 044 123 45 67: phone numbers, codes
        if re.fullmatch(r"1[89]\d\d|20\d\d", word.text):  # a year unless it plainly counts something
            year_word_after = self._abbreviation_end(i + 1, self.lex.year_words) is not None
            return not (year_word_after or self.word_at(i - 1) in _YEAR_PREPOSITIONS or self._noun_after(i) is None)
        return True

    def _continues_digits(self, i: int) -> bool:
        """"45" in "2025-13-45": the tail of a code or of a range whose head was not a count."""
        start = self.words[i].start
        return self.words[i].is_number and start >= 2 and self.text[start - 1] in DASHES and self.text[start - 2].isdigit()

    def _in_digit_run(self, i: int) -> bool:
        """True when another number stands next to words[i] with only spaces between."""
        for j in (i - 1, i + 1):
            if 0 <= j < len(self.words) and self.words[j].is_number:
                left, right = sorted((self.words[i], self.words[j]), key=lambda w: w.start)
                if not self.text[left.end : right.start].strip():
                    return True
        return False

    def _noun_after(self, i: int) -> str | None:
        return self.counted(i).lemma

    def _number_words(self, i: int) -> _Number | None:
        total = 0.0
        current = 0.0
        previous = 0  # the last cardinal added since the last scale word
        last = i - 1
        scale_used: float | None = None
        j = i
        while True:
            word = self.word_at(j)
            if word is None:
                break
            if word in self.lex.cardinals and _may_follow(previous, self.lex.cardinals[word]):
                previous = self.lex.cardinals[word]
                current += previous
                last = j
            elif last >= i and self._half_after(j - 1):
                current += 0.5
                last = j = j + len(self.lex.and_a_half) - 1
            elif word in self.lex.fractions:
                current += self.lex.fractions[word]
                last = j
            else:
                scale = self._scale_after(j)
                if scale is None or last < i:
                    break
                total += (current or 1) * scale[0]
                scale_used = scale[0]
                current = 0.0
                previous = 0
                last = j = scale[1]
            j += 1
        value = total + current
        indefinite = last == i and self.words[i].text in self.lex.indefinite_one and not self._one_counts(i)
        return _Number(last, value, value, False, scale_used, indefinite)

    def _one_counts(self, i: int) -> bool:
        """"одна людина", "одну агентку": один right before a noun counts it."""
        if self.words[i].text not in self.lex.one_before_noun or i + 1 >= len(self.words) or self.masked[i + 1]:
            return False
        after = self.words[i + 1]
        return after.is_letters and self.morphology.info(after).role == "noun"

    def _is_number_word(self, word: str) -> bool:
        lex = self.lex
        return word in lex.cardinals or word in lex.fractions or word in lex.vague or word in lex.scales

    def _after_genitive_preposition(self, i: int) -> bool:
        return self.word_at(i - 1) in self.lex.genitive_prepositions

    def _vague(self, i: int) -> _Number | None:
        word = self.words[i].text
        if word in self.lex.genitive_singular and self._after_genitive_preposition(i):
            value = self.lex.genitive_singular[word]
            return _Number(i, value, value, False, None, False)
        if word not in self.lex.vague:
            return self._bare_scale(i)
        count = self.lex.vague[word]
        scale = self._scale_after(i + 1)
        if scale:
            return _Number(scale[1], count.min * scale[0], (count.max + 1) * scale[0] - 1, True, scale[0], False)
        return _Number(i, count.min, count.max, True, None, False)

    def _bare_scale(self, i: int) -> _Number | None:
        """тисяча (1000), тисячі людей (2000..9999), до тисячі (1000), десятки тисяч (20000..99999)."""
        end = self._abbreviation_end(i, self.lex.scales)
        if end is None:
            return None
        key = self.words[i].text + ("." if end > i else "")
        scale = self.lex.scales[key]
        if key not in scale.plural:  # тисяча, тис., млн: one unit of the scale
            return _Number(end, scale.value, scale.value, False, scale.value, False)
        low, high = 2 * scale.value, 10 * scale.value - 1
        larger = self._scale_after(end + 1)
        if larger:
            return _Number(larger[1], low * larger[0], (high + 1) * larger[0] - 1, True, larger[0], False)
        return _Number(end, low, high, True, scale.value, False)

    # --- around the number ---------------------------------------------------------------

    def _letters_info(self, j: int) -> WordInfo | None:
        """Morphology of words[j] when it is an unmasked word of letters, else None."""
        if j >= len(self.words) or self.masked[j] or not self.words[j].is_letters:
            return None
        return self.morphology.info(self.words[j])

    def counted(self, last: int) -> _Counted:
        """What the number ending at words[last] counts.

        Adjectives and participles before the noun are skipped
        ("100 політичних в'язнів" -> в'язень), and so is an adjective used as a
        noun when a noun follows ("22 важкопоранених захисників" -> захисник);
        a participle used as a noun counts itself ("десятки затриманих у ..." -> затриманий).
        """
        modifiers: list[str] = []
        counted: str | None = None
        noun_at: int | None = None
        for j in range(last + 1, min(last + 2 + MAX_MODIFIERS_BEFORE_NOUN, len(self.words))):
            info = self._letters_info(j)
            if info is None or self._is_number_word(self.words[j].text):
                break
            following = self._letters_info(j + 1)
            substantive_adjective = info.lemma.endswith(("ий", "ій")) and following is not None and following.role == "noun"
            if info.role == "noun" and not substantive_adjective:
                counted, noun_at = info.lemma, j
                break
            if info.role not in ("modifier", "noun"):
                break
            modifiers.append(info.lemma)
        if counted is None and modifiers:
            counted = modifiers.pop()
        if counted is None:
            return _Counted()
        # the group's country: a demonym (українець) or a national adjective (українських військових)
        kb = load_kb()
        nationality = next(filter(None, map(kb.country_of, [counted, *modifiers])), None)
        if nationality is None and noun_at is not None and counted in self.lex.citizen_nouns:
            nationality = self._country_after(noun_at)
        return _Counted(counted, nationality)

    def partitive_after(self, last: int) -> bool:
        """"троє з них", "п'ятьох із яких" right after words[last]."""
        return self.word_at(last + 1) in self.lex.partitive_prepositions and self.word_at(last + 2) in self.lex.partitive_pronouns

    def counted_after_dash(self, last: int) -> _Counted:
        """"понад сто — кримські татари", "чотирнадцять із них — іноземці": the noun after the dash."""
        j = last + 3 if self.partitive_after(last) else last + 1
        if self.word_at(j) not in DASHES:
            return _Counted()
        return self.counted(j)

    def _country_after(self, noun_at: int) -> str | None:
        """"громадян і резидентів США", "офіцерів російської армії": the country named after the noun."""
        kb = load_kb()
        for j in range(noun_at + 1, min(noun_at + 5, len(self.words))):
            info = self._letters_info(j)
            if info is None:
                return None
            code = kb.country_of(info.lemma)
            if code:
                return code
            if self.words[j].text not in _CONJUNCTIONS and info.role not in ("noun", "modifier"):
                return None
        return None

    def governing_lemma(self, first: int) -> str | None:
        """"sentence" or "threat" for the nearest sentencing or threatening word before words[first] in its sentence."""
        sentence_start = self.morphology.sentence_bounds(self.words[first].start)[0]
        for j in range(first - 1, -1, -1):
            if self.words[j].start < sentence_start:
                break
            info = self._letters_info(j)
            if info is None:
                continue
            if info.lemma in self.lex.sentence_lemmas:
                return "sentence"
            if info.lemma in self.lex.threat_lemmas:
                return "threat"
        return None

    def grows_to(self, first: int) -> bool:
        """Whether a verb of growth stands right before words[first] ("зросла до")."""
        info = self._letters_info(first - 1) if first > 0 else None
        return info is not None and info.lemma in self.lex.growth_lemmas

    def unit(self, i: int) -> tuple[str | None, int]:
        """(unit, last word index) for a currency or percent right after words[i-1]."""
        end = self._abbreviation_end(i, self.lex.currencies)
        if end is not None:
            key = self.words[i].text + ("." if end > i else "")
            if self.word_at(end + 1) in self.lex.currency_qualifiers:
                end += 1
            return self.lex.currencies[key], end
        if self.word_at(i) in self.lex.percent:
            return "percent", i
        return None, i - 1

    def qualified(self, i: int) -> tuple[str, int, _Number | None, _Number] | None:
        """(qualifier, first word, low number, number) starting at words[i], or None."""
        word = self.word_at(i)
        if word is None or not (self.words[i].is_number or word in self.lex.openers) or self._continues_digits(i):
            return None  # most words: no number, no range or qualifier word
        if word in self.lex.range_from or word in self.lex.range_between:
            low = self.number(i + 1)
            joiners = self.lex.range_to if word in self.lex.range_from else self.lex.range_and
            if low and self.word_at(low.last + 1) in joiners:
                high = self.number(low.last + 2)
                if high:
                    return "range", i, low, high
        for phrase, name in self.lex.qualifiers.get(word, ()):
            if self._phrase_at(i, phrase):
                after = i + len(phrase)
                # "щонайменше у семи будинках": a preposition may stand between
                number = self.number(after) or (
                    self.number(after + 1) if self.word_at(after) in self.lex.qualified_prepositions else None
                )
                if number:
                    return name, i, None, number
        number = self.number(i)
        if number is None:
            return None
        if self.word_at(number.last + 1) in DASHES:
            high = self.number(number.last + 2)
            if high and high.vague == number.vague and self.words[i].is_number == self.words[number.last + 2].is_number:
                return "range", i, number, high
        return ("vague" if number.vague else "exact"), i, None, number


def _may_follow(previous: int, value: int) -> bool:
    """Whether cardinal `value` can continue a compound after `previous` (двісті сорок два: yes;
    одне одного, три п'ять: no): it must fill the zeros of a round number of twenty or more."""
    if previous == 0:
        return True
    if previous < 20:
        return False
    zeros = len(str(previous)) - len(str(previous).rstrip("0"))
    return value < 10**zeros


def _interval(qualifier: str, low: _Number | None, number: _Number, whole: bool) -> tuple[float | None, float | None]:
    step = 1 if whole else 0
    if qualifier == "range" and low is not None:
        low_min = low.min * (number.scale or 1) if low.scale is None and number.scale else low.min
        return low_min, number.max
    if qualifier == "at_least":
        return number.min, None
    if qualifier == "more_than":
        return number.max + step, None
    if qualifier == "at_most":
        return None, number.max
    if qualifier == "less_than":
        return None, number.min - step
    return number.min, number.max


def _plain(value: float | None) -> float | int | None:
    """Whole numbers as int (7,08 млн is 7080000, not 7080000.000000001); others rounded to 6 places."""
    if value is None:
        return None
    if abs(value - round(value)) < 1e-6:
        return int(round(value))
    return round(value, 6)


def _antecedent(found: list[Quantity], since: int, time_units: frozenset[str]) -> _Counted:
    """"390 українців, у суботу — 307": a bare number counts what the last count after `since` counted."""
    for quantity in reversed(found):
        if quantity.start < since:
            break
        if quantity.counted and quantity.unit is None and quantity.counted not in time_units:
            return _Counted(quantity.counted, quantity.nationality)
    return _Counted()


def find_quantities(
    text: str, original: str, words: list[Word], morphology: Morphology, masked: list[tuple[int, int]]
) -> list[Quantity]:
    """Quantities in `text` (matching text), with spans into `original`, outside `masked` spans."""
    parser = _Parser(text, words, morphology, masked)
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        sign_unit = parser.lex.currencies.get(words[i].text) if words[i].text in CURRENCY_SIGNS else None
        parsed = parser.qualified(i + 1) if sign_unit else parser.qualified(i)
        if parsed is None:
            i += 1
            continue
        qualifier, first, low, number = parsed
        if sign_unit:
            first = i
        multiplier = (  # у 2 рази
            parser.word_at(number.last + 1) in parser.lex.not_count_after
            and parser.word_at(first - 1) in parser.lex.multiplier_prepositions
        )
        if multiplier or (number.indefinite and qualifier == "exact"):
            i = number.last + 1
            continue
        if qualifier == "at_most" and words[first].text == "до" and low is None:
            # "до кількох сотень": a vague count is no bound; "засудив до 16 років", "зросла до 12": the exact figure
            if number.vague or parser.governing_lemma(first) == "sentence" or parser.grows_to(first):
                qualifier, first = ("vague" if number.vague else "exact"), first + 1
        unit, last = parser.unit(number.last + 1)
        unit = sign_unit or unit
        counted = _Counted() if unit else parser.counted(last)
        if words[first].text in parser.lex.both and (counted.lemma is None or counted.lemma in parser.lex.both_idiom_nouns):
            i = number.last + 1  # "обом повідомили", "з обох сторін": not a count
            continue
        if counted.lemma is None and unit is None:
            counted = parser.counted_after_dash(last)
        if counted.lemma is None and unit is None:
            # in its own sentence; "троє з них" may point back further
            since = 0 if parser.partitive_after(last) else morphology.sentence_bounds(words[first].start)[0]
            counted = _antecedent(found, since, parser.lex.time_units)
        whole = unit is None and float(number.max).is_integer()
        minimum, maximum = _interval(qualifier, low, number, whole)
        approximate = qualifier == "approx"
        start, end = words[first].start, words[last].end
        found.append(
            Quantity(
                start=start,
                end=end,
                text=original[start:end],
                min=_plain(minimum),
                max=_plain(maximum),
                approximate=approximate,
                qualifier=qualifier,
                counted=counted.lemma,
                nationality=counted.nationality,
                unit=unit,
            )
        )
        i = last + 1
    return found
