"""Pretraining the NER's tok2vec: spaCy pretrain on texts, weights loaded into the NER."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy
import spacy
from thinc.api import Config

from khronika.train import pretrain
from khronika.train.ner import CONFIG_PATH, chunks

TEXTS = [
    "Уряд оголосив нові правила.\nУ Львові відкрили центр допомоги переселенцям.",
    "Депутати ухвалили закон у першому читанні. Опозиція вимагала перенести голосування.",
    "Делегації зустрілися в Женеві й домовилися про наступний раунд переговорів.",
]


def small_config(epochs: int) -> Config:
    config = spacy.util.load_config(CONFIG_PATH, interpolate=False)
    config["pretraining"]["max_epochs"] = epochs
    return config


def encoder_params(layer) -> list[numpy.ndarray]:
    return [node.get_param(name).copy() for node in layer.walk() for name in node.param_names if node.has_param(name)]


def test_texts_are_written_in_pieces(tmp_path: Path) -> None:
    path = tmp_path / "texts.jsonl"
    written = pretrain.write_texts(TEXTS, path, split=lambda text: chunks(text, 30))
    pieces = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert pieces[:2] == ["Уряд оголосив нові правила.", "У Львові відкрили центр допомоги переселенцям."]
    assert written == sum(len(p) for p in pieces)


def test_pretraining_pipeline_has_the_ners_tok2vec(tmp_path: Path) -> None:
    ner_config = small_config(1)
    config = pretrain.pretraining_config(ner_config, tmp_path / "texts.jsonl")
    assert config["nlp"]["pipeline"] == ["khronika_sentences", "khronika_morph", "tok2vec"]
    assert config["components"]["tok2vec"]["model"] == ner_config["components"]["ner"]["model"]["tok2vec"]
    assert "tok2vec" not in ner_config["components"]  # the NER's config is left as it was


def test_pretrained_weights_start_the_ner(tmp_path: Path) -> None:
    weights = pretrain.pretrain(small_config(1), TEXTS, tmp_path, split=lambda text: chunks(text, 2000))
    assert weights.is_file()

    config = spacy.util.load_config(CONFIG_PATH, overrides={"paths.pretrained_tok2vec": str(weights)}, interpolate=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    untouched = spacy.util.load_model_from_config(spacy.util.load_config(CONFIG_PATH, interpolate=False), auto_fill=True)
    for pipeline in (nlp, untouched):
        pipeline.get_pipe("ner").add_label("LOC")
    nlp.initialize()
    untouched.initialize()

    loaded = encoder_params(nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0])
    fresh = encoder_params(untouched.get_pipe("ner").model.get_ref("tok2vec").layers[0])
    standalone = spacy.util.load_model_from_config(
        pretrain.pretraining_config(small_config(1), tmp_path / "texts.jsonl"), auto_fill=True
    ).get_pipe("tok2vec").model
    standalone.initialize(X=[nlp.make_doc("ініціалізація форм")])
    standalone.from_bytes(weights.read_bytes())
    assert len(loaded) == len(encoder_params(standalone)) > 0
    assert all(numpy.array_equal(a, b) for a, b in zip(loaded, encoder_params(standalone)))
    assert not all(numpy.array_equal(a, b) for a, b in zip(loaded, fresh))


def test_ua_gec_gives_corrected_ukrainian_texts() -> None:
    first = list(itertools.islice(pretrain.ua_gec_texts(), 5))
    assert len(first) == 5
    assert all(len(text) > 200 and any("а" <= ch <= "я" for ch in text) for text in first)
