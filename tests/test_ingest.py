"""Ingestion end to end through the CLI: idempotent, rejects reported, kill -9 resumable."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from khronika import ingest as ingest_module
from khronika.cli import app, demo_corpus
from khronika.language import BATCH_SIZE
from khronika.model import Article
from khronika.pipeline import process, process_batch
from khronika.store import Store
from khronika.text import article_id

runner = CliRunner()

# Short made-up reports, varied so that every article gets its own id.
TEMPLATES = [
    "Прикордонники затримали {n} порушників кордону поблизу Ужгорода, повідомила ДПСУ.",
    "Суд у Вільнюсі засудив {n} контрабандистів до позбавлення волі.",
    "Литва вислала {n} російських дипломатів, заявило МЗС країни.",
    "Україна повернула з полону {n} військовослужбовців, повідомив Координаційний штаб.",
]


def _batch(path: Path, count: int) -> Path:
    lines = [
        json.dumps({"text": TEMPLATES[i % len(TEMPLATES)].format(n=i + 2), "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", "source": "тест"},
                   ensure_ascii=False)
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_ingest_twice_stores_nothing_new(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "batch.jsonl", 6)
    db = tmp_path / "k.db"
    first = runner.invoke(app, ["ingest", str(batch), "--db", f"sqlite:///{db}"])
    assert first.exit_code == 0, first.output
    assert "stored 6 new article(s)" in first.output
    second = runner.invoke(app, ["ingest", str(batch), "--db", f"sqlite:///{db}"])
    assert second.exit_code == 0
    assert "stored 0 new article(s), 6 already stored (nothing new)" in second.output
    assert _count(db, "articles") == 6


def test_broken_inputs_are_reported_and_the_rest_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _batch(folder / "good.jsonl", 3)
    (folder / "bad.jsonl").write_text('{"text": "Київ", "date": "2025-13-01"}\n{oops\n', encoding="utf-8")
    (folder / "latin1.txt").write_bytes(" date 2025-01-01 ".encode() + "Київ".encode("cp1251"))
    (folder / "empty.txt").write_text(" date 2025-01-01   \n", encoding="utf-8")
    db = tmp_path / "k.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", f"sqlite:///{db}"])
    assert result.exit_code == 1
    assert f"{folder / 'bad.jsonl'}:1: impossible date" in result.output
    assert f"{folder / 'bad.jsonl'}:2: malformed JSON" in result.output
    assert f"{folder / 'latin1.txt'}@byte 17: not UTF-8" in result.output
    assert f"{folder / 'empty.txt'}: empty text" in result.output
    assert "stored 3 new article(s)" in result.output
    assert _count(db, "articles") == 3 and _count(db, "rejects") == 4
    listed = runner.invoke(app, ["rejects", "--db", f"sqlite:///{db}", "--format", "json"])
    assert len(json.loads(listed.output)) == 4


def test_killed_batch_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "batch.jsonl", 120)
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "khronika.cli", "ingest", str(batch), "--db", f"sqlite:///{db}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                stored = _count(db, "articles")
            except sqlite3.OperationalError:  # the schema is still being created
                continue
            if stored >= 10:
                break
    assert process.poll() is None, "the batch finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db) as connection:
        stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        orphans = connection.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        searchable = connection.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert 0 < stored < 120
    assert orphans == 0 and searchable == stored
    resumed = runner.invoke(app, ["ingest", str(batch), "--db", f"sqlite:///{db}"])
    assert resumed.exit_code == 0, resumed.output
    assert f"stored {120 - stored} new article(s), {stored} already stored" in resumed.output
    assert _count(db, "articles") == 120


def test_demo_corpus_ingests_cleanly(tmp_path: Path) -> None:
    assert len(list(demo_corpus().glob("*.txt"))) >= 30
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", f"sqlite:///{db}"])
    assert result.exit_code == 0, result.output
    assert "0 rejected" in result.output
    assert _count(db, "articles") == len(list(demo_corpus().glob("*.txt")))
    assert _count(db, "events") > 0
    assert "timeline" in result.output


def _articles(count: int) -> list[Article]:
    return [
        Article(article_id(text, day), text, day)
        for i in range(count)
        for text, day in [(TEMPLATES[i % len(TEMPLATES)].format(n=i + 2), date(2025, 3, 1 + i))]
    ]


def test_a_batch_gives_what_one_by_one_gives() -> None:
    articles = _articles(5)
    assert [d.to_dict() for d in process_batch(articles)] == [process(a).to_dict() for a in articles]


def test_an_article_whose_analysis_fails_is_rejected_and_its_batch_stored(tmp_path: Path, monkeypatch) -> None:
    articles = _articles(BATCH_SIZE + 3)  # a full batch and a part of one
    broken = articles[2]

    def failing_batch(batch):
        if broken in batch:
            raise RuntimeError("the batch failed")
        return process_batch(batch)

    def failing_alone(article):
        if article is broken:
            raise RuntimeError("this text failed")
        return process(article)

    monkeypatch.setattr(ingest_module, "process_batch", failing_batch)
    monkeypatch.setattr(ingest_module, "process", failing_alone)
    seen = []
    report = ingest_module.ingest(articles, Store(f"sqlite:///{tmp_path}/k.db"), on_item=seen.append)
    assert sorted(report.stored) == sorted(a.id for a in articles if a is not broken)
    assert [r.reason for r in report.rejects] == ["analysis failed: RuntimeError: this text failed"]
    assert sorted(a.id for a in seen) == sorted(a.id for a in articles)
