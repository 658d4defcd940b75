"""Read inputs into raw records: one per document, or a failure naming it.

Readers do I/O and split containers (web archives, feeds, JSON Lines); the
CPU-heavy conversion to text happens later in :mod:`marsad.ingest.convert`,
so that it can run in worker processes. A bad document becomes an
:class:`IngestFailure` and the reader goes on with the next one.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from typing import BinaryIO, Iterator

from marsad.errors import InputError
from marsad.ingest.discover import Source, is_utf16, sniff_kind
from marsad.ingest.limits import GZIP_MAGIC, Limits, gunzip_bounded, read_bounded
from marsad.models import DocKind, IngestFailure, RawRecord

Item = RawRecord | IngestFailure
HEAD_BYTES = 8192
_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile, OSError)


def read_records(source: Source, limits: Limits) -> Iterator[Item]:
    """Every document of one input, in order, as raw records or failures."""
    if source.is_stdin:
        yield from read_jsonl(sys.stdin.buffer, source.origin, limits)
        return
    try:
        kind, compressed, head, data = _classify(source.path, limits)
    except InputError as exc:
        yield failure(source.origin, source.origin, exc)
        return
    if kind == "warc":
        from marsad.ingest.warc import read_warc

        yield from read_warc(source.path, source.origin, limits)
    elif kind == "jsonl":
        with _open(source.path, compressed) as stream:
            yield from read_jsonl(stream, source.origin, limits)
    elif kind == "feed":
        yield from read_feed(data, source.origin)
    elif kind == "html":
        yield RawRecord(source.origin, DocKind.HTML, source.origin, data, "html")
    else:
        meta = {"utf16": True} if is_utf16(head) else {}
        yield RawRecord(source.origin, DocKind.PAGE, source.origin, data, "text", meta)


def failure(doc_id: str, origin: str, exc: InputError, stage: str = "ingest") -> IngestFailure:
    return IngestFailure(doc_id=doc_id, origin=origin, stage=stage, reason=exc.reason, detail=exc.detail)


def _classify(path: str, limits: Limits) -> tuple[str, bool, bytes, bytes]:
    """Kind, compression, first bytes and — for one-document kinds — the whole content.

    A plain file is opened once: its head decides the kind, and for a page,
    web page or feed the rest is read from the same handle, within the limit.
    """
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
        compressed = head.startswith(GZIP_MAGIC)
        kind = sniff_kind(_gunzip_head(path) if compressed else head, path)
        if kind in ("warc", "jsonl"):
            return kind, compressed, head, b""
        if compressed:
            packed = head + read_bounded(stream, max(limits.max_bytes - len(head), 0))
            data = gunzip_bounded(packed, limits)
            return kind, compressed, data[:HEAD_BYTES], data
        limits.check_size(os.fstat(stream.fileno()).st_size, "file")
        return kind, compressed, head, head + read_bounded(stream, max(limits.max_bytes - len(head), 0))


def _gunzip_head(path: str) -> bytes:
    """The first decompressed bytes of a gzip file, even when its end is missing."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    with open(path, "rb") as stream:
        try:
            return decompressor.decompress(stream.read(1 << 16), HEAD_BYTES)
        except zlib.error as exc:
            raise InputError("truncated", f"corrupt gzip ({exc})") from exc


def _open(path: str, compressed: bool) -> BinaryIO:
    return gzip.open(path, "rb") if compressed else open(path, "rb")  # type: ignore[return-value]


# --- JSON Lines ---------------------------------------------------------------------------

_JSONL_META = ("title", "published", "url", "source", "lang")


def read_jsonl(stream: BinaryIO, origin: str, limits: Limits) -> Iterator[Item]:
    """One document per line; ``id`` and ``text`` or ``html`` required."""
    seen: set[str] = set()
    try:
        for lineno, line in _bounded_lines(stream, limits):
            where = f"{origin}:{lineno}"
            if isinstance(line, InputError):
                yield failure(where, origin, line)
                continue
            if not line.strip():
                continue
            try:
                record = jsonl_record(line, origin, seen)
            except InputError as exc:
                yield failure(where, origin, exc)
                continue
            seen.add(record.doc_id)
            yield record
    except _GZIP_ERRORS as exc:
        yield failure(origin, origin, InputError("truncated", f"stream breaks off ({exc})"))


def _bounded_lines(stream: BinaryIO, limits: Limits) -> Iterator[tuple[int, bytes | InputError]]:
    lineno = 0
    while True:
        line = stream.readline(limits.max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limits.max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, InputError("too-large", f"line over {limits.max_bytes:,} bytes")
        else:
            yield lineno, line


def jsonl_record(line: bytes, origin: str, seen: set[str]) -> RawRecord:
    """Validate one JSON line and turn it into a raw record."""
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError("bad-json", str(exc)) from exc
    if not isinstance(obj, dict):
        raise InputError("bad-json", f"a line must hold an object, not {type(obj).__name__}")
    doc_id = obj.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError("missing-id", "the required field 'id' is missing")
    doc_id = str(doc_id)
    if doc_id in seen:
        raise InputError("duplicate-id", f"id {doc_id!r} appears more than once in this input")
    body, fmt = _jsonl_body(obj)
    meta = {key: str(obj[key]) for key in _JSONL_META if obj.get(key) not in (None, "")}
    return RawRecord(doc_id, DocKind.JSONL, origin, body.encode("utf-8", "surrogatepass"), fmt, meta)


def _jsonl_body(obj: dict) -> tuple[str, str]:
    for field, fmt in (("text", "str"), ("html", "html")):
        value = obj.get(field)
        if isinstance(value, str) and value.strip():
            return value, fmt
    raise InputError("no-text", "neither 'text' nor 'html' holds text")


# --- RSS / Atom -----------------------------------------------------------------------------


def read_feed(data: bytes, origin: str) -> Iterator[Item]:
    """One document per feed item; ``#N`` numbers the items from 1."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f"not a readable feed ({problem})" if problem else "the feed has no items"
        yield failure(origin, origin, InputError("bad-feed", detail))
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        doc_id = f"{origin}#{number}"
        body = _entry_body(entry)
        if not body:
            yield failure(doc_id, origin, InputError("no-text", "the item has no content or summary"))
            continue
        meta = _entry_meta(entry, feed_title)
        yield RawRecord(doc_id, DocKind.FEED, origin, body.encode("utf-8"), "fragment", meta)


def _entry_body(entry) -> str:
    for content in entry.get("content") or ():
        if (content.get("value") or "").strip():
            return content["value"]
    return (entry.get("summary") or entry.get("description") or "").strip()


def _entry_meta(entry, feed_title: str | None) -> dict:
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    meta = {
        "title": (entry.get("title") or "").strip() or None,
        "url": entry.get("link"),
        "published": "%04d-%02d-%02d" % published[:3] if published else None,
        "source": feed_title,
        "author": entry.get("author"),
    }
    return {key: value for key, value in meta.items() if value}
