"""Ukrainian lemmas, UD part-of-speech tags and UD features from pymorphy3.

pymorphy3 with pymorphy3-dicts-uk gives every word form its possible parses in
OpenCorpora-style tags. This module maps them to Universal Dependencies (UPOS
and FEATS) and picks one parse per token with cheap context:

- parses the dictionary marks as rare (vocative, archaic, slang, alternative
  spellings) lose to ordinary ones;
- capitalisation: a capitalised word inside a sentence prefers a proper-name
  parse, a lower-case word avoids one;
- after a preposition, nominal parses in a case the preposition governs win;
- adjectives and determiners agree with the noun that follows them;
- a neuter adjective with no noun near it yields to the adverb reading;
- simplemma's corpus-derived lemma breaks ties between dictionary lemmas
  ("року": рік, not рок), gives converbs their infinitive (UD lemma) and,
  since it writes names with a capital, tells a capitalised name ("Одесі")
  from a capitalised common noun ("Міністерства") for PROPN;
- numbers with endings are ordinals ("2017-го") or compound adjectives
  ("14-річні"); a number before a month or "рік" is an ordinal (UD);
- verbs: an untagged verb form is the infinitive; the colloquial short
  infinitive ("звільнить") yields to the finite verb spelled alike, a
  perfective future to an imperfective present of the same lemma
  ("перебувають"); converbs get UD Tense from their aspect; after a finite
  verb or "можна/повинен" the infinitive wins, and 1st/2nd person verbs
  yield to nouns ("назву") unless "я/ви..." precedes;
- unknown words follow pymorphy3's guess scores ("Умєров": a surname);
  at a sentence start a name needs more than its capital;
- after a number or "кілька" the noun is plural ("12 000 пар": пара);
  oblique "двох/трьох" take the cardinal lemma (UD-IU);
- "і/й" after "як", "ще", "а"... mean "also, even": PART;
- a preposition with nothing to govern is the adverb ("Раніше він...");
- an abbreviation whose period the tokenizer split off ("р" + ".") and
  initials keep the period in the lemma, as UD does ("р.", "Т.");
- a short list of function words follows UD conventions directly, and
  "його/її/їх", "того/все..." are determiners before a noun group and
  pronouns otherwise (khronika/data/lexicons/uk_morph.json).

Measured with `khronika.evaluate.lemma.run` on UD Ukrainian-IU; see that
module for the comparison rules.

Analyses are cached per word form, so repeated words cost one dict lookup.
The spaCy component "khronika_morph" sets `lemma_`, `pos_` and `morph` on
every token.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pymorphy3
import simplemma
from pymorphy3.units import DictionaryAnalyzer
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from khronika.language.tokenizer import abbreviations, token_texts, trailing_spaces
from khronika.text import for_matching

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "uk_morph.json"

# OpenCorpora grammeme -> (UD feature, value)
_FEATURE_OF_GRAMMEME: dict[str, tuple[str, str]] = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "datv": ("Case", "Dat"),
    "accs": ("Case", "Acc"), "ablt": ("Case", "Ins"), "loct": ("Case", "Loc"),
    "voct": ("Case", "Voc"),
    "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "anim": ("Animacy", "Anim"), "inan": ("Animacy", "Inan"),
    "impf": ("Aspect", "Imp"), "perf": ("Aspect", "Perf"),
    "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
    "actv": ("Voice", "Act"), "pssv": ("Voice", "Pass"),
    "compb": ("Degree", "Cmp"), "Supr": ("Degree", "Sup"),
    "Abbr": ("Abbr", "Yes"), "Fixd": ("Uninflect", "Yes"),
    "Name": ("NameType", "Giv"), "Surn": ("NameType", "Sur"), "Patr": ("NameType", "Pat"),
    "Pltm": ("Number", "Ptan"),
}
# OpenCorpora part of speech -> UPOS, before the lexical and contextual refinements
_UPOS_OF_POS: dict[str, str] = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
    "INFN": "VERB", "PRTF": "ADJ", "PRTS": "ADJ", "GRND": "VERB", "NUMR": "NUM",
    "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ",
    "PRCL": "PART", "INTJ": "INTJ", "NUMB": "NUM", "ROMN": "NUM", "LATN": "X",
    "PNCT": "PUNCT", "UNKN": "X",
}
_PROPER_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})
# parses the dictionary marks as unusual: chosen only when nothing else fits
_RARE_GRAMMEMES = {"voct": 3.0, "impr": 1.0, "Arch": 2.0, "Slng": 2.0, "alt": 1.0, "Dist": 1.5, "Infr": 1.0}
# how readily each part of speech is the right reading of an ambiguous form
_POS_PRIOR = {
    "PREP": 3.0, "CONJ": 2.5, "NPRO": 2.0, "VERB": 1.5, "INFN": 1.5, "GRND": 1.5, "PRCL": 1.0,
    "ADVB": 1.1, "NUMR": 1.0, "ADJF": 1.0, "PRTF": 1.0, "NOUN": 1.0, "INTJ": 0.0, "UNKN": -1.0,
}
FREQUENT_LEMMA_BONUS = 0.4
AGREEMENT_BONUS = 0.5
RARE_READING_PENALTY = 2.0
LONE_NEUTER_ADJECTIVE_PENALTY = 0.3
PREDICTION_WEIGHT = 3.0  # how much pymorphy3's guess for an unknown word ("Умєров": surname, not a verb) counts
PERFECTIVE_FUTURE_PENALTY = 0.3  # "перебувають": the imperfective present, not a perfective future of one lemma
COLLECTIVE_NUMERAL_PENALTY = 1.0
SENTENCE_START_NAME_PENALTY = 0.4  # a capital opening a sentence is no evidence of a name
AFTER_QUANTITY_BONUS = 0.8  # "12 000 пар", "кілька місяців": the plural noun
ADDITIVE_PARTICLE_BONUS = 2.0
POSSESSIVE_ADJECTIVE_PENALTY = 0.5
UNGOVERNING_PREPOSITION_PENALTY = 2.5
SPEAKER_VERB_PENALTY = 0.6  # 1st and 2nd person verbs are rare in news
INFINITIVE_AFTER_GOVERNOR_BONUS = 0.7
UNKNOWN_NAME_PENALTY = 1.5
PLURALE_TANTUM_BONUS = 0.2  # "виборів": вибори (elections), not the plural of вибір
SHORT_INFINITIVE_PENALTY = 1.5  # more than the bonus after a governing verb: "може звільнить" is rare
_POSSESSIVE_ENDINGS = ("ів", "їв")
STRESS_MARK = "\u0301"
_NOMINAL_UPOS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "PRON", "NUM"})
_LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z'.\-]*$")
_NUMBER_RE = re.compile(r"^[+-]?\d[\d.,:/ \u00a0\u202f-]*$")
_ORDINAL_RE = re.compile(r"^(\d+)-[а-яіїєґ]{1,3}$")  # "2017-го", "3-й", "1980-х"
_NUMBER_COMPOUND_RE = re.compile(r"^(\d+)-([а-яіїєґ']{4,})$")  # "14-річний", "5-поверховий"
_PUNCT_RE = re.compile(r"^\W+$")
_INITIAL_RE = re.compile(r"^[А-ЯІЇЄҐ]\.$")  # "Т." before a surname
_INITIAL_FEATS = (("Abbr", "Yes"), ("Animacy", "Anim"), ("NameType", "Giv"), ("Uninflect", "Yes"))
_INFINITIVE_ENDINGS = ("ти", "тися", "ть", "тись")
_SHORT_INFINITIVE_ENDINGS = ("ть", "ться")  # colloquial "звільнить", "робиться": in news the 3rd person
# a verb tag with none of these is the infinitive: the dictionary marks only some with "infn"
_FINITE_GRAMMEMES = frozenset(
    {"past", "pres", "futr", "impr", "Impe", "1per", "2per", "3per", "sing", "plur", "masc", "femn", "neut"}
)


@dataclass(frozen=True)
class Reading:
    """One possible analysis of a word form, already in UD terms."""

    lemma: str
    upos: str
    feats: tuple[tuple[str, str], ...]  # sorted (feature, value) pairs
    prior: float  # how likely this reading is before context
    proper: bool  # a name parse (Name, Surn, Patr)

    @functools.cached_property
    def _feat_values(self) -> dict[str, str]:
        return dict(self.feats)

    def feat(self, name: str) -> str | None:
        return self._feat_values.get(name)  # a dict built once per reading: scoring asks often

    @functools.cached_property
    def feats_str(self) -> str:
        return "|".join(f"{k}={v}" for k, v in self.feats)  # once per reading: readings are cached per form


@dataclass(frozen=True)
class WordAnalysis:
    """The reading chosen for one token."""

    lemma: str
    pos: str
    morph: str  # UD FEATS string, "" when none


@dataclass(frozen=True)
class _Lexicon:
    det_lemmas: frozenset[str]
    lemma_rewrites: dict[str, str]
    det_or_pron_forms: dict[str, tuple[str, str]]
    forms: dict[str, tuple[str, str]]
    auxiliary_lemmas: frozenset[str]
    preposition_cases: dict[str, frozenset[str]]
    rare_readings: dict[str, str]
    ordinal_number_heads: frozenset[str]
    collective_numerals: frozenset[str]
    quantity_lemmas: frozenset[str]
    additive_particles: frozenset[str]
    additive_particle_after: frozenset[str]
    personal_pronoun_person: dict[str, str]
    infinitive_governors: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    return _Lexicon(
        det_lemmas=frozenset(raw["det_lemmas"]),
        lemma_rewrites=dict(raw["lemma_rewrites"]),
        det_or_pron_forms={k: (v[0], v[1]) for k, v in raw["det_or_pron_forms"].items() if not k.startswith("_")},
        forms={k: (v[0], v[1]) for k, v in raw["forms"].items()},
        auxiliary_lemmas=frozenset(raw["auxiliary_lemmas"]),
        preposition_cases={k: frozenset(v) for k, v in raw["preposition_cases"].items()},
        rare_readings={k: v for k, v in raw["rare_readings"].items() if not k.startswith("_")},
        ordinal_number_heads=frozenset(raw["ordinal_number_heads"]["lemmas"]),
        collective_numerals=frozenset(raw["collective_numerals"]["lemmas"]),
        quantity_lemmas=frozenset(raw["quantity_lemmas"]["lemmas"]),
        additive_particles=frozenset(raw["additive_particles"]["forms"]),
        additive_particle_after=frozenset(raw["additive_particles"]["after"]),
        personal_pronoun_person={k: v for k, v in raw["personal_pronoun_person"].items() if not k.startswith("_")},
        infinitive_governors=frozenset(raw["infinitive_governors"]["lemmas"]),
    )


@functools.cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The shared pymorphy3 analyzer for Ukrainian (loaded once)."""
    return pymorphy3.MorphAnalyzer(lang="uk")


