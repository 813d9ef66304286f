"""Speed of the values stage beside dateparser, and number words beside number-parser.

    .venv/bin/python bench/values.py [--repeat N]

Texts: our gold texts (tests/gold/values/*.txt) and, when ../shared/data is
present, the seed article. Each text is analysed once by the language stage
(timed apart); then khronika.values.extract runs over the analyses N times,
and dateparser's search_dates over the same texts N times, in the same run.
The number-word check reads Ukrainian number phrases written for this bench
with our lexicon and with number-parser's `parse_number(..., language="uk")`.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from number_parser import parse_number

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khronika.evaluate.values import dateparser_hits  # noqa: E402
from khronika.language import analyze  # noqa: E402
from khronika.model import Article  # noqa: E402
from khronika.read import ReadOptions, read_file  # noqa: E402
from khronika.values import extract  # noqa: E402
from khronika.values.grammar import Morphology, scan  # noqa: E402
from khronika.values.quantities import find_quantities  # noqa: E402

SEED = ROOT.parent / "shared" / "data" / "seed" / "belarus-prisoners-2025-11-26.txt"

# (phrase, value): number words in several cases and genders, written for this bench
NUMBER_PHRASES = [
    ("сто", 100), ("тридцять одного", 31), ("п'ятдесятьом", 50), ("двохсот", 200),
    ("півтори тисячі", 1500), ("три", 3), ("трьох", 3), ("сорока", 40), ("одинадцятьма", 11),
    ("двадцять п'ять", 25), ("дев'яноста", 90), ("шістьома", 6), ("сімох", 7), ("двома", 2),
    ("п'ятистам", 500), ("тисяча", 1000), ("двох тисяч", 2000), ("чотирмастами", 400),
    ("вісімнадцятьох", 18), ("сімдесяти двох", 72), ("дев'ятсот", 900), ("мільйон", 1_000_000),
    ("три мільйони", 3_000_000), ("п'ятеро", 5), ("двадцятьма трьома", 23),
]


def _texts() -> list[Article]:
    paths = sorted((ROOT / "tests" / "gold" / "values").glob("*.txt"))
    if SEED.is_file():
        paths.append(SEED)
    return [a for p in paths for a in read_file(p, ReadOptions()) if isinstance(a, Article)]


def _our_number(phrase: str) -> float | None:
    from spacy.lang.uk import Ukrainian

    doc = Ukrainian()(f"Прийшли {phrase} людей.")
    quantities = find_quantities(doc.text, doc.text, scan(doc.text), Morphology(doc), [])
    return quantities[0].min if len(quantities) == 1 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    articles = _texts()
    began = time.perf_counter()
    analyses = [(analyze(a), a.published) for a in articles]
    analysis_seconds = time.perf_counter() - began

    # one untimed pass each, so that pattern compilation and caches do not count
    for (analysis, published), article in zip(analyses, articles):
        extract(analysis, published)
        dateparser_hits(article.text, article.published)

    began = time.perf_counter()
    expressions = 0
    for _ in range(args.repeat):
        for analysis, published in analyses:
            values = extract(analysis, published)
            expressions += len(values.quantities) + len(values.dates)
    ours_seconds = time.perf_counter() - began

    began = time.perf_counter()
    dateparser_found = 0
    for _ in range(args.repeat):
        for article in articles:
            dateparser_found += len(dateparser_hits(article.text, article.published))
    dateparser_seconds = time.perf_counter() - began

    characters = sum(len(a.text) for a in articles) * args.repeat
    print(f"texts: {len(articles)} ({characters // args.repeat} characters), repeated {args.repeat} times")
    print(f"language stage (once per text): {analysis_seconds:.2f} s")
    print(
        f"khronika.values.extract: {ours_seconds:.3f} s, {expressions / ours_seconds:,.0f} expressions/s "
        f"({expressions // args.repeat} per pass: quantities and dates), {characters / ours_seconds:,.0f} chars/s"
    )
    print(
        f"dateparser.search_dates: {dateparser_seconds:.3f} s, {dateparser_found / dateparser_seconds:,.0f} dates/s "
        f"({dateparser_found // args.repeat} per pass), {characters / dateparser_seconds:,.0f} chars/s"
    )
    print(f"time ratio dateparser / khronika.values: {dateparser_seconds / ours_seconds:.1f}x")

    ours_right = sum(_our_number(p) == v for p, v in NUMBER_PHRASES)
    theirs_right = sum(parse_number(p, language="uk") == v for p, v in NUMBER_PHRASES)
    print(
        f"number words ({len(NUMBER_PHRASES)} phrases): khronika lexicon {ours_right}/{len(NUMBER_PHRASES)}, "
        f"number-parser {theirs_right}/{len(NUMBER_PHRASES)}"
    )


if __name__ == "__main__":
    main()
