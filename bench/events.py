"""Throughput of the whole chain on news-length articles, against the language layer alone.

read -> analyze -> values -> events -> store (SQLite in a temporary file), on the
demo corpus (khronika/data/demo, the project's own news-length texts), in one
process (one core), in batches of `language.BATCH_SIZE` as `khronika ingest` runs it.
The same articles, in the same run, also go through the language stage alone
(`analyze_batch`), so the ratio says what values, events and storing add.
The corpus repeats the demo texts, so the per-word caches are warm; one pass
over texts the warm-up did not see shows the cost for new articles.
With --profile, cProfile's hot spots of the chain, and their share by stage;
with --stages, CPU milliseconds per article in each pipeline component and stage.
Prints figures; asserts nothing.

    .venv/bin/python bench/events.py [--rounds 20] [--profile] [--stages]
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
from khronika.language import BATCH_SIZE, analysis_of, analyze_batch, gazetteer, linking, pipeline
from khronika.model import Article, Document
from khronika.pipeline import process_batch
from khronika.read import ReadOptions, read_paths
from khronika.store import Store
from khronika.text import for_matching

REPO = Path(__file__).resolve().parents[1]
DEMO_DIR = REPO / "khronika" / "data" / "demo"
TARGET_PER_SECOND = 100.0


def demo_articles() -> list[Article]:
    return [a for a in read_paths([DEMO_DIR], ReadOptions()) if isinstance(a, Article)]


def copies(articles: list[Article], rounds: int) -> list[Article]:
    """Distinct ids per round, so the store keeps every copy (it skips articles it already has)."""
    return [dataclasses.replace(a, id=f"{a.id}-{k}") for k in range(rounds) for a in articles]


def batches(articles: list[Article]) -> list[list[Article]]:
    return [articles[i : i + BATCH_SIZE] for i in range(0, len(articles), BATCH_SIZE)]


def whole_chain(store: Store | None) -> Callable[[list[Article]], None]:
    """The chain to events, and to the store when one is given, in batches as `khronika ingest` runs it."""

    def run(articles: list[Article]) -> None:
        for batch in batches(articles):
            for document in process_batch(batch):
                if store is not None:
                    store.save(document)

    return run


def language_alone(articles: list[Article]) -> None:
    for batch in batches(articles):
        analyze_batch(batch)


def timed(work: Callable[[list[Article]], None], articles: list[Article]) -> float:
    started = time.perf_counter()
    work(articles)
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


def profile(work: Callable[[list[Article]], None], articles: list[Article]) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    work(articles)
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


def stage_times(articles: list[Article], store: Store) -> dict[str, float]:
    """CPU seconds spent in each pipeline component and each later stage, over `articles`.

    Process time, not wall time: steady while other processes share the cores (the
    store's waits on the disk do not count either).
    """
    nlp = pipeline.load()
    seconds: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for article in articles:
        started = clock()
        doc = nlp.make_doc(for_matching(article.text))
        seconds["tokenizer"] += clock() - started
        for name, component in nlp.pipeline:
            started = clock()
            doc = component(doc)
            seconds[name] += clock() - started
        started = clock()
        analysis = analysis_of(doc, article.text)
        seconds["records (with linking)"] += clock() - started
        started = clock()
        linking.link(doc, article.text) + gazetteer.nested_entities(doc, article.text)
        seconds["  of which linking"] += clock() - started
        started = clock()
        found = values.extract(analysis, article.published)
        seconds["values"] += clock() - started
        started = clock()
        found_events = events.extract(article, analysis, found)
        seconds["events"] += clock() - started
        document = Document(article, analysis.sentences, analysis.tokens, analysis.entities, found.quantities, found.dates, found_events)
        started = clock()
        store.save(document)
        seconds["store"] += clock() - started
    return seconds


def print_stage_times(seconds: dict[str, float], n: int) -> None:
    print("\nCPU ms per article by stage:")
    for stage, spent in seconds.items():
        print(f"  {stage:24} {1000 * spent / n:7.2f}")
    total = sum(spent for stage, spent in seconds.items() if not stage.startswith(" "))
    print(f"  {'total':24} {1000 * total / n:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the demo corpus")
    parser.add_argument("--profile", action="store_true", help="profile the chain with cProfile")
    parser.add_argument("--stages", action="store_true", help="time each pipeline component and stage")
    args = parser.parse_args()

    articles = demo_articles()
    if not articles:
        raise SystemExit(f"no demo articles in {DEMO_DIR}")
    corpus = copies(articles, args.rounds)
    characters = sum(len(a.text) for a in corpus)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.db")
        chain = whole_chain(store)
        # Load models and knowledge base outside the timing on half the texts, then time one pass over
        # the other half: per-word caches have not seen those texts, as with new articles in production.
        half = len(articles) // 2
        chain([dataclasses.replace(article, id=f"{article.id}-warm") for article in articles[:half]])
        unseen = [dataclasses.replace(article, id=f"{article.id}-unseen") for article in articles[half:]]
        unseen_seconds = timed(chain, unseen)
        language_seconds = timed(language_alone, corpus)
        events_seconds = timed(whole_chain(None), corpus)
        chain_seconds = timed(chain, corpus)
        stored = store.stats()
        if args.stages:
            print_stage_times(stage_times(copies(articles, args.rounds), Store(f"sqlite:///{folder}/stages.db")), n=len(corpus))
        if args.profile:
            profile(whole_chain(Store(f"sqlite:///{folder}/profile.db")), copies(articles, max(1, args.rounds // 4)))

    n = len(corpus)
    chain_rate, language_rate, events_rate = n / chain_seconds, n / language_seconds, n / events_seconds
    print(f"articles: {n} ({len(articles)} demo texts x {args.rounds}), {characters / n:.0f} characters on average")
    print(f"language layer alone : {language_rate:8.1f} articles/s ({language_seconds:.2f} s)")
    print(f"chain to events      : {events_rate:8.1f} articles/s ({events_seconds:.2f} s, no store)")
    print(f"whole chain to store : {chain_rate:8.1f} articles/s ({chain_seconds:.2f} s)")
    print(f"chain / language     : {chain_rate / language_rate:8.2f} (the rest of the chain costs {chain_seconds - language_seconds:.2f} s)")
    print(f"unseen texts, to store: {len(unseen) / unseen_seconds:7.1f} articles/s (one pass over {len(unseen)} texts the warm-up did not see)")
    for label, rate in (("to events", events_rate), ("to store", chain_rate)):
        verdict = "met" if rate >= TARGET_PER_SECOND else "not met"
        print(f"target {TARGET_PER_SECOND:.0f}/s/core {label:9}: {verdict}")
    print(f"stored               : {stored}")


if __name__ == "__main__":
    main()
