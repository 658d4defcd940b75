"""The story tier: a looser link between reports of one story, across languages too.

Every article's anchors (dates, numbers, name skeletons: :mod:`.anchors`)
are stored in ``dedup_story`` and posted in ``dedup_anchor_keys``.
Candidates come from one SQL join of the batch's anchors against the
postings within the ``story_window`` rids before each article; an anchor with
more than ``max_anchor_postings`` postings in that window is a hub ("Iraq",
"Baghdad") and is skipped, so the join stays small.  Both limits look only at
lower rids, so batching does not change the result.  A candidate must share
at least one number or date, and is not a pair already linked as a copy.

Each article keeps its ``story_max_candidates`` candidates that share the
most anchors.

* With the encoder (``story_encoder``, off by default: see ``params``): a candidate shares
  ``story_encoder_shared`` anchors covering ``story_encoder_coverage`` of the
  smaller anchor set, and the leads of the two articles (title and first
  sentences, :mod:`.encoder`) reach a cosine of ``story_cosine`` (same
  script) or ``translation_cosine`` (Arabic and Latin script).  Only
  articles in such a candidate pair are embedded; their ``int8`` embedding
  is kept in ``dedup_story.vec`` for later batches.
* Without it: a same-script pair shares ``story_min_shared`` anchors
  covering ``story_threshold`` of the smaller set and ``story_min_jaccard``
  of the union -- the last keeps a roundup, whose anchors cover any one of
  its items, from linking to all of them; a cross-script pair, whose name
  skeletons match less often and whose Arabic side has many more anchors,
  shares ``translation_min_shared`` covering ``translation_threshold`` of
  the smaller set.
* Either way, two articles published more than ``story_max_days`` apart
  (when both dates are known) are not one story.

A pair across scripts is a ``translation`` link, otherwise a ``story`` link.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from marsad.dedup.copies import Pair
from marsad.dedup.params import DedupParams
from marsad.dedup.text import ArticleText, chunks

if TYPE_CHECKING:
    import numpy as np

_PROBE = "CREATE TEMP TABLE IF NOT EXISTS dedup_anchor_probe (rid INTEGER, anchor INTEGER)"
_JOIN = (
    "SELECT p.rid, x.rid, count(*) FROM temp.dedup_anchor_probe p CROSS JOIN dedup_anchor_keys x"
    " ON x.anchor = p.anchor AND x.rid < p.rid AND x.rid >= p.rid - :window"
    " WHERE (SELECT count(*) FROM (SELECT 1 FROM dedup_anchor_keys y WHERE y.anchor = p.anchor"
    "   AND y.rid < p.rid AND y.rid >= p.rid - :window LIMIT :cap + 1)) <= :cap"
    " GROUP BY p.rid, x.rid HAVING count(*) >= :shared"
)


@dataclass(frozen=True, slots=True)
class StoryRow:
    """What the story tier knows of one article: its anchors, its script, its embedding if made."""

    anchors: frozenset[int]
    script: int
    day: int | None = None
    vec: "np.ndarray | None" = None


def link_stories(conn: sqlite3.Connection, articles: Sequence[ArticleText], scripts: "np.ndarray",
                 copies: set[tuple[int, int]], params: DedupParams) -> list[tuple[Pair, str]]:
    """Index the batch's anchors and return its story and translation links ``(pair, tier)``, in rid order."""
    import numpy as np

    from marsad.dedup.anchors import extract_anchors

    anchors = {a.rid: extract_anchors(f"{a.title}\n{a.body}", params.max_anchors) for a in articles}
    rows = {a.rid: StoryRow(frozenset(anchors[a.rid]), int(scripts[i]), a.day()) for i, a in enumerate(articles)}
    conn.executemany("INSERT OR REPLACE INTO dedup_story (rid, anchors, day, vec) VALUES (?, ?, ?, NULL)",
                     [(rid, np.array(found, dtype="<i8").tobytes(), rows[rid].day) for rid, found in anchors.items()])
    _insert_postings(conn, anchors)
    shared = params.story_encoder_shared if params.story_encoder else \
        min(params.story_min_shared, params.translation_min_shared)
    binds = {"window": params.story_window, "cap": params.max_anchor_postings, "shared": shared}
    found = _strongest(conn.execute(_JOIN, binds), copies, params.story_max_candidates)
    rows.update(_stored(conn, sorted({o for _, o in found if o not in rows})))
    found = [(rid, other) for rid, other in found if other in rows and _near_in_time(rows[rid], rows[other], params)]
    if params.story_encoder:
        return _by_encoder(conn, found, rows, {a.rid: a for a in articles}, params)
    return _by_anchors(found, rows, params)


