"""Throughput of the language layer: analyze() against spaCy's blank Ukrainian tokenizer.

The corpus (at least 1 MB of UTF-8) combines the project's demo texts with the
NER-UK texts read in place from ../shared/data when that folder is present,
repeated until it is large enough. Prints figures; asserts nothing.

    .venv/bin/python bench/language.py [--megabytes 1.0]
"""

from __future__ import annotations

import argparse
import re
import time
from datetime import date
from pathlib import Path
from typing import Callable

import spacy
from spacy.tokens import Doc

from khronika.language import analyze
from khronika.language.pipeline import blank, load
from khronika.model import Article
from khronika.text import article_id, normalize

REPO = Path(__file__).resolve().parents[1]
DEMO_DIR = REPO / "khronika" / "data" / "demo"
SHARED_NER_UK = REPO.parent / "shared" / "data" / "ner-uk"
PUBLISHED = date(2026, 1, 15)
SEED_HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}[ \t]*")  # DESIGN §2


def source_texts() -> list[str]:
    texts = [SEED_HEADER.sub("", normalize(p.read_text(encoding="utf-8"))) for p in sorted(DEMO_DIR.glob("*.txt"))]
    if SHARED_NER_UK.is_dir():
        from khronika.train.ner import read_texts

        texts += [t.text for split in ("train", "test") for t in read_texts(SHARED_NER_UK, split)]
    if not texts:
        raise SystemExit(f"no texts: neither {DEMO_DIR} nor {SHARED_NER_UK} has any")
    return texts


def corpus(megabytes: float) -> list[str]:
    """The source texts, repeated until they reach `megabytes` of UTF-8."""
    texts = source_texts()
    chosen: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        text = texts[len(chosen) % len(texts)]
        chosen.append(text)
        size += len(text.encode("utf-8"))
    return chosen


def _timed_tokens(process: Callable[[str], Doc], texts: list[str]) -> tuple[int, float]:
    """Non-space tokens produced, and seconds taken."""
    started = time.perf_counter()
    tokens = sum(sum(not t.is_space for t in process(text)) for text in texts)
    return tokens, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()

    texts = corpus(args.megabytes)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    articles = [Article(article_id(t, PUBLISHED), t, PUBLISHED) for t in texts]
    load()  # building the pipeline is not part of the throughput

    started = time.perf_counter()
    tokens = sum(len(analyze(a).tokens) for a in articles)
    analyze_seconds = time.perf_counter() - started

    blank_tokens, blank_seconds = _timed_tokens(spacy.blank("uk").tokenizer, texts)
    ours_tokens, ours_seconds = _timed_tokens(blank(), texts)

    print(f"corpus: {len(texts)} texts, {megabytes:.2f} MB")
    print(f"analyze(): {tokens} tokens in {analyze_seconds:.1f} s = {tokens / analyze_seconds:,.0f} tokens/s")
    print(
        f"spaCy blank 'uk' tokenizer: {blank_tokens} tokens in {blank_seconds:.2f} s"
        f" = {blank_tokens / blank_seconds:,.0f} tokens/s"
    )
    print(
        f"khronika tokenizer + sentence splitter: {ours_tokens} tokens in {ours_seconds:.2f} s"
        f" = {ours_tokens / ours_seconds:,.0f} tokens/s"
    )
    print(f"analyze() takes {analyze_seconds / blank_seconds:.0f}x the time of the blank tokenizer")


if __name__ == "__main__":
    main()
