"""Summaries of a database for ``marsad stats`` and the API's /stats."""

from __future__ import annotations

from marsad.store import Store

TOP_SOURCES = 25


def collect_stats(store: Store) -> dict[str, dict[str, int]]:
    """Counts per table, documents per kind, articles per language and source, errors per reason."""
    return {
        "tables": store.counts(),
        "documents_by_kind": _pairs(store.grouped("documents", "kind")),
        "articles_by_language": _pairs(store.grouped("articles", "lang")),
        "articles_by_source": _pairs(store.grouped("articles", "source")[:TOP_SOURCES]),
        "errors_by_reason": _pairs(store.grouped("errors", "reason")),
    }


def _pairs(rows: list[tuple]) -> dict[str, int]:
    return {("(none)" if key is None else str(key)): count for key, count in rows}
