"""Train the named-entity model on NER-UK 2.0 with khronika's own tokenizer.

NER-UK ships BRAT standoff (.txt + .ann) in two folders and a standard split
(`data/dev-test-split.txt`: its DEV part is the training part, TEST is held out).
The bruk texts are distributed tokenized ("В . І . Вернадським , 75 %"); they are
turned back into running text before our tokenizer sees them, so the model
learns on text that looks like the news it will read, tokenized exactly as at
run time. The annotation offsets follow through an offset map.

`train(output_dir, seed)` holds out part of the training split for early
stopping (the test split is only for the figure in the model card), trains a
small CNN tagger behind khronika's sentence splitter and morphology (hashed
NORM/LEMMA/PREFIX/SUFFIX/SHAPE/POS/MORPH features, no vectors) with the config
`ner.cfg` beside this file, and writes the best model to output_dir. The seed
chooses the held-out part too, so models of other seeds learn from other parts
of the split; `train_ensemble` writes one model per seed into `seed-N/`
sub-folders, which khronika.language.ner runs as a voting ensemble.
"""

from __future__ import annotations

import itertools
import multiprocessing
import json
import logging
import random
import re
import shutil
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

# Imported for their registrations: the tokenizer and the morphology component the config names.
from khronika.language import morph, tokenizer  # noqa: F401
from khronika.train import pretrain  # registers the pretraining reader and the weights loader

log = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).with_name("ner.cfg")
SHARED_NER_UK = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner-uk"
SOURCES = ("bruk", "ng")  # corpus folders; bruk is distributed tokenized
PRETRAINING_SEED = 0  # one pretraining, whatever seeds are trained
LABELS = ("PERS", "ORG", "LOC", "MISC", "DATE", "TIME", "PERIOD", "QUANT", "MON", "PCT", "JOB", "DOC", "ART")

# Punctuation the bruk tokenization separated with spaces: no space before a closer, none after an opener.
_CLOSERS = set(",.;:!?)]»%…")
_OPENERS = set("([«")
_BRAT_ENTITY = re.compile(r"^T\d+\t(\S+)\s(\d+)\s(\d+(?:;\d+ \d+)*)\t")


@dataclass(frozen=True)
class GoldEntity:
    start: int
    end: int
    label: str


@dataclass
class NerUkText:
    """One NER-UK text: its running text and the gold entities in it."""

    id: str
    source: str
    text: str  # running text (bruk detokenized, ng unchanged)
    entities: list[GoldEntity]  # in `text` offsets, nested ones removed (see flat_entities)
    nested_dropped: int = 0


@dataclass
class ConversionStats:
    """What converting gold spans to tokens cost."""

    entities: int = 0
    aligned: int = 0
    expanded: int = 0  # did not fall on token boundaries; widened to the covering tokens
    lost: int = 0  # ran past its chunk or across a sentence end, or collided with another after expanding
    nested_dropped: int = 0
    by_label: Counter[str] = field(default_factory=Counter)


def ner_uk_dir(data_dir: Path) -> Path:
    """The NER-UK folder, given it or the shared data folder that holds it."""
    return data_dir / "ner-uk" if (data_dir / "ner-uk").is_dir() else data_dir


def read_split(data_dir: Path) -> dict[str, list[str]]:
    """Text ids of the standard split: {"train": [...], "test": [...]} (the file's DEV is train)."""
    parts: dict[str, list[str]] = {"train": [], "test": []}
    current = None
    for line in (ner_uk_dir(data_dir) / "data" / "dev-test-split.txt").read_text(encoding="utf-8").split():
        if line in ("DEV", "TEST"):
            current = "train" if line == "DEV" else "test"
        elif current is not None:
            parts[current].append(line)
    return parts


def read_texts(data_dir: Path, split: str) -> list[NerUkText]:
    root = ner_uk_dir(data_dir) / "data"
    texts = []
    for text_id in read_split(data_dir)[split]:
        source = next(s for s in SOURCES if (root / s / f"{text_id}.txt").is_file())
        texts.append(_read_text(root / source, text_id, source))
    return texts


