"""Entity normalisation and linking on spans set by hand (the NER model is trained elsewhere)."""

from __future__ import annotations

import json
import re

import pytest
import spacy
from spacy.tokens import Doc

import khronika.language.morph  # noqa: F401  (registers the component)
from khronika.language.linking import link
from khronika.model import Entity
from khronika.text import for_matching


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("uk")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("khronika_morph")
    return nlp


def _word_at(text: str, words: str, occurrence: int = 0) -> int:
    matches = list(re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text))
    return matches[occurrence].start()


def _linked(nlp, text: str, spans: list[tuple[str, str, int]]) -> list[Entity]:
    """Entities for (words, label, occurrence) spans of `text`, linked as the pipeline would."""
    doc: Doc = nlp(for_matching(text))
    ents = []
    for words, label, occurrence in spans:
        start = _word_at(for_matching(text), for_matching(words), occurrence)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = ents
    return link(doc, text)


def test_person_names_go_to_the_nominative_with_their_gender(nlp):
    text = "Журналісти розпитували Ігоря Коваленка та Олену Мирошниченко про Світлану Тихановську."
    ivan, olena, sviatlana = _linked(
        nlp, text, [("Ігоря Коваленка", "PERS", 0), ("Олену Мирошниченко", "PERS", 0), ("Світлану Тихановську", "PERS", 0)]
    )
    assert ivan.name == "Ігор Коваленко" and ivan.entity.startswith("local:")
    assert olena.name == "Олена Мирошниченко"
    assert (sviatlana.name, sviatlana.code, sviatlana.sector) == ("Світлана Тихановська", "BLR", "OPP")


def test_surname_mentions_join_the_earlier_full_name(nlp):
    text = "Посадовці зустрілися з Ігорем Коваленком. Пізніше Коваленко сказав, що Коваленка ніхто не чекав."
    full, first, second = _linked(
        nlp, text, [("Ігорем Коваленком", "PERS", 0), ("Коваленко", "PERS", 0), ("Коваленка", "PERS", 0)]
    )
    assert full.name == first.name == second.name == "Ігор Коваленко"
    assert full.entity == first.entity == second.entity
    assert second.text == "Коваленка"


def test_a_surname_is_the_person_the_article_names_before_a_namesake_in_the_knowledge_base(nlp):
    text = "Фермерка Олена Кравченко подала позов. Кравченко вимагає компенсації."
    full, surname = _linked(nlp, text, [("Олена Кравченко", "PERS", 0), ("Кравченко", "PERS", 1)])
    assert surname.name == full.name == "Олена Кравченко"
    assert surname.kb is None and surname.code is None
    alone = _linked(nlp, "Кравченко вимагає компенсації.", [("Кравченко", "PERS", 0)])[0]
    assert alone.name == "Руслан Кравченко" and alone.code == "UKR"  # the knowledge base's, with nobody else named


def test_capital_is_a_government_as_actor_and_a_place_after_a_preposition(nlp):
    text = "Варшава висловила протест, а переговори відбулися у Варшаві й тривали з Москвою."
    actor, place, partner = _linked(nlp, text, [("Варшава", "LOC", 0), ("Варшаві", "LOC", 0), ("Москвою", "LOC", 0)])
    assert (actor.code, actor.sector, actor.metonym) == ("POL", "GOV", True)
    assert (place.name, place.code, place.sector, place.metonym) == ("Варшава", "POL", None, False)
    assert place.lat is not None and 51 < place.lat < 53
    assert (partner.name, partner.sector, partner.metonym) == ("Москва", "GOV", True)
    assert actor.entity == place.entity


def test_unknown_organisation_keeps_its_phrase_and_takes_country_and_sector(nlp):
    text = "Заяву оприлюднило Міністерства закордонних справ Литви, а також Генерального консульства Білорусі в Одесі."
    ministry, consulate = _linked(
        nlp, text, [("Міністерства закордонних справ Литви", "ORG", 0), ("Генерального консульства Білорусі в Одесі", "ORG", 0)]
    )
    assert ministry.name == "Міністерство закордонних справ Литви"
    assert (ministry.code, ministry.sector) == ("LTU", "GOV")
    assert consulate.name == "Генеральне консульство Білорусі в Одесі"
    assert (consulate.code, consulate.sector) == ("BLR", "GOV")