def _feats_of(tag: pymorphy3.analyzer.OpencorporaTag, pos: str) -> dict[str, str]:
    grammemes = set(tag.grammemes)
    feats: dict[str, str] = {}
    for grammeme in grammemes:
        if grammeme in _FEATURE_OF_GRAMMEME:
            name, value = _FEATURE_OF_GRAMMEME[grammeme]
            feats[name] = value
    if pos == "NOUN" and "Case" not in feats and "Fixd" not in grammemes:
        feats["Case"] = "Nom"  # the dictionary leaves some nominatives unmarked ("держава")
    if "Pltm" in grammemes:  # plurale tantum wins over the plain plural
        feats["Number"] = "Ptan"
    elif "Case" in feats and "Number" not in feats and "Fixd" not in grammemes and pos != "NUMR":
        feats["Number"] = "Sing"  # the dictionary leaves the singular unmarked
    if pos in ("VERB", "INFN", "GRND", "PRTF", "PRTS"):
        if pos == "INFN" or "infn" in grammemes or (pos == "VERB" and not grammemes & _FINITE_GRAMMEMES):
            feats["VerbForm"] = "Inf"
        elif pos == "GRND":
            feats["VerbForm"] = "Conv"
            # UD: an imperfective converb is present ("тримаючи"), a perfective one past ("розглянувши")
            if "Aspect" in feats:
                feats["Tense"] = "Pres" if feats["Aspect"] == "Imp" else "Past"
        elif pos in ("PRTF", "PRTS"):
            feats["VerbForm"] = "Part"
        elif "Impe" in grammemes:
            feats["VerbForm"] = "Fin"
            feats["Mood"] = "Ind"
            feats["Person"] = "0"
        else:
            feats["VerbForm"] = "Fin"
            feats["Mood"] = "Imp" if "impr" in grammemes else "Ind"
            if "Gender" in feats and "Number" not in feats:
                feats["Number"] = "Sing"  # past tense: a gender means the singular
    elif pos == "ADJF" and {"actv", "pssv"} & grammemes:
        feats["VerbForm"] = "Part"
    if pos in ("ADJF", "ADJS", "COMP") and "Degree" not in feats:
        feats["Degree"] = "Pos"
    if pos == "NPRO" and "pers" in grammemes:
        feats["PronType"] = "Prs"
    if pos in ("NUMB", "ROMN"):
        feats["NumType"] = "Card"
    if pos == "NUMR":
        feats["NumType"] = "Card"
    return feats


