"""``q`` over the demo database: the same events as a reference built without the event text index.

Every query runs twice: with the matches always driving the query, and with
the other filters' indexes and the sort order always driving it (FEW_MATCHES
0 or huge), so each plan of :mod:`marsad.api.text` is checked.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest

from marsad.api.params import SORTS, EventFilters, parse_bbox, where_clause
from tests.api.text_reference import article_reference, event_texts, fts_reference, word_reference

QUERIES = ["said", "killed", "two killed", "Mosul", "drone strike", '"Islamic State"', "Islamic State", "Idlib",
           "Tarmiyah", "Iraq", "Syria", "Zawiya", "hezbollah", "اختطاف", "مدني", "the of", "nothingmatchesthis"]
FILTERS = [
    {},
    {"date_from": "2022-01-01", "date_to": "2022-12-31"},
    {"date_to": "2021-12-31"},
    {"country": ["Iraq"]},
    {"country": ["Syria", "Iraq"], "admin1": ["Anbar", "Idlib"]},
    {"event_type": ["Battles", "Protests"]},
    {"sub_event_type": ["Armed clash"]},
    {"status": ["claimed", "disputed"]},
    {"min_sources": 2},
    {"bbox": "38,29,49,38"},
    {"bbox": "42.5,35.5,44.5,37"},
    {"actor": "Islamic State"},
    {"actor": "Unidentified Armed Group (Syria)", "date_from": "2022-01-01", "min_sources": 1},
]


@pytest.fixture(scope="module")
def texts(demo_db):
    return event_texts(demo_db)


@pytest.fixture(params=[0, 10**9], ids=["index-drives", "matches-drive"])
def plan(request, monkeypatch):
    import marsad.api.text

    monkeypatch.setattr(marsad.api.text, "FEW_MATCHES", request.param)
    return request.param


def _filters(params: dict) -> EventFilters:
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
    for key in ("date_from", "date_to"):
        if key in values:
            values[key] = date.fromisoformat(values[key])
    if "bbox" in values:
        values["bbox"] = parse_bbox(values["bbox"])
    return EventFilters(**values)


def expected_ids(db: Path, matching: set[str], params: dict, sort: str) -> list[str]:
    """The events of ``matching`` that pass the other filters, in the sort order, by plain SQL."""
    where, values = where_clause(replace(_filters(params), q=None))
    marks = ",".join("?" * len(matching)) or "NULL"
    clause = f"{where} AND" if where else "WHERE"
    with sqlite3.connect(db) as conn:
        rows = conn.execute(f"SELECT e.event_id FROM events e {clause} e.event_id IN ({marks}) ORDER BY {SORTS[sort]}",
                            [*values, *matching])
        return [r[0] for r in rows]


def get(client, params: dict) -> dict:
    response = client.get(f"/api/events?{urlencode(params, doseq=True)}")
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("q", QUERIES)
def test_q_matches_the_reference(demo_client, texts, plan, q):
    expected = fts_reference(texts, q)
    body = get(demo_client, {"q": q, "limit": 1000})
    assert {e["event_id"] for e in body["events"]} == expected
    assert body["total"] == len(expected)
    if q.isascii() and '"' not in q:
        assert expected == word_reference(texts, q)


def test_the_references_are_not_trivial(texts):
    sizes = {q: len(fts_reference(texts, q)) for q in QUERIES}
    assert sizes["said"] > 50 and 0 < sizes["Zawiya"] < 10 and sizes["nothingmatchesthis"] == 0
    assert sizes["Tarmiyah"] > 0 and sizes["مدني"] > 0  # folded Latin place name; an Arabic word
    assert 0 < sizes['"Islamic State"'] <= sizes["Islamic State"]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: urlencode(p, doseq=True) or "no-filter")
def test_q_with_filters_sorts_and_pages(demo_client, demo_db, texts, plan, params):
    for q in ("said", "killed", "Iraq", "Zawiya", "nothingmatchesthis"):
        matching = fts_reference(texts, q)
        for sort in SORTS:
            expected = expected_ids(demo_db, matching, params, sort)
            whole = get(demo_client, {**params, "q": q, "sort": sort, "limit": 1000})
            assert [e["event_id"] for e in whole["events"]] == expected, (q, sort)
            assert whole["total"] == len(expected)
            page = get(demo_client, {**params, "q": q, "sort": sort, "limit": 4, "offset": 3})
            assert [e["event_id"] for e in page["events"]] == expected[3:7], (q, sort)
            assert page["total"] == len(expected)


@pytest.mark.parametrize("params", [{}, {"date_from": "2022-01-01"}, {"country": ["Iraq"]}, {"min_sources": 2},
                                    {"bbox": "38,29,49,38"}, {"bbox": "42.5,35.5,44.5,37"}],
                         ids=lambda p: urlencode(p, doseq=True) or "no-filter")
def test_stats_with_q_count_the_matching_events(demo_client, demo_db, texts, params):
    for q in ("said", "Zawiya", "nothingmatchesthis"):
        matching = expected_ids(demo_db, fts_reference(texts, q), params, "event_date")
        body = demo_client.get(f"/api/stats?{urlencode({**params, 'q': q}, doseq=True)}").json()
        marks = ",".join("?" * len(matching)) or "NULL"
        with sqlite3.connect(demo_db) as conn:
            def rows(sql):
                return conn.execute(sql.format(marks=marks), matching).fetchall()
            ((n, first, last, dead),) = rows("SELECT count(*), min(event_date), max(event_date), coalesce(sum(fatalities), 0)"
                                             " FROM events WHERE event_id IN ({marks})")
            assert body["totals"] == {"events": n, "first_date": first, "last_date": last, "fatalities": dead}
            by_day = rows("SELECT event_date, count(*) FROM events WHERE event_id IN ({marks}) GROUP BY 1 ORDER BY 1")
            assert [(r["event_date"], r["n"]) for r in body["by_day"]] == by_day
            for name, columns in (("by_event_type", "event_type"), ("by_country", "country"), ("by_status", "status"),
                                  ("by_admin1", "country, admin1"), ("by_sub_event_type", "sub_event_type")):
                got = body[name]
                assert [r["n"] for r in got] == sorted((r["n"] for r in got), reverse=True)
                want = rows(f"SELECT {columns}, count(*) FROM events WHERE event_id IN ({{marks}}) GROUP BY {columns}")
                keys = [*columns.split(", "), "n"]
                assert sorted((tuple(r[k] for k in keys) for r in got), key=repr) == sorted(want, key=repr)


def test_dashboard_requests_with_q(demo_client, demo_db, texts):
    """The three requests the dashboard sends when q is typed: table page, map, timeline."""
    matching = fts_reference(texts, "killed")
    page = get(demo_client, {"q": "killed", "limit": 50, "offset": 0, "sort": "-event_date"})
    assert [e["event_id"] for e in page["events"]] == expected_ids(demo_db, matching, {}, "-event_date")[:50]
    fields = ["event_date", "event_type", "location", "latitude", "longitude", "n_sources", "status"]
    map_page = get(demo_client, {"q": "killed", "limit": 1000, "sort": "-n_sources", "fields": fields})
    assert [e["event_id"] for e in map_page["events"]] == expected_ids(demo_db, matching, {}, "-n_sources")
    assert set(map_page["events"][0]) == {"event_id", *fields}
    stats = demo_client.get("/api/stats?q=killed&include=by_day").json()
    assert set(stats) == {"totals", "by_day"} and stats["totals"]["events"] == len(matching)


def test_an_unmigrated_database_is_searched_article_by_article(demo_db, tmp_path):
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    old = tmp_path / "old.db"
    shutil.copy(demo_db, old)
    conn = sqlite3.connect(old, isolation_level=None)
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE 'event_search%'"
                                   " AND type IN ('trigger', 'view')").fetchall():
        conn.execute(f"DROP {kind.upper()} {name}")
    conn.execute("DROP TABLE event_search")
    conn.execute("DROP TABLE event_search_text")
    conn.execute("DELETE FROM schema_migrations WHERE version = 6")
    conn.close()
    with TestClient(create_app(old)) as client:
        for q in ("said", "two killed", "Iraq"):
            body = get(client, {"q": q, "limit": 1000})
            assert {e["event_id"] for e in body["events"]} == article_reference(old, q)
            assert body["total"] == len(article_reference(old, q))
            assert client.get(f"/api/stats?q={q}").json()["totals"]["events"] == body["total"]
