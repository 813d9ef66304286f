"""The knowledge-base rules after NER: khronika.language.gazetteer.

Unit tests feed the component hand-made "NER output" (doc.ents set by hand on
a doc tokenised and lemmatised by the real pipeline), so they do not depend on
the statistical model; the seed test runs the whole language stage.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

from documents import set_entities
from khronika.language import analyze, pipeline
from khronika.language.gazetteer import COMPONENT_NAME, NESTED_KEY, kb_matches, nested_entities, with_gazetteer
from khronika.read import read_paths


@pytest.fixture(scope="module")
def nlp():
    """The shared pipeline with the gazetteer, put back as it was afterwards (other tests share it)."""
    shared = pipeline.load()
    added = COMPONENT_NAME not in shared.pipe_names
    yield with_gazetteer(shared)
    if added:
        shared.remove_pipe(COMPONENT_NAME)


def _without_ner(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:
    """`text` through every component before NER, with `ents` (surface, label) as the NER output."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name in ("ner", COMPONENT_NAME):
            break
        doc = component(doc)
    return set_entities(doc, text, ents)


def _corrected(nlp, text: str, ents: list[tuple[str, str]] = ()) -> tuple[Doc, set[tuple[str, str]]]:
    doc = nlp.get_pipe(COMPONENT_NAME)(_without_ner(nlp, text, list(ents)))
    return doc, {(e.text, e.label_) for e in doc.ents}


def test_adds_inflected_kb_names_the_model_missed(nlp):
    _, ents = _corrected(nlp, "Речник Білого дому відмовився від коментарів, передає Reuters.")
    assert ents == {("Білого дому", "ORG"), ("Reuters", "ORG")}


def test_adds_multiword_names_and_abbreviations(nlp):
    _, ents = _corrected(nlp, "Учора Міністерство фінансів США та ЄС оголосили нові обмеження.")
    assert ents == {("Міністерство фінансів США", "ORG"), ("ЄС", "ORG")}


def test_corrects_the_type_of_a_kb_name(nlp):
    _, ents = _corrected(nlp, "Потім Білорусь відкликала посла, пише Reuters.", [("Білорусь", "PERS"), ("Reuters", "MISC")])
    assert ents == {("Білорусь", "LOC"), ("Reuters", "ORG")}


def test_a_party_in_quotes_tagged_as_a_work_is_an_organisation(nlp):
    text = "Фракція «Грузинська мрія» підтримала закон, а «Єдина Росія» промовчала."
    _, ents = _corrected(nlp, text, [("Грузинська мрія", "ART"), ("Єдина Росія", "ART")])
    assert ents == {("Грузинська мрія", "ORG"), ("Єдина Росія", "ORG")}


def test_quoted_name_keeps_its_closing_quote_and_sentence_opening_foreign_name_is_relabelled(nlp):
    text = "Вясна веде облік. Про це заявив Правозахисний центр «Вясна» у середу."
    _, ents = _corrected(nlp, text, [("Вясна", "LOC")])
    assert ents == {("Вясна", "ORG"), ("Правозахисний центр «Вясна»", "ORG")}


def test_seat_of_government_keeps_a_place_or_institution_label(nlp):
    _, ents = _corrected(nlp, "У Кремлі мовчать.", [("Кремлі", "LOC")])
    assert ents == {("Кремлі", "LOC")}
    _, ents = _corrected(nlp, "У Кремлі мовчать.", [("Кремлі", "PERS")])
    assert ents == {("Кремлі", "ORG")}


def test_whole_kb_name_replaces_fragments_and_keeps_the_country_nested(nlp):
    doc, ents = _corrected(nlp, "Торік Міністерство фінансів США скасувало дозвіл.", [("Міністерство", "ORG"), ("США", "LOC")])
    assert ents == {("Міністерство фінансів США", "ORG")}
    assert [(s.text, s.label_) for s in doc.spans[NESTED_KEY]] == [("США", "LOC")]


