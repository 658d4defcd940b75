"""How the store calls dedup: a batch hook after the write, a forget call before a delete."""

from __future__ import annotations

import sqlite3
from typing import Any, Sequence

from marsad.dedup.link import forget_articles, link_articles
from marsad.dedup.params import DedupParams


def dedup_batch(conn: sqlite3.Connection, written: Any, params: DedupParams = DedupParams()) -> dict[str, int]:
    """A ``BatchHook``: link the batch's new articles; returns counts for the run summary.

    Creates the dedup tables first if the database lacks them.
    """
    from marsad.dedup.schema import apply_schema

    apply_schema(conn)
    outcome = link_articles(conn, list(written.article_rids), params)
    return {
        "dedup_copies": outcome.copies,
        "dedup_paragraph_repeats": outcome.paragraph_repeats,
        "dedup_story_links": outcome.story_links,
        "dedup_translation_links": outcome.translation_links,
    }


def forget_documents(conn: sqlite3.Connection, doc_ids: Sequence[str], params: DedupParams = DedupParams()) -> None:
    """Drop the dedup rows of the articles of ``doc_ids``; call before those articles are deleted."""
    rids = []
    for doc_id in doc_ids:
        rids.extend(r[0] for r in conn.execute("SELECT rid FROM articles WHERE doc_id = ?", (doc_id,)))
    forget_articles(conn, rids, params)
