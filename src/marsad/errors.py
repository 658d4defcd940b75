"""The one exception hierarchy of marsad.

Third-party exceptions (sqlite3, warcio, json, trafilatura, …) are caught where
they enter and re-raised as one of these, with the document and the reason.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""


class UsageError(MarsadError):
    """The caller asked for something that cannot be done (bad option, path)."""


class InputError(MarsadError):
    """One document or input file is bad; the batch goes on without it.

    ``reason`` is a short stable key (``binary``, ``empty``, ``undecodable``,
    ``too-large``, ``truncated``, ``bad-json``, ``decompression-bomb`` …);
    ``detail`` says more for a human.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class StoreError(MarsadError):
    """The SQLite store failed or holds something it cannot read."""


class MigrationError(StoreError):
    """The database's schema is newer than this marsad, or a migration failed."""


class ExportError(MarsadError):
    """An export cannot be produced as asked (unknown table, format)."""
