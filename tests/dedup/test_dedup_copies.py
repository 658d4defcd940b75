"""The copy tier on real articles (HRDsAttack train, read at run time) and edited copies."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from marsad.dedup import copies_of, link_articles, similarity
from marsad.dedup.edits import EDIT_KINDS, body_text, edited, read_hrdsattack
from marsad.dedup.memory import add_articles, open_database
from marsad.dedup.minhash import exact_jaccard

TRAIN = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "hrdsattack" / "train.json"
N_ORIGINALS = 40


@pytest.fixture(scope="module")
def originals():
    if not TRAIN.is_file():
        pytest.skip("HRDsAttack train.json is not present")
    found = [a for a in read_hrdsattack(TRAIN) if len(a[1]) >= 4]
    # Keep one of each pair that is the same text in the data set itself.
    kept = []
    for article in found:
        if all(exact_jaccard(body_text(article), body_text(k)) < 0.3 for k in kept):
            kept.append(article)
        if len(kept) == N_ORIGINALS:
            break
    return kept


def store(items, batch: int | None = None):
    conn = open_database()
    rids = add_articles(conn, [(a[0], body_text(a), None) for a in items])
    step = batch or len(rids)
    for start in range(0, len(rids), step):
        conn.execute("BEGIN")
        link_articles(conn, rids[start : start + step])
        conn.execute("COMMIT")
    return conn, rids


def roots(conn) -> dict[int, int]:
    by_id = {aid: rid for rid, aid in conn.execute("SELECT rid, article_id FROM articles")}
    return {rid: by_id[dup] if dup else rid for rid, dup in conn.execute("SELECT rid, duplicate_of FROM articles")}


def dump(conn) -> dict[str, list[tuple]]:
    tables = ["dedup_keys", "dedup_sigs", "paragraphs", "dedup_para_keys", "dedup_story", "dedup_anchor_keys", "article_links"]
    found = {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}")), key=repr) for t in tables}
    found["duplicate_of"] = sorted(conn.execute("SELECT rid, duplicate_of FROM articles"), key=repr)
    return found


@pytest.mark.parametrize("kind", EDIT_KINDS)
def test_every_edited_copy_is_linked_to_its_original(originals, kind):
    copies = [edited(a, kind, seed) for seed, a in enumerate(originals)]
    conn, rids = store([*originals, *copies])
    root = roots(conn)
    n = len(originals)
    missed = [i for i in range(n) if root[rids[n + i]] != rids[i]]
    assert not missed, f"{kind}: copies of originals {missed} not linked"


def test_distinct_originals_are_not_linked(originals):
    conn, rids = store(originals)
    assert all(root == rid for rid, root in roots(conn).items())
    assert conn.execute("SELECT count(*) FROM article_links WHERE tier = 'copy'").fetchone()[0] == 0


def test_similarity_separates_copies_from_distinct_articles(originals):
    for seed, article in enumerate(originals[:10]):
        assert similarity(body_text(article), body_text(edited(article, "cut", seed))) >= 0.5
    for a, b in itertools.combinations(originals[:10], 2):
        assert similarity(body_text(a), body_text(b)) < 0.3


def test_a_copy_of_a_copy_points_at_the_original(originals):
    first = originals[0]
    copy = edited(first, "footer", 1)
    copy_of_copy = edited(edited(copy, "reword", 2), "swap", 3)
    conn, rids = store([first, originals[1], copy, copy_of_copy])
    root_id = conn.execute("SELECT article_id FROM articles WHERE rid = ?", (rids[0],)).fetchone()[0]
    dups = dict(conn.execute("SELECT rid, duplicate_of FROM articles"))
    assert dups[rids[2]] == root_id and dups[rids[3]] == root_id and dups[rids[1]] is None
    copy_id = conn.execute("SELECT article_id FROM articles WHERE rid = ?", (rids[3],)).fetchone()[0]
    assert copies_of(conn, copy_id)[0] == root_id and len(copies_of(conn, copy_id)) == 2
    assert sorted(copies_of(conn, root_id)) == sorted(
        r[0] for r in conn.execute("SELECT article_id FROM articles WHERE rid IN (?, ?)", (rids[2], rids[3])))


def test_batches_give_the_same_rows_as_one_batch(originals):
    items = [*originals[:15]]
    items += [edited(a, kind, i) for i, (a, kind) in enumerate(zip(originals[:15], itertools.cycle(EDIT_KINDS)))]
    items += [edited(items[15], "reword", 99)]
    whole, _ = store(items)
    for size in (1, 4, 11):
        split, _ = store(items, batch=size)
        assert dump(split) == dump(whole), size


def test_linking_is_deterministic_and_relinking_changes_nothing(originals):
    items = [*originals[:6], *(edited(a, "cut", i) for i, a in enumerate(originals[:6]))]
    first, rids = store(items)
    second, _ = store(items)
    assert dump(first) == dump(second)
    first.execute("BEGIN")
    link_articles(first, rids[3:9])
    first.execute("COMMIT")
    assert dump(first) == dump(second)
