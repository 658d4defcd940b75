"""Turn a raw record into a :class:`Document`: decode, extract, normalise metadata.

This is the CPU-heavy half of ingestion and runs in worker processes.
"""

from __future__ import annotations

import json
from datetime import datetime

from marsad.errors import InputError
from marsad.ids import content_digest
from marsad.ingest.decode import decode_text
from marsad.ingest.html import extract_html, fragment_to_text
from marsad.models import Document, RawRecord


def record_digest(raw: RawRecord) -> str:
    """Digest of everything that makes the document: payload and metadata."""
    meta = json.dumps(dict(raw.meta), sort_keys=True, default=str).encode("utf-8")
    return content_digest(raw.kind.value.encode() + b"\x1f" + raw.payload + b"\x1f" + meta)


def to_document(raw: RawRecord) -> Document:
    """Decode or extract the text of ``raw``; raises ``InputError`` when it has none."""
    meta = dict(raw.meta)
    encoding = None
    if raw.fmt == "text":
        text, encoding = decode_text(raw.payload, utf16=bool(meta.get("utf16")))
    elif raw.fmt == "html":
        page = extract_html(raw.payload, url=meta.get("url"))
        text = page.text
        for key, value in (("title", page.title), ("published", page.published),
                           ("author", page.author), ("sitename", page.sitename),
                           ("url", page.url), ("lang", page.lang)):
            meta.setdefault(key, value)
    elif raw.fmt == "fragment":
        text = fragment_to_text(raw.payload.decode("utf-8"))
    else:
        text = raw.payload.decode("utf-8", "surrogatepass")
    if not text.strip():
        raise InputError("empty", "no text once decoded")
    return Document(
        doc_id=raw.doc_id,
        kind=raw.kind,
        origin=raw.origin,
        text=text,
        content_sha=record_digest(raw),
        title=meta.get("title"),
        published=normalize_published(meta.get("published")),
        url=meta.get("url"),
        source=meta.get("source") or meta.get("sitename"),
        author=meta.get("author"),
        sitename=meta.get("sitename"),
        lang=meta.get("lang"),
        encoding=encoding,
    )


def normalize_published(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a date or ISO 8601 timestamp; None when unreadable."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return datetime.strptime(text[:10], "%Y-%m-%d").date().isoformat()
    except ValueError:
        return None
