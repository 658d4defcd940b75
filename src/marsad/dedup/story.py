"""The story tier: a looser link between articles that share dates, numbers and names.

Candidates come from one SQL join of the batch's anchors against
``dedup_anchors`` within the ``story_window`` rids before each article; an
anchor with more than ``max_anchor_postings`` postings in that window is a
hub ("Iraq", "Baghdad") and is skipped, so the join stays small.  Both
limits look only at lower rids, so batching does not change the result.  A
pair is linked when it shares ``story_min_shared`` anchors, at least one of
them a number or date, covering ``story_threshold`` of the smaller anchor set,
and is not already a copy.  A pair across scripts (Arabic and Latin) is a
``translation`` link, otherwise a ``story`` link.
"""

from __future__ import annotations

import sqlite3
from typing import Mapping, Sequence

from marsad.dedup.copies import Pair
from marsad.dedup.params import DedupParams
from marsad.dedup.text import chunks

_PROBE = "CREATE TEMP TABLE IF NOT EXISTS dedup_anchor_probe (rid INTEGER, anchor INTEGER)"
_JOIN = (
    "SELECT p.rid, x.rid, count(*) FROM temp.dedup_anchor_probe p CROSS JOIN dedup_anchors x"
    " ON x.anchor = p.anchor AND x.rid < p.rid AND x.rid >= p.rid - :window"
    " WHERE (SELECT count(*) FROM (SELECT 1 FROM dedup_anchors y WHERE y.anchor = p.anchor"
    "   AND y.rid < p.rid AND y.rid >= p.rid - :window LIMIT :cap + 1)) <= :cap"
    " GROUP BY p.rid, x.rid HAVING count(*) >= :shared"
)


def insert_anchors(conn: sqlite3.Connection, anchors: Mapping[int, Sequence[int]]) -> None:
    """Store the batch's anchors and fill the probe table with them."""
    rows = sorted((a, rid) for rid in anchors for a in anchors[rid])
    conn.execute(_PROBE)
    conn.execute("DELETE FROM temp.dedup_anchor_probe")
    conn.executemany("INSERT OR IGNORE INTO dedup_anchors (anchor, rid) VALUES (?, ?)", rows)
    conn.executemany("INSERT INTO temp.dedup_anchor_probe (anchor, rid) VALUES (?, ?)", rows)


def story_pairs(conn: sqlite3.Connection, anchors: Mapping[int, Sequence[int]], scripts: Mapping[int, int],
                copies: set[tuple[int, int]], params: DedupParams) -> list[tuple[Pair, str]]:
    """Verified story and translation links ``(pair, tier)`` of the batch, in rid order."""
    binds = {"window": params.story_window, "cap": params.max_anchor_postings, "shared": params.story_min_shared}
    found = sorted(map(tuple, conn.execute(_JOIN, binds)))
    stored = _stored(conn, [o for _, o, _ in found if o not in anchors])
    result = []
    for rid, other, _count in found:
        if (rid, other) in copies:
            continue
        mine = set(anchors[rid])
        theirs, their_script = (set(anchors[other]), scripts[other]) if other in anchors else stored.get(other, (set(), 0))
        shared = mine & theirs
        if not shared or not any(a & 1 for a in shared) or len(shared) < params.story_min_shared:
            continue
        score = len(shared) / min(len(mine), len(theirs))
        if score >= params.story_threshold:
            tier = "translation" if scripts[rid] != their_script else "story"
            result.append((Pair(rid, other, round(score, 4)), tier))
    return result


def _stored(conn: sqlite3.Connection, rids: Sequence[int]) -> dict[int, tuple[set[int], int]]:
    import numpy as np

    found = {}
    for chunk in chunks(sorted(set(rids))):
        query = f"SELECT rid, anchors, script FROM dedup_signatures WHERE rid IN ({','.join('?' * len(chunk))})"
        for rid, blob, script in conn.execute(query, list(chunk)):
            found[rid] = (set(np.frombuffer(blob, dtype="<i8").tolist()), script)
    return found


def write_story(conn: sqlite3.Connection, pairs: Sequence[tuple[Pair, str]], ids: Mapping[int, str]) -> None:
    """Write story links; a pair already linked (as a copy) keeps its link."""
    conn.executemany(
        "INSERT OR IGNORE INTO article_links (article_id, other_id, tier, score) VALUES (?, ?, ?, ?)",
        [(ids[p.rid], ids[p.other], tier, p.score) for p, tier in pairs if p.rid in ids and p.other in ids],
    )
