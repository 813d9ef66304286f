"""Events and articles as flat rows (tables, CSV) and as PLOVER JSON records."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from khronika.model import Actor, Event, Quantity

EVENT_COLUMNS = (
    "date", "event", "mode", "actor", "recipient", "magnitude", "status", "reporter", "sources",
    "article", "eventText", "id",
)


def actors_label(actors: list[Actor]) -> str:
    return ", ".join(f"{a.name} ({a.code})" if a.code else a.name for a in actors)


def magnitude_label(q: Quantity | None) -> str:
    if q is None:
        return ""
    if q.approximate:
        span = f"~{q.min:g}"
    elif q.min == q.max and q.min is not None:
        span = f"{q.min:g}"
    elif q.max is None:
        span = f"≥{q.min:g}" if q.min is not None else "?"
    elif q.min is None:
        span = f"≤{q.max:g}"
    else:
        span = f"{q.min:g}–{q.max:g}"
    counted = " ".join(x for x in (q.counted, f"[{q.nationality}]" if q.nationality else None) if x)
    return f"{span} {counted}".strip()


def date_label(ev: Event) -> str:
    if ev.date_start is None:
        return ""
    start = ev.date_start.isoformat()
    end = ev.date_end.isoformat() if ev.date_end and ev.date_end != ev.date_start else ""
    label = f"{start}..{end}" if end else start
    return f"{label}*" if ev.date_from_publication else label


def event_row(ev: Event, article_id: str) -> dict[str, Any]:
    """One event as a flat row; a date marked * is the publication date (no time in the text)."""
    return {
        "date": date_label(ev),
        "event": ev.event,
        "mode": ev.mode or "",
        "actor": actors_label(ev.actor),
        "recipient": actors_label(ev.recipient),
        "magnitude": magnitude_label(ev.magnitude),
        "status": ev.status,
        "reporter": ev.attribution.reporter or ev.attribution.speaker or "",
        "sources": "" if ev.attribution.sources is None else ev.attribution.sources,
        "article": article_id,
        "eventText": ev.eventText,
        "id": ev.id,
    }


TIMELINE_COLUMNS = ("date", "event/mode", "actor → recipient", "magnitude", "status", "reporter", "cue", "article")


def timeline_row(ev: Event, article_id: str) -> dict[str, Any]:
    """One event as a line of a timeline: what happened, who to whom, how many, says who."""
    flat = event_row(ev, article_id)
    who = flat["actor"] or "?"
    if flat["recipient"]:
        who += f" → {flat['recipient']}"
    return {
        "date": flat["date"],
        "event/mode": f"{ev.event}/{ev.mode}" if ev.mode else ev.event,
        "actor → recipient": who,
        "magnitude": flat["magnitude"],
        "status": ev.status,
        "reporter": flat["reporter"],
        "cue": ev.eventText,
        "article": article_id[:8],
    }


def event_plover(ev: Event, publication: dict[str, Any], language: str = "uk") -> dict[str, Any]:
    """A PLOVER 0.8 record (its field names first), with khronika's extensions after them."""
    record = asdict(ev)
    for field in ("date_start", "date_end"):
        record[field] = record[field].isoformat() if record[field] else None
    return {
        "id": ev.id,
        "date": record["date_start"],
        "event": ev.event,
        "mode": ev.mode,
        "context": ev.context,
        "actor": record["actor"],
        "recipient": record["recipient"],
        "eventText": ev.eventText,
        "text": ev.text,
        "language": language,
        "publication": publication,
        **{k: record[k] for k in (
            "date_start", "date_end", "date_precision", "date_from_publication", "magnitude", "status",
            "attribution", "evidence", "confidence",
        )},
    }
