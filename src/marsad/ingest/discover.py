"""Find the input files and tell their kinds apart, by content first.

``discover`` walks the inputs (files, folders recursively, ``-`` for standard
input) in a stable order. ``sniff_kind`` looks at the first bytes of a file;
the extension only breaks ties.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from marsad.errors import InputError, UsageError
from marsad.ingest.limits import GZIP_MAGIC

STDIN = "-"

EXTENSION_KINDS = {
    ".txt": "page",
    ".text": "page",
    ".html": "html",
    ".htm": "html",
    ".warc": "warc",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

BINARY_MAGIC = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"SQLite format 3", "SQLite database"),
)

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file path (as given, or joined under a given folder) or stdin."""

    origin: str
    path: str | None

    @property
    def is_stdin(self) -> bool:
        return self.path is None


def discover(inputs: Sequence[str]) -> Iterator[Source]:
    """Yield every input source in a stable, sorted order."""
    for given in inputs:
        if given == STDIN:
            yield Source(origin=STDIN, path=None)
        elif os.path.isdir(given):
            yield from _walk(given)
        elif os.path.isfile(given):
            yield Source(origin=given, path=given)
        else:
            raise UsageError(f"no such file or folder: {given}")


# a folder's own documentation is not a page to read (a file named on the command line always is)
_DOC_FILES = re.compile(r"^(?:readme|licen[cs]e|copying|changelog|notice)(?:\.\w+)?$|\.(?:md|rst)$", re.IGNORECASE)


def _walk(folder: str) -> Iterator[Source]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and not _DOC_FILES.search(name):
                path = os.path.join(root, name)
                yield Source(origin=path, path=path)


def extension_kind(path: str) -> str | None:
    """The kind an extension suggests, looking through a trailing ``.gz``."""
    lower = path.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    if lower.endswith(".warc"):
        return "warc"
    return EXTENSION_KINDS.get(os.path.splitext(lower)[1])


def sniff_kind(head: bytes, path: str) -> str:
    """Decide a file's kind from its first bytes (already decompressed).

    Returns ``page``, ``html``, ``warc``, ``feed`` or ``jsonl``; raises
    ``InputError`` for empty and binary content.
    """
    if not head.strip():
        raise InputError("empty", "the file holds no text")
    for magic, name in BINARY_MAGIC:
        if head.startswith(magic):
            raise InputError("binary", f"a {name}, not text")
    if head.startswith(GZIP_MAGIC):
        raise InputError("binary", "gzip inside gzip")
    if head.startswith(b"WARC/"):
        return "warc"
    by_extension = extension_kind(path)
    if is_utf16(head):
        return by_extension if by_extension in ("page", "html", "feed") else "page"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and by_extension in (None, "jsonl", "page"):
        first_line = stripped.split(b"\n", 1)[0]
        if by_extension == "jsonl" or first_line.rstrip().endswith(b"}"):
            return "jsonl"
    if stripped.startswith(b"<"):
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_START.search(head):
            return "html"
    if by_extension in ("warc", "jsonl"):
        return by_extension  # content disagrees; let the reader name the fault
    if b"\x00" in head:
        raise InputError("binary", "NUL bytes in a file that is not UTF-16 text")
    return by_extension if by_extension in ("html", "feed") and stripped.startswith(b"<") else "page"


# High bytes of UTF-16 code units in Latin, Arabic and general-punctuation text.
_UTF16_HIGH_BYTES = frozenset({0x00, 0x05, 0x06, 0x20, 0xFB, 0xFE})


def is_utf16(head: bytes) -> bool:
    """UTF-16 with a BOM, or a lane of bytes that only UTF-16 text produces."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = head[: len(head) & ~1][:400]
    if len(sample) < 16 or b"\x00" not in sample:
        return False
    for high, low in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):
        in_set = sum(1 for b in high if b in _UTF16_HIGH_BYTES)
        if high.count(0) and in_set >= 0.95 * len(high) and low.count(0) < 0.05 * len(low):
            return True
    return False
