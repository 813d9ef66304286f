"""khronika_morph: lemmas, UD tags and features from pymorphy3, with cheap context."""

from __future__ import annotations

import spacy
import pytest

import khronika.language.morph  # noqa: F401  (registers the component)
from khronika.evaluate import lemma as lemma_eval
from khronika.language.morph import analyze_words, readings


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("uk")
    nlp.add_pipe("khronika_morph")
    return nlp


def _by_text(doc):
    return {t.text: t for t in doc}


def test_component_sets_lemma_pos_and_features(nlp):
    doc = nlp("Учора суд звільнив 15 в'язнів у Мінську.")
    t = _by_text(doc)
    assert (t["в'язнів"].lemma_, t["в'язнів"].pos_) == ("в'язень", "NOUN")
    assert t["в'язнів"].morph.get("Case") == ["Gen"] and t["в'язнів"].morph.get("Number") == ["Plur"]
    assert (t["звільнив"].lemma_, t["звільнив"].pos_) == ("звільнити", "VERB")
    assert t["звільнив"].morph.get("Aspect") == ["Perf"] and t["звільнив"].morph.get("Tense") == ["Past"]
    assert (t["Мінську"].lemma_, t["Мінську"].pos_) == ("Мінськ", "PROPN")
    assert t["Мінську"].morph.get("Case") == ["Loc"]
    assert (t["у"].pos_, t["15"].pos_, t["."].pos_) == ("ADP", "NUM", "PUNCT")
    assert t["15"].lemma_ == "15"


def test_every_apostrophe_variant_finds_the_dictionary_word():
    for form in ("в'язнів", "в\u2019язнів", "в\u02bcязнів"):
        assert {r.lemma for r in readings(form)} == {"в'язень"}


def test_names_keep_capitals_and_abbreviations_stay_upper(nlp):
    t = _by_text(nlp("Посол зустрівся з Дональдом Трампом у США."))
    assert t["Трампом"].lemma_ == "Трамп" and t["Трампом"].pos_ == "PROPN"
    assert t["США"].lemma_ == "США"


def test_possessive_and_personal_readings_follow_the_next_word():
    possessive = analyze_words(["Ми", "бачили", "його", "брата"])
    personal = analyze_words(["Ми", "бачили", "його", "вчора"])
    assert (possessive[2].lemma, possessive[2].pos) == ("його", "DET")
    assert (personal[2].lemma, personal[2].pos) == ("він", "PRON")


def test_preposition_selects_the_case(nlp):
    t = _by_text(nlp("Делегація поїхала до Києва без охорони."))
    assert t["Києва"].morph.get("Case") == ["Gen"]
    assert t["охорони"].morph.get("Case") == ["Gen"]


def test_rare_readings_lose_to_ordinary_ones():
    # "його" has a vocative reading of a noun; it must not win
    assert analyze_words(["Вони", "знайшли", "його", "."])[2].lemma == "він"


def test_stress_marks_are_ignored():
    assert analyze_words(["міста\u0301"])[0].lemma == "місто"


def test_lemma_accuracy_on_ud_dev_beats_simplemma(shared_data):
    report = lemma_eval.run(shared_data, split="dev")
    assert report.words > 10_000
    assert report.lemma_accuracy > 0.95
    assert report.lemma_accuracy > report.simplemma_lemma_accuracy
    assert report.upos_accuracy > 0.9
    assert set(report.to_dict()) >= {"lemma_accuracy", "upos_accuracy", "simplemma_lemma_accuracy"}
    assert report.render().row_count == 2


def test_capitalised_common_nouns_stay_nouns_and_names_are_propn_anywhere(nlp):
    t = _by_text(nlp("Київ отримав лист Міністерства освіти від Петра."))
    assert t["Київ"].pos_ == "PROPN"  # sentence-initial, still a name
    assert (t["Міністерства"].pos_, t["Міністерства"].lemma_) == ("NOUN", "міністерство")
    assert (t["Петра"].pos_, t["Петра"].lemma_) == ("PROPN", "Петро")


def test_numbers_with_endings_are_ordinals_or_compound_adjectives():
    ordinal, year, compound = analyze_words(["2023-го", "року", "5-поверховий"])
    assert (ordinal.lemma, ordinal.pos) == ("2023-ій", "ADJ")
    assert year.lemma == "рік"
    assert (compound.lemma, compound.pos) == ("5-поверховий", "ADJ")
    assert analyze_words(["у", "2019", "році"])[1].pos == "ADJ"  # a year before "рік" is an ordinal in UD
    assert analyze_words(["близько", "2019", "людей"])[1].pos == "NUM"


def test_converbs_take_the_infinitive_as_lemma():
    assert analyze_words(["Він", "пішов", ",", "зважаючи", "на", "погоду"])[3].lemma == "зважати"
