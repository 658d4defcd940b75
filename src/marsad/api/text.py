"""How the ``q`` filter is matched.

On a database with migration 6, ``q`` is matched against ``event_search`` (see
:mod:`marsad.store.event_search`): one full-text row per event — its articles'
titles and bodies, its actors and places, and facet tokens — whose rowid, the
search key, orders events by ``event_date, rowid``. ``q``, the dates (a range
of keys), country, admin1, event_type, sub_event_type, status, actor and
min_sources (facets), and a box's grid cells become one full-text query, and:

- the number of events matching it is one count over the index, no event read:
  the exact ``total``, unless a ``bbox`` is set (its cells are a superset: the
  candidates are then read and tested, and counted);
- a page sorted by date walks the index in key order from the newest (or
  oldest) match and stops when the page is full;
- a page sorted by n_sources or fatalities walks the index once per value of
  the column, in sort order (each value's matches in key order), until full;
- with few matches, other pages and counts read every match once.

The rowid test ``e``'s key ``IN`` the matching keys (:func:`text_clause`) lets
the other filters' indexes drive a count instead (a box with many candidates).
A database without the index (an older one, served read-only before any
``marsad run`` migrated it) is searched article by article, as before.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, Literal

from marsad.store.event_search import (
    MAX_KEY, NULL_FACETS, ROWID_MASK, facet_token, grid_cell, grid_floor, key_range, search_key,
)
from marsad.store.store import fts_query

if TYPE_CHECKING:
    from marsad.api.params import BBox, EventFilters

TextMode = Literal["none", "articles", "events"]
# Matching events up to which the matches drive a query (one event read per match).
FEW_MATCHES = 10_000
MAX_CELLS = 64  # grid cells OR-ed into one query for a box
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_FACET_FILTERS = ("country", "admin1", "event_type", "sub_event_type", "status")


@dataclass(frozen=True, slots=True)
class TextPlan:
    mode: TextMode = "none"
    match: str = ""  # the FTS5 query: q, and in events mode the facets
    low: int = 0  # search keys of the date filters
    high: int = MAX_KEY
    n_events: int | None = None  # events matching the index query within the dates, when counted
    exact: bool = False  # the index query covers every filter: n_events is the answer's total

    @property
    def few(self) -> bool:
        return self.n_events is not None and self.n_events <= FEW_MATCHES

    @property
    def params(self) -> list[Any]:
        """Parameters of ``MATCH ? AND rowid BETWEEN ? AND ?``."""
        return [self.match, self.low, self.high]


def text_plan(conn: sqlite3.Connection, filters: EventFilters, event_search: bool, count: bool = True) -> TextPlan:
    """How to match ``filters.q``; with the event index, counts the matches (if ``count``)."""
    if not filters.q:
        return TextPlan()
    if not event_search:
        return TextPlan("articles", fts_query(filters.q))
    low, high = key_range(filters.date_from, filters.date_to)
    sources = list(column_values(conn, "n_sources", at_least=filters.min_sources)) if filters.min_sources else None
    plan = TextPlan("events", event_match(filters, sources), low, high, exact=filters.bbox is None)
    if not count:
        return plan
    n = conn.execute("SELECT count(*) FROM event_search WHERE event_search MATCH ? AND rowid BETWEEN ? AND ?",
                     plan.params).fetchone()[0]
    return TextPlan(plan.mode, plan.match, low, high, n, plan.exact)


def event_match(filters: EventFilters, sources: list[int] | None = None) -> str:
    """The FTS5 query over ``event_search``: the words of ``q`` in the text columns, and the facets.

    ``sources``: the n_sources values that ``min_sources`` allows (those stored).
    """
    words = fts_query(filters.q or "")
    parts = [f"{{articles names}} : ({words})" if _may_be_facet(words) else words]
    for column in _FACET_FILTERS:
        values = getattr(filters, column)
        if values:
            parts.append("facets : (" + " OR ".join(f'"{facet_token(column, v)}"' for v in values) + ")")
    if filters.actor:
        parts.append(f'facets : "{facet_token("actor", filters.actor)}"')
    cells = grid_tokens(filters.bbox) if filters.bbox else None
    if cells:
        parts.append("facets : (" + " OR ".join(f'"{token}"' for token in cells) + ")")
    if sources is not None:
        parts.append("facets : (" + " OR ".join(f'"{facet_token("n_sources", v)}"' for v in sources) + ")"
                     if sources else 'facets : "zn"')  # no value: a token no event has
    return " AND ".join(parts)


def grid_tokens(box: BBox) -> list[str] | None:
    """Facet tokens of the grid cells covering ``box``: 1-degree cells, or 10-degree ones when
    more than :data:`MAX_CELLS` would be needed, or None (a box too large to narrow)."""
    for size, facet in ((1, "cell"), (10, "cell10")):
        lats = range(grid_floor(box.min_lat / size), grid_floor(box.max_lat / size) + 1)
        lons = range(grid_floor(box.min_lon / size), grid_floor(box.max_lon / size) + 1)
        if len(lats) * len(lons) <= MAX_CELLS:
            return [facet_token(facet, grid_cell(lat, lon, size)) for lat in lats for lon in lons]
    return None


def with_facet(plan: TextPlan, column: str, value: Any) -> list[Any]:
    """:attr:`TextPlan.params` with the match narrowed to events whose ``column`` is ``value``."""
    return [f'{plan.match} AND facets : "{facet_token(column, value)}"', plan.low, plan.high]


def column_values(conn: sqlite3.Connection, column: str, descending: bool = False,
                  at_least: int | None = None) -> Iterator[Any]:
    """The distinct values of an indexed events column in sort order, one index probe each.

    NULL comes where SQL sorts it (first ascending, last descending), if any
    event has it; ``at_least`` skips the smaller values.
    """
    nulls = column in NULL_FACETS and conn.execute(
        f"SELECT 1 FROM events WHERE {column} IS NULL LIMIT 1").fetchone() is not None
    if nulls and not descending:
        yield None
    # One range per query, so that SQLite reads one index entry for min() or max().
    if descending:
        value = conn.execute(f"SELECT max({column}) FROM events").fetchone()[0]
    else:
        start = f"{column} >= ?" if at_least is not None else f"{column} IS NOT NULL"
        value = conn.execute(f"SELECT min({column}) FROM events WHERE {start}",
                             [at_least] if at_least is not None else []).fetchone()[0]
    pick, step = ("max", "<") if descending else ("min", ">")
    while value is not None and (at_least is None or value >= at_least):
        yield value
        value = conn.execute(f"SELECT {pick}({column}) FROM events WHERE {column} {step} ?", [value]).fetchone()[0]
    if nulls and descending:
        yield None


def _may_be_facet(words: str) -> bool:
    """Whether a word of the query could fold into a facet token ("z", a letter, hex digits).

    Only then are the words confined to the text columns: the column filter
    costs time. Any "z", and any letter outside ASCII and Arabic, counts.
    """
    return any(ch in "zZ" or (ord(ch) > 127 and not _ARABIC.match(ch)) for ch in words)


def text_clause(plan: TextPlan) -> tuple[str, list[Any]]:
    """A condition on ``events e`` for ``q`` (events mode: the event's key among the matching keys)."""
    if plan.mode == "articles":
        return _ARTICLES_CLAUSE, [plan.match]
    return (f"{search_key('e')} IN (SELECT rowid FROM event_search"
            " WHERE event_search MATCH ? AND rowid BETWEEN ? AND ?)"), plan.params


def from_matches(residual_where: str) -> str:
    """``FROM ... WHERE ...`` reading the matching events from the index, in key order.

    ``residual_where`` (``WHERE ...`` or "") holds the filters the index does
    not cover; parameters: :attr:`TextPlan.params`, then the residual filters'.
    """
    other = f" AND {residual_where.removeprefix('WHERE ')}" if residual_where else ""
    return (f"FROM event_search s CROSS JOIN events e ON e.rowid = (s.rowid & {ROWID_MASK})"
            f" WHERE s.event_search MATCH ? AND s.rowid BETWEEN ? AND ?{other}")


_ARTICLES_CLAUSE = (
    "e.event_id IN (SELECT m.event_id FROM mentions m WHERE m.event_id IS NOT NULL AND m.article_id IN"
    " (SELECT a.article_id FROM articles a WHERE a.rid IN"
    " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"
)