def test_longer_or_other_type_ner_spans_stand(nlp):
    text = "Вчора президент США прибув до Генеральної прокуратури Нової Зеландії."
    ner = [("президент США", "JOB"), ("Генеральної прокуратури Нової Зеландії", "ORG")]
    _, ents = _corrected(nlp, text, ner)
    assert ents == set(ner)


def test_diplomatic_body_with_its_places_is_one_org(nlp):
    text = "Вчора консульство Польщі у Львові оголосило про нові правила."
    doc, ents = _corrected(nlp, text, [("Польщі", "LOC"), ("Львові", "LOC")])
    assert ents == {("консульство Польщі у Львові", "ORG")}
    assert [s.text for s in doc.spans[NESTED_KEY]] == ["Польщі", "Львові"]
    linked = {(e.text, e.type, e.code) for e in nested_entities(doc, text)}
    assert linked == {("Польщі", "LOC", "POL"), ("Львові", "LOC", "UKR")}


def test_diplomatic_body_the_model_found_in_part_takes_its_seat(nlp):
    text = "Місія України при ООН та посольство Білорусі у Вашингтоні мовчать."
    ner = [("Місія України", "ORG"), ("ООН", "ORG"), ("посольство Білорусі", "ORG"), ("Вашингтоні", "LOC")]
    doc, ents = _corrected(nlp, text, ner)
    assert ents == {("Місія України при ООН", "ORG"), ("посольство Білорусі у Вашингтоні", "ORG")}
    assert [s.text for s in doc.spans[NESTED_KEY]] == ["ООН", "Вашингтоні"]


def test_diplomatic_body_needs_a_place_in_the_genitive(nlp):
    _, ents = _corrected(nlp, "Посольство надіслало ноту Польщі.", [("Польщі", "LOC")])
    assert ents == {("Польщі", "LOC")}


def test_lowercase_and_sentence_opening_common_words_are_not_names(nlp):
    doc = _without_ner(nlp, "Те, що сталося, здивувало всіх. Захід почався о дев'ятій. Ми бачили білий дім на пагорбі.", [])
    assert kb_matches(doc) == []


def test_capitalised_common_word_inside_a_sentence_is_a_name(nlp):
    _, ents = _corrected(nlp, "Уряд розраховує на підтримку, яку обіцяв Захід.")
    assert ents == {("Захід", "LOC")}


def test_seed_article_entities(nlp, shared_data: Path):
    seed = shared_data / "seed"
    gold = json.loads(next(seed.glob("*.gold.json")).read_text(encoding="utf-8"))
    article = next(iter(read_paths(sorted(seed.glob("*.txt")))))
    analysis = analyze(article)
    found = analysis.entities + nested_entities(analysis.doc, article.text)
    missing = []
    for wanted in gold["entities"]:
        fits = [
            e for e in found
            if (e.text, e.type, e.name, e.code, e.sector)
            == (wanted["text"], wanted["type"], wanted["name"], wanted.get("code"), wanted.get("sector"))
        ]
        if not fits:
            missing.append(wanted)
    assert missing == []


def test_a_sentence_opening_name_the_tagger_read_takes_the_knowledge_base_type(nlp):
    # alone at the opening of a sentence a word must prove it is a name; the tagger's span is that proof
    text = "Шведський уряд мовчить.\nЄвросоюз торік запровадив нові обмеження."
    assert _corrected(nlp, text, [("Євросоюз", "PERS")])[1] == {("Євросоюз", "ORG")}
    assert _corrected(nlp, text)[1] == set()


def test_a_place_in_the_locative_that_opens_a_tagged_span_is_where_it_happens(nlp):
    text = "Президент Туреччини прийняв в Анкарі делегацію України."
    _, ents = _corrected(nlp, text, [("Туреччини", "LOC"), ("Анкарі делегацію України", "ORG")])
    assert ents == {("Туреччини", "LOC"), ("Анкарі", "LOC"), ("України", "LOC")}
    # an institution named by its place's adjective keeps its name
    _, ents = _corrected(nlp, "Засідання відбулося в Київській міській раді.", [("Київській міській раді", "ORG")])
    assert ents == {("Київській міській раді", "ORG")}
