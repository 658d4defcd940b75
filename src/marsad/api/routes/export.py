"""``/api/export``: one table streamed in one of ``marsad export``'s formats.

``export_table`` writes to a binary stream; here it runs in its own thread,
on its own read-only store, writing into a bounded queue that the response
drains. A client that goes away stops the export at its next write.
"""

from __future__ import annotations

import io
import queue
import threading
from pathlib import Path
from typing import Annotated, Iterator, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from marsad.api.app import settings_of
from marsad.api.params import invalid
from marsad.export import TABLES, export_table
from marsad.store import Store

router = APIRouter(tags=["export"])

Format = Literal["jsonl", "csv", "geojson", "parquet"]
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
CHUNK = 1 << 16
QUEUE_CHUNKS = 16


class _Cancelled(Exception):
    pass


class _Done:
    pass


class _QueueSink(io.RawIOBase):
    """A writable raw stream whose writes become chunks in a bounded queue."""

    def __init__(self, chunks: queue.Queue, cancelled: threading.Event) -> None:
        super().__init__()
        self.chunks, self.cancelled = chunks, cancelled

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        chunk = bytes(data)
        while True:
            if self.cancelled.is_set():
                raise _Cancelled()
            try:
                self.chunks.put(chunk, timeout=0.2)
                return len(chunk)
            except queue.Full:
                continue


def _produce(path: Path, table: str, fmt: str, chunks: queue.Queue, cancelled: threading.Event) -> None:
    try:
        with Store(path, readonly=True) as store:
            out = io.BufferedWriter(_QueueSink(chunks, cancelled), CHUNK)
            export_table(store, table, fmt, out)
            if not out.closed:
                out.flush()
    except _Cancelled:
        pass
    except BaseException as exc:  # handed to the response, which ends the stream
        chunks.put(exc)
    finally:
        chunks.put(_Done)


def stream_export(path: Path, table: str, fmt: str) -> Iterator[bytes]:
    chunks: queue.Queue = queue.Queue(maxsize=QUEUE_CHUNKS)
    cancelled = threading.Event()
    worker = threading.Thread(target=_produce, args=(path, table, fmt, chunks, cancelled),
                              name=f"marsad-export-{table}", daemon=True)
    worker.start()
    try:
        while (item := chunks.get()) is not _Done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        cancelled.set()
        while worker.is_alive():
            try:
                chunks.get(timeout=0.2)
            except queue.Empty:
                pass


@router.get("/export", summary="Stream one table as JSON Lines, CSV, GeoJSON or Parquet",
            response_class=StreamingResponse,
            responses={200: {"content": {m.split(";")[0]: {} for m in MEDIA_TYPES.values()}}})
def export(
    request: Request,
    table: Annotated[str, Query(description=f"One of: {', '.join(TABLES)}.")],
    format: Annotated[Format, Query(description="jsonl, csv, geojson (tables with coordinates) or parquet.")] = "jsonl",
) -> StreamingResponse:
    spec = TABLES.get(table)
    if spec is None:
        raise invalid("table", f"unknown table {table!r}; tables: {', '.join(TABLES)}", table)
    if format == "geojson" and not spec.has_coordinates:
        geo = ", ".join(name for name, s in TABLES.items() if s.has_coordinates)
        raise invalid("format", f"table {table!r} has no coordinates; geojson applies to {geo}", format)
    headers = {"Content-Disposition": f'attachment; filename="marsad-{table}.{format}"'}
    body = stream_export(settings_of(request).db_path, table, format)
    return StreamingResponse(body, media_type=MEDIA_TYPES[format], headers=headers)
