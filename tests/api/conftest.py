from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.api.fixture_db import build_fixture_db


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("api") / "marsad.db")


@pytest.fixture(scope="session")
def indexed_db(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture database with the indexes and event_actors table proposed as migration 3."""
    from marsad.api.indexes import apply_api_indexes

    path = tmp_path_factory.mktemp("api-indexed") / "marsad.db"
    shutil.copy(fixture_db, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        apply_api_indexes(conn)
    finally:
        conn.close()
    return path


@pytest.fixture(scope="session", params=["plain", "indexed"])
def client(request: pytest.FixtureRequest):
    """A TestClient over the fixture database, without and with migration 3's indexes."""
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    db = request.getfixturevalue("fixture_db" if request.param == "plain" else "indexed_db")
    with TestClient(create_app(db)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus through the whole pipeline, as `make demo` builds it: a small real database."""
    from marsad.pipeline import run
    from marsad.store import Store

    db = tmp_path_factory.mktemp("api-demo") / "demo.db"
    with Store(db) as store:
        run([str(Path(__file__).resolve().parents[2] / "demo" / "corpus")], store)
    return db


@pytest.fixture(scope="session")
def demo_client(demo_db: Path):
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    with TestClient(create_app(demo_db)) as test_client:
        yield test_client
