"""The paragraph tier: each paragraph of ``min_para_words`` words or more is
stored once with its canonical (first-seen) paragraph.

An exact repeat is found by its fingerprint (BLAKE2b of the folded words); a
near-exact one by paragraph bands joined in SQL and verified by estimated
Jaccard, the candidate's text read back from its document.  Exact repeats add
no bands: their first occurrence already holds them, so a background
paragraph repeated ten thousand times costs ten thousand small rows, not ten
thousand band sets.  A repeat inherits the canonical paragraph of the
earliest paragraph it matches, so chains end at the first occurrence.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from typing import Sequence

from marsad.dedup.minhash import band_keys, batch_signatures, estimate_jaccard, paragraph_signature, tokens
from marsad.dedup.params import DedupParams
from marsad.dedup.schema import PARA_SLOTS
from marsad.dedup.text import ArticleText, chunks
from marsad.ids import make_id

_PROBE = "CREATE TEMP TABLE IF NOT EXISTS dedup_para_probe (pkey INTEGER, band INTEGER, bucket INTEGER)"
_JOIN = (
    "SELECT p.pkey, b.pkey, count(*) FROM temp.dedup_para_probe p CROSS JOIN dedup_para_bands b"
    " ON b.band = p.band AND b.bucket = p.bucket AND b.pkey < p.pkey GROUP BY p.pkey, b.pkey"
)


@dataclass(frozen=True, slots=True)
class ParaRow:
    """One tracked paragraph of the batch, before its canonical paragraph is known."""

    pkey: int
    para_id: str
    rid: int
    article_id: str
    doc_id: str
    idx: int
    char_start: int
    char_end: int
    fingerprint: int
    words: tuple[str, ...]


def fingerprint(words: Sequence[str]) -> int:
    """A signed 64-bit fingerprint of a paragraph's folded words."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def tracked(articles: Sequence[ArticleText], params: DedupParams) -> list[ParaRow]:
    """The batch's paragraphs long enough to track, in (rid, idx) order."""
    return [
        ParaRow(a.rid * PARA_SLOTS + p.idx, make_id("par", a.article_id, p.idx), a.rid, a.article_id,
                a.doc_id, p.idx, p.char_start, p.char_end, fingerprint(p.words), p.words)
        for a in articles for p in a.paragraphs
        if len(p.words) >= params.min_para_words and p.idx < PARA_SLOTS
    ]


def link_paragraphs(conn: sqlite3.Connection, rows: Sequence[ParaRow], params: DedupParams,
                    cache: dict[str, int]) -> int:
    """Store ``rows`` with their canonical paragraphs; returns how many are repeats."""
    canonical, first_key = _exact(conn, rows)
    fresh = [r for r in rows if r.pkey not in canonical]
    sigs = _near_candidates(conn, fresh, params, cache)
    verified = _verified(conn, fresh, sigs, params)
    stored = stored_canonical(conn, [min(o) for _, o in verified if min(o) not in first_key])
    for row, others in verified:
        root = min(others)
        canon = canonical.get(root) or first_key.get(root) or stored.get(root)
        if canon:
            canonical[row.pkey] = canon
    canonical = _final(rows, canonical)
    by_key = {r.pkey: r.para_id for r in rows}
    conn.executemany(
        "INSERT OR REPLACE INTO paragraphs (para_id, rid, article_id, doc_id, idx, char_start, char_end,"
        " fingerprint, canonical_para_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.para_id, r.rid, r.article_id, r.doc_id, r.idx, r.char_start, r.char_end, r.fingerprint,
          canonical.get(r.pkey, by_key[r.pkey])) for r in rows],
    )
    return sum(1 for r in rows if canonical.get(r.pkey, r.para_id) != r.para_id)


def _final(rows: Sequence[ParaRow], canonical: dict[int, str]) -> dict[int, str]:
    """Follow every pointer to a paragraph of this batch to that paragraph's own canonical."""
    in_batch = {r.para_id: r.pkey for r in rows}
    final: dict[int, str] = {}
    for row in rows:
        target = canonical.get(row.pkey, row.para_id)
        pkey = in_batch.get(target)
        if pkey is not None and pkey != row.pkey:
            target = final[pkey]
        final[row.pkey] = target
    return {row.pkey: final[row.pkey] for row in rows if final[row.pkey] != row.para_id}