def _read_text(folder: Path, text_id: str, source: str) -> NerUkText:
    file_text = (folder / f"{text_id}.txt").read_text(encoding="utf-8")
    entities = []
    for line in (folder / f"{text_id}.ann").read_text(encoding="utf-8").splitlines():
        match = _BRAT_ENTITY.match(line)
        if match and match.group(1) in LABELS:
            # A discontinuous span "a b;c d" is taken as its outer extent.
            end = int(match.group(3).split(";")[-1].split()[-1])
            entities.append(GoldEntity(int(match.group(2)), end, match.group(1)))
    if source == "bruk":
        text, to_file = detokenize(file_text)
    else:
        text, to_file = file_text, list(range(len(file_text) + 1))
    # kept_before[i]: how many characters of the file before offset i survive in `text`,
    # which is where file offset i lands in `text` (for a start and an exclusive end alike).
    kept_before = [0] * (len(file_text) + 1)
    for new, old in enumerate(to_file[:-1]):
        kept_before[old + 1] = new + 1
    for i in range(1, len(kept_before)):
        kept_before[i] = max(kept_before[i], kept_before[i - 1])
    mapped = [GoldEntity(kept_before[e.start], kept_before[e.end], e.label) for e in entities]
    flat = flat_entities(mapped)
    return NerUkText(text_id, source, text, flat, len(mapped) - len(flat))


def detokenize(tokenized: str) -> tuple[str, list[int]]:
    """Running text from space-separated tokens, and for each character its offset in the input.

    Only spaces are removed: before closing punctuation, after opening brackets and
    quotes, and inside straight double quotes (which alternate open/close per line).
    """
    keep: list[int] = []
    quote_open = False
    for i, char in enumerate(tokenized):
        if char == "\n":
            quote_open = False
        elif char == '"':
            quote_open = not quote_open
        if char == " " and 0 < i < len(tokenized) - 1:
            prev, nxt = tokenized[i - 1], tokenized[i + 1]
            opening_quote_before = prev == '"' and quote_open
            closing_quote_after = nxt == '"' and quote_open
            if nxt in _CLOSERS or prev in _OPENERS or opening_quote_before or closing_quote_after:
                continue
        keep.append(i)
    text = "".join(tokenized[i] for i in keep)
    return text, keep + [len(tokenized)]


def flat_entities(entities: list[GoldEntity]) -> list[GoldEntity]:
    """Non-overlapping entities: of overlapping ones the longest (then the first) is kept."""
    by_preference = sorted(entities, key=lambda e: (-(e.end - e.start), e.start))
    taken: list[GoldEntity] = []
    for entity in by_preference:
        if all(entity.end <= t.start or entity.start >= t.end for t in taken):
            taken.append(entity)
    return sorted(taken, key=lambda e: e.start)


