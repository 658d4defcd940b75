"""The schema applies the way a recorded migration would, and link_articles never
commits: the caller's transaction decides."""

from __future__ import annotations

import sqlite3

from marsad.dedup import DEDUP_SCHEMA, link_articles
from marsad.dedup.memory import add_articles
from marsad.dedup.schema import DEDUP_TABLES, schema_statements
from marsad.store.migrations import _statements, apply_migrations

BODY = ("Security forces said on Monday that a convoy carrying supplies was struck by a roadside bomb on the "
        "highway south of the city, wounding 4 soldiers and damaging 2 vehicles, and an investigation was opened.")


def database() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(conn)
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'dedup_bands'").fetchone():
        conn.execute("BEGIN")  # until DEDUP_SCHEMA is a recorded migration
        for statement in _statements(DEDUP_SCHEMA):
            conn.execute(statement)
        conn.execute("COMMIT")
    return conn


def test_schema_splits_like_a_migration_and_creates_every_table():
    assert schema_statements() == [s.rstrip(";").strip() for s in _statements(DEDUP_SCHEMA)]
    conn = database()
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(DEDUP_TABLES) <= names


def test_link_articles_stays_inside_the_callers_transaction():
    conn = database()
    conn.execute("BEGIN")
    rids = add_articles(conn, [("A", BODY, "en"), ("B", BODY + " Copy.", "en")])
    outcome = link_articles(conn, rids)
    assert conn.in_transaction and outcome.copies == 1
    conn.execute("ROLLBACK")
    for table in DEDUP_TABLES:
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_unknown_rids_and_empty_bodies_are_harmless():
    conn = database()
    rids = add_articles(conn, [("Empty", "", None), ("Tiny", "Two words.", None)])
    outcome = link_articles(conn, [*rids, 999])
    assert outcome.articles == 2 and outcome.copies == 0
    assert conn.execute("SELECT count(*) FROM dedup_bands").fetchone()[0] == 0
