"""`khronika extract` and `khronika.extract`: the document JSON of DESIGN §7, offsets that hold."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import khronika
from khronika.cli import app

runner = CliRunner()

ARTICLE = (
    " date 2025-10-08 Президент Азербайджану Ільхам Алієв помилував 12 журналістів, повідомляє Reuters.\n"
    "Минулого тижня суд у Баку засудив ще двох репортерів до п’яти років ув’язнення.\n"
    "Посольство США в Баку відмовилося коментувати рішення.\n"
)

DOCUMENT_KEYS = {"article", "text", "sentences", "tokens", "entities", "quantities", "dates", "events"}


def _check_offsets(document: dict) -> None:
    text = document["text"]
    for key in ("sentences", "tokens", "entities", "quantities", "dates"):
        for record in document[key]:
            assert text[record["start"] : record["end"]] == record["text"], (key, record)
    for event in document["events"]:
        assert text[event["evidence"]["start"] : event["evidence"]["end"]] == event["text"]
        assert event["eventText"] in event["text"]


def test_extract_prints_the_document_json(tmp_path: Path) -> None:
    path = tmp_path / "baku.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) == DOCUMENT_KEYS
    assert document["article"]["published"] == "2025-10-08" and document["text"].startswith("Президент")
    _check_offsets(document)
    assert len(document["sentences"]) == 3
    names = {e["name"] for e in document["entities"]}
    assert "Ільхам Алієв" in names
    assert {"min": 12, "max": 12, "counted": "журналіст"}.items() <= next(q for q in document["quantities"] if q["text"] == "12").items()
    assert any(d["text"] == "Минулого тижня" and d["precision"] == "week" for d in document["dates"])
    pardon = next(e for e in document["events"] if e["event"] == "CONCEDE")
    assert pardon["mode"] == "pardon" and [a["code"] for a in pardon["actor"]] == ["AZE"]
    assert pardon["magnitude"]["min"] == 12 and pardon["attribution"]["reporter"] == "Reuters"


def test_extract_jsonl_one_line_per_file_and_rejects_named(tmp_path: Path) -> None:
    first, second, undated = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(" date 2025-03-01 Литва вислала двох російських дипломатів.", encoding="utf-8")
    undated.write_text("Текст без дати.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(first), str(second), str(undated), "--format", "jsonl"])
    assert result.exit_code == 1
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["article"]["published"] for d in documents] == ["2025-10-08", "2025-03-01"]
    assert f"{undated}: missing date" in result.output
    expel = [e for e in documents[1]["events"] if e["event"] == "SANCTION"]
    assert expel and expel[0]["mode"] == "expel" and [a["code"] for a in expel[0]["actor"]] == ["LTU"]


def test_python_api_matches_the_cli() -> None:
    document = khronika.extract(ARTICLE.split(" ", 3)[3], published="2025-10-08").to_dict()
    assert set(document) == DOCUMENT_KEYS
    _check_offsets(document)
    assert {e["event"] for e in document["events"]} >= {"CONCEDE", "SANCTION"}