def chunks(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Spans of whole lines, each up to about max_chars (a longer line is a chunk of its own).

    Training on runs of lines rather than single lines lets the model see
    paragraph breaks, as it does in an article at run time.
    """
    spans = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + max_chars)
        end = len(text) if end < 0 else end + 1
        # Cut at the last line break before max_chars if there is one.
        cut = text.rfind("\n", start, start + max_chars)
        if cut > start and end - start > max_chars:
            end = cut + 1
        spans.append((start, end))
        start = end
    return spans


def training_docs(nlp: Language, text: NerUkText, stats: ConversionStats, max_chars: int = 2000) -> list[Doc]:
    """Training Docs for one text, chunked at line breaks, with the gold entities as doc.ents.

    Sentences are split as at run time; the tagger cannot put an entity across a
    sentence boundary, so a gold entity that crosses one is counted as lost.
    """
    split_sentences = nlp.get_pipe(tokenizer.SENTENCE_SPLITTER_NAME)
    docs = []
    for chunk_start, chunk_end in chunks(text.text, max_chars):
        chunk = text.text[chunk_start:chunk_end]
        if not chunk.strip():
            continue
        doc = split_sentences(nlp.make_doc(chunk))
        spans: list[Span] = []
        for entity in text.entities:
            if not chunk_start <= entity.start < chunk_end:
                continue
            stats.entities += 1
            stats.by_label[entity.label] += 1
            if entity.end > chunk_end:
                stats.lost += 1
                continue
            start, end = entity.start - chunk_start, entity.end - chunk_start
            span = doc.char_span(start, end, entity.label)
            if span is None:
                span = doc.char_span(start, end, entity.label, alignment_mode="expand")
                stats.expanded += 1
            else:
                stats.aligned += 1
            crosses_sentences = any(t.is_sent_start for t in span[1:])
            if crosses_sentences or any(span.start < s.end and s.start < span.end for s in spans):
                stats.lost += 1
                continue
            spans.append(span)
        doc.ents = sorted(spans, key=lambda s: s.start)
        docs.append(doc)
    return docs


def build_corpus(data_dir: Path, out_dir: Path, seed: int, dev_share: float = 0.1) -> ConversionStats:
    """train.spacy and dev.spacy in out_dir from the training split; dev is a seeded share of its texts."""
    from khronika.language.pipeline import blank

    nlp = blank()
    texts = read_texts(data_dir, "train")
    random.Random(seed).shuffle(texts)
    n_dev = max(1, round(len(texts) * dev_share))
    stats = ConversionStats()
    for name, part in (("dev", texts[:n_dev]), ("train", texts[n_dev:])):
        docs = [doc for text in part for doc in training_docs(nlp, text, stats)]
        stats.nested_dropped += sum(t.nested_dropped for t in part)
        DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{name}.spacy")
    return stats


def pretrain_encoder(work_dir: Path, data_dir: Path = SHARED_NER_UK) -> Path:
    """Pretrain the NER's tok2vec once for every seed; returns the weights file.

    It reads all the texts of the training split (not their labels) and UA-GEC, and is
    seeded by PRETRAINING_SEED, so a seed's model is the same whether it is trained
    alone or with others.
    """
    started = time.monotonic()
    config = spacy.util.load_config(CONFIG_PATH, overrides={"system.seed": PRETRAINING_SEED}, interpolate=False)
    texts = itertools.chain((t.text for t in read_texts(data_dir, "train")), pretrain.ua_gec_texts())
    weights = pretrain.pretrain(config, texts, work_dir, split=lambda text: chunks(text, 2000))
    log.info("pretrained the tok2vec in %.0f s", time.monotonic() - started)
    return weights


def train(output_dir: Path, seed: int = 0, data_dir: Path = SHARED_NER_UK, pretrained: Path | None = None) -> Path:
    """Train one model on NER-UK's training split; write the best one (by dev F1) to output_dir.

    The tok2vec starts from `pretrained` (pretrain_encoder's weights), pretrained here when None.
    """
    from spacy.cli.train import train as spacy_train

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="khronika-ner-") as work:
        work_dir = Path(work)
        if pretrained is None:
            pretrained = pretrain_encoder(work_dir / "pretrain", data_dir)
        stats = build_corpus(data_dir, work_dir, seed)
        log.info(
            "seed %d: gold entities %d: aligned %d, expanded %d, lost %d; nested dropped %d",
            seed, stats.entities, stats.aligned, stats.expanded, stats.lost, stats.nested_dropped,
        )
        settings = {
            "paths.train": str(work_dir / "train.spacy"),
            "paths.dev": str(work_dir / "dev.spacy"),
            "paths.pretrained_tok2vec": str(pretrained),
            "system.seed": seed,
        }
        spacy_train(CONFIG_PATH, work_dir / "runs", overrides=settings)
        if output_dir.exists():
            shutil.rmtree(output_dir)
        shutil.copytree(work_dir / "runs" / "model-best", output_dir)
    _describe(output_dir, seed, stats, time.monotonic() - started)
    return output_dir


def train_ensemble(output_dir: Path, seeds: list[int], data_dir: Path = SHARED_NER_UK, jobs: int = 1) -> list[Path]:
    """One model per seed in output_dir/seed-N (an existing model of another seed is kept).

    The tok2vec is pretrained once; then `jobs` seeds train at a time, each in its own
    process (spaCy's CPU training uses one core).
    """
    with tempfile.TemporaryDirectory(prefix="khronika-pretrain-") as work:
        weights = pretrain_encoder(Path(work), data_dir)
        if jobs <= 1:
            return [train(output_dir / f"seed-{seed}", seed, data_dir, weights) for seed in seeds]
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            runs = [pool.submit(train, output_dir / f"seed-{seed}", seed, data_dir, weights) for seed in seeds]
            return [run.result() for run in runs]


def _describe(model_dir: Path, seed: int, stats: ConversionStats, seconds: float) -> None:
    """Name, licence and provenance in the model's meta.json (the model card says more).

    The corpus and weights paths of the run pointed into a temporary folder; the shipped
    config says null instead, like ner.cfg (the pretrained weights are in the model now).
    """
    config_path = model_dir / "config.cfg"
    config = spacy.util.load_config(config_path)
    config["paths"].update(train=None, dev=None, pretrain_texts=None, pretrained_tok2vec=None)
    config["initialize"]["after_init"]["path"] = None
    config.to_disk(config_path)
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="khronika_ner_uk",
        description="Named entities (NER-UK 2.0, 13 types) for khronika's tokenizer; see MODEL_CARD.md",
        license="CC BY-NC-SA 4.0 (inherited from NER-UK 2.0, lang-uk)",
        sources=[
            {"name": "NER-UK 2.0", "url": "https://github.com/lang-uk/ner-uk", "license": "CC BY-NC-SA 4.0"},
            {"name": "UA-GEC 2 (unlabelled text for pretraining)", "url": "https://github.com/grammarly/ua-gec", "license": "CC BY 4.0"},
        ],
        khronika={
            "seed": seed,
            "training_seconds": round(seconds),
            "gold_entities": stats.entities,
            "expanded_to_tokens": stats.expanded,
            "lost": stats.lost,
            "nested_dropped": stats.nested_dropped,
        },
    )
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    log.info("trained in %.0f s", seconds)

