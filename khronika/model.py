"""The records that flow between stages (DESIGN §1, §7).

Every stage takes and returns these dataclasses; `Document.to_dict()` is the
document JSON of DESIGN §7. Offsets are character offsets into `Article.text`
(the text as read, after the seed header), end exclusive.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article as read, before any analysis."""

    id: str
    text: str
    published: date
    source: str | None = None
    url: str | None = None
    title: str | None = None
    language: str = "uk"
    origin: str | None = None  # where it was read from: "path:line" or "path"
    external_id: str | None = None  # the input's own id column, kept beside ours


@dataclass(frozen=True)
class Reject:
    """An input that could not become an article, and why."""

    origin: str  # file, and line or byte offset: "feed.jsonl:17", "a.txt@byte 312"
    reason: str


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Token:
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    morph: str


@dataclass
class Actor:
    """An actor as PLOVER sees it: who acts, linked to the knowledge base."""

    actorText: str
    name: str
    code: str | None = None  # ISO 3166-1 alpha-3, or an IGO code (EUR, NATO, UN)
    sector: str | None = None  # GOV, MIL, JUD, OPP, NGO, MED, BUS, CVL, IGO
    kb: str | None = None


@dataclass
class Entity:
    """One mention of a named thing, linked where the knowledge base knows it."""

    start: int
    end: int
    text: str
    type: str  # one of NER-UK's 13 labels
    name: str  # normalized nominative form
    code: str | None = None
    sector: str | None = None
    kb: str | None = None
    entity: str | None = None  # groups the mentions of one thing in the article
    metonym: bool = False
    lat: float | None = None
    lon: float | None = None


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    min: float | None
    max: float | None
    approximate: bool = False
    qualifier: str = "exact"  # exact, at_least, more_than, at_most, less_than, approx, vague, range
    counted: str | None = None  # lemma of the counted noun
    nationality: str | None = None  # ISO alpha-3 of the counted group, when given
    unit: str | None = None  # currency code, "percent", ...


@dataclass
class DateExpr:
    start: int
    end: int
    text: str
    date_start: date | None
    date_end: date | None
    precision: str  # day, days, week, month, part_of_month, season, year, vague


@dataclass
class Attribution:
    reporter: str | None = None
    sources: int | None = None
    anonymous: bool = False
    speaker: str | None = None
    text: str | None = None


@dataclass
class Evidence:
    start: int
    end: int


@dataclass
class Event:
    id: str
    event: str
    mode: str | None
    context: list[str]
    actor: list[Actor]
    recipient: list[Actor]
    magnitude: Quantity | None
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    date_from_publication: bool  # True when the text gave no time for it
    status: str  # occurred, ongoing, planned, possible, denied
    attribution: Attribution
    eventText: str
    text: str  # the sentence that carries it
    evidence: Evidence
    confidence: float


@dataclass
class Document:
    """An article with everything the stages found in it (DESIGN §7)."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": {
                "id": a.id,
                "published": a.published.isoformat(),
                "source": a.source,
                "url": a.url,
                "title": a.title,
                "language": a.language,
            },
            "text": a.text,
            "sentences": [_plain(s) for s in self.sentences],
            "tokens": [_plain(t) for t in self.tokens],
            "entities": [_plain(e) for e in self.entities],
            "quantities": [_plain(q) for q in self.quantities],
            "dates": [_plain(d) for d in self.dates],
            "events": [_plain(e) for e in self.events],
        }


def _plain(record: Any) -> Any:
    """A dataclass as JSON-ready values: dates as ISO strings."""
    return _jsonable(dataclasses.asdict(record))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
