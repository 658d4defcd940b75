"""What ``q`` should match, worked out without the event text index.

Each event's text is rebuilt here from the documents (the body of each article
that reports it, normalised as the articles' index normalises it) and from the
event row (actors and places); then

- :func:`fts_reference`: a fresh in-memory FTS5 table over those texts, queried
  with the same user query;
- :func:`word_reference`: plain word sets (ASCII words only), every word required.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from pathlib import Path

from marsad.store.store import fts_query, fts_text

NAME_COLUMNS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin2", "admin1", "country")


def event_texts(db: Path) -> dict[str, tuple[str, str]]:
    """event_id -> (its articles' titles and bodies, its actors and places)."""
    conn = sqlite3.connect(db)
    try:
        names = {row[0]: " ".join(v or "" for v in row[1:])
                 for row in conn.execute(f"SELECT event_id, {', '.join(NAME_COLUMNS)} FROM events")}
        articles: dict[str, list[str]] = {event_id: [] for event_id in names}
        pairs = conn.execute(
            "SELECT DISTINCT m.event_id, a.article_id, a.title, d.text, a.body_start, a.body_end FROM mentions m"
            " JOIN articles a ON a.article_id = m.article_id JOIN documents d ON d.doc_id = a.doc_id"
            " WHERE m.event_id IS NOT NULL ORDER BY a.rid")
        for event_id, _, title, text, start, end in pairs:
            if event_id in articles:
                articles[event_id] += [fts_text(title or ""), fts_text(text[start:end])]
        return {event_id: ("\n".join(articles[event_id]), names[event_id]) for event_id in names}
    finally:
        conn.close()


def fts_reference(texts: dict[str, tuple[str, str]], q: str) -> set[str]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE ref USING fts5(event_id UNINDEXED, articles, names,"
                 " tokenize = 'unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO ref VALUES (?, ?, ?)", [(e, a, n) for e, (a, n) in texts.items()])
    words = fts_query(q)
    return {row[0] for row in conn.execute("SELECT event_id FROM ref WHERE ref MATCH ?", (f"{{articles names}} : ({words})",))}


def _words(text: str) -> set[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[^\W_]+", plain))


def word_reference(texts: dict[str, tuple[str, str]], q: str) -> set[str]:
    wanted = _words(q)
    return {event_id for event_id, parts in texts.items() if wanted <= _words(" ".join(parts))}


def article_reference(db: Path, q: str) -> set[str]:
    """Events with an article holding every word: the old, article-level meaning of ``q``."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT DISTINCT m.event_id FROM articles_fts f JOIN articles a ON a.rid = f.rowid"
            " JOIN mentions m ON m.article_id = a.article_id JOIN events e ON e.event_id = m.event_id"
            " WHERE articles_fts MATCH ?", (fts_query(q),))
        return {r[0] for r in rows}
    finally:
        conn.close()
