"""Shared fixtures: the seed pages (read from ../shared, never copied), WARC building, table dumps."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEMO = REPO / "demo" / "corpus"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    return SEEDS


def write_warc(path: Path, pages: list[tuple[str, bytes]], *, gzip: bool = True) -> Path:
    """A web archive with one request+response pair per (url, html) page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        info = writer.create_warcinfo_record(path.name, {"software": "marsad-tests"})
        writer.write_record(info)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers)
            writer.write_record(record)
    return path


def dump_tables(db: Path, tables=None) -> dict[str, list[tuple]]:
    """Every data table's rows, sorted, plus the full-text index; the run log is left out."""
    conn = sqlite3.connect(db)
    try:
        names = tables or [
            row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'articles_fts%'"
                " AND name NOT LIKE 'event_search%'"
                " AND name NOT LIKE 'sqlite_%' AND name NOT IN ('runs', 'schema_migrations')")
        ]
        dump = {name: sorted(map(tuple, conn.execute(f"SELECT * FROM {name}")), key=repr) for name in names}
        dump["articles_fts"] = sorted(conn.execute("SELECT rowid, title, body FROM articles_fts"))
        if not tables:  # the event text index holds events' rowids, which depend on write order: compare by event
            dump["event_search"] = sorted(conn.execute(
                "SELECT e.event_id, s.articles, s.names, s.facets FROM event_search_source s"
                " JOIN events e ON e.rowid = (s.key & 1099511627775)"))
        dump["schema_migrations"] = sorted(conn.execute("SELECT version, name FROM schema_migrations"))
        return dump
    finally:
        conn.close()
