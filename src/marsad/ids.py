"""Deterministic identifiers.

Every record id is derived from what identifies the record (document id, span,
index), never from time or randomness, so that running the same input twice —
or resuming an interrupted run — produces the same ids.
"""

from __future__ import annotations

import hashlib

_SEP = "\x1f"


def stable_hash(*parts: object, size: int = 8) -> str:
    """Hex digest of ``parts`` joined unambiguously; ``size`` bytes long."""
    joined = _SEP.join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=size).hexdigest()


def make_id(prefix: str, *parts: object) -> str:
    """An id such as ``art_3f2a…`` built from ``parts``."""
    return f"{prefix}_{stable_hash(*parts)}"


def content_digest(data: bytes | str) -> str:
    """Digest of a document's raw content, used to tell a re-run from a change."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()
