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

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from marsad.dedup.minhash import band_keys, estimate_jaccard, oph_signatures, paragraph_signatures
from marsad.dedup.params import DedupParams
from marsad.dedup.schema import PARA_SLOTS
from marsad.dedup.text import ArticleText, chunks, line_spans
from marsad.dedup.words import GOLDEN, Words, mix64, segment_shingles, words_of
from marsad.ids import make_id

if TYPE_CHECKING:
    import numpy as np

_PROBE = "CREATE TEMP TABLE IF NOT EXISTS dedup_para_probe (key INTEGER, pkey INTEGER)"
_JOIN = (
    "SELECT p.pkey, b.pkey, count(*) FROM temp.dedup_para_probe p CROSS JOIN dedup_para_keys b"
    " ON b.key = p.key AND b.pkey < p.pkey GROUP BY p.pkey, b.pkey"
)


@dataclass(frozen=True, slots=True)
class ParaRow:
    """One tracked paragraph of the batch, before its canonical paragraph is known;
    ``line`` is its global line in the batch's :class:`~marsad.dedup.words.Words`."""

    pkey: int
    para_id: str
    rid: int
    article_id: str
    doc_id: str
    idx: int
    char_start: int
    char_end: int
    fingerprint: int
    line: int


def line_fingerprints(words: Words) -> "np.ndarray":
    """A signed 64-bit fingerprint of each global line's word sequence (0 for a line without words)."""
    import numpy as np

    n_lines = int(words.line_base[-1])
    if not len(words.hashes):
        return np.zeros(n_lines, dtype=np.int64)
    first = np.searchsorted(words.line_of, np.arange(n_lines))
    position = (np.arange(len(words.line_of)) - first[words.line_of]).astype(np.uint64)
    terms = mix64(words.hashes ^ mix64(position * np.uint64(GOLDEN) + np.uint64(1)))
    sums = np.zeros(n_lines, dtype=np.uint64)
    np.add.at(sums, words.line_of, terms)
    return mix64(sums).view(np.int64)


def tracked(articles: Sequence[ArticleText], words: Words, params: DedupParams) -> list[ParaRow]:
    """The batch's paragraphs long enough to track, in (rid, idx) order."""
    per_line = words.per_line()
    fingerprints = line_fingerprints(words)
    rows = []
    for i, a in enumerate(articles):
        base, end = int(words.line_base[i]), int(words.line_base[i + 1])
        long_lines = (per_line[base:end] >= params.min_para_words).nonzero()[0]
        if not len(long_lines):
            continue
        spans = line_spans(a.body, a.body_start)
        for j in long_lines.tolist():
            span = spans[j]
            if span is not None and span.idx < PARA_SLOTS:
                rows.append(ParaRow(a.rid * PARA_SLOTS + span.idx, make_id("par", a.article_id, span.idx), a.rid,
                                    a.article_id, a.doc_id, span.idx, span.char_start, span.char_end,
                                    int(fingerprints[base + j]), base + j))
    return rows


def link_paragraphs(conn: sqlite3.Connection, rows: Sequence[ParaRow], words: Words, params: DedupParams) -> int:
    """Store ``rows`` with their canonical paragraphs; returns how many are repeats."""
    canonical, first_key = _exact(conn, rows)
    fresh = [r for r in rows if r.pkey not in canonical]
    sigs = _near_candidates(conn, fresh, words, params)
    verified = _verified(conn, fresh, sigs, words, params)
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


def _near_candidates(conn: sqlite3.Connection, fresh: Sequence[ParaRow], words: Words,
                     params: DedupParams) -> dict[int, "np.ndarray"]:
    """Insert the band keys of the paragraphs that are not exact repeats; returns their signatures."""
    import numpy as np

    conn.execute(_PROBE)
    conn.execute("DELETE FROM temp.dedup_para_probe")
    if not fresh:
        return {}
    lines = np.array([r.line for r in fresh], dtype=np.int64)
    mask = np.isin(words.line_of, lines)
    shingles, owner = segment_shingles(words.hashes[mask], words.line_of[mask], params.para_shingle)
    sigs = oph_signatures(shingles, np.searchsorted(lines, owner), len(fresh), seed=params.seed + 1,
                          num_perm=params.para_perm, rows=params.para_rows)
    keys = band_keys(sigs, params.para_bands, params.para_rows, salt=1)
    rows = sorted((int(key), r.pkey) for r, row in zip(fresh, keys.tolist()) for key in row)
    conn.executemany("INSERT OR IGNORE INTO dedup_para_keys (key, pkey) VALUES (?, ?)", rows)
    conn.executemany("INSERT INTO temp.dedup_para_probe (key, pkey) VALUES (?, ?)", rows)
    return {r.pkey: sig for r, sig in zip(fresh, sigs)}


def _verified(conn: sqlite3.Connection, fresh: Sequence[ParaRow], sigs: dict[int, "np.ndarray"], words: Words,
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
    needed = sorted({k for k in found} | {o for v in found.values() for o in v if o in sigs})
    known = {k: (sigs[k], _line_numbers(words, by_key[k].line)) for k in needed}
    known.update(_stored_paragraphs(conn, sorted({o for v in found.values() for o in v if o not in sigs}), params))
    result = []
    for pkey in sorted(found):
        sig, numbers = known[pkey]
        good = [o for o in found[pkey]
                if known[o][1] == numbers and estimate_jaccard(sig, known[o][0]) >= params.para_threshold]
        if good:
            result.append((by_key[pkey], good))
    return result


def _line_numbers(words: Words, line: int) -> frozenset[int]:
    """The hashes of the all-digit words of a global line."""
    import numpy as np

    lo, hi = np.searchsorted(words.line_of, [line, line + 1])
    return frozenset(words.hashes[lo:hi][words.digits[lo:hi]].tolist())


def _stored_paragraphs(conn: sqlite3.Connection, pkeys: Sequence[int], params: DedupParams) -> dict[int, tuple]:
    """``pkey -> (signature, numbers)`` of stored paragraphs, recomputed from their documents' text."""
    query = ("SELECT substr(d.text, p.char_start + 1, p.char_end - p.char_start) FROM paragraphs p"
             " JOIN documents d ON d.doc_id = p.doc_id WHERE p.rid = ? AND p.idx = ?")
    texts = []
    for pkey in pkeys:
        row = conn.execute(query, (pkey // PARA_SLOTS, pkey % PARA_SLOTS)).fetchone()
        texts.append((row[0] if row else "") or "")
    if not texts:
        return {}
    sigs = paragraph_signatures(texts, params)
    words = words_of(texts)
    return {pkey: (sigs[i], _line_numbers(words, i)) for i, pkey in enumerate(pkeys)}


def stored_canonical(conn: sqlite3.Connection, pkeys: Sequence[int]) -> dict[int, str]:
    """``pkey -> canonical_para_id`` of stored paragraphs."""
    found = {}
    for pkey in pkeys:
        row = conn.execute("SELECT canonical_para_id FROM paragraphs WHERE rid = ? AND idx = ?",
                           (pkey // PARA_SLOTS, pkey % PARA_SLOTS)).fetchone()
        if row:
            found[pkey] = row[0]
    return found
