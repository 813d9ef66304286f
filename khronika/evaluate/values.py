"""Quantities and dates against gold files, beside dateparser (DESIGN §4, §5).

Gold files follow the seed format (`data/seed/*.gold.json`): `article.file`
(relative to the gold file, or absolute), `article.published`, and lists
`quantities` ({text, min, max, counted, nationality?, unit?, qualifier?,
approximate?}) and `timex` ({text, start, end, precision}).

How a prediction is judged (texts compared after unifying apostrophes; date
texts also case-insensitively; numbers with a relative tolerance of 1e-9):

- quantity: same text, same min and max, same counted lemma; nationality,
  unit, qualifier and approximate too when the gold gives them;
- quantity span: same text only;
- date: same text and the same [start, end]; for gold precision `vague`
  an overlapping interval is enough;
- date span: same text only.

dateparser gives one datetime per hit and no interval, so both systems are
also scored the same lenient way ("date in interval"): a hit is right when
its characters overlap a gold date's and its point lies inside the gold
interval. dateparser's point is its datetime; ours is date_start. dateparser
runs as `search_dates(text, languages=["uk"], settings={"RELATIVE_BASE":
published at midnight, "DATE_ORDER": "DMY"})`, on the same article texts in
the same run.

    python -m khronika.evaluate.values tests/gold/values/*.gold.json
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dateparser.search import search_dates
from rich.console import Group
from rich.table import Table
from rich.text import Text

from khronika.evaluate.scores import Counts
from khronika.language import analyze
from khronika.model import Article, DateExpr, Quantity
from khronika.read import ReadOptions, read_file
from khronika.text import for_matching
from khronika.values import extract

DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY"}
OPTIONAL_QUANTITY_KEYS = ("nationality", "unit", "qualifier", "approximate")


@dataclass
class ValuesReport:
    articles: int = 0
    quantities: Counts = field(default_factory=Counts)
    quantity_spans: Counts = field(default_factory=Counts)
    dates: Counts = field(default_factory=Counts)
    date_spans: Counts = field(default_factory=Counts)
    dates_in_interval: Counts = field(default_factory=Counts)
    dateparser_spans: Counts = field(default_factory=Counts)
    dateparser_in_interval: Counts = field(default_factory=Counts)
    date_precision_matches: int = 0  # span-matched dates whose precision label is the gold one
    analysis_seconds: float = 0.0
    values_seconds: float = 0.0
    dateparser_seconds: float = 0.0
    quantity_errors: list[str] = field(default_factory=list)
    date_errors: list[str] = field(default_factory=list)
    dateparser_errors: list[str] = field(default_factory=list)

    @property
    def date_precision_accuracy(self) -> float:
        return self.date_precision_matches / self.date_spans.matched if self.date_spans.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, value in asdict(self).items():
            score = getattr(self, name)
            result[name] = score.to_dict() if isinstance(score, Counts) else value
        result["date_precision_accuracy"] = round(self.date_precision_accuracy, 4)
        return result

    def render(self) -> Group:
        """The figures, then every error, so that they can be studied."""
        table = Table(title=f"Values on {self.articles} gold articles")
        for column in ("measure", "system", "P", "R", "F1", "matched/pred/gold"):
            table.add_column(column, justify="left" if column in ("measure", "system") else "right")
        rows = [
            ("quantities (span+interval+counted)", "khronika", self.quantities),
            ("quantity spans", "khronika", self.quantity_spans),
            ("dates (span+interval)", "khronika", self.dates),
            ("date spans", "khronika", self.date_spans),
            ("date spans", "dateparser", self.dateparser_spans),
            ("date in interval (overlap+point)", "khronika", self.dates_in_interval),
            ("date in interval (overlap+point)", "dateparser", self.dateparser_in_interval),
        ]
        for measure, system, score in rows:
            table.add_row(
                measure, system, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                f"{score.matched}/{score.predicted}/{score.gold}",
            )
        table.caption = (
            f"date precision label accuracy {self.date_precision_accuracy:.3f}; seconds: analysis "
            f"{self.analysis_seconds:.2f}, values {self.values_seconds:.2f}, dateparser {self.dateparser_seconds:.2f}"
        )
        errors = [
            Text(f"{title} errors: {len(found)}", style="bold") if n == 0 else Text(f"  {line}")
            for title, found in (("quantity", self.quantity_errors), ("date", self.date_errors))
            for n, line in enumerate(["", *found])
        ]
        return Group(table, *errors)


@dataclass(frozen=True)
class _Span:
    """A gold or predicted item located in the text."""

    start: int
    end: int
    key: str  # the text as compared
    item: Any


def _key(text: str, fold_case: bool) -> str:
    text = " ".join(for_matching(text).split())
    return text.lower() if fold_case else text


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9)


def _locate(text: str, items: list[dict[str, Any]], fold_case: bool) -> list[_Span]:
    """Gold items with character offsets: the n-th item with a given text is its n-th occurrence."""
    haystack = for_matching(text).lower() if fold_case else for_matching(text)
    seen: dict[str, int] = {}
    spans = []
    for item in items:
        key = _key(item["text"], fold_case)
        pattern = r"(?<![\w'])" + r"\s+".join(map(re.escape, key.split())) + r"(?![\w'])"
        occurrences = list(re.finditer(pattern, haystack))
        n = seen.get(key, 0)
        seen[key] = n + 1
        match = occurrences[min(n, len(occurrences) - 1)] if occurrences else None
        spans.append(_Span(match.start() if match else -1, match.end() if match else -1, key, item))
    return spans


def _pair(
    gold: list[_Span], predicted: list[_Span], same: Callable[[Any, Any], bool]
) -> tuple[list[tuple[_Span, _Span]], list[_Span], list[_Span]]:
    """One-to-one pairs of equal text for which `same` holds; then the unpaired of each side."""
    pairs = []
    free = list(predicted)
    unpaired_gold = []
    for g in gold:
        candidates = [p for p in free if p.key == g.key and same(g.item, p.item)]
        if candidates:
            best = min(candidates, key=lambda p: abs(p.start - g.start))
            pairs.append((g, best))
            free.remove(best)
        else:
            unpaired_gold.append(g)
    return pairs, unpaired_gold, free


def _quantity_right(gold: dict[str, Any], ours: Quantity) -> bool:
    if not (_same_number(gold["min"], ours.min) and _same_number(gold["max"], ours.max)):
        return False
    if "counted" in gold and gold["counted"] != ours.counted:
        return False
    return all(gold[k] == getattr(ours, k) for k in OPTIONAL_QUANTITY_KEYS if k in gold)


def _interval_right(gold: dict[str, Any], start: date, end: date) -> bool:
    gold_start, gold_end = date.fromisoformat(gold["start"]), date.fromisoformat(gold["end"])
    if gold.get("precision") == "vague":
        return start <= gold_end and gold_start <= end
    return (start, end) == (gold_start, gold_end)


def _describe_quantity(q: Quantity | dict[str, Any]) -> str:
    d = q if isinstance(q, dict) else asdict(q)
    extra = ", ".join(f"{k}={d[k]}" for k in ("counted", "nationality", "unit", "qualifier") if d.get(k))
    return f"{d['text']!r} [{d['min']}, {d['max']}] {extra}"


def _describe_date(d: DateExpr | dict[str, Any]) -> str:
    if isinstance(d, dict):
        return f"{d['text']!r} {d['start']}..{d['end']} ({d.get('precision')})"
    return f"{d.text!r} {d.date_start}..{d.date_end} ({d.precision})"


def _list_errors(
    errors: list[str], name: str, missed: list[_Span], spurious: list[_Span], describe: Callable[[Any], str]
) -> None:
    """Append a line per missed gold value (with what we found at the same text, if anything)
    and per extra value of ours at a text no missed gold value has."""
    for g in missed:
        same_text = [p for p in spurious if p.key == g.key]
        got = f"; got {describe(same_text[0].item)}" if same_text else "; not found"
        errors.append(f"{name}: gold {describe(g.item)}{got}")
    gold_keys = {g.key for g in missed}
    for p in spurious:
        if p.key not in gold_keys:
            errors.append(f"{name}: extra {describe(p.item)}")


def _score_quantities(report: ValuesReport, name: str, text: str, gold: list[dict], ours: list[Quantity]) -> None:
    gold_spans = _locate(text, gold, fold_case=False)
    ours_spans = [_Span(q.start, q.end, _key(q.text, False), q) for q in ours]
    pairs, missed, spurious = _pair(gold_spans, ours_spans, _quantity_right)
    report.quantities.add(len(pairs), len(ours), len(gold))
    span_pairs, _, _ = _pair(gold_spans, ours_spans, lambda g, p: True)
    report.quantity_spans.add(len(span_pairs), len(ours), len(gold))
    _list_errors(report.quantity_errors, name, missed, spurious, _describe_quantity)


def _score_dates(report: ValuesReport, name: str, text: str, gold: list[dict], ours: list[DateExpr]) -> None:
    gold_spans = _locate(text, gold, fold_case=True)
    ours_spans = [_Span(d.start, d.end, _key(d.text, True), d) for d in ours]
    pairs, missed, spurious = _pair(gold_spans, ours_spans, lambda g, d: _interval_right(g, d.date_start, d.date_end))
    report.dates.add(len(pairs), len(ours), len(gold))
    span_pairs, _, _ = _pair(gold_spans, ours_spans, lambda g, p: True)
    report.date_spans.add(len(span_pairs), len(ours), len(gold))
    report.date_precision_matches += sum(g.item.get("precision") == p.item.precision for g, p in span_pairs)
    _list_errors(report.date_errors, name, missed, spurious, _describe_date)
    points = [(d.start, d.end, d.date_start) for d in ours]
    report.dates_in_interval.add(*_in_interval(gold_spans, points))


def _in_interval(gold: list[_Span], hits: Sequence[tuple[int, int, date | None]]) -> tuple[int, int, int]:
    """(gold dates found by a right hit, hits, gold dates): the lenient measure of the docstring."""
    found: set[int] = set()
    for start, end, point in hits:
        for index, g in enumerate(gold):
            overlaps = start < g.end and g.start < end
            inside = point is not None and date.fromisoformat(g.item["start"]) <= point <= date.fromisoformat(g.item["end"])
            if overlaps and inside:
                found.add(index)
                break
    return len(found), len(hits), len(gold)


def dateparser_hits(text: str, published: date) -> list[tuple[int, int, str, date]]:
    """dateparser's hits in `text` as (start, end, text, date), located in order."""
    settings = {"RELATIVE_BASE": datetime.combine(published, datetime.min.time()), **DATEPARSER_SETTINGS}
    results = search_dates(text, languages=["uk"], settings=settings) or []
    hits = []
    cursor = 0
    for found, when in results:
        start = text.find(found, cursor)
        if start < 0:
            start = text.find(found)
        if start < 0:
            continue
        hits.append((start, start + len(found), found, when.date()))
        cursor = start + len(found)
    return hits


