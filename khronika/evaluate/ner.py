"""Named-entity scores on NER-UK 2.0's standard test split (DESIGN §5).

A predicted entity counts when its span and type equal a gold one exactly.
Gold is the test split's BRAT annotation without nested entities (of two
overlapping entities the longer is kept, as a flat tagger can only find one;
NER-UK's own IOB files drop nested tags too). bruk texts are read as running
text (see khronika.train.ner.detokenize), as the model reads news.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.table import Table
from spacy.language import Language

from khronika.evaluate.scores import Counts, total
from khronika.language.pipeline import NER_MODEL_DIR, bare
from khronika.train.ner import LABELS, SOURCES, read_texts

CORE_LABELS = ("PERS", "ORG", "LOC")


@dataclass
class NerReport:
    per_type: dict[str, Counts]
    # PERS+ORG+LOC on each NER-UK folder: bruk (the Open Corpus of Ukrainian Texts, mixed
    # genres with much fiction) and ng (articles of the journalism site «Наші гроші»)
    core_by_source: dict[str, Counts]
    texts: int
    nested_excluded: int  # gold entities inside a longer one, left out of the flat gold
    model: str

    @property
    def micro(self) -> Counts:
        return total(self.per_type.values())

    @property
    def core(self) -> Counts:
        """Micro-average over PERS, ORG and LOC."""
        return total(self.per_type[label] for label in CORE_LABELS)

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "texts": self.texts,
            "nested_excluded": self.nested_excluded,
            "per_type": {label: score.to_dict() for label, score in self.per_type.items()},
            "micro": self.micro.to_dict(),
            "micro_pers_org_loc": self.core.to_dict(),
            "micro_pers_org_loc_by_source": {source: score.to_dict() for source, score in self.core_by_source.items()},
        }

    def render(self) -> Table:
        table = Table(title=f"NER-UK 2.0 test split: {self.texts} texts, exact span and type")
        for column in ("type", "P", "R", "F1", "support"):
            table.add_column(column, justify="left" if column == "type" else "right")
        rows = [
            *self.per_type.items(),
            ("micro", self.micro),
            ("PERS+ORG+LOC", self.core),
            *((f"PERS+ORG+LOC, {source} texts", score) for source, score in self.core_by_source.items()),
        ]
        for i, (name, score) in enumerate(rows):
            table.add_row(
                name,
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
                str(score.gold),
                end_section=i == len(self.per_type) - 1,
            )
        return table


def run(data_dir: Path, model_dir: Path | None = None, limit: int | None = None, nlp: Language | None = None) -> NerReport:
    """Score the NER model (default: the shipped one or ones) on the test split; `limit` takes its first texts.

    `nlp`, when given, is scored instead of the model: a full pipeline such as
    `khronika.language.pipeline.load()`, whose `doc.ents` include the rules after NER.
    """
    model_dir = model_dir or NER_MODEL_DIR
    scored = nlp or bare(model_dir)
    texts = read_texts(data_dir, "test")[:limit]
    counts: dict[tuple[str, str], Counter[str]] = {(source, label): Counter() for source in SOURCES for label in LABELS}
    for text, doc in zip(texts, scored.pipe(t.text for t in texts)):
        gold = {(e.start, e.end, e.label) for e in text.entities}
        predicted = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for _, _, label in gold & predicted:
            counts[text.source, label]["tp"] += 1
        for _, _, label in predicted - gold:
            counts[text.source, label]["fp"] += 1
        for _, _, label in gold - predicted:
            counts[text.source, label]["fn"] += 1
    scores = {key: Counts(c["tp"], c["tp"] + c["fp"], c["tp"] + c["fn"]) for key, c in counts.items()}
    per_type = {label: total(scores[source, label] for source in SOURCES) for label in LABELS}
    core_by_source = {source: total(scores[source, label] for label in CORE_LABELS) for source in SOURCES}
    model = str(model_dir) if nlp is None else "+".join(nlp.pipe_names)
    return NerReport(per_type, core_by_source, len(texts), sum(t.nested_dropped for t in texts), model)
