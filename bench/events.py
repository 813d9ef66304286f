"""Throughput of the whole chain on news-length articles, against the language layer alone.

read -> analyze -> values -> events -> store (SQLite in a temporary file), on the
demo corpus (khronika/data/demo, the project's own news-length texts), in one
process (one core). The same articles, in the same run, also go through
`analyze()` alone, so the ratio says what values, events and storing add.
With --profile, cProfile's hot spots of the chain, and their share by stage.
Prints figures; asserts nothing.

    .venv/bin/python bench/events.py [--rounds 20] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import pstats
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from khronika import events, values
from khronika.language import analyze
from khronika.model import Article, Document
from khronika.read import ReadOptions, read_paths
from khronika.store import Store

REPO = Path(__file__).resolve().parents[1]
DEMO_DIR = REPO / "khronika" / "data" / "demo"
TARGET_PER_SECOND = 100.0


def demo_articles() -> list[Article]:
    return [a for a in read_paths([DEMO_DIR], ReadOptions()) if isinstance(a, Article)]


def copies(articles: list[Article], rounds: int) -> list[Article]:
    """Distinct ids per round, so the store keeps every copy (it skips articles it already has)."""
    return [dataclasses.replace(a, id=f"{a.id}-{k}") for k in range(rounds) for a in articles]


def whole_chain(store: Store | None) -> Callable[[Article], None]:
    """The chain to events, and to the store when one is given."""

    def run(article: Article) -> None:
        analysis = analyze(article)
        found = values.extract(analysis, article.published)
        document = Document(
            article,
            analysis.sentences,
            analysis.tokens,
            analysis.entities,
            found.quantities,
            found.dates,
            events.extract(article, analysis, found),
        )
        if store is not None:
            store.save(document)

    return run


def timed(work: Callable[[Article], None], articles: list[Article]) -> float:
    started = time.perf_counter()
    for article in articles:
        work(article)
    return time.perf_counter() - started


def stage_of(filename: str) -> str:
    for stage in ("events", "values", "store", "language"):
        if f"khronika/{stage}" in filename:
            return stage
    if "spacy" in filename or "thinc" in filename:
        return "language"  # the spaCy pipeline runs inside analyze()
    if "pymorphy3" in filename or "simplemma" in filename:
        return "language"
    if "sqlalchemy" in filename or "sqlite" in filename or "alembic" in filename:
        return "store"
    return "other"


def profile(work: Callable[[Article], None], articles: list[Article]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        work(article)
    profiler.disable()
    stats = pstats.Stats(profiler)
    by_stage: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, own_time, _cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_stage[stage_of(filename)] += own_time
    total = sum(by_stage.values()) or 1.0
    print("\nown time by stage (cProfile):")
    for stage, seconds in sorted(by_stage.items(), key=lambda item: -item[1]):
        print(f"  {stage:9} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    print("\nhot spots (own time):")
    stats.sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the demo corpus")
    parser.add_argument("--profile", action="store_true", help="profile the chain with cProfile")
    args = parser.parse_args()

    articles = demo_articles()
    if not articles:
        raise SystemExit(f"no demo articles in {DEMO_DIR}")
    corpus = copies(articles, args.rounds)
    characters = sum(len(a.text) for a in corpus)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.db")
        chain = whole_chain(store)
        for article in articles:  # load models, knowledge base and caches outside the timing
            chain(dataclasses.replace(article, id=f"{article.id}-warm"))
        language_seconds = timed(analyze, corpus)
        events_seconds = timed(whole_chain(None), corpus)
        chain_seconds = timed(chain, corpus)
        stored = store.stats()
        if args.profile:
            profile(whole_chain(Store(f"sqlite:///{folder}/profile.db")), copies(articles, max(1, args.rounds // 4)))

    n = len(corpus)
    chain_rate, language_rate, events_rate = n / chain_seconds, n / language_seconds, n / events_seconds
    print(f"articles: {n} ({len(articles)} demo texts x {args.rounds}), {characters / n:.0f} characters on average")
    print(f"language layer alone : {language_rate:8.1f} articles/s ({language_seconds:.2f} s)")
    print(f"chain to events      : {events_rate:8.1f} articles/s ({events_seconds:.2f} s, no store)")
    print(f"whole chain to store : {chain_rate:8.1f} articles/s ({chain_seconds:.2f} s)")
    print(f"chain / language     : {chain_rate / language_rate:8.2f} (the rest of the chain costs {chain_seconds - language_seconds:.2f} s)")
    for label, rate in (("to events", events_rate), ("to store", chain_rate)):
        verdict = "met" if rate >= TARGET_PER_SECOND else "not met"
        print(f"target {TARGET_PER_SECOND:.0f}/s/core {label:9}: {verdict}")
    print(f"stored               : {stored}")


if __name__ == "__main__":
    main()
