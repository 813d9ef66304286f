"""Event evaluation against gold files (DESIGN §5).

An extracted event matches a gold event when the category is equal, its
sentence contains the gold `in` phrase (apostrophes unified), and the actor code
sets overlap (or both are empty). Matching is greedy and one-to-one, gold events
that count first; an extracted event matching an `optional` gold event is
neither rewarded nor penalized. For matched events each argument the gold event
states (mode, recipient codes, magnitude, date overlap, status, attribution
reporter) is scored as accuracy.

    python -m khronika.evaluate.events [GOLD.json ...]   # default: seed + tests/gold/dev
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from khronika.language.kb import load_kb
from khronika.model import Article, Event
from khronika.read import ReadOptions, read_file
from khronika.text import for_matching

ARGUMENTS = ("mode", "recipient", "magnitude", "date", "status", "reporter")


@dataclass(frozen=True)
class GoldEvent:
    raw: dict[str, Any]

    @property
    def phrase(self) -> str:
        return self.raw["in"]

    @property
    def event(self) -> str:
        return self.raw["event"]

    @property
    def actor_codes(self) -> set[str]:
        return set(self.raw.get("actor") or [])

    @property
    def optional(self) -> bool:
        return bool(self.raw.get("optional"))

    def describe(self) -> str:
        return f"{self.event} {self.raw.get('mode') or '-'} actor={sorted(self.actor_codes)} «{self.phrase}»"


@dataclass
class ArgumentResult:
    name: str
    expected: Any
    got: Any
    correct: bool


@dataclass
class Match:
    gold: GoldEvent
    event: Event
    arguments: list[ArgumentResult]


@dataclass
class ArticleResult:
    gold_file: str
    article_file: str
    matches: list[Match] = field(default_factory=list)  # gold events that count
    optional_matches: list[Match] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    spurious: list[Event] = field(default_factory=list)


@dataclass
class EventsReport:
    articles: list[ArticleResult]

    @property
    def true_positives(self) -> int:
        return sum(len(a.matches) for a in self.articles)

    @property
    def false_positives(self) -> int:
        return sum(len(a.spurious) for a in self.articles)

    @property
    def false_negatives(self) -> int:
        return sum(len(a.missed) for a in self.articles)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def argument_counts(self) -> dict[str, tuple[int, int]]:
        counts = {name: [0, 0] for name in ARGUMENTS}
        for article in self.articles:
            for match in article.matches:
                for argument in match.arguments:
                    counts[argument.name][1] += 1
                    counts[argument.name][0] += argument.correct
        return {name: (c[0], c[1]) for name, c in counts.items()}

    def errors(self) -> list[tuple[str, str, str]]:
        """(article, kind, what) for every missed, spurious and wrong-argument event."""
        found: list[tuple[str, str, str]] = []
        for article in self.articles:
            name = Path(article.article_file).name
            found += [(name, "missed", gold.describe()) for gold in article.missed]
            found += [(name, "spurious", _describe_event(event)) for event in article.spurious]
            for match in article.matches:
                for argument in match.arguments:
                    if not argument.correct:
                        found.append(
                            (
                                name,
                                f"wrong {argument.name}",
                                f"{match.gold.event} «{match.gold.phrase}»: expected {argument.expected!r}, got {argument.got!r}",
                            )
                        )
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": len(self.articles),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "arguments": {
                name: {"correct": ok, "total": total, "accuracy": round(ok / total, 4) if total else None}
                for name, (ok, total) in self.argument_counts().items()
            },
            "errors": [{"article": a, "kind": k, "what": w} for a, k, w in self.errors()],
        }

    def render(self) -> Group:
        summary = Table(title="Events (DESIGN §5)")
        for column in ("articles", "gold", "found", "matched", "P", "R", "F1"):
            summary.add_column(column, justify="right")
        summary.add_row(
            str(len(self.articles)),
            str(self.true_positives + self.false_negatives),
            str(self.true_positives + self.false_positives),
            str(self.true_positives),
            f"{self.precision:.3f}",
            f"{self.recall:.3f}",
            f"{self.f1:.3f}",
        )
        arguments = Table(title="Arguments of matched events")
        arguments.add_column("argument")
        arguments.add_column("correct", justify="right")
        arguments.add_column("accuracy", justify="right")
        for name, (ok, total) in self.argument_counts().items():
            arguments.add_row(name, f"{ok}/{total}", f"{ok / total:.3f}" if total else "-")
        errors = Table(title="Errors")
        errors.add_column("article")
        errors.add_column("kind")
        errors.add_column("what")
        for article, kind, what in self.errors():
            errors.add_row(article, kind, what)
        parts: list[Any] = [summary, arguments]
        parts.append(errors if self.errors() else Text("No errors."))
        return Group(*parts)


# -- running -------------------------------------------------------------------


def run(gold_paths: list[Path]) -> EventsReport:
    from khronika.pipeline import process

    results = []
    for gold_path in gold_paths:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = _article_of(gold_path, gold["article"])
        document = process(article)
        results.append(score_article(gold_path, gold, document.events))
    return EventsReport(results)


def _article_of(gold_path: Path, meta: dict[str, Any]) -> Article:
    article_path = (gold_path.parent / meta["file"]).resolve()
    published = date.fromisoformat(meta["published"])
    items = list(read_file(article_path, ReadOptions(default_date=published)))
    article = next((i for i in items if isinstance(i, Article)), None)
    if article is None:
        raise ValueError(f"{article_path}: {items[0] if items else 'no article'}")
    return article


def score_article(gold_path: Path, gold: dict[str, Any], events: list[Event]) -> ArticleResult:
    result = ArticleResult(str(gold_path), gold["article"]["file"])
    gold_events = [GoldEvent(raw) for raw in gold.get("events", [])]
    remaining = list(events)
    # gold events that count take their match first, so an optional one cannot steal it
    for gold_event in sorted(gold_events, key=lambda g: g.optional):
        candidates = [e for e in remaining if _matches(gold_event, e)]
        if not candidates:
            if not gold_event.optional:
                result.missed.append(gold_event)
            continue
        best = max(candidates, key=lambda e: sum(a.correct for a in _arguments(gold_event, e)))
        remaining.remove(best)
        match = Match(gold_event, best, _arguments(gold_event, best))
        (result.optional_matches if gold_event.optional else result.matches).append(match)
    result.spurious = remaining
    return result


def _matches(gold: GoldEvent, event: Event) -> bool:
    if event.event != gold.event or for_matching(gold.phrase) not in for_matching(event.text):
        return False
    codes = {a.code for a in event.actor if a.code}
    return bool(codes & gold.actor_codes) or (not codes and not gold.actor_codes)


def _arguments(gold: GoldEvent, event: Event) -> list[ArgumentResult]:
    raw = gold.raw
    results = []
    if "mode" in raw:
        results.append(ArgumentResult("mode", raw["mode"], event.mode, raw["mode"] == event.mode))
    if "recipient" in raw:
        got = sorted({a.code for a in event.recipient if a.code})
        expected = sorted(set(raw["recipient"] or []))
        results.append(ArgumentResult("recipient", expected, got, got == expected))
    if "magnitude" in raw:
        expected_q = raw["magnitude"]
        got_q = None if event.magnitude is None else {"min": event.magnitude.min, "max": event.magnitude.max}
        correct = got_q is not None and got_q["min"] == expected_q.get("min") and got_q["max"] == expected_q.get("max")
        results.append(ArgumentResult("magnitude", {k: expected_q.get(k) for k in ("min", "max")}, got_q, correct))
    if "date" in raw:
        start, end = (date.fromisoformat(d) for d in raw["date"])
        got_d = [event.date_start.isoformat() if event.date_start else None, event.date_end.isoformat() if event.date_end else None]
        correct = (
            event.date_start is not None
            and event.date_end is not None
            and event.date_start <= end
            and start <= event.date_end
        )
        results.append(ArgumentResult("date", raw["date"], got_d, correct))
    if "status" in raw:
        results.append(ArgumentResult("status", raw["status"], event.status, raw["status"] == event.status))
    if "attribution" in raw:
        expected_r = (raw["attribution"] or {}).get("reporter")
        got_r = event.attribution.reporter
        results.append(ArgumentResult("reporter", expected_r, got_r, same_reporter(expected_r, got_r)))
    return results


def same_reporter(expected: str | None, got: str | None) -> bool:
    """Equal as word sequences, one names the other ('Вясна' in 'правозахисний центр «Вясна»'),
    or both name the same thing in the knowledge base ('СБУ', 'Служба безпеки України')."""
    if expected is None or got is None:
        return expected is None and got is None
    a, b = _words(expected), _words(got)
    if not a or not b:
        return a == b
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if any(longer[k : k + len(shorter)] == shorter for k in range(len(longer) - len(shorter) + 1)):
        return True
    kb = load_kb()
    known = kb.lookup_name(expected)
    return known is not None and known == kb.lookup_name(got)


def _words(name: str) -> list[str]:
    return re.findall(r"\w+(?:['-]\w+)*", for_matching(name).casefold())


def _describe_event(event: Event) -> str:
    actors = sorted({a.code for a in event.actor if a.code})
    return f"{event.event} {event.mode or '-'} actor={actors} status={event.status} «{event.eventText}» in «{event.text[:80]}»"
