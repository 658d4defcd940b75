"""The dashboard over the real demo database, as `make demo` builds it: offline map and timeline."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.pipeline import run
from marsad.store import Store

from .conftest import open_dashboard, serve

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo-dashboard") / "demo.db"
    with Store(db) as store:
        run([str(DEMO)], store)
    return db


@pytest.fixture(scope="module")
def demo_server(demo_db: Path):
    yield from serve(demo_db)


@pytest.fixture
def demo_page(browser, demo_server: str):
    yield from open_dashboard(browser, demo_server)


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def test_the_demo_events_are_on_the_map_and_timeline_offline(demo_page, demo_db):
    placed = _count(demo_db, "SELECT count(*) FROM events WHERE latitude IS NOT NULL")
    days = _count(demo_db, "SELECT count(DISTINCT event_date) FROM events")
    assert placed > 20
    demo_page.wait_for_selector("path.event-marker")
    assert demo_page.locator("path.event-marker").count() == placed
    assert demo_page.locator("#timeline rect.bar").count() == days
    assert demo_page.external_requests == [] and demo_page.errors == []


def test_the_demo_convoy_event_shows_its_three_outlets(demo_page, demo_db):
    with sqlite3.connect(demo_db) as conn:
        event_id, sources = conn.execute(
            "SELECT event_id, source FROM events WHERE n_sources = 3 AND n_mentions = 4").fetchone()
    demo_page.locator(f"path.event-marker[data-event-id='{event_id}']").click(force=True)
    demo_page.wait_for_selector("#event-panel:not([hidden]) mark.hl-evidence")
    panel = demo_page.inner_text("#event-panel")
    assert all(outlet.strip() in panel for outlet in sources.split(";"))
