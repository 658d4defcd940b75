r"""The event-level full-text index behind the API's ``q`` filter (migration 6).

``event_search`` is an FTS5 table with one row per event:

- ``articles``: the normalised title and body (as ``articles_fts`` holds them) of
  every article with a mention of the event;
- ``names``: the event's actors (actor1, actor2, the associated actors) and
  places (location, admin2, admin1, country), as stored in ``events``;
- ``facets``: one token per value of the columns the API filters or sorts on
  by value — country, admin1, event_type, sub_event_type, status, n_sources,
  fatalities, each actor as ``event_actors`` lists them, and the 1- and
  10-degree grid cells of the event's point — so that ``q`` and those filters
  are one full-text query (a box is narrowed to its cells, then tested). A
  token is a two-letter prefix and the hex of the value's UTF-8 bytes
  (:func:`facet_token`): exact, and matched only in ``facets``; a user's words
  that could fold into one are confined to ``articles`` and ``names``.

Its rowid is the event's **search key**: the event's day (the integer part of
its ``julianday``; 0 unless ``event_date`` is a YYYY-MM-DD date, as marsad
always writes it) times 2**40, plus the event's rowid. Ordering matches by key
is ordering them by ``event_date, rowid`` — the API's date sort — so a
date-sorted page of matches is read straight from the index and stops when it
is full, a date range is a range of keys, and a key's day gives back its
``event_date``. The event's rowid is ``key & (2**40 - 1)``.

Only the article text is stored (``event_search_text``, by key); the index is
an external-content FTS5 table over the view ``event_search_source``, which
adds ``names`` and ``facets`` computed from the event's row. FTS5 removes a row
from the index by reading the view, so every removal runs in a ``BEFORE``
trigger, while the event and its stored text are still those indexed.

Triggers on ``events`` keep the index: an event's row is added after the event
is inserted and rewritten around an update of an indexed column; fusion
rewrites an event with ``INSERT OR REPLACE`` whenever its mentions change, and
``BEFORE INSERT`` removes the row of the event being replaced (``REPLACE``
fires no delete trigger). The text is read from the mentions and articles
stored at that moment. ``INSERT OR IGNORE`` of an event that already exists is
not supported (the old event would lose its row); nothing in marsad does that,
and :func:`rebuild_event_search` repairs an index in any case.
"""

from __future__ import annotations

import sqlite3
from datetime import date

KEY_SHIFT = 40
ROWID_MASK = (1 << KEY_SHIFT) - 1
MAX_KEY = (1 << 63) - 1
# Facet prefixes by events column ("actor": each name of event_actors' rule).
FACETS = {"country": "zc", "admin1": "za", "event_type": "zt", "sub_event_type": "zs", "status": "zp",
          "n_sources": "zn", "fatalities": "zf", "actor": "zr", "cell": "zg", "cell10": "zh"}
_COLUMN_FACETS = ("country", "admin1", "event_type", "sub_event_type", "status", "n_sources", "fatalities")
NULL_FACETS = ("fatalities",)  # columns whose NULL has a token too (a sort order places NULLs)


def search_key(row: str) -> str:
    """SQL for the search key of the event ``row`` (``new``, ``old`` or a table alias)."""
    day = (f"CASE WHEN date({row}.event_date) = {row}.event_date"
           f" THEN CAST(julianday({row}.event_date) AS INTEGER) ELSE 0 END")
    return f"(({day} << {KEY_SHIFT}) + {row}.rowid)"


def facet_token(column: str, value: str | int | None) -> str:
    """The ``facets`` token of one value of an events column (or of one actor's name).

    The hex of the value's text as SQLite writes it (integers as decimal); NULL
    (in :data:`NULL_FACETS` only) is the prefix and "null", never hex.
    """
    if value is None:
        return FACETS[column] + "null"
    return FACETS[column] + str(value).encode("utf-8").hex()


def _floor(value: str) -> str:
    """SQL floor of a coordinate (> -1000): the same double arithmetic as :func:`grid_floor`."""
    return f"(CAST({value} + 1000 AS INTEGER) - 1000)"


def grid_floor(value: float) -> int:
    """The floor of a coordinate as the index computes it (the same rounding, so never a cell off)."""
    return int(value + 1000) - 1000


