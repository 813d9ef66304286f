"""Named entities from the shipped NER models: one spaCy model, or several voting.

The spaCy component "khronika_ner" reads `model_dir`, which is either one spaCy
model (a folder with config.cfg, as `khronika train ner --seed N` writes it) or a
folder of such models (`seed-0/`, `seed-1/`, ...: an ensemble, one model per
training seed). Every model's "ner" component tags the doc in turn; a span is
kept when more than half of the models found it with the same start, end and
type, strongest agreement first, never overlapping a span already kept. Models
trained with other seeds saw other parts of the training split and started from
other weights, so their mistakes differ more than their right answers do.

Each model runs after the same tokenizer, sentence splitter and morphology it was
trained behind (khronika/train/ner.cfg), which the pipeline runs before this
component.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

COMPONENT_NAME = "khronika_ner"
MODEL_CONFIG = "config.cfg"


def model_dirs(model_dir: Path) -> list[Path]:
    """The spaCy models under `model_dir`: itself if it is one, else its sub-folders that are."""
    if model_dir.joinpath(MODEL_CONFIG).is_file():
        return [model_dir]
    found = sorted(d for d in model_dir.iterdir() if d.joinpath(MODEL_CONFIG).is_file()) if model_dir.is_dir() else []
    if not found:
        raise FileNotFoundError(f"no NER model in {model_dir}: reinstall khronika or run `khronika train ner`")
    return found


def _vote(doc: Doc, found: Counter[tuple[int, int, str]], needed: int) -> list[Span]:
    kept: list[tuple[int, int, str]] = []
    for (start, end, label), votes in sorted(found.items(), key=lambda item: (-item[1], item[0])):
        if votes >= needed and all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, label))
    return [Span(doc, start, end, label) for start, end, label in sorted(kept)]


class VotingNer:
    """The spaCy component: the models' NER, and their majority vote when there are several."""

    def __init__(self, nlp: Language, name: str, model_dir: str):
        self.name = name
        self.models = [spacy.load(d).get_pipe("ner") for d in model_dirs(Path(model_dir))]
        for model in self.models:
            if not isinstance(model, EntityRecognizer):
                raise TypeError(f"{model_dir}: its 'ner' component is not an entity recognizer")
            for label in model.labels:
                nlp.vocab.strings.add(label)  # the models' span labels must read in this pipeline's docs
        self.needed = len(self.models) // 2 + 1

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({label for model in self.models for label in model.labels}))

    def __call__(self, doc: Doc) -> Doc:
        self._tag([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self._tag(batch)
            yield from batch

    def _tag(self, docs: list[Doc]) -> None:
        if len(self.models) == 1:
            self.models[0].set_annotations(docs, self.models[0].predict(docs))
            return
        found: list[Counter[tuple[int, int, str]]] = [Counter() for _ in docs]
        for model in self.models:
            for doc in docs:
                doc.set_ents([], default="missing")  # no constraint left from the previous model
            model.set_annotations(docs, model.predict(docs))
            for doc, spans in zip(docs, found):
                spans.update((e.start, e.end, e.label_) for e in doc.ents)
        for doc, spans in zip(docs, found):
            doc.ents = _vote(doc, spans, self.needed)


@Language.factory(COMPONENT_NAME, default_config={"model_dir": ""})
def create_voting_ner(nlp: Language, name: str, model_dir: str) -> VotingNer:
    return VotingNer(nlp, name, model_dir)
