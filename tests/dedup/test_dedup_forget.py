"""Replacing a document: its dedup rows are forgotten before its articles go, and a
rid reused by the store after a delete is relinked cleanly."""

from __future__ import annotations

from marsad.dedup import DedupParams, forget_documents, link_articles
from marsad.dedup.memory import add_articles, open_database

PARAGRAPH = ("Security forces said on Monday that a convoy carrying supplies to the northern base was struck by a "
             "roadside bomb on the highway south of the city, and that an investigation had been opened.")
OTHER = ("Residents of the eastern district described hours of shelling overnight as families fled toward the river "
         "crossing, and aid workers warned that the camps near the border were already overcrowded.")
TABLES = ("dedup_keys", "dedup_sigs", "paragraphs", "dedup_para_keys", "dedup_story", "dedup_anchor_keys", "article_links")


def counts(conn) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def delete_document(conn, doc_id: str) -> None:
    forget_documents(conn, [doc_id])
    conn.execute("DELETE FROM articles WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))


def test_forgetting_the_last_document_leaves_the_tables_as_before_it():
    conn = open_database()
    first = add_articles(conn, [("A", f"{PARAGRAPH}\n\n{OTHER}", "en")])
    link_articles(conn, first)
    before = counts(conn)
    second = add_articles(conn, [("B", f"{PARAGRAPH}\n\n{OTHER} Copied.", "en")])
    link_articles(conn, second)
    assert conn.execute("SELECT duplicate_of FROM articles WHERE rid = ?", second).fetchone()[0] is not None
    delete_document(conn, f"doc-{second[0]}")
    assert counts(conn) == before


def test_a_reused_rid_is_relinked_from_scratch():
    conn = open_database()
    rids = add_articles(conn, [("A", f"{PARAGRAPH}\n\n{OTHER}", "en"), ("B", f"{OTHER}\n\n{PARAGRAPH}", "en")])
    link_articles(conn, rids)
    # The store deletes a replaced document's articles without telling dedup, then reuses the rid.
    conn.execute("DELETE FROM articles WHERE rid = ?", (rids[1],))
    conn.execute("DELETE FROM documents WHERE doc_id = ?", (f"doc-{rids[1]}",))
    reused = add_articles(conn, [("C", "A different text altogether about a football match and the weather, " * 3, "en")])
    assert reused == [rids[1]]
    link_articles(conn, reused)
    assert conn.execute("SELECT duplicate_of FROM articles WHERE rid = ?", reused).fetchone()[0] is None
    new_id = conn.execute("SELECT article_id FROM articles WHERE rid = ?", reused).fetchone()[0]
    rows = conn.execute("SELECT article_id, canonical_para_id = para_id FROM paragraphs WHERE rid = ?", reused).fetchall()
    assert rows == [(new_id, 1)]
    bands = conn.execute("SELECT count(*) FROM dedup_para_keys WHERE pkey >= ?", (reused[0] * 1024,)).fetchone()[0]
    assert bands == DedupParams().para_bands
    assert conn.execute("SELECT count(*) FROM article_links").fetchone()[0] == 0
