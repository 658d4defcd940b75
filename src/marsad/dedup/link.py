"""``link_articles``: the one entry point the pipeline calls after a batch is written.

It runs inside the caller's transaction (it never begins or commits) and
works on rids in ascending order; every candidate search looks only at lower
rids, so a corpus linked in many batches ends in the same rows as one linked
in a single batch, provided batches come in rid order (as the store assigns
them).  Linking a rid that is already linked first removes its old rows.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Sequence

from marsad.dedup import copies, paragraphs, story
from marsad.dedup.minhash import band_keys, oph_signatures
from marsad.dedup.params import DedupOutcome, DedupParams
from marsad.dedup.schema import PARA_SLOTS
from marsad.dedup.text import ArticleText, chunks, load_articles, scripts_of
from marsad.dedup.words import Words, segment_shingles, words_of

if TYPE_CHECKING:
    import numpy as np


def link_articles(conn: sqlite3.Connection, rids: Sequence[int], params: DedupParams = DedupParams()) -> DedupOutcome:
    """Index the articles ``rids``, link their copies, paragraphs and stories; see the module doc."""
    articles = load_articles(conn, rids)
    if not articles:
        return DedupOutcome()
    _purge(conn, _already_linked(conn, [a.rid for a in articles]), precise=False, relink=True, params=params)
    words = words_of([a.body for a in articles])
    scripts = scripts_of(words)
    sigs = _signatures(conn, articles, words, scripts, params)
    copies.insert_keys(conn, sigs, params)
    found = copies.candidates(conn, params)
    pairs = copies.verify(conn, sigs, found, params)
    pairs, roots, ids = copies.resolve_roots(conn, pairs)
    ids.update({a.rid: a.article_id for a in articles})
    copies.write_copies(conn, pairs, roots, ids)
    repeats, n_paras = _paragraphs(conn, articles, words, params)
    linked = _stories(conn, articles, scripts, {(p.rid, p.other) for p in pairs}, ids, params)
    _clear_probes(conn)
    return DedupOutcome(
        articles=len(articles), candidates=sum(map(len, found.values())), copies=len(roots), paragraphs=n_paras,
        paragraph_repeats=repeats,
        story_links=sum(1 for _, tier in linked if tier == "story"),
        translation_links=sum(1 for _, tier in linked if tier == "translation"),
    )


def _signatures(conn: sqlite3.Connection, articles: list[ArticleText], words: Words, scripts: "np.ndarray",
                params: DedupParams) -> dict[int, "np.ndarray"]:
    """Store every article's signature row; returns ``rid -> signature`` of those long enough to band."""
    shingles, owner = segment_shingles(words.hashes, words.text_of, params.shingle)
    matrix = oph_signatures(shingles, owner, len(articles), seed=params.seed, num_perm=params.num_perm,
                            rows=params.rows)
    blobs = matrix.astype("<u2")
    conn.executemany("INSERT OR REPLACE INTO dedup_sigs (rid, sig, script) VALUES (?, ?, ?)",
                     [(a.rid, blobs[i].tobytes(), int(scripts[i])) for i, a in enumerate(articles)])
    long_enough = (words.per_text() >= params.min_tokens).tolist()
    return {a.rid: matrix[i] for i, a in enumerate(articles) if long_enough[i]}


def _clear_probes(conn: sqlite3.Connection) -> None:
    """Empty the temporary probe tables, so that no batch's keys linger in the connection."""
    for name in ("dedup_probe", "dedup_para_probe", "dedup_anchor_probe"):
        if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?", (name,)).fetchone():
            conn.execute(f"DELETE FROM temp.{name}")


def _paragraphs(conn: sqlite3.Connection, articles: list[ArticleText], words: Words,
                params: DedupParams) -> tuple[int, int]:
    if not params.paragraphs:
        return 0, 0
    rows = paragraphs.tracked(articles, words, params)
    return paragraphs.link_paragraphs(conn, rows, words, params), len(rows)


def _stories(conn, articles, scripts, copy_pairs, ids, params) -> list:
    if not params.story:
        return []
    linked = story.link_stories(conn, articles, scripts, copy_pairs, params)
    missing = sorted({p.other for p, _ in linked} - ids.keys())
    ids.update(_article_ids(conn, missing))
    story.write_story(conn, linked, ids)
    return linked


