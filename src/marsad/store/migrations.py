"""Recorded schema migrations.

Each migration has a version, a name and SQL. ``apply_migrations`` runs the
ones a database has not seen, each in its own transaction, and records it in
``schema_migrations``. A database newer than this marsad is refused.
Migrations are only ever appended; a released one is never edited.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from marsad.errors import MigrationError
from marsad.dedup.schema import DEDUP_SCHEMA, DEDUP_SCHEMA_V5
from marsad.store.event_indexes import EVENT_INDEXES_SQL
from marsad.store.event_search import EVENT_SEARCH_SQL


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


_EVIDENCE = "component TEXT, version TEXT"

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, articles, full-text index, errors, runs", f"""
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    origin TEXT NOT NULL,
    content_sha TEXT NOT NULL,
    title TEXT, published TEXT, url TEXT, source TEXT, author TEXT,
    sitename TEXT, lang TEXT, encoding TEXT,
    n_chars INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX documents_origin ON documents(origin);

CREATE TABLE articles (
    rid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    body_start INTEGER NOT NULL, body_end INTEGER NOT NULL,
    title TEXT, title_start INTEGER, title_end INTEGER,
    published TEXT, date_precision TEXT, date_source TEXT,
    lang TEXT, source TEXT, byline TEXT, url TEXT,
    duplicate_of TEXT,
    related_titles TEXT NOT NULL DEFAULT '[]',
    boilerplate TEXT NOT NULL DEFAULT '[]',
    {_EVIDENCE}
);
CREATE INDEX articles_doc ON articles(doc_id);
CREATE INDEX articles_published ON articles(published);

-- Normalised title and body (Arabic letter forms folded, case folded) of each
-- article; rowid = articles.rid. Queries are normalised the same way.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE errors (
    error_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX errors_doc ON errors(doc_id);

-- The run log: when and with what marsad ran. Not part of the data: it is the
-- one table that differs between two runs of the same input.
CREATE TABLE runs (
    run_id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '{{}}',
    n_seen INTEGER, n_new INTEGER, n_replaced INTEGER, n_unchanged INTEGER,
    n_failed INTEGER, n_articles INTEGER,
    status TEXT NOT NULL DEFAULT 'running'
);
"""),
    Migration(2, "toponyms, actor and event mentions, events, claims", f"""
CREATE TABLE toponyms (
    toponym_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL, article_id TEXT NOT NULL,
    text TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    geonameid INTEGER, name TEXT, latitude REAL, longitude REAL,
    country TEXT, admin1 TEXT, feature_class TEXT, score REAL,
    {_EVIDENCE}
);
CREATE INDEX toponyms_doc ON toponyms(doc_id);

CREATE TABLE actor_mentions (
    mention_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL, article_id TEXT NOT NULL,
    text TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    actor TEXT, actor_type TEXT, country TEXT,
    {_EVIDENCE}
);
CREATE INDEX actor_mentions_doc ON actor_mentions(doc_id);

CREATE TABLE mentions (
    mention_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL, article_id TEXT NOT NULL, event_id TEXT,
    lead INTEGER NOT NULL DEFAULT 0,
    event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
    date TEXT, time_precision INTEGER,
    country TEXT, admin1 TEXT, location TEXT, latitude REAL, longitude REAL,
    geo_precision INTEGER,
    actor1 TEXT, actor1_type TEXT, actor2 TEXT, actor2_type TEXT,
    fatalities INTEGER, fatalities_min INTEGER, fatalities_max INTEGER,
    claimed_by TEXT, status TEXT NOT NULL DEFAULT 'reported',
    background INTEGER NOT NULL DEFAULT 0,
    cameo TEXT, plover TEXT,
    evidence TEXT, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    {_EVIDENCE}
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    event_date TEXT NOT NULL, time_precision INTEGER NOT NULL,
    disorder_type TEXT, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
    actor1 TEXT, assoc_actor_1 TEXT, inter1 TEXT,
    actor2 TEXT, assoc_actor_2 TEXT, inter2 TEXT, interaction TEXT,
    civilian_targeting TEXT, iso INTEGER, country TEXT, admin1 TEXT, admin2 TEXT,
    location TEXT, latitude REAL, longitude REAL, geo_precision INTEGER,
    source TEXT, source_scale TEXT, notes TEXT, fatalities INTEGER, tags TEXT,
    n_mentions INTEGER NOT NULL, n_sources INTEGER NOT NULL,
    fatalities_min INTEGER, fatalities_max INTEGER,
    status TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);

CREATE TABLE claims (
    claim_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL, article_id TEXT NOT NULL,
    claimant TEXT, outlet TEXT, verb TEXT NOT NULL, content TEXT NOT NULL,
    event_id TEXT, status TEXT NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    {_EVIDENCE}
);
CREATE INDEX claims_doc ON claims(doc_id);
"""),
)

MIGRATIONS += (
    Migration(3, "indexes for event filters and fusion; event_actors kept by triggers", EVENT_INDEXES_SQL + "\nANALYZE;"),
    Migration(4, "dedup bands, paragraphs and links; mention tags; claims point at their mention", DEDUP_SCHEMA + """;
ALTER TABLE mentions ADD COLUMN tags TEXT;
ALTER TABLE claims ADD COLUMN mention_id TEXT;
CREATE INDEX claims_mention ON claims(mention_id);
"""),
)

MIGRATIONS += (  # dedup's second index: old band rows cannot be read by the new hashing, links are kept
    Migration(5, "dedup index v2: one-permutation MinHash signatures, 48-bit band keys, story rows", DEDUP_SCHEMA_V5),
)

MIGRATIONS += (  # the API's q filter: one full-text row per event, keyed in date order (filled for existing events)
    Migration(6, "event_search: full-text index of each event's articles, actors and places", EVENT_SEARCH_SQL),
)

MIGRATIONS += (  # fusion asks, per mention, whether its paragraph repeats an earlier article's
    Migration(7, "paragraphs by article, for fusion's repeated-paragraph test",
              "CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs(article_id, char_start)"),
)

LATEST = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def apply_migrations(conn: sqlite3.Connection, up_to: int | None = None) -> list[int]:
    """Bring the schema up to date (or up to version ``up_to``); returns the versions applied now."""
    version = current_version(conn)
    if version > LATEST:
        raise MigrationError(
            f"the database is at schema {version}, newer than this marsad ({LATEST})"
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= version or (up_to is not None and migration.version > up_to):
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(timezone.utc).isoformat()),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise MigrationError(f"migration {migration.version} failed: {exc}") from exc
        applied.append(migration.version)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration into whole statements (a trigger's BEGIN ... END stays one)."""
    cleaned = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
    statements, current = [], ""
    for piece in cleaned.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \t\n;"):
                statements.append(current.strip())
            current = ""
    if current.strip(" \t\n;"):
        statements.append(current.strip())
    return statements
