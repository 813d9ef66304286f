"""Readers: every format gives the same Article; every problem is one named Reject."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from khronika.model import Article, Reject
from khronika.read import ReadOptions, read_paths
from khronika.text import article_id, for_matching

TEXT = "Суд у Гродні засудив активістку до трьох років позбавлення волі.\nЇї захисник оскаржить вирок."


def _read(*paths: str | Path, **options: object) -> list[Article | Reject]:
    return list(read_paths(list(paths), ReadOptions(**options)))  # type: ignore[arg-type]


def test_seed_format_header_is_removed_and_dated(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f" date 2025-05-14 {TEXT}", encoding="utf-8")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.published == date(2025, 5, 14)
    assert article.text == TEXT
    assert article.origin == str(path)


def test_plain_text_takes_the_given_date_and_rejects_without_one(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(TEXT, encoding="utf-8")
    [article] = _read(path, default_date=date(2025, 2, 1))
    assert isinstance(article, Article) and article.published == date(2025, 2, 1)
    [reject] = _read(path)
    assert isinstance(reject, Reject)
    assert reject.origin == str(path) and "missing date" in reject.reason and "--date" in reject.reason


def test_every_format_yields_the_same_article(tmp_path: Path) -> None:
    (tmp_path / "seed.txt").write_text(f"date 2025-05-14\n{TEXT}", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": TEXT, "date": "2025-05-14", "source": "Х"}) + "\n", encoding="utf-8")
    (tmp_path / "table.csv").write_text(
        'text,date,url\n"' + TEXT.replace('"', '""') + '",2025-05-14,https://example.org/1\n', encoding="utf-8"
    )
    items = _read(tmp_path)
    texts = {a.text.strip() for a in items if isinstance(a, Article)}
    ids = {a.id for a in items if isinstance(a, Article)}
    assert len(items) == 3 and all(isinstance(a, Article) for a in items)
    assert texts == {TEXT} and len(ids) == 1
    by_origin = {Path(a.origin.split(":")[0]).name: a for a in items if isinstance(a, Article)}
    assert by_origin["feed.jsonl"].source == "Х"
    assert by_origin["table.csv"].url == "https://example.org/1"


def test_directories_are_read_recursively_and_other_files_ignored(tmp_path: Path) -> None:
    nested = tmp_path / "2025" / "05"
    nested.mkdir(parents=True)
    (nested / "one.txt").write_text(f" date 2025-05-01 {TEXT}", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    [article] = _read(tmp_path)
    assert isinstance(article, Article) and article.published == date(2025, 5, 1)


def test_id_ignores_whitespace_and_apostrophe_variants() -> None:
    day = date(2025, 1, 1)
    assert article_id("в’язнів  звільнили", day) == article_id("в'язнів звільнили", day)
    assert article_id("в’язнів звільнили", day) != article_id("в’язнів звільнили", date(2025, 1, 2))
    assert for_matching("в’язнів ʼ") == "в'язнів '" and len(for_matching("в’язнів ʼ")) == len("в’язнів ʼ")


def test_text_is_stored_in_nfc(tmp_path: Path) -> None:
    decomposed = "Киі\u0308в і Краи\u0306на"  # ї and й written as a base letter and a combining mark
    path = tmp_path / "nfd.txt"
    path.write_text(f" date 2025-01-02 {decomposed}", encoding="utf-8")
    [article] = _read(path)
    assert isinstance(article, Article) and article.text == "Ки\u0457в і Кра\u0439на"


def test_bad_jsonl_lines_are_rejected_by_line_and_the_rest_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": TEXT, "date": "2025-03-01"}),
        "{not json",
        json.dumps({"text": "", "date": "2025-03-01"}),
        json.dumps({"text": TEXT, "date": "2025-02-30"}),
        json.dumps({"date": "2025-03-01"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": TEXT + " Ще одне речення.", "date": "2025-03-02"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    rejects = {r.origin: r.reason for r in items if isinstance(r, Reject)}
    assert [a.published for a in items if isinstance(a, Article)] == [date(2025, 3, 1), date(2025, 3, 2)]
    assert set(rejects) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6)}
    assert "malformed JSON" in rejects[f"{path}:2"]
    assert rejects[f"{path}:3"] == "empty text"
    assert "impossible date '2025-02-30'" in rejects[f"{path}:4"]
    assert "no 'text' field" in rejects[f"{path}:5"]


def test_bad_csv_rows_are_rejected_by_line(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f'text,date\n"{TEXT}",2025-04-01\nonly one field\n"Інший текст.",\n"Третій текст.",2025-04-03\n', encoding="utf-8")
    items = _read(path)
    rejects = {r.origin: r.reason for r in items if isinstance(r, Reject)}
    # The first row spans two physical lines (the text has a newline), so later rows are on lines 4..6.
    assert rejects == {f"{path}:4": "row has 1 fields, header has 2", f"{path}:5": "missing date"}
    assert len([a for a in items if isinstance(a, Article)]) == 2


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("body,date\nщось,2025-01-01\n", encoding="utf-8")
    [reject] = _read(path)
    assert isinstance(reject, Reject) and reject.origin == f"{path}:1" and "no 'text' column" in reject.reason


def test_undecodable_bytes_name_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(" date 2025-01-01 Київ".encode() + b"\xff\xfe" + "ще".encode())
    [reject] = _read(path)
    assert isinstance(reject, Reject)
    assert reject.origin == f"{path}@byte {len(' date 2025-01-01 Київ'.encode())}"
    assert "not UTF-8" in reject.reason


def test_size_limit_and_missing_and_unknown_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(" date 2025-01-01 " + "слово " * 100, encoding="utf-8")
    unknown = tmp_path / "a.pdf"
    unknown.write_bytes(b"%PDF")
    items = _read(big, tmp_path / "missing.txt", unknown, max_bytes=100)
    reasons = [r.reason for r in items if isinstance(r, Reject)]
    assert len(reasons) == 3
    assert "over the limit of 100" in reasons[0]
    assert reasons[1] == "no such file or directory"
    assert "unknown format .pdf" in reasons[2]


@pytest.mark.parametrize(
    ("stdin", "expected_date"),
    [(f" date 2025-06-06 {TEXT}", date(2025, 6, 6)), (json.dumps({"text": TEXT, "date": "2025-06-07"}), date(2025, 6, 7))],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, stdin: str, expected_date: date) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    [article] = _read("-")
    assert isinstance(article, Article) and article.published == expected_date
    assert article.origin is not None and article.origin.startswith("<stdin>")
