"""Storage: one ``Store`` class over SQLite (WAL, FTS5, recorded migrations)."""

from marsad.store.store import DATA_TABLES, BatchHook, BatchOutcome, ForgetHook, Store, WrittenBatch

__all__ = ["DATA_TABLES", "BatchHook", "BatchOutcome", "ForgetHook", "Store", "WrittenBatch"]
