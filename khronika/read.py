"""Readers: files, directories and stdin to `Article`s, or `Reject`s that say why not.

Formats (DESIGN §2, issue 2): the seed format (`date YYYY-MM-DD` header), plain
`.txt` (date from the caller), JSONL and CSV with columns `text`, `date` and
optional `url`, `source`, `title`, `id`; a directory is read recursively. Every
problem becomes one `Reject` naming the file and the line or byte offset, and
reading goes on with the next record.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from khronika.model import Article, Reject
from khronika.text import article_id, normalize

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
READABLE_SUFFIXES = {".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
SEED_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\S+)[ \t]*")
OPTIONAL_FIELDS = ("url", "source", "title")

Item = Article | Reject


@dataclass(frozen=True)
class ReadOptions:
    default_date: date | None = None  # for plain text without a seed header
    max_bytes: int = DEFAULT_MAX_BYTES
    source: str | None = None  # default source for text files


class BadRecord(ValueError):
    """A record that cannot become an article; the message says why."""


def parse_date(value: object) -> date:
    if not isinstance(value, str) or not value.strip():
        raise BadRecord("missing date")
    raw = value.strip()[:10]
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadRecord(f"impossible date {value.strip()!r} (expected YYYY-MM-DD)") from None


def make_article(fields: dict[str, object], origin: str, fallback_date: date | None) -> Article:
    """An Article from a record's fields, or BadRecord."""
    text = fields.get("text")
    if not isinstance(text, str):
        raise BadRecord("no 'text' field" if text is None else "'text' is not a string")
    text = normalize(text)
    if not text.strip():
        raise BadRecord("empty text")
    raw_date = fields.get("date")
    if raw_date in (None, "") and fallback_date is not None:
        published = fallback_date
    else:
        published = parse_date(raw_date)
    meta = {k: (str(fields[k]).strip() or None) if fields.get(k) is not None else None for k in OPTIONAL_FIELDS}
    given_id = fields.get("id")
    return Article(
        id=article_id(text, published),
        text=text,
        published=published,
        origin=origin,
        external_id=str(given_id).strip() or None if given_id is not None else None,
        **meta,
    )


def parse_seed_text(raw: str) -> tuple[str | None, str]:
    """(date string or None, text) from a text that may start with a seed header."""
    match = SEED_HEADER.match(raw)
    if match is None:
        return None, raw
    return match.group(1), raw[match.end() :]


def read_text(raw: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    date_text, text = parse_seed_text(raw)
    fields: dict[str, object] = {"text": text, "date": date_text, "source": options.source}
    try:
        yield make_article(fields, origin, options.default_date)
    except BadRecord as problem:
        hint = " (give --date or a 'date YYYY-MM-DD' first line)" if str(problem) == "missing date" else ""
        yield Reject(origin, f"{problem}{hint}")


def read_jsonl(raw: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as problem:
            yield Reject(where, f"malformed JSON at column {problem.colno}: {problem.msg}")
            continue
        if not isinstance(record, dict):
            yield Reject(where, "a JSONL line must be an object")
            continue
        try:
            yield make_article(record, where, options.default_date)
        except BadRecord as problem:
            yield Reject(where, str(problem))


def read_csv(raw: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    reader = csv.reader(io.StringIO(raw, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        yield Reject(origin, "empty CSV file")
        return
    except csv.Error as problem:
        yield Reject(f"{origin}:1", f"malformed CSV: {problem}")
        return
    if "text" not in header:
        yield Reject(f"{origin}:1", f"CSV header has no 'text' column (found: {', '.join(header)})")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as problem:
            yield Reject(f"{origin}:{reader.line_num}", f"malformed CSV: {problem}")
            return  # the csv module cannot resynchronize after a broken quote
        where = f"{origin}:{reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Reject(where, f"row has {len(row)} fields, header has {len(header)}")
            continue
        try:
            yield make_article(dict(zip(header, row)), where, options.default_date)
        except BadRecord as problem:
            yield Reject(where, str(problem))


PARSERS = {"text": read_text, "jsonl": read_jsonl, "csv": read_csv}


def decode(data: bytes, origin: str) -> str | Reject:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        return Reject(f"{origin}@byte {problem.start}", f"not UTF-8: cannot decode byte 0x{data[problem.start]:02x}")


def sniff_format(raw: str) -> str:
    """The format of stdin, which has no file name to go by."""
    first = raw.lstrip()[:1]
    return "jsonl" if first == "{" else "text"


def read_bytes(data: bytes, origin: str, kind: str, options: ReadOptions) -> Iterator[Item]:
    if len(data) > options.max_bytes:
        yield Reject(origin, f"file is {len(data)} bytes, over the limit of {options.max_bytes}")
        return
    raw = decode(data, origin)
    if isinstance(raw, Reject):
        yield raw
        return
    yield from PARSERS[kind](raw, origin, options)


def read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    origin = str(path)
    kind = READABLE_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield Reject(origin, f"unknown format {path.suffix or '(no suffix)'}: expected .txt, .jsonl or .csv")
        return
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Reject(origin, f"file is {size} bytes, over the limit of {options.max_bytes}")
            return
        data = path.read_bytes()
    except OSError as problem:
        yield Reject(origin, f"cannot read: {problem.strerror or problem}")
        return
    yield from read_bytes(data, origin, kind, options)


def read_paths(paths: list[str | Path], options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Articles and rejects from files, directories (recursive) and '-' for stdin."""
    for given in paths:
        if str(given) == "-":
            data = sys.stdin.buffer.read()
            raw = decode(data, "<stdin>")
            kind = "text" if isinstance(raw, Reject) else sniff_format(raw)
            yield from read_bytes(data, "<stdin>", kind, options)
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
            for file in files:
                yield from read_file(file, options)
        elif path.exists():
            yield from read_file(path, options)
        else:
            yield Reject(str(path), "no such file or directory")
