"""The copy tier: article band keys joined in SQL, candidates verified by estimated Jaccard.

Each article's band keys are inserted into ``dedup_keys``; the batch's own
keys go into a temporary probe table, and one join on ``key`` against every
stored article with a lower rid yields the candidate pairs and how many
bands each pair shares.  A pair is a copy when the estimated Jaccard of the
two signatures reaches ``copy_threshold``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Mapping, Sequence

from marsad.dedup.minhash import band_keys, estimate_jaccard
from marsad.dedup.params import DedupParams
from marsad.dedup.text import chunks

_PROBE = "CREATE TEMP TABLE IF NOT EXISTS dedup_probe (key INTEGER, rid INTEGER)"
# Per probe key, only the ``max_bucket`` latest earlier articles holding it (the subquery finds the
# oldest of them): a key held by many articles is boilerplate or a big copy group, whose latest
# members are enough to link a new copy.
_JOIN = (
    "SELECT p.rid, b.rid, count(*) FROM temp.dedup_probe p CROSS JOIN dedup_keys b"
    " ON b.key = p.key AND b.rid < p.rid AND b.rid >= coalesce((SELECT y.rid FROM dedup_keys y"
    "   WHERE y.key = p.key AND y.rid < p.rid ORDER BY y.rid DESC LIMIT 1 OFFSET :cap - 1), -1)"
    " GROUP BY p.rid, b.rid"
)


@dataclass(frozen=True, slots=True)
class Pair:
    """A verified link from a later article ``rid`` to an earlier one ``other``."""

    rid: int
    other: int
    score: float


def insert_keys(conn: sqlite3.Connection, sigs: Mapping[int, "object"], params: DedupParams) -> None:
    """Store the band keys of the signatures ``rid -> sig`` and fill the probe table with them."""
    import numpy as np

    conn.execute(_PROBE)
    conn.execute("DELETE FROM temp.dedup_probe")
    if not sigs:
        return
    rids = np.array(sorted(sigs), dtype=np.int64)
    keys = band_keys(np.stack([sigs[r] for r in rids.tolist()]), params.bands, params.rows)
    flat_rids = np.repeat(rids, keys.shape[1])
    order = np.lexsort((flat_rids, keys.ravel()))
    # Inserted and probed in key order: neighbouring keys share B-tree pages.
    rows = list(zip(keys.ravel()[order].tolist(), flat_rids[order].tolist()))
    conn.executemany("INSERT OR IGNORE INTO dedup_keys (key, rid) VALUES (?, ?)", rows)
    conn.executemany("INSERT INTO temp.dedup_probe (key, rid) VALUES (?, ?)", rows)


def candidates(conn: sqlite3.Connection, params: DedupParams) -> dict[int, list[int]]:
    """``rid -> earlier rids`` sharing a band, most shared bands first, at most ``max_candidates``."""
    found: dict[int, list[tuple[int, int]]] = {}
    for rid, other, shared in conn.execute(_JOIN, {"cap": params.max_bucket}):
        found.setdefault(rid, []).append((-shared, other))
    return {rid: [other for _, other in sorted(pairs)[: params.max_candidates]] for rid, pairs in found.items()}


def load_signatures(conn: sqlite3.Connection, rids: Sequence[int]) -> dict[int, "object"]:
    """Stored signatures of ``rids`` as ``uint16`` arrays."""
    import numpy as np

    found = {}
    for chunk in chunks(sorted(set(rids))):
        query = f"SELECT rid, sig FROM dedup_sigs WHERE rid IN ({','.join('?' * len(chunk))})"
        for rid, blob in conn.execute(query, list(chunk)):
            found[rid] = np.frombuffer(blob, dtype="<u2")
    return found


def verify(conn: sqlite3.Connection, batch: Mapping[int, "object"], cands: Mapping[int, list[int]],
           params: DedupParams) -> list[Pair]:
    """The candidate pairs whose estimated Jaccard reaches ``copy_threshold``, in rid order."""
    stored = load_signatures(conn, [o for others in cands.values() for o in others if o not in batch])
    pairs = []
    for rid in sorted(cands):
        for other in sorted(cands[rid]):
            other_sig = batch.get(other)
            other_sig = stored.get(other) if other_sig is None else other_sig
            if other_sig is None:
                continue
            score = estimate_jaccard(batch[rid], other_sig)
            if score >= params.copy_threshold:
                pairs.append(Pair(rid, other, round(score, 4)))
    return pairs


def resolve_roots(conn: sqlite3.Connection, pairs: Sequence[Pair]) -> tuple[list[Pair], dict[int, int], dict[int, str]]:
    """The pairs whose articles exist, ``rid -> root rid`` of every article that
    copies an earlier one, and ``rid -> article_id``.

    Pairs are taken in rid order, so an earlier article's root is known before
    a later one needs it; stored articles answer with their ``duplicate_of``.
    Rows left behind by a deleted article are ignored.
    """
    ids, stored_root = _stored_roots(conn, {p.other for p in pairs} | {p.rid for p in pairs})
    pairs = [p for p in pairs if p.rid in ids and p.other in ids]
    roots: dict[int, int] = {}
    for pair in sorted(pairs, key=lambda p: (p.rid, p.other)):
        other_root = roots.get(pair.other, stored_root.get(pair.other, pair.other))
        roots[pair.rid] = min(roots.get(pair.rid, other_root), other_root)
    return pairs, roots, ids


def _stored_roots(conn: sqlite3.Connection, rids: set[int]) -> tuple[dict[int, str], dict[int, int]]:
    ids: dict[int, str] = {}
    roots: dict[int, int] = {}
    for chunk in chunks(sorted(rids)):
        query = (
            "SELECT a.rid, a.article_id, r.rid, r.article_id FROM articles a LEFT JOIN articles r"
            f" ON r.article_id = a.duplicate_of WHERE a.rid IN ({','.join('?' * len(chunk))})"
        )
        for rid, article_id, root, root_id in conn.execute(query, list(chunk)):
            ids[rid] = article_id
            if root is not None and root < rid:
                roots[rid] = root
                ids[root] = root_id
    return ids, roots


def write_copies(conn: sqlite3.Connection, pairs: Sequence[Pair], roots: Mapping[int, int],
                 ids: Mapping[int, str]) -> None:
    """Write the copy links and set ``duplicate_of`` of every copy to its root's article_id."""
    conn.executemany(
        "INSERT OR REPLACE INTO article_links (article_id, other_id, tier, score) VALUES (?, ?, 'copy', ?)",
        [(ids[p.rid], ids[p.other], p.score) for p in pairs if p.rid in ids and p.other in ids],
    )
    conn.executemany(
        "UPDATE articles SET duplicate_of = ? WHERE rid = ?",
        [(ids[root], rid) for rid, root in sorted(roots.items()) if root in ids],
    )
