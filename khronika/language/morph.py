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
from spacy.language import Language
from spacy.tokens import Doc

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
STRESS_MARK = "\u0301"
_NOMINAL_UPOS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "PRON", "NUM"})
_LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z'.\-]*$")
_NUMBER_RE = re.compile(r"^[+-]?\d[\d.,:/ \u00a0\u202f-]*$")
_ORDINAL_RE = re.compile(r"^(\d+)-[а-яіїєґ]{1,3}$")  # "2017-го", "3-й", "1980-х"
_NUMBER_COMPOUND_RE = re.compile(r"^(\d+)-([а-яіїєґ']{4,})$")  # "14-річний", "5-поверховий"
_PUNCT_RE = re.compile(r"^\W+$")
_INFINITIVE_ENDINGS = ("ти", "тися", "ть", "тись")


@dataclass(frozen=True)
class Reading:
    """One possible analysis of a word form, already in UD terms."""

    lemma: str
    upos: str
    feats: tuple[tuple[str, str], ...]  # sorted (feature, value) pairs
    prior: float  # how likely this reading is before context
    proper: bool  # a name parse (Name, Surn, Patr)

    def feat(self, name: str) -> str | None:
        return next((v for k, v in self.feats if k == name), None)

    @property
    def feats_str(self) -> str:
        return "|".join(f"{k}={v}" for k, v in self.feats)


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
    if "Pltm" in grammemes:  # plurale tantum wins over the plain plural
        feats["Number"] = "Ptan"
    elif "Case" in feats and "Number" not in feats and "Fixd" not in grammemes and pos != "NUMR":
        feats["Number"] = "Sing"  # the dictionary leaves the singular unmarked
    if pos in ("VERB", "INFN", "GRND", "PRTF", "PRTS"):
        if pos == "INFN" or "infn" in grammemes:
            feats["VerbForm"] = "Inf"
        elif pos == "GRND":
            feats["VerbForm"] = "Conv"
        elif pos in ("PRTF", "PRTS"):
            feats["VerbForm"] = "Part"
        elif "Impe" in grammemes:
            feats["VerbForm"] = "Fin"
            feats["Mood"] = "Ind"
            feats["Person"] = "0"
        else:
            feats["VerbForm"] = "Fin"
            feats["Mood"] = "Imp" if "impr" in grammemes else "Ind"
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


def _reading_of(parse: pymorphy3.analyzer.Parse) -> Reading:
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
    feats = _feats_of(tag, pos)
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
    seen: dict[tuple[str, str, tuple[tuple[str, str], ...]], Reading] = {}
    for parse in analyzer().parse(lower):
        reading = _reading_of(parse)
        if lex.rare_readings.get(lower) == reading.upos:
            reading = replace(reading, prior=reading.prior - RARE_READING_PENALTY)
        key = (reading.lemma, reading.upos, reading.feats)
        if key not in seen or seen[key].prior < reading.prior:
            seen[key] = reading
    return tuple(seen.values())


def _ordinal_lemma(number: str) -> str:
    """UD lemma of an ordinal in digits: the masculine ending of its last word ("3-ій" like третій, "5-ий")."""
    soft = number.endswith("3") and not number.endswith("13")
    return f"{number}-ій" if soft else f"{number}-ий"


@functools.lru_cache(maxsize=200_000)
def _simplemma_lemma(form: str) -> tuple[str, bool]:
    """simplemma's lemma (proper names keep their capital there) and whether its dictionary knows the form."""
    # simplemma's dictionary spells the apostrophe as U+2019
    spelled = form.replace("'", "\u2019")
    return for_matching(simplemma.lemmatize(spelled, lang="uk")), simplemma.is_known(spelled, lang="uk")


def _frequent_lemma(form: str) -> str:
    """simplemma's lemma for the form: its corpus-derived choice breaks dictionary ties."""
    return _simplemma_lemma(form)[0].lower()


def _is_name(form: str, reading: Reading) -> bool:
    """A capitalised noun is a proper name when the dictionaries say so or do not know it at all."""
    lemma, known = _simplemma_lemma(form)
    return reading.proper or lemma[:1].isupper() or not known


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

    def score(reading: Reading) -> float:
        s = reading.prior
        if reading.lemma == frequent:
            s += FREQUENT_LEMMA_BONUS
        if capitalised and not sentence_start:
            # toponyms and organisations carry no name tag: any noun reading may be the name
            s += 1.5 if reading.upos in ("PROPN", "NOUN") else 0.0
        if not capitalised and reading.proper:
            s -= 2.0
        if not all_caps and reading.feat("Abbr") == "Yes":
            s -= 1.5
        if governing_cases is not None and reading.upos in _NOMINAL_UPOS:
            s += 1.0 if _case_fits(reading, governing_cases) else -1.0
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


def analyze_words(words: list[str], sentence_starts: list[bool] | None = None) -> list[WordAnalysis]:
    """Lemma, UPOS and FEATS for a sequence of tokens (one sentence or more).

    `sentence_starts[i]` says whether word i opens a sentence (capitals there
    say nothing about names); by default only the first word does.
    """
    lex = _lexicon()
    starts = sentence_starts or [i == 0 for i in range(len(words))]
    options = [readings(w) for w in words]
    chosen: list[WordAnalysis] = []
    governing: frozenset[str] | None = None
    previous: Reading | None = None
    for i, form in enumerate(words):
        nxt = options[i + 1] if i + 1 < len(words) else ()
        opening = starts[i] or (i > 0 and words[i - 1] in ("«", '"', "—", "–", "-", "(", ":"))
        reading = _choose(form, options[i], opening, governing, nxt, previous)
        previous = reading
        # a preposition governs the nominal group that follows until its head noun
        lower = for_matching(form).lower()
        if reading.upos == "ADP" and lower in lex.preposition_cases:
            governing = lex.preposition_cases[lower]
        elif reading.upos in ("NOUN", "PROPN", "PRON", "PUNCT", "VERB", "AUX"):
            governing = None
        if reading.upos == "NUM" and _NUMBER_RE.match(form) and any(n.lemma in lex.ordinal_number_heads for n in nxt):
            reading = replace(reading, upos="ADJ", feats=(("NumType", "Ord"),))
        if lower in lex.det_or_pron_forms:
            reading = _det_or_pron(reading, lex.det_or_pron_forms[lower], nxt)
        if reading.feat("VerbForm") == "Conv":
            reading = replace(reading, lemma=_converb_lemma(lower, reading.lemma))
        pos = reading.upos
        all_caps = form.isupper() and len(form) > 1
        if pos == "NOUN" and (all_caps or (form[:1].isupper() and _is_name(form, reading))):
            pos = "PROPN"  # toponyms, organisations and acronyms carry no name tag in pymorphy3's dictionary
        chosen.append(WordAnalysis(_display_lemma(form, reading.lemma, pos), pos, reading.feats_str))
    return chosen


class KhronikaMorph:
    """spaCy component: lemma_, pos_ and morph for every token from pymorphy3."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        words = [t.text for t in doc]
        starts = [t.is_sent_start is True or t.i == 0 for t in doc] if doc.has_annotation("SENT_START") else None
        for token, analysis in zip(doc, analyze_words(words, starts)):
            token.lemma_ = analysis.lemma
            token.pos_ = analysis.pos
            token.set_morph(analysis.morph or None)
        return doc


@Language.factory("khronika_morph")
def create_khronika_morph(nlp: Language, name: str) -> KhronikaMorph:
    return KhronikaMorph(nlp, name)
