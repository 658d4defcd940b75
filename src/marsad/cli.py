"""The marsad command line: parse flags, call the library, print.

This is the only module that prints. Exit status: 0 when the batch ran (even
with failed documents), 1 when nothing could be processed, 2 for a usage
error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from marsad import __version__
from marsad.errors import MarsadError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="marsad: a conflict-news observatory.")
MAX_FAILURES_SHOWN = 40


def mount_subcommands() -> typer.Typer:
    """Add the sub-apps whose imports are heavy; done when the command runs, not on import."""
    if any(group.name == "gazetteer" for group in app.registered_groups):
        return app
    from marsad.places.cli import gazetteer_app

    app.add_typer(gazetteer_app, name="gazetteer", help="Build, inspect or extend the offline gazetteer.")
    return app


def _console() -> Console:
    return Console(stderr=True, highlight=False)


def _fail(message: str, code: int) -> typer.Exit:
    _console().print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="Files, folders (walked recursively), or - for JSON Lines on stdin."),
    db: Path = typer.Option(..., "--db", help="SQLite file to create or add to."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", min=1, help="Largest document accepted, in bytes."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Documents per transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    story_encoder: bool = typer.Option(False, "--story-encoder", help="Link stories (and EN/AR versions) with the "
                                       "multilingual sentence encoder too; slower."),
) -> None:
    """Run the pipeline over INPUTS into the database."""
    from marsad.ingest import Limits
    from marsad.pipeline import RunOptions, StageOptions
    from marsad.pipeline import run as run_pipeline
    from marsad.store import Store

    options = RunOptions(workers=workers, limits=Limits(max_bytes=max_bytes), batch_size=batch_size,
                         stages=StageOptions(story_encoder=story_encoder))
    console = _console()
    try:
        with Store(db) as store, _progress(console, quiet) as on_progress:
            summary = run_pipeline(inputs, store, options, progress=on_progress)
    except UsageError as exc:
        raise _fail(str(exc), 2)
    except MarsadError as exc:
        raise _fail(str(exc), 1)
    _print_summary(console, summary, db)
    if summary.new + summary.replaced + summary.unchanged == 0:
        raise typer.Exit(1)


class _progress:
    """A rich progress line with documents/s, or nothing when quiet."""

    def __init__(self, console: Console, quiet: bool) -> None:
        self.console, self.quiet, self.bar = console, quiet, None

    def __enter__(self):
        if self.quiet:
            return None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                            console=self.console, transient=True)
        self.bar.start()
        task = self.bar.add_task("starting")

        def update(summary) -> None:
            self.bar.update(task, description=(
                f"{summary.seen:,} documents  {summary.docs_per_second:,.0f} docs/s  "
                f"{summary.articles:,} articles  {summary.failed:,} failed"))

        return update

    def __exit__(self, *exc_info: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _print_summary(console: Console, summary, db: Path) -> None:
    console.print(
        f"marsad run → {db}: {summary.seen:,} documents read in {summary.seconds:.1f} s "
        f"({summary.docs_per_second:,.0f}/s): {summary.new:,} new, {summary.replaced:,} replaced, "
        f"{summary.unchanged:,} unchanged, {summary.failed:,} failed; {summary.articles:,} articles stored."
    )
    if summary.failures:
        console.print(f"Documents not stored ({summary.failed:,}):")
        for failure in summary.failures[:MAX_FAILURES_SHOWN]:
            console.print(f"  {failure.doc_id}: {failure.reason} [{failure.stage}] {failure.detail}",
                          markup=False, soft_wrap=True)
        hidden = summary.failed - MAX_FAILURES_SHOWN
        if hidden > 0:
            console.print(f"… and {hidden:,} more: marsad export --db {db} --table errors")


@app.command()
def export(
    db: Path = typer.Option(..., "--db", help="SQLite file written by marsad run."),
    table: str = typer.Option(..., "--table", help="articles, toponyms, mentions, events, claims, actors, documents, errors."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, geojson or parquet."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write; standard output when absent."),
) -> None:
    """Export one table of the database."""
    from marsad.export import export_table

    store = _open_readonly(db)
    try:
        if output is None:
            export_table(store, table, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with open(output, "wb") as out:
                export_table(store, table, fmt, out)
    except MarsadError as exc:
        raise _fail(str(exc), 2 if "unknown" in str(exc) or "no coordinates" in str(exc) else 1)
    finally:
        store.close()


@app.command()
def stats(
    db: Path = typer.Option(..., "--db", help="SQLite file written by marsad run."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Counts per table, language and source; errors by reason."""
    from marsad.report import collect_stats

    store = _open_readonly(db)
    try:
        report = collect_stats(store)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    for title, pairs in report.items():
        table = Table(title=title.replace("_", " "), title_justify="left")
        table.add_column("value")
        table.add_column("count", justify="right")
        for key, value in pairs.items():
            table.add_row(str(key), f"{value:,}")
        console.print(table)


def _open_readonly(db: Path):
    from marsad.store import Store

    if not db.exists():
        raise _fail(f"no database at {db}", 2)
    try:
        return Store(db, readonly=True)
    except MarsadError as exc:
        raise _fail(str(exc), 1)


@app.command()
def serve(
    db: Path = typer.Option(..., "--db", help="SQLite file written by marsad run."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the REST API (/api, /docs) and the dashboard (/) over a database, read-only."""
    import uvicorn

    from marsad.api import create_app

    if not db.exists():
        raise _fail(f"no database at {db}", 2)
    try:
        application = create_app(db)
    except MarsadError as exc:
        raise _fail(str(exc), 1)
    _console().print(f"marsad: dashboard at http://{host}:{port}/  API docs at http://{host}:{port}/docs")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def version() -> None:
    """Print marsad's version."""
    typer.echo(__version__)


def main() -> None:
    mount_subcommands()()
