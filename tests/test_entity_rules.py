"""The rules over the NER output: initials join persons, addresses are one LOC with their number."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from documents import set_entities
from khronika.language import entity_rules
from khronika.language.pipeline import blank, load


@pytest.fixture(scope="module")
def nlp():
    return blank()


def _with_entities(nlp, text: str, entities: list[tuple[str, str]]) -> Doc:
    """`text` tokenized, with each (words, label) as an entity at its first occurrence."""
    return set_entities(nlp(text), text, entities)


def _run(nlp, doc: Doc, rules: list[str] | None = None) -> list[tuple[str, str]]:
    component = entity_rules.create_entity_rules(nlp, "rules", rules or list(entity_rules.RULES))
    return [(e.text, e.label_) for e in component(doc).ents]


def test_initials_join_the_surname_and_make_a_person(nlp):
    doc = _with_entities(nlp, "Армія О. Петренка рушила на південь.", [("Петренка", "PERS")])
    assert _run(nlp, doc) == [("О. Петренка", "PERS")]


def test_a_place_opened_by_initials_is_a_person(nlp):
    # a city may share a surname ("Хмельницький"); initials say it is the person
    doc = _with_entities(nlp, "Листа написав Т. Коваль учора.", [("Т. Коваль", "LOC")])
    assert _run(nlp, doc) == [("Т. Коваль", "PERS")]


def test_initials_after_a_street_word_stay_an_address(nlp):
    doc = _with_entities(nlp, "Склад стоїть на вул. М. Коваля поруч.", [("Коваля", "PERS")])
    assert _run(nlp, doc, ["initials"]) == [("Коваля", "PERS")]
    assert _run(nlp, doc, ["initials", "addresses"]) == [("вул. М. Коваля", "LOC")]


def test_initials_of_an_eponym_stay_inside_the_institution(nlp):
    text = "Учні ліцею ім. В. Петренка виграли."
    doc = _with_entities(nlp, text, [("ліцею ім. В. Петренка", "ORG")])
    assert _run(nlp, doc) == [("ліцею ім. В. Петренка", "ORG")]


def test_street_word_and_house_number_join_the_place(nlp):
    doc = _with_entities(nlp, "Офіс переїхав на вул. Садовій, 12 / 3 минулого року.", [("Садовій", "LOC")])
    assert _run(nlp, doc) == [("вул. Садовій, 12 / 3", "LOC")]


def test_a_street_named_after_a_person_is_a_place(nlp):
    doc = _with_entities(nlp, "Кав'ярня на пров. Івана Сірка, 4-6 відкрилася.", [("Івана Сірка", "PERS")])
    assert _run(nlp, doc) == [("пров. Івана Сірка, 4-6", "LOC")]


def test_street_word_after_the_name_takes_the_number(nlp):
    doc = _with_entities(nlp, "Будинок на Липовому проспекті, 7 продали.", [("Липовому проспекті", "LOC")])
    assert _run(nlp, doc) == [("Липовому проспекті, 7", "LOC")]


def test_capitalised_abbreviation_is_not_a_street_word(nlp):
    doc = _with_entities(nlp, "Заяву підписав ПР Олег Сірко.", [("ПР", "ORG"), ("Олег Сірко", "PERS")])
    assert _run(nlp, doc) == [("ПР", "ORG"), ("Олег Сірко", "PERS")]


def test_a_span_is_not_grown_over_an_entity_it_only_partly_covers(nlp):
    doc = nlp("Склад на вул. Садовій, 12 тисяч метрів.")
    doc.ents = [Span(doc, 3, 4, "LOC"), Span(doc, 5, 7, "QUANT")]
    assert _run(nlp, doc) == [("Садовій", "LOC"), ("12 тисяч", "QUANT")]


def test_unknown_rule_is_refused(nlp):
    with pytest.raises(ValueError):
        entity_rules.create_entity_rules(nlp, "rules", ["no_such_rule"])


def test_rules_over_the_full_pipeline_output():
    nlp = load()
    component = entity_rules.create_entity_rules(nlp, "rules", list(entity_rules.RULES))
    doc = component(nlp("Офіс компанії розташований на вул. Садовій, 12 / 3 у Києві, його відкрив В. Петренко."))
    entities = [(e.text, e.label_) for e in doc.ents]
    assert ("вул. Садовій, 12 / 3", "LOC") in entities
    assert ("В. Петренко", "PERS") in entities


def test_a_name_that_opens_a_quotation_mark_closes_it(nlp):
    doc = _with_entities(nlp, "Акції ПАТ «Зоряна мрія» впали.", [("ПАТ «Зоряна мрія", "ORG")])
    assert _run(nlp, doc, ["quotes"]) == [("ПАТ «Зоряна мрія»", "ORG")]


def test_quotes_already_closed_or_nested_are_left_alone(nlp):
    closed = _with_entities(nlp, "Фірма «Ранок» заявила.", [("Фірма «Ранок»", "ORG")])
    assert _run(nlp, closed, ["quotes"]) == [("Фірма «Ранок»", "ORG")]
    # «ТД «Вітер»: one closing mark ends both quotations, as Ukrainian typography writes it
    nested = _with_entities(nlp, "Директор ТОВ «ТД «Вітер» пішов.", [("ТОВ «ТД «Вітер»", "ORG")])
    assert _run(nlp, nested, ["quotes"]) == [("ТОВ «ТД «Вітер»", "ORG")]
    # a name inside the quotes, not opening them, is not grown
    inside = _with_entities(nlp, "Рух «Світле Поділля» провів збори.", [("Поділля", "LOC")])
    assert _run(nlp, inside, ["quotes"]) == [("Поділля", "LOC")]


def test_one_name_takes_the_type_most_of_its_mentions_have(nlp):
    text = "Гончаренко приїхав. Гончаренко виступив. Про Гончаренко писали. Гончаренко поїхав."
    doc = set_entities(nlp(text), text, [])
    mentions = [i for i, token in enumerate(doc) if token.text == "Гончаренко"]
    doc.ents = [Span(doc, i, i + 1, "LOC" if n == 2 else "PERS") for n, i in enumerate(mentions)]
    assert _run(nlp, doc, ["consistency"]) == [("Гончаренко", "PERS")] * 4


def test_inflected_mentions_are_one_name_and_a_tie_changes_nothing():
    nlp = blank()
    nlp.add_pipe("khronika_morph")
    text = "Роман Гончаренка вийшов. Гончаренкові дали премію. Гончаренком захоплюються."
    doc = nlp(text)
    spans = [Span(doc, t.i, t.i + 1, label) for t, label in zip((t for t in doc if t.text.startswith("Гончаренк")), ("PERS", "LOC", "PERS"))]
    doc.ents = spans
    assert [label for _, label in _run(nlp, doc, ["consistency"])] == ["PERS", "PERS", "PERS"]
    doc.ents = spans[:2]
    assert [label for _, label in _run(nlp, doc, ["consistency"])] == ["PERS", "LOC"]