def _reading_of(parse: pymorphy3.analyzer.Parse, guessed: bool) -> Reading:
    """The UD reading of one parse; `guessed` when pymorphy3 predicted it for a word its dictionary lacks."""
    lex = _lexicon()
    tag = parse.tag
    grammemes = set(tag.grammemes)
    # tag.POS is None for numbers, Latin words, punctuation: those are plain grammemes
    pos = str(tag.POS) if tag.POS else next(iter(sorted(grammemes & set(_UPOS_OF_POS))), "UNKN")
    lemma = lex.lemma_rewrites.get(parse.normal_form, parse.normal_form)
    upos = _UPOS_OF_POS.get(pos, "X")
    proper = bool(grammemes & _PROPER_GRAMMEMES)
    if pos == "NOUN" and proper:
        upos = "PROPN"
    elif pos == "NPRO" and lemma in lex.det_lemmas:
        upos = "DET"
    elif pos == "NPRO" and tag.case is None:
        upos = "ADV"  # pronominal adverbs: тут, де, тоді, тепер
    elif pos == "CONJ":
        upos = "SCONJ" if "subord" in grammemes else "CCONJ"
    elif pos == "VERB" and lemma in lex.auxiliary_lemmas:
        upos = "AUX"
    elif pos == "NUMR" and lemma in lex.det_lemmas:
        upos = "DET"
    prior = _POS_PRIOR.get(pos, 0.5) - sum(w for g, w in _RARE_GRAMMEMES.items() if g in grammemes)
    if guessed:
        prior += PREDICTION_WEIGHT * parse.score  # the guesses' scores sum to 1; dictionary parses are all equal
    if pos == "NUMR" and lemma in lex.collective_numerals:
        prior -= COLLECTIVE_NUMERAL_PENALTY
    feats = _feats_of(tag, pos)
    if "Pltm" in grammemes:
        prior += PLURALE_TANTUM_BONUS
    if pos == "NOUN" and "Gender" not in feats and "Pltm" not in grammemes:
        # UD keeps the lemma's gender in the plural ("уряди": Masc); the dictionary drops it
        gender = parse.normalized.tag.gender
        if gender in _FEATURE_OF_GRAMMEME:
            feats["Gender"] = _FEATURE_OF_GRAMMEME[gender][1]
    if lemma in lex.personal_pronoun_person and pos == "NPRO":
        feats["Person"] = lex.personal_pronoun_person[lemma]
    return Reading(lemma, upos, tuple(sorted(feats.items())), prior, proper)


