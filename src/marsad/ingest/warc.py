"""Web archives: one document per HTML response record, through warcio.

``#N`` numbers the HTML documents of an archive from 1. A record larger than
the limit is named and skipped; an archive whose declared payloads outgrow
its compressed size past the bomb ratio, or that breaks off, ends with a
failure naming the archive — the records read before are kept.
"""

from __future__ import annotations

import os
import zlib
from typing import Iterator

from marsad.errors import InputError
from marsad.ingest.limits import GZIP_MAGIC, Limits, gzip_is_complete
from marsad.models import DocKind, IngestFailure, RawRecord

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(path: str, origin: str, limits: Limits) -> Iterator[RawRecord | IngestFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    budget = max(os.path.getsize(path), 1) * limits.max_ratio
    declared = 0
    number = 0
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if not _is_html_document(record):
                    continue
                number += 1
                doc_id = f"{origin}#{number}"
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                declared += length
                if declared > budget and declared > limits.max_bytes:
                    raise InputError("decompression-bomb", f"records declare {declared:,} bytes")
                yield _read_payload(record, doc_id, origin, length, limits)
            if _is_gzip(path) and not gzip_is_complete(path):
                raise InputError("truncated", f"the gzip stream breaks off after {number} documents")
        except InputError as exc:
            yield _fail(origin, exc)
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError) as exc:
            detail = f"archive breaks off after {number} documents ({type(exc).__name__}: {exc})"
            yield _fail(origin, InputError("truncated", detail))


def _is_gzip(path: str) -> bool:
    with open(path, "rb") as stream:
        return stream.read(2) == GZIP_MAGIC


def _is_html_document(record) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode() or "200"
        if not status.startswith("2"):
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.lower().startswith(_HTML_TYPES)


def _read_payload(record, doc_id: str, origin: str, length: int, limits: Limits) -> RawRecord | IngestFailure:
    if length > limits.max_bytes:
        return _fail(doc_id, InputError("too-large", f"record of {length:,} bytes"), origin)
    payload = record.content_stream().read(limits.max_bytes + 1)
    if len(payload) > limits.max_bytes:
        return _fail(doc_id, InputError("too-large", "payload over the limit once decoded"), origin)
    meta = {
        "url": record.rec_headers.get_header("WARC-Target-URI"),
        "crawled": record.rec_headers.get_header("WARC-Date"),
    }
    return RawRecord(doc_id, DocKind.WARC, origin, payload, "html", {k: v for k, v in meta.items() if v})


def _fail(doc_id: str, exc: InputError, origin: str | None = None) -> IngestFailure:
    return IngestFailure(doc_id, origin or doc_id, "ingest", exc.reason, exc.detail)
