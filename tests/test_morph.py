"""khronika_morph: lemmas, UD tags and features from pymorphy3, with cheap context."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import khronika.language.morph  # noqa: F401  (registers the component)
from khronika.evaluate import lemma as lemma_eval
from khronika.language.morph import WordAnalysis, analyze_words, readings


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
    # "прав" is also the past of "прати" (to wash), a reading news never means
    rights = analyze_words(["Стан", "прав", "людини", "погіршився", "."])[1]
    assert (rights.lemma, rights.pos) == ("право", "NOUN")


def test_stress_marks_are_ignored():
    assert analyze_words(["міста\u0301"])[0].lemma == "місто"


def test_lemma_accuracy_on_ud_dev_beats_simplemma(shared_data):
    report = lemma_eval.run(shared_data / "ud-uk-iu", split="dev")
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


def _one(words: list[str], target: str) -> WordAnalysis:
    return analyze_words(words)[words.index(target)]


def _feats(analysis: WordAnalysis) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in analysis.morph.split("|") if pair)


def test_full_infinitives_are_infinitives():
    # the dictionary marks only some infinitives ("infn"); "проводити" comes untagged
    planned = _one(["Міністерство", "планує", "проводити", "перевірки", "."], "проводити")
    assert planned.pos == "VERB" and _feats(planned)["VerbForm"] == "Inf"
    assert "Tense" not in _feats(planned)


def test_finite_forms_in_ть_are_not_short_infinitives():
    dismisses = _feats(_one(["Кабмін", "звільнить", "голову", "."], "звільнить"))
    assert (dismisses["VerbForm"], dismisses["Tense"], dismisses["Person"]) == ("Fin", "Fut", "3")
    dismiss_plural = _one(["Депутати", "звільнять", "його", "."], "звільнять")
    assert dismiss_plural.lemma == "звільнити" and _feats(dismiss_plural)["Tense"] == "Fut"
    strive = _feats(_one(["Громадяни", "прагнуть", "змін", "."], "прагнуть"))
    assert (strive["VerbForm"], strive["Tense"], strive["Number"]) == ("Fin", "Pres", "Plur")


def test_imperfective_present_is_not_a_perfective_future():
    stay = _feats(_one(["Біженці", "досі", "перебувають", "за", "кордоном", "."], "перебувають"))
    assert (stay["Aspect"], stay["Tense"]) == ("Imp", "Pres")


def test_converbs_and_past_verbs_carry_ud_tense_and_number():
    holding = _feats(_one(["Він", "говорив", ",", "тримаючи", "папку", "."], "тримаючи"))
    having_read = _feats(_one(["Розглянувши", "скаргу", ",", "суд", "відмовив", "."], "Розглянувши"))
    assert (holding["VerbForm"], holding["Tense"]) == ("Conv", "Pres")
    assert (having_read["VerbForm"], having_read["Tense"]) == ("Conv", "Past")
    said = _feats(_one(["Міністр", "сказав", "."], "сказав"))
    assert (said["Gender"], said["Number"], said["Tense"]) == ("Masc", "Sing", "Past")


def test_government_is_a_noun_and_every_noun_has_a_case():
    government = _one(["Уряд", "ухвалив", "рішення", "."], "Уряд")
    assert (government.lemma, government.pos) == ("уряд", "NOUN")
    state = _feats(_one(["Держава", "гарантує", "виплати", "."], "Держава"))
    assert (state["Case"], state["Number"], state["Gender"]) == ("Nom", "Sing", "Fem")
    # the plural keeps the lemma's gender (UD)
    assert _feats(_one(["Уряди", "домовилися", "."], "Уряди"))["Gender"] == "Masc"


def test_capital_at_sentence_start_neither_makes_nor_hides_a_name():
    surname = _one(["Умєров", "провів", "переговори", "."], "Умєров")
    assert (surname.lemma, surname.pos) == ("Умєров", "PROPN")
    # a capitalised word no dictionary holds is no guessed verb ("сибігати")
    assert _one(["Сибіга", "наголосив", "на", "діалозі", "."], "Сибіга").pos == "PROPN"
    common = _one(["Розслідування", "триває", "."], "Розслідування")
    assert (common.lemma, common.pos) == ("розслідування", "NOUN")
    # a capitalised noun right after a first name is the surname
    assert _one(["Зустріч", "провів", "Тарас", "Тополя", "."], "Тополя").pos == "PROPN"


def test_nouns_after_quantities_are_plural_nouns():
    pairs = _one(["Магазин", "продав", "3 500", "пар", "взуття", "."], "пар")
    assert (pairs.lemma, pairs.pos) == ("пара", "NOUN")
    assert (_feats(pairs)["Case"], _feats(pairs)["Number"]) == ("Gen", "Plur")
    months = _one(["Ремонт", "триватиме", "кілька", "місяців", "."], "місяців")
    assert (months.lemma, months.pos) == ("місяць", "NOUN")
    # the preposition governs the quantity, the quantity the genitive
    weeks = _one(["Через", "кілька", "тижнів", "усе", "змінилося", "."], "тижнів")
    assert (weeks.lemma, _feats(weeks)["Case"]) == ("тиждень", "Gen")
    assert _one(["Прийшов", "1", "лист", "."], "лист").lemma == "лист"
    # a year is no count: "2016 рік" is not a plural of "ріка", and years counted stay cardinal
    assert _one(["Настав", "2016", "рік", "."], "рік").lemma == "рік"
    assert analyze_words(["Минуло", "5", "років", "."])[1].pos == "NUM"


def test_oblique_forms_of_two_take_the_cardinal_lemma():
    assert _one(["Суд", "заслухав", "двох", "свідків", "."], "двох").lemma == "два"
    assert _one(["Поліція", "затримала", "трьох", "осіб", "."], "трьох").lemma == "три"
    assert _one(["Прийшли", "двоє", "."], "двоє").lemma == "двоє"


def test_i_meaning_also_is_a_particle():
    words = ["Вона", ",", "як", "і", "торік", ",", "ще", "й", "виступила", "."]
    analyses = analyze_words(words)
    assert (analyses[3].pos, analyses[7].pos) == ("PART", "PART")
    joined = analyze_words(["Уряд", "і", "парламент", "прагнуть", "миру", "й", "злагоди", "."])
    assert (joined[1].pos, joined[5].pos) == ("CCONJ", "CCONJ")


def test_abbreviations_keep_their_split_period_in_the_lemma(nlp):
    year = Doc(nlp.vocab, words=["Село", "засноване", "в", "1650", "р", "."], spaces=[True, True, True, True, False, False])
    t = nlp(year)
    assert (t[4].lemma_, t[4].pos_) == ("р.", "NOUN")
    assert t[3].pos_ == "ADJ"  # a year before "р." is an ordinal (UD)
    initial = analyze_words(["Лист", "підписав", "О", ".", "Петренко", "."])
    assert (initial[2].lemma, initial[2].pos) == ("О.", "PROPN")
    assert analyze_words(["Підписав", "О.", "Петренко"])[1].pos == "PROPN"
    # a unit written without a period stays without one, and a word before a sentence's period is a word
    assert analyze_words(["Ціна", "—", "5", "грн", "."])[3].lemma == "грн"
    assert analyze_words(["Зібрали", "5", "тис", "."])[2].lemma == "тис."  # "тис" alone is a tree
    assert analyze_words(["Він", "прийшов", "до", "мене", "."])[3].lemma != "мене."
    spaced = Doc(nlp.vocab, words=["в", "1650", "р", "."], spaces=[True, True, True, False])
    assert nlp(spaced)[2].lemma_ == "р"  # a period after a space is no abbreviation's


def test_prepositions_that_govern_nothing_are_adverbs():
    assert _one(["Раніше", "він", "працював", "у", "банку", "."], "Раніше").pos == "ADV"
    assert _one(["Відстань", "—", "близько", "50", "км", "."], "близько").pos == "ADP"


def test_context_picks_nouns_over_first_person_verbs_and_infinitives_after_modals():
    name = _one(["Компанія", "отримала", "нову", "назву", "."], "назву")
    assert (name.lemma, name.pos) == ("назва", "NOUN")
    assert _one(["Я", "назву", "імена", "."], "назву").pos == "VERB"
    take = _one(["Посадовець", "повинен", "брати", "участь", "."], "брати")
    assert (take.lemma, take.pos) == ("брати", "VERB")
    assert _feats(_one(["Ми", "прийшли", "."], "Ми"))["Person"] == "1"
