"""Migration 6's event text index: backfilled on old databases, kept by triggers through fusion and writes.

Every check compares the index with one rebuilt from scratch (rows and every
token position, through fts5vocab), so a row left stale, removed twice or
indexed with the wrong text shows up.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from marsad.fuse import fuse_batch
from marsad.ids import content_digest
from marsad.models import Article, DocKind, Document, DocumentResult, EventMention, Evidence
from marsad.store import Store
from marsad.store.event_search import ROWID_MASK, facet_token, rebuild_event_search
from marsad.store.migrations import LATEST, apply_migrations

EXPLOSIONS, IED = "Explosions/Remote violence", "Remote explosive/landmine/IED"


def report(doc_id: str, sentence: str, *, day="2022-03-16", outlet="Tigris Wire", admin1="Babil",
           location="Al Mahawil", country="IQ", sub=IED, etype=EXPLOSIONS, actor1=None) -> DocumentResult:
    text = f"Headline of {doc_id}\n\n{sentence}"
    start = text.index(sentence)
    article = Article(Article.make_id(doc_id, 0, len(text)), doc_id, 0, 0, len(text), start, len(text),
                      Evidence(doc_id, 0, len(text), "test", "1"), title=f"Headline of {doc_id}", source=outlet)
    mention = EventMention(
        EventMention.make_id(doc_id, start, len(text), sub), doc_id, article.article_id, start, len(text),
        Evidence(doc_id, start, len(text), "test", "1"), etype, sub, lead=True, date=day, time_precision=1,
        country=country, admin1=admin1, location=location, latitude=32.66, longitude=44.42, geo_precision=1,
        actor1=actor1, actor2="Civilians (Iraq)",
    )
    document = Document(doc_id, DocKind.PAGE, doc_id, text, content_digest(text), source=outlet)
    return DocumentResult(document, (article,), mentions=(mention,))


BATCH_ONE = [
    report("tigris", "A roadside bomb hit a supply convoy near al-Mahawil on Wednesday."),
    report("qalam", "استهدفت عبوة ناسفة رتلاً قرب المحاويل.", outlet="Qalam News"),
    report("nineveh", "Gunmen attacked a checkpoint in Mosul.", day="2022-04-02", admin1="Nineveh",
           location="Mosul", sub="Armed clash", etype="Battles", actor1="Islamic State"),
]
BATCH_TWO = [
    report("euphrates", "An IED struck a logistics convoy on the Hilla highway.", outlet="Euphrates Monitor"),
    report("idlib", "Shelling hit the outskirts of Idlib.", day="2021-12-30", country="SY", admin1="Idlib",
           location="Idlib", sub="Shelling/artillery/missile attack"),
]


def index_state(conn: sqlite3.Connection) -> tuple[list, list, int]:
    """The index's rows (key and the three columns), every token position, and the stored text rows."""
    rows = sorted(conn.execute("SELECT rowid, articles, names, facets FROM event_search"))
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.event_search_vocab USING fts5vocab(main, event_search, 'instance')")
    tokens = sorted(conn.execute("SELECT term, doc, col, offset FROM temp.event_search_vocab"))
    conn.execute("DROP TABLE temp.event_search_vocab")
    return rows, tokens, conn.execute("SELECT count(*) FROM event_search_text").fetchone()[0]


def rebuilt_state(db: Path, tmp_path: Path) -> tuple[list, list, int]:
    """The index state of a copy of ``db`` whose index was rebuilt from scratch."""
    copy = tmp_path / f"rebuilt-{db.name}"
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        rebuild_event_search(conn)
        return index_state(conn)
    finally:
        conn.close()


