"""Read helpers over the dedup tables."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """A link from ``article_id`` to ``other_id`` (either may be the earlier one)."""

    article_id: str
    other_id: str
    tier: str
    score: float


def original_of(conn: sqlite3.Connection, article_id: str) -> str:
    """The original (root) of ``article_id``'s copy group: its ``duplicate_of``, or itself."""
    row = conn.execute("SELECT duplicate_of FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row and row[0] else article_id


def copies_of(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """Every other article of ``article_id``'s copy group, the original first, then by rid."""
    root = original_of(conn, article_id)
    rows = conn.execute(
        "SELECT article_id FROM articles WHERE duplicate_of = ? AND duplicate_of IS NOT NULL ORDER BY rid",
        (root,),
    ).fetchall()
    group = [root, *(r[0] for r in rows)]
    return [a for a in group if a != article_id] if len(group) > 1 else []


def links_of(conn: sqlite3.Connection, article_id: str, tier: str | None = None) -> list[Link]:
    """Every link that names ``article_id``, best score first."""
    query = ("SELECT article_id, other_id, tier, score FROM article_links WHERE article_id = ?"
             " UNION ALL SELECT article_id, other_id, tier, score FROM article_links WHERE other_id = ?")
    links = [Link(*row) for row in conn.execute(query, (article_id, article_id))]
    return sorted((l for l in links if tier is None or l.tier == tier), key=lambda l: (-l.score, l.article_id, l.other_id))


def paragraph_repeats(conn: sqlite3.Connection, para_id: str) -> list[str]:
    """Every occurrence of the paragraph ``para_id`` repeats, first occurrence first.

    Empty when ``para_id`` is not stored; ``[para_id]`` when it is never repeated.
    """
    row = conn.execute("SELECT canonical_para_id FROM paragraphs WHERE para_id = ?", (para_id,)).fetchone()
    if row is None:
        return []
    canonical = row[0]
    rows = conn.execute(
        "SELECT para_id FROM paragraphs WHERE canonical_para_id = ? AND canonical_para_id != para_id"
        " ORDER BY rid, idx", (canonical,),
    ).fetchall()
    return [canonical, *(r[0] for r in rows)]


def repeated_spans(conn: sqlite3.Connection, article_id: str) -> list[tuple[int, int, str]]:
    """``(char_start, char_end, canonical_para_id)`` of the article's paragraphs seen before.

    Event extraction can skip these spans: the first occurrence feeds it once.
    """
    rows = conn.execute(
        "SELECT char_start, char_end, canonical_para_id FROM paragraphs"
        " WHERE article_id = ? AND canonical_para_id != para_id ORDER BY idx", (article_id,),
    )
    return [tuple(r) for r in rows]
