"""The `khronika` command: a thin shell over the Python API."""

from __future__ import annotations

import csv
import json
import os
import sys
from datetime import date
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from khronika.export import EVENT_COLUMNS, TIMELINE_COLUMNS, event_plover, event_row, timeline_row
from khronika.model import Article, Document, Reject
from khronika.read import ReadOptions, read_paths

app = typer.Typer(help="Verifiable event records from Ukrainian-language news.", no_args_is_help=True)
train_app = typer.Typer(help="Train the models khronika ships.", no_args_is_help=True)
evaluate_app = typer.Typer(help="Measure khronika against gold data.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(evaluate_app, name="evaluate")

# Piped output (files, CI logs) gets wide tables rather than 80 folded columns.
_PIPED_WIDTH = None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", "160"))
out = Console(width=_PIPED_WIDTH)
err = Console(stderr=True, width=_PIPED_WIDTH)

DbOption = Annotated[str, typer.Option("--db", help="Database URL (sqlite:///file.db or postgresql+psycopg://...).")]
DEFAULT_DB = "sqlite:///khronika.db"


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class EventFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    plover = "plover"


class DocFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


def _store(url: str):  # noqa: ANN202 - the import is deferred: SQLAlchemy and Alembic load slowly
    from khronika.store import Store

    return Store(url)


def _iso_day(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=option) from None


UNWRAPPED_COLUMNS = {"date", "published", "event", "mode", "event/mode", "status", "id", "article"}


def _print_rows(rows: list[dict[str, Any]], columns: list[str], fmt: TableFormat | EventFormat, title: str) -> None:
    if fmt.value == "json":
        out.print_json(data=rows, default=str)
    elif fmt.value == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt.value == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold", no_wrap=column in UNWRAPPED_COLUMNS)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        out.print(table)


def _describe(reject: Reject) -> str:
    return f"{reject.origin}: {reject.reason}"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    date_: Annotated[Optional[str], typer.Option("--date", help="Publication date for texts that carry none.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Source name for plain text files.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Reject files larger than this.")] = 50 * 1024 * 1024,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Read articles, extract their events and store them; exit 1 if anything was rejected."""
    from khronika.ingest import ingest as run_ingest

    options = ReadOptions(default_date=_iso_day(date_, "--date"), max_bytes=max_bytes, source=source)
    store = _store(db)
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)

        def report(item: Article | Reject) -> None:
            if isinstance(item, Reject):
                progress.console.print(f"[red]rejected[/red] {_describe(item)}", highlight=False)
            progress.advance(task)

        result = run_ingest(read_paths(paths, options), store, on_item=report)
    if not err.is_terminal:
        for reject in result.rejects:
            err.print(f"rejected {_describe(reject)}", highlight=False, soft_wrap=True)
    summary = f"stored {len(result.stored)} new article(s)"
    if result.already:
        summary += f", {len(result.already)} already stored (nothing new)"
    summary += f", {len(result.rejects)} rejected"
    err.print(summary, highlight=False)
    raise typer.Exit(1 if result.rejects else 0)


@app.command()
def articles(
    since: Annotated[Optional[str], typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Only this source.")] = None,
    search: Annotated[Optional[str], typer.Option(help="Words the article contains (any form).")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many.")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored articles."""
    words = _lemmatize_query(search) if search else None
    rows = _store(db).articles(_iso_day(since, "--since"), _iso_day(until, "--until"), source, words, limit)
    _print_rows(rows, ["id", "published", "source", "title", "chars", "events", "origin"], fmt, "articles")


def _lemmatize_query(words: str) -> str:
    """Search words as lemmas, so that any inflected form finds the article."""
    from khronika.language.pipeline import load

    return " ".join(t.lemma_.lower() for t in load()(words) if not t.is_punct)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    fmt: Annotated[Optional[DocFormat], typer.Option("--format", help="json for the document JSON.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show an article with its entities, values and events marked in the text."""
    store = _store(db)
    matches = store.ids_starting(article_id)
    if len(matches) != 1:
        err.print(f"no article with id {article_id!r}" if not matches else f"{article_id!r} is ambiguous: {', '.join(matches)}, ...")
        raise typer.Exit(2)
    doc = store.document(matches[0])
    assert doc is not None
    if fmt is not None:
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        return
    _render_document(doc)


ENTITY_STYLES = {"PERS": "bold cyan", "ORG": "bold magenta", "LOC": "bold green"}


def _render_document(doc: Document) -> None:
    a = doc.article
    out.print(f"[bold]{a.title or a.id}[/bold]  {a.published}  {a.source or ''}  {a.url or ''}", highlight=False)
    marked = Text(a.text)
    for q in doc.quantities:
        marked.stylize("bold yellow", q.start, q.end)
    for d in doc.dates:
        marked.stylize("bold blue", d.start, d.end)
    for e in doc.entities:
        marked.stylize(ENTITY_STYLES.get(e.type, "bold"), e.start, e.end)
    for ev in doc.events:
        cue = a.text.find(ev.eventText, ev.evidence.start, ev.evidence.end) if ev.eventText else -1
        if cue >= 0:
            marked.stylize("underline red", cue, cue + len(ev.eventText))
    out.print(marked)
    out.print("[dim]persons[/dim] [bold cyan]■[/]  [dim]organizations[/dim] [bold magenta]■[/]  [dim]places[/dim] "
              "[bold green]■[/]  [dim]quantities[/dim] [bold yellow]■[/]  [dim]dates[/dim] [bold blue]■[/]  "
              "[dim]event cues[/dim] [underline red]__[/]")
    entities = Table(title="entities")
    for column in ("text", "type", "name", "code", "sector", "kb"):
        entities.add_column(column)
    for e in doc.entities:
        entities.add_row(e.text, e.type, e.name, e.code or "", e.sector or "", e.kb or "")
    out.print(entities)
    rows = [event_row(ev, a.id) for ev in doc.events]
    _print_rows(rows, [c for c in EVENT_COLUMNS if c not in ("article", "id")], TableFormat.table, "events")


@app.command()
def stats(fmt: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table, db: DbOption = DEFAULT_DB) -> None:
    """Counts of what the store holds."""
    figures = _store(db).stats()
    if fmt is TableFormat.table:
        by_category = figures.pop("events_by_category")
        rows = [{"what": k, "count": v} for k, v in figures.items()]
        rows += [{"what": f"events: {k}", "count": v} for k, v in by_category.items()]
        _print_rows(rows, ["what", "count"], fmt, "store")
    elif fmt is TableFormat.json:
        out.print_json(data=figures)
    else:
        flat = {k: v for k, v in figures.items() if k != "events_by_category"}
        _print_rows([flat], list(flat), fmt, "store")


@app.command()
def rejects(fmt: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table, db: DbOption = DEFAULT_DB) -> None:
    """Inputs that could not be stored, and why."""
    _print_rows(_store(db).rejects(), ["origin", "reason", "first_seen", "last_seen"], fmt, "rejects")


@app.command()
def events(
    event: Annotated[Optional[str], typer.Option("--event", "-e", help="PLOVER category, e.g. RETREAT.")] = None,
    mode: Annotated[Optional[str], typer.Option(help="Mode, e.g. release.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Actor code, e.g. BLR.")] = None,
    recipient: Annotated[Optional[str], typer.Option(help="Recipient code.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Events ending on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events starting on or before YYYY-MM-DD.")] = None,
    status: Annotated[Optional[str], typer.Option(help="occurred, ongoing, planned, possible or denied.")] = None,
    article: Annotated[Optional[str], typer.Option(help="Article id.")] = None,
    text: Annotated[Optional[str], typer.Option(help="Words the event's sentence contains.")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many.")] = None,
    fmt: Annotated[EventFormat, typer.Option("--format")] = EventFormat.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored events, as a timeline."""
    from khronika.store import EventFilter

    where = EventFilter(
        event=event.upper() if event else None, mode=mode, actor=actor, recipient=recipient,
        since=_iso_day(since, "--since"), until=_iso_day(until, "--until"), status=status,
        article=article, text=text, limit=limit,
    )
    store = _store(db)
    found = store.events(where)
    if fmt is EventFormat.plover:
        meta = {row["id"]: row for row in store.articles()}
        for stored in found:
            a = meta[stored.article_id]
            publication = {"id": a["id"], "source": a["source"], "url": a["url"], "published": str(a["published"])}
            sys.stdout.write(json.dumps(event_plover(stored.event, publication), ensure_ascii=False) + "\n")
        return
    if fmt is EventFormat.table:
        _print_timeline(found)
        return
    _print_rows([event_row(s.event, s.article_id) for s in found], list(EVENT_COLUMNS), fmt, "events")


def _print_timeline(found: list[Any]) -> None:
    rows = [timeline_row(s.event, s.article_id) for s in found]
    _print_rows(rows, list(TIMELINE_COLUMNS), TableFormat.table, "timeline (a date marked * is the publication date: the text gave no time)")


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (any readable format), or - for stdin.")],
    date_: Annotated[Optional[str], typer.Option("--date", help="Publication date for texts that carry none.")] = None,
    fmt: Annotated[DocFormat, typer.Option("--format")] = DocFormat.json,
) -> None:
    """Run the whole chain on files without storing them; print the document JSON."""
    from khronika.pipeline import process

    rejected = False
    for item in read_paths(paths, ReadOptions(default_date=_iso_day(date_, "--date"))):
        if isinstance(item, Reject):
            err.print(f"rejected {_describe(item)}", highlight=False)
            rejected = True
            continue
        document = process(item).to_dict()
        indent = 2 if fmt is DocFormat.json else None
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=indent) + "\n")
    raise typer.Exit(1 if rejected else 0)


def demo_corpus() -> Path:
    return Path(str(resources.files("khronika") / "data" / "demo"))


@app.command()
def demo(db: DbOption = DEFAULT_DB) -> None:
    """Ingest the demo corpus shipped with khronika, then show the store and the timeline."""
    from khronika.ingest import ingest as run_ingest

    store = _store(db)
    result = run_ingest(read_paths([demo_corpus()]), store)
    for reject in result.rejects:
        err.print(f"rejected {_describe(reject)}", highlight=False)
    out.print(f"demo corpus: stored {len(result.stored)} new article(s), {len(result.already)} already stored, "
              f"{len(result.rejects)} rejected, into {db}", highlight=False)
    stats(TableFormat.table, db)
    _print_timeline(store.events())


@train_app.command("ner")
def train_ner(
    output: Annotated[Path, typer.Option(help="Folder of the models: each seed's model goes to its seed-N/.")] = Path(
        "khronika/data/models/ner"
    ),
    seed: Annotated[list[int], typer.Option(help="Random seed; repeat it to train several models that vote.")] = [0],
    data: Annotated[Path, typer.Option(help="NER-UK 2.0 folder.")] = Path("../shared/data/ner-uk"),
    jobs: Annotated[int, typer.Option(help="Seeds trained at a time, one process and one core each.")] = os.cpu_count() or 1,
) -> None:
    """Pretrain the NER's tok2vec on unlabelled text once, then train one NER per seed on NER-UK 2.0's train split.

    The shipped models: --seed 0 --seed 1 ... --seed 6 (MODEL_CARD.md in the models' folder).
    """
    from khronika.train.ner import train_ensemble

    for model_dir in train_ensemble(output, seed, data_dir=data, jobs=jobs):
        out.print(f"model written to {model_dir}")


def _print_report(report: Any, as_json: bool) -> None:
    if as_json:
        out.print_json(data=report.to_dict(), default=str)
    else:
        out.print(report.render())


JsonFlag = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]


@evaluate_app.command("ner")
def evaluate_ner(
    data: Annotated[Path, typer.Option(help="NER-UK 2.0 folder.")] = Path("../shared/data/ner-uk"),
    model: Annotated[Optional[Path], typer.Option(help="Score this bare NER model instead of the whole pipeline.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Precision, recall and F1 per entity type on NER-UK 2.0's test split.

    By default the whole language pipeline is scored (tokenizer, morphology, the shipped
    NER model and the knowledge-base gazetteer): the entities users get.
    """
    from khronika.evaluate.ner import run
    from khronika.language.pipeline import load

    _print_report(run(data, model) if model else run(data, nlp=load()), as_json)


@evaluate_app.command("lemma")
def evaluate_lemma(
    data: Annotated[Path, typer.Option(help="UD Ukrainian-IU folder.")] = Path("../shared/data/ud-uk-iu"),
    as_json: JsonFlag = False,
) -> None:
    """Lemma and POS accuracy on UD Ukrainian-IU test, beside simplemma."""
    from khronika.evaluate.lemma import run

    _print_report(run(data), as_json)


@evaluate_app.command("values")
def evaluate_values(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json) or folders of them.")],
    as_json: JsonFlag = False,
) -> None:
    """Quantities and dates against gold files, beside dateparser."""
    from khronika.evaluate.values import run

    _print_report(run(_gold_files(gold)), as_json)


@evaluate_app.command("events")
def evaluate_events(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (*.gold.json) or folders of them.")],
    as_json: JsonFlag = False,
) -> None:
    """Event precision, recall and F1 (DESIGN §5), argument accuracy, and the errors."""
    from khronika.evaluate.events import run

    _print_report(run(_gold_files(gold)), as_json)


def _gold_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.gold.json")))
        elif path.exists():
            files.append(path)
        else:
            raise typer.BadParameter(f"{path} does not exist", param_hint="GOLD")
    return files


if __name__ == "__main__":
    app()
