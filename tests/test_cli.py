"""The inspection commands over a store filled by hand: tables, JSON, CSV, PLOVER."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from documents import sample_document
from khronika.cli import app
from khronika.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    store = Store(url)
    store.save(sample_document("a1", date(2025, 3, 4)))
    store.save(sample_document("b2", date(2025, 6, 1)))
    return url


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_articles_filters_and_formats(db: str) -> None:
    rows = json.loads(_run("articles", "--db", db, "--format", "json", "--since", "2025-05-01"))
    assert [r["id"] for r in rows] == ["b2"] and rows[0]["events"] == 2
    table = list(csv.DictReader(io.StringIO(_run("articles", "--db", db, "--format", "csv", "--source", "Тест"))))
    assert [r["id"] for r in table] == ["a1", "b2"]
    assert "Вирок" in _run("articles", "--db", db)


def test_bad_date_option_is_a_clear_error(db: str) -> None:
    result = runner.invoke(app, ["articles", "--db", db, "--since", "2025-13-01"])
    assert result.exit_code == 2 and "not a date" in result.output


def test_show_marks_the_text_and_lists_entities_and_events(db: str) -> None:
    shown = _run("show", "b", "--db", db)
    assert "Литва вислала" in shown and "SANCTION" in shown and "expel" in shown and "Гродно" in shown
    document = json.loads(_run("show", "a1", "--db", db, "--format", "json"))
    assert document["article"]["id"] == "a1" and len(document["events"]) == 2
    missing = runner.invoke(app, ["show", "zz", "--db", db])
    assert missing.exit_code == 2 and "no article" in missing.output


def test_events_filters_and_every_format(db: str) -> None:
    rows = json.loads(_run("events", "--db", db, "--format", "json", "--mode", "expel", "--actor", "LTU"))
    assert [r["article"] for r in rows] == ["a1", "b2"]
    assert rows[0]["actor"] == "Литва (LTU)" and rows[0]["recipient"] == "Білорусь (BLR)"
    lines = _run("events", "--db", db, "--format", "jsonl", "--event", "sanction", "--since", "2025-05-01").splitlines()
    assert [json.loads(line)["mode"] for line in lines] == ["convict"]
    plover = [json.loads(line) for line in _run("events", "--db", db, "--format", "plover", "--article", "a1").splitlines()]
    assert {p["event"] for p in plover} == {"SANCTION"}
    first = plover[0]
    assert set(first) >= {"id", "date", "event", "mode", "context", "actor", "recipient", "eventText", "text", "language", "publication"}
    assert first["publication"]["published"] == "2025-03-04" and first["language"] == "uk"
    table = list(csv.DictReader(io.StringIO(_run("events", "--db", db, "--format", "csv", "--status", "occurred", "--text", "журналістів"))))
    assert [r["magnitude"] for r in table] == ["2 журналіст", "2 журналіст"]
    assert "2025-03-04*" in _run("events", "--db", db)  # the publication date, marked as such


def test_stats(db: str) -> None:
    figures = json.loads(_run("stats", "--db", db, "--format", "json"))
    assert figures["articles"] == 2 and figures["events"] == 4 and figures["events_by_category"] == {"SANCTION": 4}
    assert figures["published_from"] == "2025-03-04" and figures["published_to"] == "2025-06-01"