def _article_ids(conn: sqlite3.Connection, rids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in chunks(list(rids)):
        query = f"SELECT rid, article_id FROM articles WHERE rid IN ({','.join('?' * len(chunk))})"
        found.update(conn.execute(query, list(chunk)).fetchall())
    return found


def _already_linked(conn: sqlite3.Connection, rids: Sequence[int]) -> list[int]:
    found: list[int] = []
    for chunk in chunks(list(rids)):
        query = f"SELECT rid FROM dedup_sigs WHERE rid IN ({','.join('?' * len(chunk))})"
        found.extend(r for (r,) in conn.execute(query, list(chunk)))
    return sorted(found)


def forget_articles(conn: sqlite3.Connection, rids: Sequence[int], params: DedupParams = DedupParams()) -> None:
    """Remove the dedup rows of ``rids``; call it before those articles are deleted.

    Articles that named one of them as ``duplicate_of`` keep that value until
    they are linked again.  Rids linked before the index of migration 5 (no
    signature row) lose their links and paragraphs all the same.
    """
    _purge(conn, sorted(set(rids)), precise=True, relink=False, params=params)


def _purge(conn: sqlite3.Connection, rids: Sequence[int], *, precise: bool, relink: bool,
           params: DedupParams = DedupParams()) -> None:
    """Delete every dedup row of ``rids``.

    When ``relink`` (the same rids are about to be linked again), links from
    later articles to these stay: they will still hold.
    Article band keys are found again from the stored signature, anchors from
    the stored story row.  Paragraph keys are recomputed from the paragraphs'
    text when ``precise`` (the documents are still there); otherwise (a rid
    reused after its document was replaced) they are found by a scan.
    """
    import numpy as np

    for rid in rids:
        row = conn.execute("SELECT sig FROM dedup_sigs WHERE rid = ?", (rid,)).fetchone()
        if row is not None:
            keys = band_keys(np.frombuffer(row[0], dtype="<u2")[None, :], params.bands, params.rows)[0]
            conn.executemany("DELETE FROM dedup_keys WHERE key = ? AND rid = ?", [(k, rid) for k in keys.tolist()])
        story.forget_story(conn, rid)
        _drop_paragraph_keys(conn, rid, precise, params)
        owners = {r for (r,) in conn.execute("SELECT article_id FROM paragraphs WHERE rid = ?", (rid,))}
        owners |= {r for (r,) in conn.execute("SELECT article_id FROM articles WHERE rid = ?", (rid,))}
        for owner in owners:
            conn.execute("DELETE FROM article_links WHERE article_id = ?", (owner,))
            if not relink:
                conn.execute("DELETE FROM article_links WHERE other_id = ?", (owner,))
        conn.execute("DELETE FROM paragraphs WHERE rid = ?", (rid,))
        conn.execute("DELETE FROM dedup_sigs WHERE rid = ?", (rid,))
        conn.execute("UPDATE articles SET duplicate_of = NULL WHERE rid = ?", (rid,))


def _drop_paragraph_keys(conn: sqlite3.Connection, rid: int, precise: bool, params: DedupParams) -> None:
    from marsad.dedup.minhash import paragraph_signatures

    low, high = rid * PARA_SLOTS, rid * PARA_SLOTS + PARA_SLOTS - 1
    if not precise:
        conn.execute("DELETE FROM dedup_para_keys WHERE pkey BETWEEN ? AND ?", (low, high))
        return
    query = ("SELECT p.idx, substr(d.text, p.char_start + 1, p.char_end - p.char_start) FROM paragraphs p"
             " JOIN documents d ON d.doc_id = p.doc_id WHERE p.rid = ?")
    found = conn.execute(query, (rid,)).fetchall()
    if not found:
        return
    keys = band_keys(paragraph_signatures([text or "" for _, text in found], params), params.para_bands,
                     params.para_rows, salt=1)
    conn.executemany("DELETE FROM dedup_para_keys WHERE key = ? AND pkey = ?",
                     [(key, low + idx) for (idx, _), row in zip(found, keys.tolist()) for key in row])