@functools.lru_cache(maxsize=200_000)
def readings(form: str) -> tuple[Reading, ...]:
    """Every reading of a word form (apostrophes unified; case kept for proper names)."""
    form = for_matching(form).replace(STRESS_MARK, "")  # dictionaries and UD lemmas carry no stress marks
    lower = form.lower()
    lex = _lexicon()
    if not form.strip():
        return (Reading(form, "SPACE", (), 0.0, False),)
    if lower in lex.forms:
        lemma, upos = lex.forms[lower]
        return (Reading(lemma, upos, (), 10.0, False),)
    if _NUMBER_RE.match(form):
        return (Reading(form, "NUM", (("NumType", "Card"),), 10.0, False),)
    if ordinal := _ORDINAL_RE.match(lower):
        return (Reading(_ordinal_lemma(ordinal.group(1)), "ADJ", (("NumType", "Ord"),), 10.0, False),)
    if compound := _NUMBER_COMPOUND_RE.match(lower):
        number, word = compound.groups()
        return tuple(replace(r, lemma=f"{number}-{r.lemma}") for r in readings(word)) or (Reading(lower, "ADJ", (), 0.0, False),)
    if _PUNCT_RE.match(form):
        return (Reading(form, "PUNCT", (), 10.0, False),)
    if _LATIN_RE.match(form):
        # foreign words in Latin script: UD-IU tags them X, names included
        return (Reading(form, "X", (("Foreign", "Yes"),), 10.0, form[:1].isupper()),)
    if _INITIAL_RE.match(form):
        # UD lemma of an initial keeps the period; the surname after it is a name too
        return (Reading(form, "PROPN", _INITIAL_FEATS, 10.0, True),)
    parses = analyzer().parse(lower)
    # a dictionary word is a plain lookup: one step, by the dictionary unit itself (the
    # guessers subclass it, or wrap a lookup of a part of the word, "сибіга" as "біга")
    guessed = not any(len(p.methods_stack) == 1 and type(p.methods_stack[0][0]) is DictionaryAnalyzer for p in parses)
    seen: dict[tuple[str, str, tuple[tuple[str, str], ...]], Reading] = {}
    # a capitalised word the dictionary lacks is a name far more often than a verb or adverb
    # ("Сибіга наголосив": no verb "сибігати"); adjectives from names stay ("Сурської площі")
    unknown_name = guessed and form[:1].isupper()
    for parse in parses:
        reading = _reading_of(parse, guessed)
        if lex.rare_readings.get(lower) == reading.upos:
            reading = replace(reading, prior=reading.prior - RARE_READING_PENALTY)
        if unknown_name and reading.upos in ("VERB", "AUX", "ADV"):
            reading = replace(reading, prior=reading.prior - UNKNOWN_NAME_PENALTY)
        key = (reading.lemma, reading.upos, reading.feats)
        if key not in seen or seen[key].prior < reading.prior:
            seen[key] = reading
    options = _present_before_future(tuple(seen.values()))
    return _plural_noun_before_possessive(lower, _finite_before_short_infinitive(lower, options))


