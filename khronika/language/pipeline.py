"""The spaCy pipeline of the language stage, built once per process.

blank Ukrainian + our tokenizer -> sentence splitter -> morphology (pymorphy3)
-> named entities (the models trained on NER-UK, shipped in data/models/ner, voting)
-> knowledge-base gazetteer and span rules over the NER output.
The NER reads the lemma, POS and morphology set before it, and was trained
behind the same tokenizer, splitter and morphology (khronika/train/ner.cfg).
"""

from __future__ import annotations

import functools
import gc
import os
from pathlib import Path

import spacy
from spacy.language import Language

from khronika.language import entity_rules, gazetteer, morph, ner, tokenizer  # noqa: F401  (they register their factories)

NER_MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models" / "ner"
# Another NER model folder for every command: one model of the shipped ones ("…/ner/seed-0") runs
# about four times faster than the seven voting, for about 0.02 less F1 (MODEL_CARD.md).
NER_MODEL_VARIABLE = "KHRONIKA_NER_MODEL"


def ner_model_dir() -> Path:
    """The NER models the pipeline loads: $KHRONIKA_NER_MODEL if set, else the shipped ones."""
    chosen = os.environ.get(NER_MODEL_VARIABLE)
    if not chosen:
        return NER_MODEL_DIR
    if not Path(chosen).is_dir():
        raise FileNotFoundError(f"{NER_MODEL_VARIABLE}={chosen}: no such folder (a model such as {NER_MODEL_DIR / 'seed-0'})")
    return Path(chosen)


def blank() -> Language:
    """Ukrainian with our tokenizer and sentence splitter: the base of every pipeline."""
    nlp = spacy.blank("uk", config={"nlp": {"tokenizer": {"@tokenizers": tokenizer.TOKENIZER_NAME}}})
    nlp.add_pipe(tokenizer.SENTENCE_SPLITTER_NAME)
    return nlp


def bare(model_dir: Path = NER_MODEL_DIR) -> Language:
    """Tokenizer, sentences, morphology and the NER of `model_dir` (one model or several voting), no rules."""
    nlp = blank()
    nlp.add_pipe("khronika_morph")  # registered by importing khronika.language.morph
    nlp.add_pipe(ner.COMPONENT_NAME, name="ner", config={"model_dir": str(model_dir)})
    return nlp


@functools.cache
def load() -> Language:
    """The full language pipeline; built once per process and shared."""
    nlp = bare(ner_model_dir())
    nlp.add_pipe("khronika_gazetteer")  # knowledge-base names fix and complete the NER spans
    nlp.add_pipe("khronika_entity_rules")  # NER-UK span conventions: initials, addresses
    # The pipeline, its vocab and the knowledge base live as long as the process: moving
    # them out of the cyclic collector's reach spares every later collection a walk over them.
    gc.freeze()
    return nlp
