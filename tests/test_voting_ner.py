"""The NER component over one model or several voting models (khronika.language.ner)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khronika.cli import app
from khronika.language.ner import _vote, model_dirs
from khronika.language.pipeline import NER_MODEL_DIR, NER_MODEL_VARIABLE, bare, blank, ner_model_dir
from khronika.train import ner as ner_training

TEXT = "Прем'єр-міністр Польщі Дональд Туск прибув до Вільнюса, де зустрівся з президентом Литви Гітанасом Науседою."


def test_model_dirs_are_the_model_itself_or_its_model_subfolders(tmp_path):
    for name in ("seed-1", "seed-0", "notes"):
        (tmp_path / name).mkdir()
    (tmp_path / "seed-0" / "config.cfg").write_text("")
    (tmp_path / "seed-1" / "config.cfg").write_text("")
    assert model_dirs(tmp_path) == [tmp_path / "seed-0", tmp_path / "seed-1"]
    assert model_dirs(tmp_path / "seed-1") == [tmp_path / "seed-1"]
    with pytest.raises(FileNotFoundError, match="notes"):
        model_dirs(tmp_path / "notes")


def test_the_vote_keeps_majority_spans_strongest_first_without_overlap():
    doc = blank()("Василь Стус писав у Києві вірші")
    found = Counter({
        (0, 2, "PERS"): 2,  # two of three models
        (1, 2, "PERS"): 1,  # one model only: dropped
        (4, 5, "LOC"): 2,  # overlaps the stronger span below: dropped
        (3, 5, "LOC"): 3,
        (5, 6, "ORG"): 2,  # a tie between two types of one span: decided the same way every time
        (5, 6, "MISC"): 2,
    })
    kept = [(s.text, s.label_) for s in _vote(doc, found, needed=2)]
    assert kept == [("Василь Стус", "PERS"), ("у Києві", "LOC"), ("вірші", "MISC")]


def test_models_that_agree_tag_as_each_of_them_does(tmp_path):
    member = model_dirs(NER_MODEL_DIR)[0]
    for seed in (0, 1, 2):
        (tmp_path / f"seed-{seed}").symlink_to(member, target_is_directory=True)
    alone = [(e.text, e.label_) for e in bare(member)(TEXT).ents]
    voting = bare(tmp_path)
    assert len(voting.get_pipe("ner").models) == 3
    assert [(e.text, e.label_) for e in voting(TEXT).ents] == alone
    assert [[(e.text, e.label_) for e in d.ents] for d in voting.pipe([TEXT, TEXT], batch_size=1)] == [alone, alone]
    assert ("Дональд Туск", "PERS") in alone


def test_each_seed_trains_into_its_own_folder_beside_the_others_from_one_pretraining(tmp_path, monkeypatch):
    pretrainings: list[Path] = []
    trained: list[tuple[int, Path]] = []

    def fake_pretrain(work_dir, data_dir):  # the orchestration only: a real run takes most of an hour
        pretrainings.append(work_dir)
        return work_dir / "weights.bin"

    def fake_train(output_dir, seed, data_dir, pretrained):
        output_dir.mkdir(parents=True)
        output_dir.joinpath("config.cfg").write_text(f"seed {seed}")
        trained.append((seed, pretrained))
        return output_dir

    monkeypatch.setattr(ner_training, "pretrain_encoder", fake_pretrain)
    monkeypatch.setattr(ner_training, "train", fake_train)
    (tmp_path / "seed-9").mkdir()
    (tmp_path / "seed-9" / "config.cfg").write_text("an earlier run")
    args = ["train", "ner", "--output", str(tmp_path), "--seed", "0", "--seed", "2", "--jobs", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert len(pretrainings) == 1
    assert trained == [(0, pretrainings[0] / "weights.bin"), (2, pretrainings[0] / "weights.bin")]
    assert model_dirs(tmp_path) == [tmp_path / "seed-0", tmp_path / "seed-2", tmp_path / "seed-9"]
    assert (tmp_path / "seed-9" / "config.cfg").read_text() == "an earlier run"


def test_the_environment_chooses_another_ner_model_and_a_wrong_one_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv(NER_MODEL_VARIABLE, raising=False)
    assert ner_model_dir() == NER_MODEL_DIR
    monkeypatch.setenv(NER_MODEL_VARIABLE, str(NER_MODEL_DIR / "seed-0"))
    assert model_dirs(ner_model_dir()) == [NER_MODEL_DIR / "seed-0"]
    monkeypatch.setenv(NER_MODEL_VARIABLE, str(tmp_path / "absent"))
    with pytest.raises(FileNotFoundError, match="KHRONIKA_NER_MODEL=.*absent: no such folder"):
        ner_model_dir()