def test_a_state_body_of_another_country_is_not_the_known_body_of_that_name(nlp):
    text = "Міністерство закордонних справ Канади викликало посла, а Європейський суд з прав людини виніс рішення."
    ministry, court = _linked(
        nlp, text, [("Міністерство закордонних справ Канади", "ORG", 0), ("Європейський суд з прав людини", "ORG", 0)]
    )
    assert (ministry.code, ministry.sector, ministry.kb) == ("CAN", "GOV", None)
    assert (court.code, court.kb) == ("COE", "org:echr")  # "Європейський" names no state: the court stays linked
    (council,) = _linked(nlp, "Рада міністрів того ж дня ухвалила рішення.", [("Рада міністрів того", "ORG", 0)])
    assert council.code is None  # a lower-case pronoun is no country ("Того")


def test_an_abbreviation_heads_its_phrase_and_a_closing_adjective_agrees_with_the_head(nlp):
    text = "Позицію МЗС Грузії підтримали в Республіці Сербській, але не в Раді національної безпеки."
    ministry, entity, council = _linked(
        nlp, text, [("МЗС Грузії", "ORG", 0), ("Республіці Сербській", "LOC", 0), ("Раді національної безпеки", "ORG", 0)]
    )
    assert (ministry.name, ministry.code) == ("МЗС Грузії", "GEO")
    assert (entity.name, entity.code) == ("Республіка Сербська", "BIH")
    assert council.name == "Рада національної безпеки"  # the adjective belongs to the noun after it


def test_places_outside_the_kb_get_country_and_coordinates(nlp):
    text = "Колону помітили біля Житомира."
    (place,) = _linked(nlp, text, [("Житомира", "LOC", 0)])
    assert (place.name, place.code) == ("Житомир", "UKR")
    assert 50 < place.lat < 51


def test_text_comes_from_the_original_apostrophes(nlp):
    text = "Представники Мін\u2019юсту не відповіли."
    (ministry,) = _linked(nlp, text, [("Мін\u2019юсту", "ORG", 0)])
    assert ministry.text == "Мін\u2019юсту"
    assert ministry.name == "Мін\u2019юст"
    assert (ministry.code, ministry.sector) == ("UKR", "GOV")


def test_seed_gold_entities(nlp, shared_data):
    seed = shared_data / "seed"
    raw = (seed / "belarus-prisoners-2025-11-26.txt").read_text(encoding="utf-8")
    text = re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", "", raw)
    gold = json.loads((seed / "belarus-prisoners-2025-11-26.gold.json").read_text(encoding="utf-8"))["entities"]
    # gold entities nest ("Вашингтоні" inside an embassy name): spaCy ents cannot overlap, so link in layers
    layers: list[list[tuple[str, str, int]]] = []
    for g in gold:
        start = _word_at(for_matching(text), for_matching(g["text"]))
        end = start + len(g["text"])
        for layer in layers:
            if all(end <= s or start >= e for s, e in ((_word_at(for_matching(text), w), _word_at(for_matching(text), w) + len(w)) for w, _, _ in layer)):
                layer.append((g["text"], g["type"], 0))
                break
        else:
            layers.append([(g["text"], g["type"], 0)])
    linked = {e.text: e for layer in layers for e in _linked(nlp, text, layer)}
    for g in gold:
        e = linked[g["text"]]
        assert (e.name, e.code, e.sector) == (g["name"], g.get("code"), g.get("sector")), g
        if "metonym" in g:
            assert e.metonym == g["metonym"], g
    assert linked["Трамп"].entity == linked["Дональда Трампа"].entity
    assert linked["Лукашенком"].entity == linked["Олександра Лукашенка"].entity


def test_a_woman_does_not_link_to_a_man_with_the_same_surname_stem(nlp):
    text = "Журналісти поговорили з Оленою Зеленською, а Зеленського не було."
    wife, president = _linked(nlp, text, [("Оленою Зеленською", "PERS", 0), ("Зеленського", "PERS", 0)])
    assert wife.name == "Олена Зеленська" and wife.kb is None
    assert president.name == "Володимир Зеленський" and president.code == "UKR"
    assert wife.entity != president.entity


def test_organisation_country_from_adjective_or_igo_and_sector_from_its_words(nlp):
    text = "Білоруська опозиція та представництво ЄС в Україні виступили разом."
    opposition, mission = _linked(nlp, text, [("Білоруська опозиція", "ORG", 0), ("представництво ЄС в Україні", "ORG", 0)])
    assert (opposition.code, opposition.sector) == ("BLR", "OPP")
    assert mission.code == "EUR"