def _finite_before_short_infinitive(form: str, options: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """"звільнить", "прагнуть": the dictionary also lists colloquial infinitives in "-ть";
    news means the finite verb spelled alike."""
    if not form.endswith(_SHORT_INFINITIVE_ENDINGS) or not any(r.feat("VerbForm") == "Fin" for r in options):
        return options
    return tuple(
        replace(r, prior=r.prior - SHORT_INFINITIVE_PENALTY) if r.feat("VerbForm") == "Inf" else r for r in options
    )


def _plural_noun_before_possessive(form: str, options: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """"місяців", "товаришів": the genitive plural of a noun, far more often than the
    possessive adjective spelled alike (which still wins before a noun it agrees with)."""
    if not form.endswith(_POSSESSIVE_ENDINGS) or not any(
        r.upos == "NOUN" and r.feat("Case") == "Gen" and r.feat("Number") == "Plur" for r in options
    ):
        return options
    return tuple(
        replace(r, prior=r.prior - POSSESSIVE_ADJECTIVE_PENALTY) if r.upos == "ADJ" and r.lemma == form else r
        for r in options
    )


def _present_before_future(options: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """A form the dictionary reads both as an imperfective present and a perfective future
    of one lemma ("перебувають", "фінансуються") is nearly always the present."""
    present = {r.lemma for r in options if r.feat("Tense") == "Pres" and r.feat("Aspect") == "Imp"}
    return tuple(
        replace(r, prior=r.prior - PERFECTIVE_FUTURE_PENALTY)
        if r.lemma in present and r.feat("Tense") == "Fut" and r.feat("Aspect") == "Perf"
        else r
        for r in options
    )


def _ordinal_lemma(number: str) -> str:
    """UD lemma of an ordinal in digits: the masculine ending of its last word ("3-ій" like третій, "5-ий")."""
    soft = number.endswith("3") and not number.endswith("13")
    return f"{number}-ій" if soft else f"{number}-ий"


@functools.lru_cache(maxsize=200_000)
def _in_dictionary(form: str) -> bool:
    """Whether pymorphy3's dictionary holds the (lower-case) form, rather than guessing it."""
    return analyzer().word_is_known(form)


@functools.lru_cache(maxsize=10_000)
def _spelled_as_abbreviation(form: str) -> bool:
    """Whether the dictionary has the (lower-case) form as an abbreviation written without a period ("грн", "млн")."""
    return any("Abbr" in parse.tag for parse in analyzer().parse(form))


@functools.lru_cache(maxsize=200_000)
def _simplemma_lemma(form: str) -> tuple[str, bool]:
    """simplemma's lemma (proper names keep their capital there) and whether its dictionary knows the form."""
    # simplemma's dictionary spells the apostrophe as U+2019
    spelled = form.replace("'", "\u2019")
    return for_matching(simplemma.lemmatize(spelled, lang="uk")), simplemma.is_known(spelled, lang="uk")


def _frequent_lemma(form: str) -> str:
    """simplemma's lemma for the form: its corpus-derived choice breaks dictionary ties."""
    return _simplemma_lemma(form)[0].lower()


def _is_name(form: str, reading: Reading, sentence_start: bool) -> bool:
    """A capitalised noun is a proper name when the dictionaries say so or simplemma does not know it.

    pymorphy3's dictionary holds many place names with no name tag, so inside a
    sentence its knowing a word says nothing; at a sentence start, where the
    capital says nothing either, a word it knows is taken as a common noun.
    """
    lemma, known = _simplemma_lemma(form)
    if sentence_start:
        known = known or _in_dictionary(form.lower())
    return reading.proper or lemma[:1].isupper() or not known


def _counts_plural(reading: Reading) -> bool:
    """A quantity after which the noun stands in the plural: "12 000", "п'ять", "кілька" (not "1", "21")."""
    if reading.lemma in _lexicon().quantity_lemmas:
        return True
    if reading.upos != "NUM" or reading.feat("NumType") != "Card":
        return False
    digits = re.sub(r"\D", "", reading.lemma)
    return not digits or not (digits.endswith("1") and not digits.endswith("11"))


def _case_fits(reading: Reading, cases: frozenset[str]) -> bool:
    case = reading.feat("Case")
    return case is None or case in cases


def _agrees(modifier: Reading, head: Reading) -> bool:
    for feature in ("Case", "Number", "Gender"):
        a, b = modifier.feat(feature), head.feat(feature)
        if a is not None and b is not None and a != b and not (feature == "Gender" and head.feat("Number") == "Plur"):
            return False
    return True


def _choose(
    form: str,
    options: tuple[Reading, ...],
    sentence_start: bool,
    governing_cases: frozenset[str] | None,
    next_options: tuple[Reading, ...],
    previous: Reading | None,
) -> Reading:
    if len(options) == 1:
        return options[0]
    capitalised = form[:1].isupper()
    all_caps = form.isupper() and len(form) > 1
    frequent = _frequent_lemma(for_matching(form))
    lex = _lexicon()
    # a number before "рік" or a month is a date, not a count ("2016 рік" is no plural of "ріка")
    after_quantity = (
        previous is not None and _counts_plural(previous) and not any(r.lemma in lex.ordinal_number_heads for r in options)
    )
    # "раніше", "навпаки", "відповідно": adverbs unless a genitive or a number follows to be governed
    adverb_alternative = any(r.upos == "ADV" for r in options) and not any(
        n.upos in _NOMINAL_UPOS and n.feat("Case") in ("Gen", None) for n in next_options
    )
    governs_infinitive = previous is not None and (
        (previous.upos in ("VERB", "AUX") and previous.feat("VerbForm") == "Fin") or previous.lemma in lex.infinitive_governors
    )
    additive = (
        form.lower() in lex.additive_particles
        and previous is not None
        and previous.lemma.lower() in lex.additive_particle_after
    )

    def score(reading: Reading) -> float:
        s = reading.prior
        if reading.lemma == frequent:
            s += FREQUENT_LEMMA_BONUS
        if capitalised and not sentence_start:
            # toponyms and organisations carry no name tag: any noun reading may be the name
            s += 1.5 if reading.upos in ("PROPN", "NOUN") else 0.0
        if not capitalised and reading.proper:
            s -= 2.0
        elif sentence_start and reading.proper:
            s -= SENTENCE_START_NAME_PENALTY
        if not all_caps and reading.feat("Abbr") == "Yes":
            s -= 1.5
        counted = after_quantity and reading.feat("Case") == "Gen" and reading.feat("Number") == "Plur"
        if governing_cases is not None and reading.upos in _NOMINAL_UPOS:
            # "через кілька місяців": the preposition governs the quantity, which governs the genitive
            s += 1.0 if counted or _case_fits(reading, governing_cases) else -1.0
        elif governing_cases is None and reading.feat("Case") == "Loc":
            s -= 1.0  # the locative needs a preposition
        if reading.upos in ("ADJ", "DET") and next_options:
            nouns = [n for n in next_options if n.upos in ("NOUN", "PROPN")]
            if nouns:
                s += AGREEMENT_BONUS if any(_agrees(reading, n) for n in nouns) else -AGREEMENT_BONUS
            elif reading.feat("Gender") == "Neut" and (previous is None or previous.upos not in ("NOUN", "PROPN")):
                s -= LONE_NEUTER_ADJECTIVE_PENALTY  # "краще", "ширше" with no noun near: the adverb
        if reading.upos in ("NOUN", "PROPN") and previous is not None and previous.upos in ("ADJ", "DET"):
            s += AGREEMENT_BONUS if _agrees(previous, reading) else -AGREEMENT_BONUS
        if reading.proper and any(n.proper and _agrees(reading, n) for n in next_options):
            s += AGREEMENT_BONUS  # first name and surname agree: "Олександра Лукашенка"
        if reading.proper and previous is not None and previous.proper and capitalised:
            # the surname agrees with the first name before it: "Євгена Деслава" is Деслав
            s += AGREEMENT_BONUS if _agrees(previous, reading) else -AGREEMENT_BONUS
        if after_quantity and reading.upos in ("NOUN", "PROPN") and reading.feat("Number") == "Plur":
            s += AFTER_QUANTITY_BONUS
        person = reading.feat("Person")
        if person in ("1", "2") and reading.upos in ("VERB", "AUX") and (previous is None or previous.feat("Person") != person):
            s -= SPEAKER_VERB_PENALTY  # "назву", "впливу": a noun, unless "я" or "ви" comes first
        if governs_infinitive and reading.feat("VerbForm") == "Inf":
            s += INFINITIVE_AFTER_GOVERNOR_BONUS  # "повинна мати", "буде вести": not the noun "мати"
        if adverb_alternative and reading.upos == "ADP":
            s -= UNGOVERNING_PREPOSITION_PENALTY
        if additive and reading.upos == "PART":
            s += ADDITIVE_PARTICLE_BONUS  # "як і", "ще й": "also, even", not a conjunction
        return s

    return max(options, key=score)


def _det_or_pron(reading: Reading, lemmas: tuple[str, str], next_options: tuple[Reading, ...]) -> Reading:
    """A determiner before a noun group ("цього року"), a pronoun standing alone ("цього не знаю")."""
    best_next = max(next_options, key=lambda r: r.prior, default=None)
    before_noun_group = best_next is not None and best_next.upos in ("NOUN", "PROPN", "ADJ", "DET", "NUM")
    if before_noun_group:
        return Reading(lemmas[0], "DET", reading.feats, reading.prior, False)
    return Reading(lemmas[1], "PRON", reading.feats, reading.prior, False)


def _converb_lemma(form: str, dictionary_lemma: str) -> str:
    """UD lemmatises a converb to its infinitive ("враховуючи" -> "враховувати"); the dictionary keeps the form."""
    infinitive = _frequent_lemma(form)
    return infinitive if infinitive.endswith(_INFINITIVE_ENDINGS) else dictionary_lemma


def _display_lemma(form: str, lemma: str, pos: str) -> str:
    """Abbreviations stay upper-case and proper names keep their capital (UD convention)."""
    if pos in ("NOUN", "PROPN") and form.isupper() and len(form) > 1:
        return lemma.upper()
    if pos == "PROPN":
        return lemma[:1].upper() + lemma[1:]
    return lemma


def _with_own_period(word: str, following: str | None, attached: bool) -> str:
    """The form to analyse: an abbreviation whose period was split off ("р" + ".") is read
    with it, since UD lemmas keep the period ("р.", "тис."). Not when the bare form is
    itself the usual spelling of an abbreviation ("грн", "млн", "км"), nor when it is
    a word of its own and the period is no listed abbreviation's ("мене" + ".")."""
    if following != "." or not attached or not word.isalpha():
        return word
    dotted = word + "."
    if _INITIAL_RE.match(dotted):
        return dotted
    bare = word.lower()
    listed = dotted.lower() in abbreviations().all
    if not (listed or _in_dictionary(dotted.lower())):
        return word
    if len(word) == 1 or not _in_dictionary(bare):
        return dotted  # "т. д.", "р", "вул"
    return dotted if listed and not _spelled_as_abbreviation(bare) else word


def analyze_words(
    words: list[str], sentence_starts: list[bool] | None = None, spaces_after: list[bool] | None = None
) -> list[WordAnalysis]:
    """Lemma, UPOS and FEATS for a sequence of tokens (one sentence or more).

    `sentence_starts[i]` says whether word i opens a sentence (capitals there
    say nothing about names); by default only the first word does.
    `spaces_after[i]` says whether a space follows word i (by default none is
    assumed): an abbreviation keeps a period glued to it.
    """
    starts = sentence_starts or [i == 0 for i in range(len(words))]
    words = [
        _with_own_period(w, words[i + 1] if i + 1 < len(words) else None, not (spaces_after and spaces_after[i]))
        for i, w in enumerate(words)
    ]
    chosen: list[WordAnalysis] = []
    governing: frozenset[str] | None = None
    previous: Reading | None = None
    for i, form in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        opening = starts[i] or (i > 0 and words[i - 1] in ("«", '"', "—", "–", "-", "(", ":"))
        decision = _decide(form, following, starts[i], opening, governing, previous)
        previous, governing = decision.reading, decision.governing
        chosen.append(decision.analysis)
    return chosen


@dataclass(frozen=True)
class _Decision:
    """One word's analysis, and what it passes on to the next word."""

    reading: Reading  # the reading context chose, before the UD adjustments: what the next word sees
    governing: frozenset[str] | None  # the cases a preposition makes the following words take
    analysis: WordAnalysis


def _decide(
    form: str,
    following: str | None,
    sentence_start: bool,
    opening: bool,
    governing: frozenset[str] | None,
    previous: Reading | None,
) -> _Decision:
    """The analysis of one word in its context.

    A pure function of its arguments, but not cached: on texts not seen before
    only one call in six or eight repeats an earlier one (measured on the demo
    and held-out texts), and the cache's misses and its garbage-collected
    entries cost more than its hits save.
    """
    lex = _lexicon()
    nxt = readings(following) if following is not None else ()
    reading = _choose(form, readings(form), opening, governing, nxt, previous)
    after_given_name = previous is not None and previous.feat("NameType") == "Giv"
    chosen = reading
    # a preposition governs the nominal group that follows until its head noun
    lower = for_matching(form).lower()
    if reading.upos == "ADP" and lower in lex.preposition_cases:
        governing = lex.preposition_cases[lower]
    elif reading.upos in ("NOUN", "PROPN", "PRON", "PUNCT", "VERB", "AUX"):
        governing = None
    # "2016 року", "25 березня" are ordinals (UD); "5 років" counts years
    if reading.upos == "NUM" and _NUMBER_RE.match(form) and any(
        n.lemma in lex.ordinal_number_heads and n.feat("Number") != "Plur" for n in nxt
    ):
        reading = replace(reading, upos="ADJ", feats=(("NumType", "Ord"),))
    if lower in lex.det_or_pron_forms:
        reading = _det_or_pron(reading, lex.det_or_pron_forms[lower], nxt)
    if reading.feat("VerbForm") == "Conv":
        reading = replace(reading, lemma=_converb_lemma(lower, reading.lemma))
    pos = reading.upos
    all_caps = form.isupper() and len(form) > 1
    capitalised_name = form[:1].isupper() and (after_given_name or _is_name(form, reading, sentence_start))
    if pos == "NOUN" and (all_caps or capitalised_name):
        # toponyms, organisations and acronyms carry no name tag in pymorphy3's dictionary;
        # a capitalised noun after a first name is the surname ("Тарас Тополя")
        pos = "PROPN"
    return _Decision(chosen, governing, WordAnalysis(_display_lemma(form, reading.lemma, pos), pos, reading.feats_str))


class KhronikaMorph:
    """spaCy component: lemma_, pos_ and morph for every token from pymorphy3."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        words, spaces = token_texts(doc), trailing_spaces(doc)
        starts = None
        if doc.has_annotation("SENT_START"):
            starts = [start == 1 or i == 0 for i, start in enumerate(doc.to_array(SENT_START).tolist())]
        for token, analysis in zip(doc, analyze_words(words, starts, spaces)):
            token.lemma_ = analysis.lemma
            token.pos_ = analysis.pos
            token.set_morph(analysis.morph or None)
        return doc


@Language.factory("khronika_morph")
def create_khronika_morph(nlp: Language, name: str) -> KhronikaMorph:
    return KhronikaMorph(nlp, name)
