"""Latency of ``/api/events`` (and ``/api/stats``) over a million synthetic events.

    .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--reps 40] [--no-indexes]
                                             [--keep DB] [--as-is] [--json FILE]

Builds a temporary marsad database (schema up to migration 5, then a bulk
insert of synthetic events spread over Iraq and Syria across three years, plus
articles with full-text rows and mentions for the ``q`` filter), adds the
indexes and ``event_actors`` table proposed for the API (migration 3, from
:mod:`marsad.api.indexes`), then applies the remaining migrations — migration 6
fills the event text index behind ``q`` for the existing events, as it does on
an old database, and its time is printed. Then it times representative requests
through the real app in-process (httpx's ASGI transport: routing, validation,
the thread pool, SQL and JSON encoding included; no network). Prints p50/p95
per query of the wall-clock time and of the process's CPU time (about the
latency on an idle machine: wall-clock also counts waiting for a core), and
the load average before and after.

``--keep DB`` builds the database at DB, or reuses it when it exists (about 10
minutes saved); a reused database is migrated to the current schema first
unless ``--as-is`` is given (then an older database is measured as it is: ``q``
through the articles' index, as before migration 6).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Iterator

TYPES = {
    "Battles": (0.28, ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"]),
    "Explosions/Remote violence": (0.30, ["Shelling/artillery/missile attack", "Air/drone strike",
                                          "Remote explosive/landmine/IED", "Suicide bomb"]),
    "Violence against civilians": (0.14, ["Attack", "Abduction/forced disappearance", "Sexual violence"]),
    "Protests": (0.16, ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]),
    "Riots": (0.04, ["Violent demonstration", "Mob violence"]),
    "Strategic developments": (0.08, ["Arrests", "Looting/property destruction", "Agreement", "Other"]),
}
ADMIN1 = {  # (country, admin1): (lat, lon) of a centre
    ("Iraq", "Baghdad"): (33.31, 44.37), ("Iraq", "Nineveh"): (36.34, 43.13), ("Iraq", "Kirkuk"): (35.47, 44.39),
    ("Iraq", "Anbar"): (33.42, 43.30), ("Iraq", "Basra"): (30.51, 47.78), ("Iraq", "Diyala"): (33.75, 44.61),
    ("Iraq", "Salah al-Din"): (34.60, 43.68), ("Iraq", "Erbil"): (36.19, 44.01), ("Iraq", "Babil"): (32.47, 44.42),
    ("Syria", "Aleppo"): (36.20, 37.16), ("Syria", "Idlib"): (35.93, 36.63), ("Syria", "Damascus"): (33.51, 36.29),
    ("Syria", "Rural Damascus"): (33.52, 36.55), ("Syria", "Homs"): (34.73, 36.71), ("Syria", "Hama"): (35.13, 36.75),
    ("Syria", "Deir ez-Zor"): (35.34, 40.14), ("Syria", "Raqqa"): (35.95, 39.01), ("Syria", "Hasakah"): (36.50, 40.75),
    ("Syria", "Daraa"): (32.62, 36.10), ("Syria", "Latakia"): (35.52, 35.78),
}
STATUSES = (("reported", 0.8), ("claimed", 0.1), ("disputed", 0.06), ("denied", 0.04))
WORDS = ("airstrike market convoy checkpoint shelling village clashes protest drone militia police "
         "border hospital school bridge oil field camp prison tribal curfew").split() + [f"w{i:04d}" for i in range(3000)]
WORD_WEIGHTS = list(accumulate(1 / (i + 1) for i in range(len(WORDS))))  # Zipf: "airstrike" commonest
N_ACTORS = 300
START = date(2023, 1, 1)
DAYS = 3 * 365
BATCH = 50_000


def actor_names() -> list[str]:
    return [f"Actor {i:03d} ({'Iraq' if i % 2 else 'Syria'})" for i in range(N_ACTORS)]


def synthetic_events(n: int, rng: random.Random) -> Iterator[tuple]:
    types = list(TYPES)
    type_weights = list(accumulate(TYPES[t][0] for t in types))
    places = list(ADMIN1)
    actors = actor_names()
    actor_weights = list(accumulate(1 / (i + 1) for i in range(N_ACTORS)))  # Zipf-like: a few actors in many events
    statuses, weights = zip(*STATUSES)
    status_weights = list(accumulate(weights))
    for i in range(n):
        event_type = rng.choices(types, cum_weights=type_weights)[0]
        country, admin1 = rng.choice(places)
        lat, lon = ADMIN1[(country, admin1)]
        a1, a2 = rng.choices(actors, cum_weights=actor_weights, k=2)
        assoc = "; ".join(rng.choices(actors, cum_weights=actor_weights, k=rng.choice((1, 2)))) if rng.random() < 0.3 else None
        n_sources = min(1 + int(rng.expovariate(0.6)), 30)
        fatalities = int(rng.expovariate(0.3)) if rng.random() < 0.6 else None
        yield (
            f"evt_{i:07d}", (START + timedelta(days=rng.randrange(DAYS))).isoformat(), rng.choice((1, 1, 1, 2, 3)),
            event_type, rng.choice(TYPES[event_type][1]), a1, assoc, a2, country, admin1,
            f"{admin1} {rng.randrange(40)}", round(lat + rng.uniform(-0.6, 0.6), 4),
            round(lon + rng.uniform(-0.6, 0.6), 4), n_sources, n_sources + rng.randrange(3), fatalities,
            rng.choices(statuses, cum_weights=status_weights)[0],
        )


_EVENT_INSERT = (
    "INSERT INTO events (event_id, event_date, time_precision, event_type, sub_event_type, actor1, assoc_actor_1,"
    " actor2, country, admin1, location, latitude, longitude, n_sources, n_mentions, fatalities, status)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def build_database(path: Path, n_events: int, n_articles: int, indexes: bool, seed: int = 7) -> dict[str, float]:
    from marsad.store.migrations import apply_migrations

    rng = random.Random(seed)
    timings: dict[str, float] = {}
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    apply_migrations(conn, up_to=5)  # the schema before the event text index: filled below as on an old database
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -262144")
    started = time.perf_counter()
    conn.execute("BEGIN")
    events = synthetic_events(n_events, rng)
    while chunk := [row for _, row in zip(range(BATCH), events)]:
        conn.executemany(_EVENT_INSERT, chunk)
    _insert_articles(conn, n_articles, n_events, rng)
    conn.execute("COMMIT")
    timings["insert_s"] = time.perf_counter() - started
    if indexes:
        from marsad.api.indexes import apply_api_indexes

        started = time.perf_counter()
        apply_api_indexes(conn)
        timings["index_s"] = time.perf_counter() - started
    timings.update(migrate(conn))
    conn.close()
    return timings


def migrate(conn: sqlite3.Connection) -> dict[str, float]:
    """Apply the migrations the database lacks (migration 6 fills the event text index); their time."""
    from marsad.store.migrations import apply_migrations

    conn.execute("PRAGMA cache_size = -262144")
    started, started_cpu = time.perf_counter(), time.process_time()
    applied = apply_migrations(conn)
    timings = {"migrate_s": time.perf_counter() - started, "migrate_cpu_s": time.process_time() - started_cpu}
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {**timings, "migrations": applied} if applied else {}


def _insert_articles(conn: sqlite3.Connection, n_articles: int, n_events: int, rng: random.Random) -> None:
    """Articles with full-text rows, one document each, and one mention linking each to an event."""
    docs, articles, fts, mentions = [], [], [], []
    for rid in range(1, n_articles + 1):
        doc_id = f"doc-{rid}"
        words = " ".join(rng.choices(WORDS, cum_weights=WORD_WEIGHTS, k=60))
        text = f"Report {rid}\n\n{words}."
        article_id = f"art_{rid:07d}"
        docs.append((doc_id, "jsonl", "bench", f"sha{rid}", len(text), text))
        articles.append((rid, article_id, doc_id, 0, 0, len(text), 10, len(text)))
        fts.append((rid, f"report {rid}", words))
        mentions.append((f"men_{rid:07d}", doc_id, article_id, f"evt_{rng.randrange(n_events):07d}", "Battles",
                         "Armed clash", 10, len(text)))
    conn.executemany("INSERT INTO documents (doc_id, kind, origin, content_sha, n_chars, text) VALUES (?,?,?,?,?,?)", docs)
    conn.executemany("INSERT INTO articles (rid, article_id, doc_id, idx, char_start, char_end, body_start, body_end)"
                     " VALUES (?,?,?,?,?,?,?,?)", articles)
    conn.executemany("INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)", fts)
    conn.executemany("INSERT INTO mentions (mention_id, doc_id, article_id, event_id, event_type, sub_event_type,"
                     " char_start, char_end) VALUES (?,?,?,?,?,?,?,?)", mentions)


def queries() -> dict[str, str]:
    top_actor = actor_names()[0]
    mid_actor = actor_names()[40]
    map_fields = "".join(f"&fields={f}" for f in ("event_date", "event_type", "location", "admin1", "country",
                                                  "latitude", "longitude", "n_sources", "status"))
    return {
        "newest 100": "/api/events",
        "one month": "/api/events?date_from=2024-05-01&date_to=2024-05-31",
        "event_type": "/api/events?event_type=Battles",
        "country+admin1": "/api/events?country=Syria&admin1=Aleppo",
        "sub_event_type+year": "/api/events?sub_event_type=Air/drone%20strike&date_from=2025-01-01&date_to=2025-12-31",
        "bbox Baghdad": "/api/events?bbox=44.2,33.2,44.5,33.45",
        "actor (top)": f"/api/events?actor={top_actor}",
        "actor (mid)": f"/api/events?actor={mid_actor}",
        "actor+month": f"/api/events?actor={top_actor}&date_from=2024-05-01&date_to=2024-05-31",
        "status+min_sources": "/api/events?status=disputed&min_sources=4",
        "combined, by sources": "/api/events?date_from=2024-01-01&date_to=2024-06-30&event_type=Protests"
                                "&country=Iraq&sort=-n_sources",
        "by fatalities": "/api/events?sort=-fatalities",
        "text search (common words)": "/api/events?q=airstrike%20convoy",
        "text search (rarer word)": "/api/events?q=w0300",
        "text search, oldest first": "/api/events?q=airstrike%20convoy&sort=event_date",
        "text search (phrase)": "/api/events?q=%22airstrike%20market%22",
        "text search (word in 93% of events)": "/api/events?q=Syria",
        "text search + month": "/api/events?q=airstrike%20convoy&date_from=2024-05-01&date_to=2024-05-31",
        "text search + country+admin1": "/api/events?q=airstrike%20convoy&country=Syria&admin1=Aleppo",
        "text search + event_type": "/api/events?q=airstrike%20convoy&event_type=Battles",
        "text search + actor (top)": f"/api/events?q=airstrike%20convoy&actor={top_actor}",
        "text search + min_sources": "/api/events?q=airstrike%20convoy&min_sources=4",
        "text search + bbox Baghdad": "/api/events?q=airstrike%20convoy&bbox=44.2,33.2,44.5,33.45",
        "text search, by sources": "/api/events?q=airstrike%20convoy&sort=-n_sources",
        "text search, by fatalities": "/api/events?q=airstrike%20convoy&sort=-fatalities",
        "text search, page 50": "/api/events?q=airstrike%20convoy&offset=5000",
        "page 50 (offset 5000)": "/api/events?offset=5000",
        "map: 1000 by sources, all columns": "/api/events?limit=1000&sort=-n_sources",
        "map: 1000 by sources, map fields": "/api/events?limit=1000&sort=-n_sources" + map_fields,
        "map: 1000 by sources, text search": "/api/events?q=airstrike%20convoy&limit=1000&sort=-n_sources" + map_fields,
    }


def stats_queries() -> dict[str, str]:
    return {
        "stats: all groups (page load)": "/api/stats",
        "stats: timeline, no filter": "/api/stats?include=by_day",
        "stats: timeline, Syria 2024": "/api/stats?include=by_day&country=Syria&date_from=2024-01-01&date_to=2024-12-31",
        "stats: timeline, Battles": "/api/stats?include=by_day&event_type=Battles",
        "stats: timeline, text search": "/api/stats?include=by_day&q=airstrike%20convoy",
        "stats: all groups, text search": "/api/stats?q=airstrike%20convoy",
    }


async def measure(client, url: str, reps: int) -> tuple[dict[str, float], dict]:
    """Wall-clock and process CPU milliseconds per request (CPU time: the latency on an idle machine)."""
    (await client.get(url)).raise_for_status()  # warm-up
    wall, cpu = [], []
    for _ in range(reps):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = await client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        response.raise_for_status()
    summary = {"p50_ms": statistics.median(wall), "p95_ms": percentile(wall, 0.95),
               "cpu_p50_ms": statistics.median(cpu), "cpu_p95_ms": percentile(cpu, 0.95)}
    return summary, response.json()


async def run_queries(app, cached, reps: int, stats_reps: int) -> dict[str, dict[str, float]]:
    """Each query through the ASGI app in-process (httpx's ASGI transport), one at a time.

    /api/stats is timed on an app without its result cache (every request
    computed) and, for the page-load query, on one with it (repeat visits).
    """
    import httpx

    results: dict[str, dict[str, float]] = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        results["(baseline: /openapi.json)"], _ = await measure(client, "/openapi.json", reps)
        for name, url in queries().items():
            summary, body = await measure(client, url, reps)
            results[name] = {**summary, "total": body["total"]}
        for name, url in stats_queries().items():
            results[name], _ = await measure(client, url, stats_reps)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=cached), base_url="http://bench") as client:
        results["stats: all groups, cached"], _ = await measure(client, "/api/stats", reps)
    return results


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=40)
    parser.add_argument("--stats-reps", type=int, default=5)
    parser.add_argument("--no-indexes", action="store_true", help="measure without the proposed indexes")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", type=Path, help="build the database here (reused when it exists) instead of a temp dir")
    parser.add_argument("--as-is", action="store_true", help="measure a reused database without migrating it")
    args = parser.parse_args(argv)

    import asyncio

    from marsad.api import create_app

    with tempfile.TemporaryDirectory(prefix="marsad-bench-api-") as tmp:
        db = args.keep or Path(tmp) / "bench.db"
        build: dict[str, float] = {}
        if not db.exists():
            build = build_database(db, args.events, args.articles, indexes=not args.no_indexes)
            print(f"built {args.events:,} events, {args.articles:,} articles in {build['insert_s']:.1f} s"
                  + (f"; indexes + ANALYZE {build['index_s']:.1f} s" if "index_s" in build else "; no extra indexes"),
                  file=sys.stderr)
        elif not args.as_is:
            conn = sqlite3.connect(db, isolation_level=None)
            build = migrate(conn)
            conn.close()
        if "migrations" in build:
            print(f"migrations {build['migrations']} in {build['migrate_s']:.1f} s"
                  f" ({build['migrate_cpu_s']:.1f} s CPU)", file=sys.stderr)
        load_before = f"{os.getloadavg()[0]:.2f}"
        app = create_app(db, dashboard=False, cache_size=0)
        cached = create_app(db, dashboard=False)
        try:
            results = asyncio.run(run_queries(app, cached, args.reps, args.stats_reps))
        finally:
            app.state.marsad.pool.close()
            cached.state.marsad.pool.close()

    width = max(map(len, results))
    print(f"load average before: {load_before}; after: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    print(f"{'query':<{width}}  {'wall p50':>8}  {'wall p95':>8}  {'cpu p50':>8}  {'cpu p95':>8}  {'matches':>9}")
    for name, r in results.items():
        matches = f"{r['total']:,}" if "total" in r else ""
        print(f"{name:<{width}}  {r['p50_ms']:8.1f}  {r['p95_ms']:8.1f}  {r['cpu_p50_ms']:8.1f}  {r['cpu_p95_ms']:8.1f}"
              f"  {matches:>9}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"events": args.events, "indexes": not args.no_indexes, "build": build,
                                         "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