def _score_dateparser(report: ValuesReport, name: str, article: Article, gold: list[dict]) -> None:
    began = time.perf_counter()
    hits = dateparser_hits(article.text, article.published)
    report.dateparser_seconds += time.perf_counter() - began
    gold_spans = _locate(article.text, gold, fold_case=True)
    hit_spans = [_Span(s, e, _key(t, True), (s, e, t, d)) for s, e, t, d in hits]
    span_pairs, _, spurious = _pair(gold_spans, hit_spans, lambda g, h: True)
    report.dateparser_spans.add(len(span_pairs), len(hits), len(gold))
    report.dateparser_in_interval.add(*_in_interval(gold_spans, [(s, e, d) for s, e, _, d in hits]))
    report.dateparser_errors.extend(f"{name}: dateparser {h.item[2]!r} -> {h.item[3]}" for h in spurious)


def read_gold(path: Path) -> tuple[Article, dict[str, Any]]:
    """The article a gold file annotates, and the gold itself."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    article_path = Path(gold["article"]["file"])
    if not article_path.is_absolute():
        article_path = path.parent / article_path
    items = list(read_file(article_path, ReadOptions()))
    article = items[0]
    if not isinstance(article, Article):
        raise ValueError(f"{article_path}: {article.reason}")
    published = date.fromisoformat(gold["article"]["published"])
    if article.published != published:
        article = Article(article.id, article.text, published, origin=article.origin)
    return article, gold


def run(gold_paths: list[Path]) -> ValuesReport:
    report = ValuesReport()
    for path in gold_paths:
        article, gold = read_gold(Path(path))
        name = Path(path).name
        began = time.perf_counter()
        analysis = analyze(article)
        analysed = time.perf_counter()
        values = extract(analysis, article.published)
        report.analysis_seconds += analysed - began
        report.values_seconds += time.perf_counter() - analysed
        report.articles += 1
        _score_quantities(report, name, article.text, gold.get("quantities", []), values.quantities)
        _score_dates(report, name, article.text, gold.get("timex", []), values.dates)
        _score_dateparser(report, name, article, gold.get("timex", []))
    return report
