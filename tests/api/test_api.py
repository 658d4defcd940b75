"""Every route of the API over the fixture database, with its filters and its errors."""

from __future__ import annotations

import io
import json

import pytest

from tests.api.fixture_db import AR_TEXT, E_ALEPPO, E_DAMASCUS, E_KIRKUK, E_MOSUL, EN_TEXT, HOSTILE_SCRIPT


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


def test_events_default_sort_is_newest_first_with_total(client):
    body = client.get("/api/events").json()
    assert body["total"] == 4
    assert [e["event_id"] for e in body["events"]] == [E_ALEPPO, E_DAMASCUS, E_MOSUL, E_KIRKUK]
    assert set(body["events"][0]) >= {"event_id", "event_date", "event_type", "n_sources", "status", "assoc_actor_1"}


@pytest.mark.parametrize("query, expected", [
    ("date_from=2024-03-02&date_to=2024-03-05", {E_MOSUL, E_DAMASCUS}),
    ("bbox=42,34,46,37", {E_MOSUL, E_KIRKUK}),
    ("country=Syria", {E_DAMASCUS, E_ALEPPO}),
    ("country=Syria&country=Iraq", {E_DAMASCUS, E_ALEPPO, E_MOSUL, E_KIRKUK}),
    ("admin1=Kirkuk", {E_KIRKUK}),
    ("event_type=Protests", {E_DAMASCUS}),
    ("sub_event_type=Air/drone%20strike", {E_MOSUL}),
    ("actor=Civilians%20(Iraq)", {E_MOSUL}),
    ("actor=Local%20Guards", {E_KIRKUK}),
    ("actor=Guards", set()),
    ("actor=Civilians%20(Syria)&sort=event_date&date_from=2024-03-10", {E_ALEPPO}),
    ("status=denied&status=claimed", {E_ALEPPO, E_KIRKUK}),
    ("min_sources=2", {E_MOSUL, E_ALEPPO}),
    ("q=airstrike%20market", {E_MOSUL, E_KIRKUK}),
    ("q=Kirkuk&event_type=Battles", {E_KIRKUK}),
    ("q=الموصل", {E_MOSUL}),
    ("q=%22dispersed%20the%20crowd%22", {E_DAMASCUS}),
    ("q=nothingmatchesthis", set()),
])
def test_event_filters(client, query, expected):
    response = client.get(f"/api/events?{query}")
    assert set(ids(response)) == expected
    assert response.json()["total"] == len(expected)


@pytest.mark.parametrize("sort, expected", [
    ("event_date", [E_KIRKUK, E_MOSUL, E_DAMASCUS, E_ALEPPO]),
    ("-n_sources", [E_ALEPPO, E_MOSUL, E_DAMASCUS, E_KIRKUK]),
    ("-fatalities", [E_MOSUL, E_ALEPPO, E_DAMASCUS, E_KIRKUK]),
])
def test_event_sorting(client, sort, expected):
    assert ids(client.get(f"/api/events?sort={sort}")) == expected


def test_event_paging(client):
    first = client.get("/api/events?limit=2&offset=0").json()
    second = client.get("/api/events?limit=2&offset=2").json()
    assert first["total"] == second["total"] == 4
    assert [e["event_id"] for e in first["events"] + second["events"]] == [E_ALEPPO, E_DAMASCUS, E_MOSUL, E_KIRKUK]


