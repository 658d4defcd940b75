"""The application factory: one read-only database, the API routes, the dashboard.

``create_app(db_path)`` returns a FastAPI app bound to one marsad database.
Everything the app needs lives on ``app.state.marsad`` (a :class:`Settings`),
never in module globals. Each request borrows a read-only :class:`Store` from
a small pool: a connection is used by one request at a time, so no SQLite
connection is ever shared between threads at once, and the page cache
survives between requests.
"""

from __future__ import annotations

import json
import os
import queue
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Iterator, TypeVar

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from marsad import __version__
from marsad.api.indexes import has_event_actors
from marsad.errors import StoreError
from marsad.store import Store
from marsad.store.event_search import has_event_search

DASHBOARD_DIR = Path(__file__).resolve().parent.parent / "dashboard"
POOL_SIZE = 8
MMAP_BYTES = 1 << 31
CACHE_SIZE = 64
T = TypeVar("T")
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})  # FastAPI's pages load their scripts from a CDN
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


class StorePool:
    """Read-only stores handed to one request at a time, kept for reuse."""

    def __init__(self, path: Path, size: int = POOL_SIZE) -> None:
        self.path = path
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue(maxsize=size)
        self._closed = threading.Event()

    def open(self) -> Store:
        store = Store(self.path, readonly=True)
        store.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")  # reads share the OS page cache, no copies
        return store

    @contextmanager
    def acquire(self) -> Iterator[Store]:
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = self.open()
        try:
            yield store
        finally:
            self._release(store)

    def _release(self, store: Store) -> None:
        if self._closed.is_set():
            store.close()
            return
        try:
            self._idle.put_nowait(store)
        except queue.Full:
            store.close()

    def close(self) -> None:
        self._closed.set()
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


class ResultCache:
    """Results of expensive read queries, valid while the database files are unchanged.

    The key of an entry is the request; its fingerprint is the size and
    modification time of the database and its write-ahead log, so any commit
    by a writer (``marsad run``) makes every entry stale.
    """

    def __init__(self, path: Path, size: int = CACHE_SIZE) -> None:
        self.path, self.size = path, size
        self._items: OrderedDict[str, tuple[tuple, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def fingerprint(self) -> tuple:
        marks = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.path}{suffix}")
                marks.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                marks.append(None)
        return tuple(marks)

    def get_or_compute(self, key: str, compute: Callable[[], T]) -> T:
        if self.size <= 0:
            return compute()
        mark = self.fingerprint()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] == mark:
                self._items.move_to_end(key)
                return hit[1]
        value = compute()
        with self._lock:
            self._items[key] = (mark, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path
    pool: StorePool = field(repr=False)
    dashboard_dir: Path | None = DASHBOARD_DIR
    event_actors: bool = False  # the database has migration 3's actor table
    event_search: bool = False  # the database has migration 6's event text index
    cache: ResultCache | None = field(default=None, repr=False)


def create_app(
    db_path: str | Path, *, dashboard: bool = True, pool_size: int = POOL_SIZE, cache_size: int = CACHE_SIZE
) -> FastAPI:
    """The marsad API over the database at ``db_path`` (opened read-only).

    ``cache_size`` bounds the /api/stats results kept (0: none).
    """
    path = Path(db_path)
    if not path.is_file():
        raise StoreError(f"no database at {path}")
    pool = StorePool(path, pool_size)
    with pool.acquire() as store:  # fail now, not on the first request, if it cannot be opened
        event_actors = has_event_actors(store.conn)
        event_search = has_event_search(store.conn)
    settings = Settings(path, pool, DASHBOARD_DIR if dashboard else None, event_actors, event_search,
                        ResultCache(path, cache_size))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        settings.pool.close()

    app = FastAPI(
        title="marsad",
        version=__version__,
        description="Read-only access to a marsad database: events, their evidence, articles, "
        "actors, places, statistics and exports.",
        lifespan=lifespan,
    )
    app.state.marsad = settings
    _include_routes(app)
    app.middleware("http")(_security_headers)
    if settings.dashboard_dir is not None and settings.dashboard_dir.is_dir():
        app.mount("/", StaticFiles(directory=settings.dashboard_dir, html=True), name="dashboard")
    return app


def _include_routes(app: FastAPI) -> None:
    from marsad.api.routes import actors, articles, events, export, places, stats

    for module in (events, articles, actors, places, stats, export):
        app.include_router(module.router, prefix="/api")


async def _security_headers(request: Request, call_next) -> Response:
    response = await call_next(request)
    if request.url.path not in DOCS_PATHS:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def settings_of(request: Request) -> Settings:
    return request.app.state.marsad


def get_store(request: Request) -> Iterator[Store]:
    """A FastAPI dependency: a read-only store for the length of one request."""
    with settings_of(request).pool.acquire() as store:
        yield store


def json_response(payload: Any) -> Response:
    """JSON encoded once, straight from the rows (no model validation on the way out)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Response(body.encode("utf-8"), media_type="application/json")