def _strongest(joined, copies: set[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Per article, the ``limit`` candidates sharing the most anchors (the latest first among equals), in rid order."""
    ranked: dict[int, list[tuple[int, int]]] = {}
    for rid, other, count in joined:
        if (rid, other) not in copies:
            ranked.setdefault(rid, []).append((-count, -other))
    return sorted((rid, -other) for rid, found in ranked.items() for _, other in sorted(found)[:limit])


def _insert_postings(conn: sqlite3.Connection, anchors: Mapping[int, Sequence[int]]) -> None:
    """Store the batch's anchor postings and fill the probe table with them."""
    rows = sorted((a, rid) for rid in anchors for a in anchors[rid])
    conn.execute(_PROBE)
    conn.execute("DELETE FROM temp.dedup_anchor_probe")
    conn.executemany("INSERT OR IGNORE INTO dedup_anchor_keys (anchor, rid) VALUES (?, ?)", rows)
    conn.executemany("INSERT INTO temp.dedup_anchor_probe (anchor, rid) VALUES (?, ?)", rows)


def _overlap(mine: StoryRow, theirs: StoryRow) -> tuple[int, float, float]:
    """Shared anchors (0 unless one is a number or date), their share of the smaller set and of the union."""
    shared = mine.anchors & theirs.anchors
    if not any(a & 1 for a in shared):
        return 0, 0.0, 0.0
    return len(shared), len(shared) / min(len(mine.anchors), len(theirs.anchors)), \
        len(shared) / len(mine.anchors | theirs.anchors)


def _near_in_time(mine: StoryRow, theirs: StoryRow, params: DedupParams) -> bool:
    """Published at most ``story_max_days`` apart, or one of the two dates unknown."""
    return mine.day is None or theirs.day is None or abs(mine.day - theirs.day) <= params.story_max_days


def _tier(mine: StoryRow, theirs: StoryRow) -> str:
    return "translation" if mine.script != theirs.script else "story"


def _by_anchors(found: Sequence[tuple[int, int]], rows: Mapping[int, StoryRow],
                params: DedupParams) -> list[tuple[Pair, str]]:
    result = []
    for rid, other in found:
        mine, theirs = rows[rid], rows[other]
        count, cover, jaccard = _overlap(mine, theirs)
        tier = _tier(mine, theirs)
        if tier == "translation":
            linked = count >= params.translation_min_shared and cover >= params.translation_threshold
        else:
            linked = count >= params.story_min_shared and cover >= params.story_threshold \
                and jaccard >= params.story_min_jaccard
        if linked:
            result.append((Pair(rid, other, round(cover, 4)), tier))
    return result


def _by_encoder(conn: sqlite3.Connection, found: Sequence[tuple[int, int]], rows: dict[int, StoryRow],
                batch: Mapping[int, ArticleText], params: DedupParams) -> list[tuple[Pair, str]]:
    kept = []
    for rid, other in found:
        count, cover, _ = _overlap(rows[rid], rows[other])
        if count >= params.story_encoder_shared and cover >= params.story_encoder_coverage:
            kept.append((rid, other))
    vectors = _vectors(conn, sorted({r for pair in kept for r in pair}), rows, batch)
    from marsad.dedup.encoder import cosine

    result = []
    for rid, other in kept:
        tier = _tier(rows[rid], rows[other])
        score = cosine(vectors[rid], vectors[other])
        if score >= (params.translation_cosine if tier == "translation" else params.story_cosine):
            result.append((Pair(rid, other, round(score, 4)), tier))
    return result


def _vectors(conn: sqlite3.Connection, rids: Sequence[int], rows: Mapping[int, StoryRow],
             batch: Mapping[int, ArticleText]) -> dict[int, "np.ndarray"]:
    """The embedding of each of ``rids``: stored, or made now (from the batch or the store) and stored."""
    from marsad.dedup.encoder import embed, lead_text

    have = {rid: rows[rid].vec for rid in rids if rows[rid].vec is not None}
    missing = [rid for rid in rids if rid not in have]
    texts = {rid: lead_text(batch[rid].title, batch[rid].body) for rid in missing if rid in batch}
    texts.update(_stored_leads(conn, [rid for rid in missing if rid not in batch]))
    made = embed([texts.get(rid, "") for rid in missing])
    conn.executemany("UPDATE dedup_story SET vec = ? WHERE rid = ?",
                     [(made[i].tobytes(), rid) for i, rid in enumerate(missing)])
    have.update({rid: made[i] for i, rid in enumerate(missing)})
    return have


def _stored_leads(conn: sqlite3.Connection, rids: Sequence[int]) -> dict[int, str]:
    from marsad.dedup.encoder import LEAD_WORDS, lead_text

    found = {}
    for chunk in chunks(list(rids)):
        query = ("SELECT a.rid, a.title, substr(d.text, a.body_start + 1, min(a.body_end - a.body_start, ?))"
                 f" FROM articles a JOIN documents d ON d.doc_id = a.doc_id WHERE a.rid IN ({','.join('?' * len(chunk))})")
        for rid, title, body in conn.execute(query, [LEAD_WORDS * 24, *chunk]):
            found[rid] = lead_text(title, body or "")
    return found


def _stored(conn: sqlite3.Connection, rids: Sequence[int]) -> dict[int, StoryRow]:
    import numpy as np

    found = {}
    for chunk in chunks(list(rids)):
        query = ("SELECT s.rid, s.anchors, g.script, s.day, s.vec FROM dedup_story s JOIN dedup_sigs g"
                 f" ON g.rid = s.rid WHERE s.rid IN ({','.join('?' * len(chunk))})")
        for rid, blob, script, day, vec in conn.execute(query, list(chunk)):
            found[rid] = StoryRow(frozenset(np.frombuffer(blob, dtype="<i8").tolist()), script, day,
                                  None if vec is None else np.frombuffer(vec, dtype=np.int8))
    return found


def forget_story(conn: sqlite3.Connection, rid: int) -> None:
    """Remove the story row and anchor postings of ``rid``."""
    import numpy as np

    row = conn.execute("SELECT anchors FROM dedup_story WHERE rid = ?", (rid,)).fetchone()
    if row is None:
        return
    conn.executemany("DELETE FROM dedup_anchor_keys WHERE anchor = ? AND rid = ?",
                     [(a, rid) for a in np.frombuffer(row[0], dtype="<i8").tolist()])
    conn.execute("DELETE FROM dedup_story WHERE rid = ?", (rid,))


def write_story(conn: sqlite3.Connection, pairs: Sequence[tuple[Pair, str]], ids: Mapping[int, str]) -> None:
    """Write story links; a pair already linked (as a copy) keeps its link."""
    conn.executemany(
        "INSERT OR IGNORE INTO article_links (article_id, other_id, tier, score) VALUES (?, ?, ?, ?)",
        [(ids[p.rid], ids[p.other], tier, p.score) for p, tier in pairs if p.rid in ids and p.other in ids],
    )
