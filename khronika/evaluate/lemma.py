"""Lemma and UPOS accuracy on UD Ukrainian-IU, beside simplemma (DESIGN §5).

The gold words of every sentence are fed as they are (a spaCy Doc built from
the gold words and their SpaceAfter flags, sentence start on the first word),
so tokenisation is not scored. Every syntactic word counts, punctuation
included; multiword-token ranges and empty nodes are skipped.

Comparison, for khronika and simplemma alike:
- lemma: equal after NFC, apostrophe variants unified to U+0027 and
  lower-casing (UD writes proper-name lemmas with a capital; case is not
  a lemmatisation error);
- UPOS: the tag strings are equal (simplemma has no tags, so it has no UPOS
  figure).
"""

from __future__ import annotations

import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import simplemma
import spacy
from rich.table import Table
from spacy.tokens import Doc

from khronika.text import for_matching

SPLIT_FILES = {"dev": "uk_iu-ud-dev.conllu", "test": "uk_iu-ud-test.conllu"}


@dataclass(frozen=True)
class GoldWord:
    form: str
    lemma: str
    upos: str
    space_after: bool


@dataclass
class LemmaReport:
    """Accuracy of khronika's lemmas and tags, and simplemma's lemmas, on one file."""

    corpus: str
    words: int
    lemma_accuracy: float
    upos_accuracy: float
    simplemma_lemma_accuracy: float
    seconds: float
    lemma_accuracy_by_upos: dict[str, float] = field(default_factory=dict)
    frequent_lemma_errors: list[tuple[str, str, str, int]] = field(default_factory=list)  # form, gold, ours, n

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def render(self) -> Table:
        table = Table(title=f"Lemmas and UPOS on {self.corpus} ({self.words} words)")
        table.add_column("system")
        table.add_column("lemma accuracy", justify="right")
        table.add_column("UPOS accuracy", justify="right")
        table.add_row("khronika (pymorphy3 + UD rules)", f"{self.lemma_accuracy:.4f}", f"{self.upos_accuracy:.4f}")
        table.add_row("simplemma (uk)", f"{self.simplemma_lemma_accuracy:.4f}", "—")
        table.caption = (
            "lemma: equal after NFC, unified apostrophes, lower-case; UPOS: exact; "
            f"gold tokenisation; {self.seconds:.1f} s"
        )
        return table


def comparable_lemma(lemma: str) -> str:
    """The form two lemmas are compared in (see module docstring)."""
    return for_matching(unicodedata.normalize("NFC", lemma)).lower()


def read_conllu(path: Path) -> list[list[GoldWord]]:
    """Sentences of syntactic words from a CoNLL-U file."""
    sentences: list[list[GoldWord]] = []
    current: list[GoldWord] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        current.append(GoldWord(cols[1], cols[2], cols[3], "SpaceAfter=No" not in cols[9]))
    if current:
        sentences.append(current)
    return sentences


def run(data_dir: Path, split: str = "test") -> LemmaReport:
    """Score khronika_morph and simplemma on the UD Ukrainian-IU `split` file in `data_dir`."""
    import khronika.language.morph  # noqa: F401  (registers the component)

    path = Path(data_dir) / SPLIT_FILES[split]
    sentences = read_conllu(path)
    nlp = spacy.blank("uk")
    morph = nlp.add_pipe("khronika_morph")
    started = time.perf_counter()
    words = lemma_ok = upos_ok = simplemma_ok = 0
    by_upos_total: Counter[str] = Counter()
    by_upos_ok: Counter[str] = Counter()
    errors: Counter[tuple[str, str, str]] = Counter()
    for sentence in sentences:
        doc = Doc(
            nlp.vocab,
            words=[w.form for w in sentence],
            spaces=[w.space_after for w in sentence],
            sent_starts=[i == 0 for i in range(len(sentence))],
        )
        doc = morph(doc)
        for gold, token in zip(sentence, doc):
            words += 1
            gold_lemma = comparable_lemma(gold.lemma)
            ok = comparable_lemma(token.lemma_) == gold_lemma
            lemma_ok += ok
            upos_ok += token.pos_ == gold.upos
            simplemma_ok += comparable_lemma(simplemma.lemmatize(gold.form, lang="uk")) == gold_lemma
            by_upos_total[gold.upos] += 1
            by_upos_ok[gold.upos] += ok
            if not ok:
                errors[(gold.form.lower(), gold.lemma, token.lemma_)] += 1
    return LemmaReport(
        corpus=path.name,
        words=words,
        lemma_accuracy=lemma_ok / words,
        upos_accuracy=upos_ok / words,
        simplemma_lemma_accuracy=simplemma_ok / words,
        seconds=time.perf_counter() - started,
        lemma_accuracy_by_upos={u: by_upos_ok[u] / n for u, n in by_upos_total.most_common()},
        frequent_lemma_errors=[(f, g, o, n) for (f, g, o), n in errors.most_common(20)],
    )
