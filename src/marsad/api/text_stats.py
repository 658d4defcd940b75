"""``/api/stats`` for a ``q`` matched through the event text index.

The matches are counted, dated and grouped by day from their search keys alone
when the index covers every filter (a key's day gives back its event_date;
events whose event_date is not a YYYY-MM-DD date have day 0 and are read).
Fatalities and the other groups need the events: they are read once, in one
pass grouped by every column at once, and the groups are summed here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from marsad.api.text import TextPlan
from marsad.store import Store
from marsad.store.event_search import KEY_SHIFT, ROWID_MASK

# Group name -> the columns of the one-pass grouping it sums over.
PASS_GROUPS = {
    "by_event_type": ("event_type",),
    "by_sub_event_type": ("sub_event_type",),
    "by_country": ("country",),
    "by_admin1": ("country", "admin1"),
    "by_status": ("status",),
}
_PASS_COLUMNS = ("event_type", "sub_event_type", "country", "admin1", "status")


def text_stats(store: Store, text: TextPlan, source: str, params: list[Any], groups: list[str]) -> dict[str, Any]:
    """Totals and groups of the events matching ``text`` (``source``/``params``: their FROM ... WHERE ...)."""
    if text.exact:
        days = _days_from_keys(store, text, source, params)
    else:
        days = [(r["event_date"], r["n"]) for r in store.query(
            f"SELECT e.event_date AS event_date, count(*) AS n {source} GROUP BY e.event_date", params)]
    days.sort(key=lambda day: day[0])
    totals: dict[str, Any] = {"events": sum(n for _, n in days), "first_date": days[0][0] if days else None,
                              "last_date": days[-1][0] if days else None}
    out: dict[str, Any] = {"totals": totals}
    if "by_day" in groups:
        out["by_day"] = [{"event_date": day, "n": n} for day, n in days]
    wanted = [g for g in groups if g in PASS_GROUPS]
    if wanted or "fatalities" in groups:
        select = ", ".join(f"e.{c} AS {c}" for c in _PASS_COLUMNS)
        group = ", ".join(f"+e.{c}" for c in _PASS_COLUMNS)
        rows = list(store.query(f"SELECT {select}, count(*) AS n, coalesce(sum(e.fatalities), 0) AS fatalities"
                                f" {source} GROUP BY {group}", params))
        if "fatalities" in groups:
            totals["fatalities"] = sum(r["fatalities"] for r in rows)
        for name in wanted:
            out[name] = _summed(rows, name)
    return out


def _days_from_keys(store: Store, text: TextPlan, source: str, params: list[Any]) -> list[tuple[str, int]]:
    """``(event_date, n)`` of the matches, from their keys; day 0 (no YYYY-MM-DD date) read from the events."""
    rows = store.query(
        f"SELECT rowid >> {KEY_SHIFT} AS day, date((rowid >> {KEY_SHIFT}) + 0.5) AS event_date, count(*) AS n"
        f" FROM event_search WHERE event_search MATCH ? AND rowid BETWEEN ? AND ? GROUP BY day", text.params)
    days = [(r["event_date"], r["n"]) for r in rows if r["day"] > 0]
    if text.low <= ROWID_MASK:  # the range reaches day 0
        undated = store.query(f"SELECT e.event_date AS event_date, count(*) AS n {source}"
                              f" AND s.rowid <= {ROWID_MASK} GROUP BY e.event_date", params)
        days += [(r["event_date"], r["n"]) for r in undated]
    return days


def _summed(rows: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    """One group's rows, in the order of the SQL path: most events first, then by value (NULL first)."""
    columns = PASS_GROUPS[name]
    counts: Counter = Counter()
    for row in rows:
        counts[tuple(row[c] for c in columns)] += row["n"]
    last = columns[-1]
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][-1] is not None, item[0][-1] or ""))
    out = [{**dict(zip(columns, values)), "n": n} for values, n in ordered]
    if name == "by_sub_event_type":  # as the SQL path: the sub-event type's event type beside it
        types = {row["sub_event_type"]: row["event_type"] for row in rows}
        for row in out:
            row["event_type"] = types.get(row[last])
    return out
