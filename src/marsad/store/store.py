"""The one ``Store`` class over a marsad SQLite file.

WAL journal, recorded migrations, an FTS5 index over article text, and writes
batched in transactions: a batch is stored whole or not at all, so a run
killed at any moment and run again ends in the same database. A document is
identified by its ``doc_id``; storing the same content again changes nothing,
storing new content under the same id replaces the document and everything
derived from it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from marsad.errors import StoreError
from marsad.models import DocumentResult, IngestFailure
from marsad.store import rows
from marsad.store.migrations import apply_migrations

DERIVED_TABLES = ("articles", "toponyms", "actor_mentions", "mentions", "claims")
DATA_TABLES = ("documents", *DERIVED_TABLES, "events", "errors")
_SQLITE_VARS = 900


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    articles: int = 0
    failed: int = 0
    stage_counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class WrittenBatch:
    """What a batch added: the documents stored anew and their articles' rowids."""

    doc_ids: tuple[str, ...]
    article_rids: tuple[int, ...]
    events_losing_mentions: tuple[str, ...] = ()


# A stage that works across documents (dedup, fusion) runs inside the batch's
# transaction, after its rows are written, and returns counts to report.
BatchHook = Callable[[sqlite3.Connection, WrittenBatch], dict[str, int]]
# Called inside the transaction before replaced documents are deleted, with their ids,
# so that such a stage can drop what it keeps about them.
ForgetHook = Callable[[sqlite3.Connection, Sequence[str]], None]