def _exact(conn: sqlite3.Connection, rows: Sequence[ParaRow]) -> tuple[dict[int, str], dict[int, str]]:
    """Canonical ids of exact repeats (``pkey -> para_id``) and every paragraph's id by pkey."""
    stored: dict[int, tuple[int, str]] = {}
    for chunk in chunks(sorted({r.fingerprint for r in rows})):
        query = ("SELECT p.fingerprint, p.rid * ? + p.idx, p.canonical_para_id FROM paragraphs p"
                 " JOIN articles a ON a.rid = p.rid AND a.article_id = p.article_id"
                 f" WHERE p.fingerprint IN ({','.join('?' * len(chunk))})")
        for fp, pkey, canon in conn.execute(query, [PARA_SLOTS, *chunk]):
            if fp not in stored or pkey < stored[fp][0]:
                stored[fp] = (pkey, canon)
    canonical: dict[int, str] = {}
    first_key: dict[int, str] = {}
    for row in rows:
        first = stored.get(row.fingerprint)
        if first is not None and first[0] < row.pkey:
            canonical[row.pkey] = first[1]
        else:
            stored[row.fingerprint] = (row.pkey, row.para_id)
        first_key[row.pkey] = canonical.get(row.pkey, row.para_id)
    return canonical, first_key


def _near_candidates(conn: sqlite3.Connection, fresh: Sequence[ParaRow], params: DedupParams,
                     cache: dict[str, int]) -> dict[int, "object"]:
    """Insert the bands of the paragraphs that are not exact repeats; returns their signatures."""
    conn.execute(_PROBE)
    conn.execute("DELETE FROM temp.dedup_para_probe")
    if not fresh:
        return {}
    sigs = batch_signatures([r.words for r in fresh], k=params.para_shingle, seed=params.seed + 1,
                            num_perm=params.para_perm, cache=cache)
    keys = band_keys(sigs, params.para_bands, params.para_rows, salt=1)
    bands = sorted((band, int(key), r.pkey) for r, row in zip(fresh, keys.tolist()) for band, key in enumerate(row))
    conn.executemany("INSERT OR IGNORE INTO dedup_para_bands (band, bucket, pkey) VALUES (?, ?, ?)", bands)
    conn.executemany("INSERT INTO temp.dedup_para_probe (band, bucket, pkey) VALUES (?, ?, ?)", bands)
    return {r.pkey: sig for r, sig in zip(fresh, sigs)}


def _verified(conn: sqlite3.Connection, fresh: Sequence[ParaRow], sigs: dict[int, "object"],
              params: DedupParams) -> list[tuple[ParaRow, list[int]]]:
    """Each fresh paragraph with the earlier paragraphs it nearly repeats, in pkey order.

    Only the ``para_verify`` candidates sharing the most bands are checked.
    A near repeat must reach ``para_threshold`` and carry the same numbers:
    "5 killed in Mosul on March 3" and "7 killed in Mosul on March 4" are two
    incidents, however alike their wording.
    """
    ranked: dict[int, list[tuple[int, int]]] = {}
    for pkey, other, shared in conn.execute(_JOIN):
        ranked.setdefault(pkey, []).append((-shared, other))
    found = {pkey: [o for _, o in sorted(c)[: params.para_verify]] for pkey, c in ranked.items()}
    if not found:
        return []
    by_key = {r.pkey: r for r in fresh}
    known = {k: (sigs[k], _numbers(by_key[k].words)) for k in sigs}
    known.update(_stored_paragraphs(conn, sorted({o for v in found.values() for o in v if o not in known}), params))
    result = []
    for pkey in sorted(found):
        sig, numbers = known[pkey]
        good = [o for o in found[pkey]
                if known[o][1] == numbers and estimate_jaccard(sig, known[o][0]) >= params.para_threshold]
        if good:
            result.append((by_key[pkey], good))
    return result


def _numbers(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w for w in words if w.isdigit())


def _stored_paragraphs(conn: sqlite3.Connection, pkeys: Sequence[int], params: DedupParams) -> dict[int, tuple]:
    """``pkey -> (signature, numbers)`` of stored paragraphs, recomputed from their documents' text."""
    found = {}
    query = ("SELECT substr(d.text, p.char_start + 1, p.char_end - p.char_start) FROM paragraphs p"
             " JOIN documents d ON d.doc_id = p.doc_id WHERE p.rid = ? AND p.idx = ?")
    for pkey in pkeys:
        row = conn.execute(query, (pkey // PARA_SLOTS, pkey % PARA_SLOTS)).fetchone()
        text = row[0] if row else ""
        found[pkey] = (paragraph_signature(text, params), _numbers(tokens(text)))
    return found


def stored_canonical(conn: sqlite3.Connection, pkeys: Sequence[int]) -> dict[int, str]:
    """``pkey -> canonical_para_id`` of stored paragraphs."""
    found = {}
    for pkey in pkeys:
        row = conn.execute("SELECT canonical_para_id FROM paragraphs WHERE rid = ? AND idx = ?",
                           (pkey // PARA_SLOTS, pkey % PARA_SLOTS)).fetchone()
        if row:
            found[pkey] = row[0]
    return found
