r"""The indexes and the ``event_actors`` table the API's queries are designed for.

Proposed as schema migration 3 (see the issue's report); kept here so that the
benchmark and the tests can build a database that has them before the
migration lands. The API works without them, only slower: it checks for
``event_actors`` when the app is created and falls back to scanning
``events`` for the actor filter.

``event_actors`` holds one row per (actor, event) for actor1, actor2 and
each ";"-separated name of assoc_actor_1/assoc_actor_2, with the event's date
so that "this actor in this period" is one range of its primary key. Triggers
keep it up to date (the insert trigger first clears the event's rows, because
``INSERT OR REPLACE`` does not fire delete triggers). A name holding a control
character is left out (the list is split through JSON).
"""

from __future__ import annotations

import sqlite3

from marsad.store.event_indexes import EVENT_INDEXES_SQL as API_INDEXES_SQL  # noqa: E402


def apply_api_indexes(conn: sqlite3.Connection) -> None:
    """Create the indexes, table and triggers on a writable connection, then ANALYZE."""
    conn.executescript(API_INDEXES_SQL)
    conn.execute("ANALYZE")


def has_event_actors(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_actors'").fetchone()
    return row is not None