class Store:
    """A marsad database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            self.conn = _connect(self.path, readonly)
            if not readonly:
                apply_migrations(self.conn)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if not self.readonly:
            self.conn.execute("PRAGMA optimize")  # keeps the planner's statistics fresh as data grows
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    # --- writing -------------------------------------------------------------------------

    def known_digests(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """``doc_id -> content_sha`` for the ids already stored."""
        found: dict[str, str] = {}
        for chunk in _chunks(list(doc_ids), _SQLITE_VARS):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT doc_id, content_sha FROM documents WHERE doc_id IN ({marks})"
            found.update(self.conn.execute(query, chunk).fetchall())
        return found

    def write_batch(
        self, results: Sequence[DocumentResult], failures: Sequence[IngestFailure] = (),
        hooks: Sequence[BatchHook] = (), forget: Sequence[ForgetHook] = (),
    ) -> BatchOutcome:
        """Store a batch of processed documents and failures, then run ``hooks``, in one transaction."""
        try:
            with self.transaction() as conn:
                return self._write(conn, results, failures, hooks, forget)
        except sqlite3.Error as exc:
            raise StoreError(f"writing a batch to {self.path}: {exc}") from exc

    def _write(self, conn, results, failures, hooks, forget) -> BatchOutcome:
        known = self.known_digests([r.document.doc_id for r in results])
        fresh = [r for r in results if known.get(r.document.doc_id) != r.document.content_sha]
        replaced = [r.document.doc_id for r in fresh if r.document.doc_id in known]
        for hook in forget if replaced else ():
            hook(conn, replaced)
        losing = self._delete_documents(conn, replaced)
        conn.executemany(_insert("documents", rows.DOCUMENT_COLUMNS), [rows.document_row(r.document) for r in fresh])
        rids = self._insert_articles(conn, fresh)
        self._insert_derived(conn, fresh)
        if fresh:
            marks = ",".join("?" * len(fresh))
            conn.execute(f"DELETE FROM errors WHERE doc_id IN ({marks})", [r.document.doc_id for r in fresh])
        conn.executemany(_insert("errors", rows.ERROR_COLUMNS, ignore=True), [rows.error_row(f) for f in failures])
        written = WrittenBatch(tuple(r.document.doc_id for r in fresh), tuple(rids), losing)
        counts: dict[str, int] = {}
        for hook in hooks if fresh else ():
            for key, value in hook(conn, written).items():
                counts[key] = counts.get(key, 0) + value
        return BatchOutcome(
            new=len(fresh) - len(replaced), replaced=len(replaced),
            unchanged=len(results) - len(fresh), articles=len(rids), failed=len(failures),
            stage_counts=tuple(sorted(counts.items())),
        )

    def _delete_documents(self, conn, doc_ids: list[str]) -> tuple[str, ...]:
        """Remove documents and everything derived; returns the events that lost mentions."""
        events: set[str] = set()
        for doc_id in doc_ids:
            events.update(r[0] for r in conn.execute(
                "SELECT DISTINCT event_id FROM mentions WHERE doc_id = ? AND event_id IS NOT NULL", (doc_id,)))
            conn.execute("DELETE FROM articles_fts WHERE rowid IN (SELECT rid FROM articles WHERE doc_id = ?)", (doc_id,))
            for table in DERIVED_TABLES:
                conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        return tuple(sorted(events))

    def _insert_articles(self, conn, results: Sequence[DocumentResult]) -> list[int]:
        next_rid = conn.execute("SELECT coalesce(max(rid), 0) + 1 FROM articles").fetchone()[0]
        article_rows, fts_rows = [], []
        for result in results:
            text = result.document.text
            for article in result.articles:
                article_rows.append(rows.article_row(article, next_rid))
                body = text[article.body_start : article.body_end]
                fts_rows.append((next_rid, fts_text(article.title or ""), fts_text(body)))
                next_rid += 1
        conn.executemany(_insert("articles", rows.ARTICLE_COLUMNS), article_rows)
        conn.executemany("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)", fts_rows)
        return [row[0] for row in article_rows]

    def _insert_derived(self, conn, results: Sequence[DocumentResult]) -> None:
        conn.executemany(_insert("toponyms", rows.TOPONYM_COLUMNS), [rows.toponym_row(t) for r in results for t in r.toponyms])
        conn.executemany(_insert("actor_mentions", rows.ACTOR_COLUMNS), [rows.actor_row(a) for r in results for a in r.actors])
        conn.executemany(_insert("mentions", rows.MENTION_COLUMNS), [rows.mention_row(m, r.document.text) for r in results for m in r.mentions])
        conn.executemany(_insert("claims", rows.CLAIM_COLUMNS), [rows.claim_row(c) for r in results for c in r.claims])

    # --- runs ------------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str], options: dict[str, Any]) -> int:
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO runs (started_at, inputs, options) VALUES (?, ?, ?)",
                (_now(), json.dumps([str(i) for i in inputs]), json.dumps(options, default=str)),
            )
            return int(cursor.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "done") -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, n_seen = ?, n_new = ?, n_replaced = ?,"
                " n_unchanged = ?, n_failed = ?, n_articles = ? WHERE run_id = ?",
                (_now(), status, counts.get("seen"), counts.get("new"), counts.get("replaced"),
                 counts.get("unchanged"), counts.get("failed"), counts.get("articles"), run_id),
            )

    # --- reading ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per data table."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in DATA_TABLES}

    def grouped(self, table: str, column: str) -> list[tuple[Any, int]]:
        """``(value, count)`` pairs of one column, most frequent first."""
        query = f"SELECT {column}, count(*) AS n FROM {table} GROUP BY {column} ORDER BY n DESC, {column}"
        return [tuple(row) for row in self.conn.execute(query)]

    def errors(self) -> list[dict[str, Any]]:
        cursor = self.conn.execute("SELECT * FROM errors ORDER BY origin, doc_id, reason")
        return [dict(row) for row in cursor]

    def query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a read query as dicts, streamed."""
        for row in self.conn.execute(sql, params):
            yield dict(row)

    def search_articles(self, text: str, limit: int = 50) -> list[dict[str, Any]]:
        """Articles whose title or body hold every word (or "quoted phrase") of ``text``."""
        query = (
            "SELECT a.* FROM articles_fts f JOIN articles a ON a.rid = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            return [dict(r) for r in self.conn.execute(query, (fts_query(text), limit))]
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search {text!r}: {exc}") from exc


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def fts_text(text: str) -> str:
    """Text as the full-text index holds it: Arabic letter forms folded.

    The ``unicode61`` tokenizer folds case and Latin diacritics itself, and
    treats every quote and dash as a separator, so only Arabic needs work here;
    queries go through :func:`fts_query`, which folds the same way.
    """
    if not _ARABIC.search(text):
        return text
    from marsad.normalize.arabic import normalize_arabic

    return normalize_arabic(text)


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: each word or "quoted phrase" a phrase, all required."""
    from marsad.normalize.arabic import normalize_for_matching

    folded = normalize_for_matching(text)
    terms = [t for t in re.findall(r'"([^"]+)"|(\S+)', folded) for t in t if t]
    return " ".join('"' + term.replace('"', "") + '"' for term in terms) or '""'


def _connect(path: str, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA cache_size = -65536")
    return conn


def _insert(table: str, columns: Sequence[str], ignore: bool = False) -> str:
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
