"""Pretraining of the NER's token encoder on unlabelled Ukrainian text.

NER-UK's training split is small (391 texts). Before the NER learns entities,
its tok2vec (the CNN over hashed NORM/LEMMA/PREFIX/SUFFIX/SHAPE/POS/MORPH
features) learns to predict the first and last characters of every word from
the word and its neighbours (spaCy's `pretrain`, PretrainCharacters objective)
on running text: the training texts themselves and the UA-GEC corpus (the
corrected side; CC BY 4.0, https://github.com/grammarly/ua-gec). The weights
then start the NER's training through `[initialize.after_init]` in ner.cfg.

spaCy pretrains a standalone `tok2vec` component, so the pretraining pipeline
is built from ner.cfg with the NER's own tok2vec block in that component: the
two networks have the same layers, and the weights load into the NER's one.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from thinc.api import Config

ANNOTATORS = ("khronika_sentences", "khronika_morph")  # what the NER reads, run as at training time
TEXTS_FILE = "texts.jsonl"
WEIGHTS_FILE = "model-last.bin"


@spacy.registry.readers("khronika.annotated_texts.v1")
def annotated_texts(path: Path | None) -> Callable[[Language], Iterator[Example]]:
    """Texts from a JSONL file ({"text": ...} per line), split into sentences and given morphology.

    The path is null in ner.cfg and in a trained model's config: only pretraining reads it.
    """

    def read(nlp: Language) -> Iterator[Example]:
        if path is None:
            raise ValueError("no texts to pretrain on: set paths.pretrain_texts")
        annotators = [component for name, component in nlp.pipeline if name in ANNOTATORS]
        with Path(path).open(encoding="utf-8") as lines:
            for line in lines:
                doc = nlp.make_doc(json.loads(line)["text"])
                for annotate in annotators:
                    doc = annotate(doc)
                yield Example(doc, doc)

    return read


@spacy.registry.callbacks("khronika.load_pretrained_tok2vec.v1")
def load_pretrained_tok2vec(path: str | None) -> Callable[[Language], Language]:
    """After initialization, put pretrained weights (from `pretrain`) into the NER's tok2vec; None: none."""

    def load(nlp: Language) -> Language:
        if path is not None:
            # The NER's "tok2vec" ref is chain(Tok2Vec, list2array, Linear); the pretrained part is the first.
            encoder = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
            encoder.from_bytes(Path(path).read_bytes())
        return nlp

    return load


def ua_gec_texts() -> Iterator[str]:
    """The corrected texts of UA-GEC, both partitions (installed with khronika's `train` extra)."""
    try:
        from ua_gec import Corpus
    except ImportError as missing:
        raise RuntimeError("pretraining reads the UA-GEC corpus: pip install -e '.[train]'") from missing
    for partition in ("train", "test"):
        for document in Corpus(partition=partition, annotation_layer="gec-only"):
            yield document.target


def write_texts(texts: Iterable[str], path: Path, split: Callable[[str], list[tuple[int, int]]]) -> int:
    """The texts as JSONL, each cut by `split` into (start, end) pieces; returns the characters written."""
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for text in texts:
            for start, end in split(text):
                piece = text[start:end].strip()
                if piece:
                    out.write(json.dumps({"text": piece}, ensure_ascii=False) + "\n")
                    written += len(piece)
    return written


def pretraining_config(ner_config: Config, texts_path: Path) -> Config:
    """ner.cfg turned into the pipeline spaCy pretrains: the annotators, then the NER's tok2vec."""
    config = copy.deepcopy(ner_config)
    components = config["components"]
    config["nlp"]["pipeline"] = [*ANNOTATORS, "tok2vec"]
    config["components"] = {
        **{name: components[name] for name in ANNOTATORS},
        "tok2vec": {"factory": "tok2vec", "model": components["ner"]["model"]["tok2vec"]},
    }
    config["paths"]["pretrain_texts"] = str(texts_path)
    return config


def pretrain(ner_config: Config, texts: Iterable[str], work_dir: Path, split: Callable[[str], list[tuple[int, int]]]) -> Path:
    """Pretrain the NER's tok2vec on `texts`; returns the weights file for `paths.init_tok2vec`."""
    from spacy.training.pretrain import pretrain as spacy_pretrain

    work_dir.mkdir(parents=True, exist_ok=True)
    texts_path = work_dir / TEXTS_FILE
    write_texts(texts, texts_path, split)
    weights_dir = work_dir / "weights"
    weights_dir.mkdir(exist_ok=True)
    spacy_pretrain(pretraining_config(ner_config, texts_path).interpolate(), weights_dir, silent=True)
    return weights_dir / WEIGHTS_FILE