def assert_index_is_exact(db: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("INSERT INTO event_search (event_search) VALUES ('integrity-check')")
        state = index_state(conn)
        n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()
    assert state == rebuilt_state(db, tmp_path)
    assert len(state[0]) == state[2] == n_events


def search(conn: sqlite3.Connection, match: str) -> set[str]:
    rows = conn.execute(
        f"SELECT e.event_id FROM event_search s JOIN events e ON e.rowid = (s.rowid & {ROWID_MASK})"
        " WHERE event_search MATCH ?", (match,))
    return {r[0] for r in rows}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.db"
    with Store(path) as store:
        store.write_batch(BATCH_ONE, hooks=[fuse_batch])
        store.write_batch(BATCH_TWO, hooks=[fuse_batch])
    return path


def test_fused_events_are_indexed_with_their_articles_names_and_facets(db, tmp_path):
    assert_index_is_exact(db, tmp_path)
    conn = sqlite3.connect(db)
    (convoy,) = search(conn, "convoy")  # two articles of one event, one English word each
    assert search(conn, "roadside hilla") == {convoy}  # words of two different articles of the event
    assert search(conn, "المحاويل") == {convoy}  # Arabic, as the articles' index folds it
    assert search(conn, '"supply convoy"') == {convoy}
    assert search(conn, '"convoy supply"') == set()
    assert len(search(conn, "mosul")) == 1 and search(conn, "mosul") == search(conn, "islamic")
    assert search(conn, "syria") == search(conn, "idlib")  # the country's name from the event row
    mosul = search(conn, "mosul")
    assert search(conn, f'facets : "{facet_token("actor", "Islamic State")}"') == mosul
    assert search(conn, f'facets : "{facet_token("event_type", "Battles")}"') == mosul
    assert search(conn, f'facets : "{facet_token("country", "Syria")}"') == search(conn, "syria")


def test_keys_order_the_events_by_date_then_rowid(db):
    conn = sqlite3.connect(db)
    by_key = [r[0] for r in conn.execute(
        f"SELECT e.event_id FROM event_search s JOIN events e ON e.rowid = (s.rowid & {ROWID_MASK}) ORDER BY s.rowid")]
    by_date = [r[0] for r in conn.execute("SELECT event_id FROM events ORDER BY event_date, rowid")]
    assert by_key == by_date and len(by_key) == 3
    days = conn.execute("SELECT date((rowid >> 40) + 0.5) FROM event_search ORDER BY rowid").fetchall()
    assert [d[0] for d in days] == [r[0] for r in conn.execute("SELECT event_date FROM events ORDER BY event_date, rowid")]


def test_the_same_batch_again_changes_nothing(db, tmp_path):
    conn = sqlite3.connect(db)
    before = index_state(conn)
    conn.close()
    with Store(db) as store:
        outcome = store.write_batch(BATCH_ONE + BATCH_TWO, hooks=[fuse_batch])
    assert outcome.new == 0 and outcome.unchanged == 5
    conn = sqlite3.connect(db)
    assert index_state(conn) == before
    conn.close()


def test_a_replaced_document_leaves_no_stale_text(db, tmp_path):
    changed = report("euphrates", "An IED struck a fuel tanker on the Hilla highway.", outlet="Euphrates Monitor")
    with Store(db) as store:
        assert store.write_batch([changed], hooks=[fuse_batch]).replaced == 1
    assert_index_is_exact(db, tmp_path)
    conn = sqlite3.connect(db)
    assert search(conn, "tanker") == search(conn, "roadside") and len(search(conn, "tanker")) == 1
    assert search(conn, "logistics") == set()


def test_direct_writes_to_events_keep_the_index(db, tmp_path):
    conn = sqlite3.connect(db, isolation_level=None)
    (event_id,) = search(conn, "convoy")
    columns = [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    row = conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
    conn.execute(f"INSERT OR REPLACE INTO events ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", row)
    conn.execute("UPDATE events SET event_date = '2020-01-05', assoc_actor_1 = 'Tribal Militia; Local Guards'"
                 " WHERE event_id = ?", (event_id,))
    assert search(conn, "guards") == {event_id}
    assert search(conn, f'facets : "{facet_token("actor", "Local Guards")}"') == {event_id}
    conn.execute("UPDATE events SET n_sources = n_sources + 1")  # not an indexed column
    conn.execute("DELETE FROM events WHERE event_id <> ?", (event_id,))
    conn.close()
    assert_index_is_exact(db, tmp_path)


def test_an_event_without_a_plain_date_gets_day_zero(db, tmp_path):
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE events SET event_date = '' WHERE event_id IN (SELECT event_id FROM events LIMIT 1)")
    keys = [r[0] >> 40 for r in conn.execute("SELECT rowid FROM event_search ORDER BY rowid")]
    conn.close()
    assert keys[0] == 0 and all(k > 0 for k in keys[1:])
    assert_index_is_exact(db, tmp_path)


def test_migration_6_backfills_a_database_from_before_it(db, tmp_path):
    conn = sqlite3.connect(db, isolation_level=None)
    expected = index_state(conn)
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE 'event_search%'"
                                   " AND type IN ('trigger', 'view')").fetchall():
        conn.execute(f"DROP {kind.upper()} {name}")
    conn.execute("DROP TABLE event_search")
    conn.execute("DROP TABLE event_search_text")
    conn.execute("DELETE FROM schema_migrations WHERE version >= 6")
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == 5
    conn.close()
    Store(db).close()  # opening it for writing migrates it
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == LATEST
    assert index_state(conn) == expected
    conn.close()
    assert_index_is_exact(db, tmp_path)


def test_migrations_can_stop_at_a_version(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    assert apply_migrations(conn, up_to=5) == [1, 2, 3, 4, 5]
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'event_search'").fetchone()[0] == 0
    assert apply_migrations(conn) == list(range(6, LATEST + 1))
    conn.close()