@pytest.mark.parametrize("query, param", [
    ("limit=1001", "limit"),
    ("limit=0", "limit"),
    ("offset=-1", "offset"),
    ("date_from=2024-13-01", "date_from"),
    ("date_from=2024-03-05&date_to=2024-03-01", "date_from"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=a,b,c,d", "bbox"),
    ("bbox=50,30,40,40", "bbox"),
    ("bbox=0,-100,1,1", "bbox"),
    ("sort=actor1", "sort"),
    ("status=rumoured", "status"),
    ("min_sources=0", "min_sources"),
    ("q=%22%22", "q"),
])
def test_invalid_event_params_are_422_naming_the_param(client, query, param):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    details = response.json()["detail"]
    assert any(param in d["loc"] for d in details), details
    assert all(d["msg"] for d in details)


def test_event_detail_has_mentions_sources_claims_and_evidence(client):
    body = client.get(f"/api/events/{E_MOSUL}").json()
    assert body["event"]["event_id"] == E_MOSUL
    assert {m["doc_id"] for m in body["mentions"]} == {"en-1", "ar-1"}
    assert {s["outlet"] for s in body["sources"]} == {"Example Wire", "وكالة الأنباء"}
    mention = next(m for m in body["mentions"] if m["doc_id"] == "en-1")
    assert mention["article_title"] == "Airstrike hits Mosul market"
    assert mention["url"] == "https://example.org/mosul" and mention["published"] == "2024-03-02"
    for span in body["evidence"]:
        text = EN_TEXT if span["doc_id"] == "en-1" else AR_TEXT
        assert text[span["char_start"]:span["char_end"]] == span["text"]
        assert span["start"] == span["char_start"]  # these articles start at offset 0


def test_event_detail_claims(client):
    body = client.get(f"/api/events/{E_KIRKUK}").json()
    assert [c["verb"] for c in body["claims"]] == ["claimed"]
    assert body["claims"][0]["status"] == "claimed"
    damascus = client.get(f"/api/events/{E_DAMASCUS}").json()
    assert damascus["claims"][0]["status"] == "denied"


def test_unknown_event_is_404(client):
    response = client.get("/api/events/evt_nope")
    assert response.status_code == 404
    assert "evt_nope" in response.json()["detail"]


def test_article_text_and_spans(client):
    event = client.get(f"/api/events/{E_MOSUL}").json()
    article_id = next(m["article_id"] for m in event["mentions"] if m["doc_id"] == "en-1")
    body = client.get(f"/api/articles/{article_id}").json()
    text = body["article"]["text"]
    assert text == EN_TEXT
    spans = body["spans"]
    assert text[spans["title"]["start"]:spans["title"]["end"]] == "Airstrike hits Mosul market"
    assert spans["body"]["end"] == len(text)
    assert {t["text"] for t in spans["toponyms"]} == {"Mosul", "Kirkuk"}
    assert [a["actor"] for a in spans["actors"]] == ["Islamic State (Iraq)"]
    assert {m["event_id"] for m in spans["mentions"]} == {E_MOSUL, E_KIRKUK}
    assert spans["claims"][0]["verb"] == "claimed"
    for kind in ("toponyms", "actors", "mentions", "claims"):
        for span in spans[kind]:
            assert span["end"] - span["start"] == span["char_end"] - span["char_start"]
            assert text[span["start"]:span["end"]] == EN_TEXT[span["char_start"]:span["char_end"]]


def test_article_offsets_are_code_points_for_arabic(client):
    event = client.get(f"/api/events/{E_MOSUL}").json()
    article_id = next(m["article_id"] for m in event["mentions"] if m["doc_id"] == "ar-1")
    body = client.get(f"/api/articles/{article_id}").json()
    toponym = body["spans"]["toponyms"][0]
    assert body["article"]["text"][toponym["start"]:toponym["end"]] == "الموصل"


def test_unknown_article_is_404(client):
    assert client.get("/api/articles/art_nope").status_code == 404


def test_hostile_text_comes_back_verbatim_as_json(client):
    body = client.get(f"/api/events/{E_DAMASCUS}").json()
    assert HOSTILE_SCRIPT in body["event"]["notes"]
    assert body["mentions"][0]["article_title"].endswith(HOSTILE_SCRIPT)


def test_actors(client):
    body = client.get("/api/actors").json()
    by_name = {a["actor"]: a for a in body["actors"]}
    assert by_name["Islamic State (Iraq)"]["n_events"] == 1
    assert by_name["Civilians (Iraq)"]["n_events"] == 1
    assert by_name["Islamic State (Iraq)"]["n_mentions"] == 1
    assert by_name["Islamic State (Iraq)"]["actor_type"] == "Rebel groups"
    assert body["total"] == len(body["actors"])
    only = client.get("/api/actors?q=civilians").json()["actors"]
    assert {a["actor"] for a in only} == {"Civilians (Iraq)", "Civilians (Syria)"}
    assert client.get("/api/actors?limit=0").status_code == 422


def test_places(client):
    body = client.get("/api/places").json()
    mosul = next(p for p in body["places"] if p["geonameid"] == 99072)
    assert mosul["n_mentions"] == 2 and mosul["n_articles"] == 2
    assert {p["location"] for p in body["event_locations"]} == {"Mosul", "Kirkuk", "Damascus", "Aleppo"}
    syria = client.get("/api/places?country=SY").json()["places"]
    assert [p["name"] for p in syria] == ["Damascus"]


def test_stats(client):
    body = client.get("/api/stats").json()
    assert body["totals"]["events"] == 4
    assert body["totals"]["fatalities"] == 7
    assert [d["event_date"] for d in body["by_day"]] == ["2024-03-01", "2024-03-02", "2024-03-05", "2024-03-10"]
    assert {r["event_type"]: r["n"] for r in body["by_event_type"]}["Protests"] == 1
    assert {(r["country"], r["admin1"]) for r in body["by_admin1"]} >= {("Iraq", "Nineveh"), ("Syria", "Aleppo")}
    assert body["tables"]["events"] == 4 and body["tables"]["documents"] == 3


def test_stats_follow_the_event_filters(client):
    body = client.get("/api/stats?country=Iraq").json()
    assert body["totals"]["events"] == 2
    assert {r["country"] for r in body["by_country"]} == {"Iraq"}
    assert client.get("/api/stats?bbox=nonsense").status_code == 422


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "parquet"])
def test_export_streams_each_format(client, fmt):
    response = client.get(f"/api/export?table=events&format={fmt}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    data = response.content
    if fmt == "jsonl":
        rows = [json.loads(line) for line in data.decode().splitlines()]
        assert {r["event_id"] for r in rows} == {E_MOSUL, E_KIRKUK, E_DAMASCUS, E_ALEPPO}
    elif fmt == "csv":
        assert data.decode().splitlines()[0].startswith("event_id,event_date")
        assert len(data.decode().strip().splitlines()) == 5
    elif fmt == "geojson":
        assert len(json.loads(data)["features"]) == 4
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(io.BytesIO(data)).num_rows == 4


def test_export_of_a_text_table_keeps_arabic(client):
    rows = [json.loads(line) for line in client.get("/api/export?table=articles").text.splitlines()]
    assert "غارة جوية على سوق في الموصل" in {r["title"] for r in rows}


@pytest.mark.parametrize("query, param", [
    ("table=nope", "table"),
    ("table=events&format=xml", "format"),
    ("table=claims&format=geojson", "format"),
    ("format=csv", "table"),
])
def test_export_errors(client, query, param):
    response = client.get(f"/api/export?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == param


def test_openapi_lists_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) >= {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors",
                          "/api/places", "/api/stats", "/api/export"}


def test_dashboard_is_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "marsad" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for asset in ("/app.js", "/style.css", "/vendor/leaflet/leaflet.js", "/basemap/countries.geojson",
                  "/basemap/admin1.geojson"):
        assert client.get(asset).status_code == 200, asset


def test_dashboard_references_no_other_host(client):
    import re

    for asset in ("/", "/app.js", "/style.css"):
        assert not re.search(r"(src|href)=\"(https?:)?//", client.get(asset).text), asset
        assert "cdn" not in client.get(asset).text.lower(), asset


def test_the_database_is_opened_read_only(fixture_db):
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    before = fixture_db.stat().st_mtime_ns
    with TestClient(create_app(fixture_db)) as fresh:
        assert fresh.get("/api/stats").status_code == 200
    assert fixture_db.stat().st_mtime_ns == before


def test_missing_database_is_refused(tmp_path):
    from marsad.api import create_app
    from marsad.errors import StoreError

    with pytest.raises(StoreError):
        create_app(tmp_path / "nope.db")


def test_concurrent_requests_share_no_connection(client):
    from concurrent.futures import ThreadPoolExecutor

    urls = ["/api/events?q=Mosul", "/api/stats", "/api/events/evt_mosul", "/api/actors", "/api/places"] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(lambda u: client.get(u).status_code, urls))
    assert codes == [200] * len(urls)


