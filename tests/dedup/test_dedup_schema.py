"""The schema applies the way a recorded migration would, and link_articles never
commits: the caller's transaction decides."""

from __future__ import annotations

import sqlite3

from marsad.dedup import DEDUP_SCHEMA, link_articles
from marsad.dedup.memory import add_articles
from marsad.dedup.schema import DEDUP_SCHEMA_V5, DEDUP_TABLES, apply_schema, schema_statements
from marsad.store.migrations import MIGRATIONS, _statements, apply_migrations

BODY = ("Security forces said on Monday that a convoy carrying supplies was struck by a roadside bomb on the "
        "highway south of the city, wounding 4 soldiers and damaging 2 vehicles, and an investigation was opened.")


def database() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    apply_migrations(conn)
    return conn


def test_schema_splits_like_a_migration_and_creates_every_table():
    assert schema_statements() == [s.rstrip(";").strip() for s in _statements(DEDUP_SCHEMA)]
    assert schema_statements(DEDUP_SCHEMA_V5) == [s.rstrip(";").strip() for s in _statements(DEDUP_SCHEMA_V5)]
    assert any(m.sql == DEDUP_SCHEMA_V5 for m in MIGRATIONS), "the v5 dedup index is a recorded migration"
    conn = database()
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(DEDUP_TABLES) <= names
    assert not names & {"dedup_bands", "dedup_signatures", "dedup_para_bands", "dedup_anchors"}


def test_apply_schema_on_a_migrated_database_changes_nothing():
    conn = database()
    before = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))
    apply_schema(conn)
    assert sorted(conn.execute("SELECT type, name, sql FROM sqlite_master")) == before


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
    assert conn.execute("SELECT count(*) FROM dedup_keys").fetchone()[0] == 0