def grid_cell(lat_floor: int, lon_floor: int, size: int) -> int:
    """The number of the ``size``-degree cell (1 or 10) whose south-west corner is at the given floors."""
    return (lat_floor + 90 // size) * (360 // size) + lon_floor + 180 // size


def _cells(row: str) -> str:
    """Facet tokens of the 1-degree and 10-degree grid cells of the event's point, if it has one."""
    lat, lon = f"{row}.latitude", f"{row}.longitude"
    one = f"(({_floor(lat)} + 90) * 360 + {_floor(lon)} + 180)"
    ten = f"(({_floor(lat + ' / 10')} + 9) * 36 + {_floor(lon + ' / 10')} + 18)"
    return (f"CASE WHEN {lat} IS NULL OR {lon} IS NULL THEN ''"
            f" ELSE ' {FACETS['cell']}' || hex({one}) || ' {FACETS['cell10']}' || hex({ten}) END")


def _names(row: str) -> str:
    columns = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin2", "admin1", "country")
    return " || ' ' || ".join(f"coalesce({row}.{c}, '')" for c in columns)


def _articles(row: str) -> str:
    """The text of the articles that report the event (each article once, in rid order)."""
    return (
        "coalesce((SELECT group_concat(f.title || ' ' || f.body, ' ') FROM articles_fts f WHERE f.rowid IN"
        f" (SELECT a.rid FROM mentions m JOIN articles a ON a.article_id = m.article_id"
        f" WHERE m.event_id = {row}.event_id)), '')"
    )


def _facets(row: str) -> str:
    """Facet tokens of the event ``row``; the actors as event_actors has them, once each, sorted.

    The associated actors are split with a recursive CTE, not ``json_each``:
    FTS5 reads the view with virtual tables disallowed.
    """
    columns = " || ".join(
        f"CASE WHEN {row}.{c} IS NULL THEN '{' ' + FACETS[c] + 'null' if c in NULL_FACETS else ''}'"
        f" ELSE ' {FACETS[c]}' || hex({row}.{c}) END" for c in _COLUMN_FACETS)
    split = (
        "WITH RECURSIVE part(rest, name) AS ("
        f" SELECT coalesce({row}.assoc_actor_1, '') || ';' || coalesce({row}.assoc_actor_2, '') || ';', ''"
        " UNION ALL SELECT substr(rest, instr(rest, ';') + 1), trim(substr(rest, 1, instr(rest, ';') - 1))"
        " FROM part WHERE rest <> '')"
        f" SELECT name FROM part UNION SELECT trim({row}.actor1) UNION SELECT trim({row}.actor2)"
    )
    named = f"(SELECT group_concat('{FACETS['actor']}' || hex(name), ' ') FROM ({split}) WHERE name <> '')"
    return f"{columns} || {_cells(row)} || ' ' || coalesce({named}, '')"


_INSERT = "INSERT INTO event_search (rowid, articles, names, facets)"
_GUARD = f"SELECT RAISE(ABORT, 'events.rowid too large for event_search') WHERE new.rowid > {ROWID_MASK}"
# Columns whose change changes an event's row of the index (its key: event_date and rowid).
_INDEXED = ("event_id, event_date, actor1, assoc_actor_1, actor2, assoc_actor_2, location, admin2, admin1, country,"
            " event_type, sub_event_type, status, n_sources, fatalities, latitude, longitude")


def _add(row: str) -> str:
    """Statements indexing the event ``row``: its article text is stored, then the index row is read from the view."""
    return (f"INSERT INTO event_search_text (key, articles) VALUES ({search_key(row)}, {_articles(row)});\n"
            f"  {_INSERT} SELECT key, articles, names, facets FROM event_search_source WHERE key = {search_key(row)};")


def _remove(key: str) -> str:
    """Statements removing the index row ``key`` (read from the view: run before the event changes)."""
    return (f"DELETE FROM event_search WHERE rowid = {key};\n"
            f"  DELETE FROM event_search_text WHERE key = {key};")


_REPLACED = f"(SELECT {search_key('e')} FROM events e WHERE e.event_id = new.event_id)"

EVENT_SEARCH_SQL = f"""
CREATE TABLE event_search_text (
    key INTEGER PRIMARY KEY,
    articles TEXT NOT NULL
);

CREATE VIEW event_search_source AS
  SELECT t.key AS key, t.articles AS articles, {_names('e')} AS names, {_facets('e')} AS facets
  FROM event_search_text t JOIN events e ON e.rowid = (t.key & {ROWID_MASK});

CREATE VIRTUAL TABLE event_search USING fts5(
    articles, names, facets, content = 'event_search_source', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2', columnsize = 0
);

CREATE TRIGGER event_search_replace BEFORE INSERT ON events BEGIN
  {_remove(_REPLACED)}
END;

CREATE TRIGGER event_search_insert AFTER INSERT ON events BEGIN
  {_GUARD};
  {_add('new')}
END;

CREATE TRIGGER event_search_update_before BEFORE UPDATE OF {_INDEXED} ON events BEGIN
  {_remove(search_key('old'))}
END;

CREATE TRIGGER event_search_update_after AFTER UPDATE OF {_INDEXED} ON events BEGIN
  {_GUARD};
  {_add('new')}
END;

CREATE TRIGGER event_search_delete BEFORE DELETE ON events BEGIN
  {_remove(search_key('old'))}
END;

INSERT INTO event_search_text (key, articles) SELECT {search_key('e')}, {_articles('e')} FROM events e;
INSERT INTO event_search (event_search) VALUES ('rebuild');
INSERT INTO event_search (event_search) VALUES ('optimize');
"""


def rebuild_event_search(conn: sqlite3.Connection) -> int:
    """Write the whole index again from the events, mentions and articles; returns its rows.

    Runs in the caller's transaction (or autocommit). For a database whose
    events were written with the triggers dropped.
    """
    conn.execute("INSERT INTO event_search (event_search) VALUES ('delete-all')")
    conn.execute("DELETE FROM event_search_text")
    conn.execute(f"INSERT INTO event_search_text (key, articles)"
                 f" SELECT {search_key('e')}, {_articles('e')} FROM events e")
    conn.execute("INSERT INTO event_search (event_search) VALUES ('rebuild')")
    conn.execute("INSERT INTO event_search (event_search) VALUES ('optimize')")
    return conn.execute("SELECT count(*) FROM event_search_text").fetchone()[0]


def has_event_search(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_search'").fetchone()
    return row is not None


def day_number(day: date) -> int:
    """The day part of a search key: the integer part of SQLite's ``julianday`` for that date."""
    return day.toordinal() + 1721424  # julianday('0001-01-01') = 1721425.5


def key_range(date_from: date | None, date_to: date | None) -> tuple[int, int]:
    """Smallest and largest search keys of the events dated within ``[date_from, date_to]``."""
    low = day_number(date_from) << KEY_SHIFT if date_from else 0
    high = ((day_number(date_to) + 1) << KEY_SHIFT) - 1 if date_to else MAX_KEY
    return low, high
