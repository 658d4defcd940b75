"""A throwaway marsad database of plain articles, for tests, evaluation and benchmarks.

``open_database`` applies the store's migrations and the dedup schema;
``add_articles`` stores each ``(title, body, lang)`` as a one-article
document, the way the pipeline would, and returns the new rids.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

from marsad.dedup.schema import apply_schema
from marsad.ids import content_digest, make_id


def open_database(path: str = ":memory:") -> sqlite3.Connection:
    """A connection (autocommit mode) with marsad's tables and the dedup tables."""
    from marsad.store.migrations import apply_migrations

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL" if path != ":memory:" else "PRAGMA journal_mode = MEMORY")
    conn.execute("PRAGMA synchronous = NORMAL")
    apply_migrations(conn)
    apply_schema(conn)
    return conn


def add_articles(conn: sqlite3.Connection, items: Iterable[tuple], prefix: str = "doc") -> list[int]:
    """Store ``(title, body, lang)`` or ``(title, body, lang, published)`` items as documents of one
    article each; returns their rids."""
    next_rid = conn.execute("SELECT coalesce(max(rid), 0) + 1 FROM articles").fetchone()[0]
    docs, arts, rids = [], [], []
    for offset, (title, body, lang, *rest) in enumerate(items):
        rid = next_rid + offset
        doc_id = f"{prefix}-{rid}"
        text = f"{title}\n\n{body}"
        start = len(title) + 2
        docs.append((doc_id, "page", doc_id, content_digest(text), len(text), text, lang))
        arts.append((rid, make_id("art", doc_id, 0, len(text)), doc_id, 0, 0, len(text), start, len(text), title, lang,
                     rest[0] if rest else None))
        rids.append(rid)
    conn.executemany("INSERT INTO documents (doc_id, kind, origin, content_sha, n_chars, text, lang)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)", docs)
    conn.executemany("INSERT INTO articles (rid, article_id, doc_id, idx, char_start, char_end, body_start,"
                     " body_end, title, lang, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arts)
    return rids


def article_ids(conn: sqlite3.Connection) -> dict[int, str]:
    """``rid -> article_id`` of every stored article."""
    return dict(conn.execute("SELECT rid, article_id FROM articles").fetchall())
