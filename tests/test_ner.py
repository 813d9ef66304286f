"""The shipped NER model, and its evaluation on a slice of NER-UK's test split."""

from __future__ import annotations

import functools
import json

from spacy.language import Language

from khronika.evaluate.ner import run
from khronika.language.ner import model_dirs
from khronika.language.pipeline import NER_MODEL_DIR, bare, load
from khronika.train.ner import GoldEntity, detokenize, flat_entities, read_split


@functools.cache
def ner_model() -> Language:
    """The shipped models as trained: tokenizer, sentences, morphology, NER (no gazetteer)."""
    return bare()


def entities(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in ner_model()(text).ents}


def test_pipeline_has_ner_from_the_shipped_model():
    assert (NER_MODEL_DIR / "MODEL_CARD.md").is_file()
    names = load().pipe_names
    assert names.index("khronika_morph") < names.index("ner")
    for model_dir in model_dirs(NER_MODEL_DIR):
        meta = json.loads(model_dir.joinpath("meta.json").read_text(encoding="utf-8"))
        assert meta["license"].startswith("CC BY-NC-SA 4.0")
        assert model_dir.name == f"seed-{meta['khronika']['seed']}"


def test_tags_people_and_countries():
    found = entities("Президент Франції Емманюель Макрон зустрівся з Володимиром Зеленським у Парижі.")
    assert {("Емманюель Макрон", "PERS"), ("Володимиром Зеленським", "PERS")} <= found
    assert {("Франції", "LOC"), ("Парижі", "LOC")} <= found


def test_tags_an_institution_of_a_country_and_a_date():
    found = entities("Міністерство закордонних справ Польщі викликало посла Білорусі 3 березня 2025 року.")
    assert ("Міністерство закордонних справ Польщі", "ORG") in found
    assert ("Білорусі", "LOC") in found
    assert ("3 березня 2025 року", "DATE") in found


def test_tags_an_organization_and_money():
    found = entities("Національний банк України виділив 2,5 млн грн на ремонт школи.")
    labels = {label for _, label in found}
    assert "ORG" in labels and "MON" in labels


def test_detokenize_keeps_a_map_to_the_tokenized_text():
    tokenized = 'Професор В . І . Петренко ( Київ ) сказав : " Так " , 75 % .'
    text, to_file = detokenize(tokenized)
    assert text == 'Професор В. І. Петренко (Київ) сказав: "Так", 75%.'
    assert all(text[i] == tokenized[to_file[i]] for i in range(len(text)))


def test_flat_entities_keep_the_longest_of_overlapping():
    outer = GoldEntity(0, 20, "ORG")
    inner = GoldEntity(5, 10, "LOC")
    apart = GoldEntity(25, 30, "PERS")
    assert flat_entities([inner, apart, outer]) == [outer, apart]


def test_standard_split_sizes(shared_data):
    split = read_split(shared_data / "ner-uk")
    assert (len(split["train"]), len(split["test"])) == (391, 169)
    assert not set(split["train"]) & set(split["test"])


def test_evaluation_on_a_test_slice(shared_data):
    report = run(shared_data / "ner-uk", limit=8)
    assert report.texts == 8
    assert report.micro.gold > 50
    assert 0.5 < report.core.f1 <= 1.0
    as_dict = report.to_dict()
    assert set(as_dict["per_type"]) == {
        "PERS", "ORG", "LOC", "MISC", "DATE", "TIME", "PERIOD", "QUANT", "MON", "PCT", "JOB", "DOC", "ART",
    }
    assert 0.0 <= as_dict["micro"]["precision"] <= 1.0
    # the core figure is the sum of its parts per source folder
    assert set(report.core_by_source) == {"bruk", "ng"}
    assert sum(score.gold for score in report.core_by_source.values()) == report.core.gold
    assert sum(score.matched for score in report.core_by_source.values()) == report.core.matched
    assert report.render().row_count == 17