def test_event_actors_table_is_kept_by_triggers(indexed_db, tmp_path):
    import shutil
    import sqlite3

    path = tmp_path / "copy.db"
    shutil.copy(indexed_db, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        rows = lambda: sorted(conn.execute("SELECT actor FROM event_actors WHERE event_id = ?", (E_KIRKUK,)))
        assert [r[0] for r in rows()] == ["Islamic State (Iraq)", "Local Guards", "Military Forces of Iraq", "Tribal Militia"]
        conn.execute("UPDATE events SET assoc_actor_1 = 'Other; \"Quoted\" Group' WHERE event_id = ?", (E_KIRKUK,))
        assert "\"Quoted\" Group" in [r[0] for r in rows()] and "Local Guards" not in [r[0] for r in rows()]
        conn.execute("DELETE FROM events WHERE event_id = ?", (E_KIRKUK,))
        assert rows() == []
    finally:
        conn.close()


def test_stats_include_limits_the_groups(client):
    body = client.get("/api/stats?include=by_day&country=Syria").json()
    assert set(body) == {"totals", "by_day"}
    assert set(body["totals"]) == {"events", "first_date", "last_date"}
    with_sum = client.get("/api/stats?include=fatalities&country=Syria").json()
    assert with_sum["totals"]["fatalities"] == 2 and set(with_sum) == {"totals"}
    assert client.get("/api/stats?include=by_nothing").status_code == 422


def test_fields_selects_columns(client):
    body = client.get("/api/events?fields=latitude&fields=longitude&limit=1").json()
    assert set(body["events"][0]) == {"event_id", "latitude", "longitude"}
    response = client.get("/api/events?fields=latitude&fields=password")
    assert response.status_code == 422 and "password" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize("threshold", [0, 10**9])
def test_actor_filter_gives_the_same_answer_either_way(client, monkeypatch, threshold):
    import marsad.api.params

    monkeypatch.setattr(marsad.api.params, "FREQUENT_ACTOR", threshold)
    assert set(ids(client.get("/api/events?actor=Local%20Guards"))) == {E_KIRKUK}
    assert set(ids(client.get("/api/events?actor=Civilians%20(Syria)&country=Syria"))) == {E_ALEPPO}
    assert client.get("/api/events?actor=Nobody").json()["total"] == 0
    assert set(ids(client.get("/api/events?actor=Local%20Guards&date_from=2024-03-01&date_to=2024-03-01"))) == {E_KIRKUK}
    assert client.get("/api/events?actor=Local%20Guards&date_from=2024-03-02").json()["total"] == 0
    assert client.get("/api/events?actor=Civilians%20(Syria)&event_type=Protests").json()["total"] == 0
    assert client.get("/api/stats?actor=Local%20Guards").json()["totals"]["events"] == 1


def test_stats_cache_sees_new_writes(fixture_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from marsad.api import create_app
    from marsad.store import Store

    path = tmp_path / "copy.db"
    shutil.copy(fixture_db, path)
    with TestClient(create_app(path)) as fresh:
        assert fresh.get("/api/stats").json()["totals"]["events"] == 4
        with Store(path) as store, store.transaction() as conn:
            conn.execute("DELETE FROM events WHERE event_id = ?", (E_ALEPPO,))
        assert fresh.get("/api/stats").json()["totals"]["events"] == 3
