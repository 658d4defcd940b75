"""``link_articles``: the one entry point the pipeline calls after a batch is written.

It runs inside the caller's transaction (it never begins or commits) and
works on rids in ascending order; every candidate search looks only at lower
rids, so a corpus linked in many batches ends in the same rows as one linked
in a single batch, provided batches come in rid order (as the store assigns
them).  Linking a rid that is already linked first removes its old rows.
"""

from __future__ import annotations

import sqlite3
from typing import Sequence

from marsad.dedup import copies, paragraphs, story
from marsad.dedup.anchors import extract_anchors
from marsad.dedup.minhash import band_keys, batch_signatures
from marsad.dedup.params import DedupOutcome, DedupParams
from marsad.dedup.schema import PARA_SLOTS
from marsad.dedup.text import ArticleText, chunks, load_articles, script_of


def link_articles(conn: sqlite3.Connection, rids: Sequence[int], params: DedupParams = DedupParams()) -> DedupOutcome:
    """Index the articles ``rids``, link their copies, paragraphs and stories; see the module doc."""
    import numpy as np

    articles = load_articles(conn, rids)
    if not articles:
        return DedupOutcome()
    _purge(conn, _already_linked(conn, [a.rid for a in articles]), precise=False, relink=True)
    cache: dict[str, int] = {}
    words = [a.words() for a in articles]
    matrix = batch_signatures(words, k=params.shingle, seed=params.seed, num_perm=params.num_perm, cache=cache)
    sigs = {a.rid: matrix[i] for i, a in enumerate(articles) if len(words[i]) >= params.min_tokens}
    anchors = {a.rid: extract_anchors(a.body, params.max_anchors) for a in articles} if params.story else {}
    scripts = {a.rid: script_of(w) for a, w in zip(articles, words)}
    conn.executemany(
        "INSERT OR REPLACE INTO dedup_signatures (rid, sig, anchors, script) VALUES (?, ?, ?, ?)",
        [(a.rid, matrix[i].astype("<u2").tobytes(), np.array(anchors.get(a.rid, []), dtype="<i8").tobytes(),
          scripts[a.rid]) for i, a in enumerate(articles)],
    )
    copies.insert_bands(conn, sigs, params)
    pairs = copies.verify(conn, sigs, copies.candidates(conn, params), params)
    pairs, roots, ids = copies.resolve_roots(conn, pairs)
    ids.update({a.rid: a.article_id for a in articles})
    copies.write_copies(conn, pairs, roots, ids)
    repeats, n_paras = _paragraphs(conn, articles, params, cache)
    linked = _stories(conn, anchors, scripts, {(p.rid, p.other) for p in pairs}, ids, params)
    _clear_probes(conn)
    return DedupOutcome(
        articles=len(articles), copies=len(roots), paragraphs=n_paras, paragraph_repeats=repeats,
        story_links=sum(1 for _, tier in linked if tier == "story"),
        translation_links=sum(1 for _, tier in linked if tier == "translation"),
    )


def _clear_probes(conn: sqlite3.Connection) -> None:
    """Empty the temporary probe tables, so that no batch's keys linger in the connection."""
    for name in ("dedup_probe", "dedup_para_probe", "dedup_anchor_probe"):
        if conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = ?", (name,)).fetchone():
            conn.execute(f"DELETE FROM temp.{name}")


def _paragraphs(conn: sqlite3.Connection, articles: list[ArticleText], params: DedupParams,
                cache: dict[str, int]) -> tuple[int, int]:
    if not params.paragraphs:
        return 0, 0
    rows = paragraphs.tracked(articles, params)
    return paragraphs.link_paragraphs(conn, rows, params, cache), len(rows)


def _stories(conn, anchors, scripts, copy_pairs, ids, params) -> list:
    if not params.story:
        return []
    story.insert_anchors(conn, anchors)
    linked = story.story_pairs(conn, anchors, scripts, copy_pairs, params)
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
        query = f"SELECT rid FROM dedup_signatures WHERE rid IN ({','.join('?' * len(chunk))})"
        found.extend(r for (r,) in conn.execute(query, list(chunk)))
    return sorted(found)


def forget_articles(conn: sqlite3.Connection, rids: Sequence[int], params: DedupParams = DedupParams()) -> None:
    """Remove the dedup rows of ``rids``; call it before those articles are deleted.

    Articles that named one of them as ``duplicate_of`` keep that value until
    they are linked again.
    """
    _purge(conn, _already_linked(conn, rids), precise=True, relink=False, params=params)


def _purge(conn: sqlite3.Connection, rids: Sequence[int], *, precise: bool, relink: bool,
           params: DedupParams = DedupParams()) -> None:
    """Delete every dedup row of ``rids``.

    When ``relink`` (the same rids are about to be linked again), links from
    later articles to these stay: they will still hold.
    Article bands and anchors are found again from the stored signature and
    anchors.  Paragraph bands are recomputed from the paragraphs' text when
    ``precise`` (the documents are still there); otherwise (a rid reused after
    its document was replaced) they are found by a scan of the table.
    """
    import numpy as np

    if not rids:
        return
    for rid in rids:
        sig, anchor_blob = conn.execute("SELECT sig, anchors FROM dedup_signatures WHERE rid = ?", (rid,)).fetchone()
        keys = band_keys(np.frombuffer(sig, dtype="<u2")[None, :], params.bands, params.rows)[0]
        conn.executemany("DELETE FROM dedup_bands WHERE band = ? AND bucket = ? AND rid = ?",
                         [(band, int(key), rid) for band, key in enumerate(keys.tolist())])
        conn.executemany("DELETE FROM dedup_anchors WHERE anchor = ? AND rid = ?",
                         [(a, rid) for a in np.frombuffer(anchor_blob, dtype="<i8").tolist()])
        _drop_paragraph_bands(conn, rid, precise, params)
        owners = {r for (r,) in conn.execute("SELECT article_id FROM paragraphs WHERE rid = ?", (rid,))}
        owners |= {r for (r,) in conn.execute("SELECT article_id FROM articles WHERE rid = ?", (rid,))}
        for owner in owners:
            conn.execute("DELETE FROM article_links WHERE article_id = ?", (owner,))
            if not relink:
                conn.execute("DELETE FROM article_links WHERE other_id = ?", (owner,))
        conn.execute("DELETE FROM paragraphs WHERE rid = ?", (rid,))
        conn.execute("DELETE FROM dedup_signatures WHERE rid = ?", (rid,))
        conn.execute("UPDATE articles SET duplicate_of = NULL WHERE rid = ?", (rid,))


def _drop_paragraph_bands(conn: sqlite3.Connection, rid: int, precise: bool, params: DedupParams) -> None:
    from marsad.dedup.minhash import paragraph_signature

    low, high = rid * PARA_SLOTS, rid * PARA_SLOTS + PARA_SLOTS - 1
    if not precise:
        conn.execute("DELETE FROM dedup_para_bands WHERE pkey BETWEEN ? AND ?", (low, high))
        return
    query = ("SELECT p.idx, substr(d.text, p.char_start + 1, p.char_end - p.char_start) FROM paragraphs p"
             " JOIN documents d ON d.doc_id = p.doc_id WHERE p.rid = ?")
    for idx, text in conn.execute(query, (rid,)).fetchall():
        keys = band_keys(paragraph_signature(text or "", params)[None, :], params.para_bands, params.para_rows, salt=1)[0]
        conn.executemany("DELETE FROM dedup_para_bands WHERE band = ? AND bucket = ? AND pkey = ?",
                         [(band, int(key), low + idx) for band, key in enumerate(keys.tolist())])
