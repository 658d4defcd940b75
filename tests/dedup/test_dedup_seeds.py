"""On the seed pages (read at run time): seed 003's recurring background paragraphs
(the January 2020 drone strike, the parliament's vote two days later) are linked
across its articles, through the real pipeline and store."""

from __future__ import annotations

import pytest

from marsad.dedup import link_articles, paragraph_repeats
from marsad.dedup.schema import apply_schema
from marsad.pipeline import run
from marsad.store import Store
from tests.conftest import SEEDS

VOTE = "Two days after the attack, Iraqi lawmakers approved a bill that requires the government"
SENTIMENT = "Anti-US sentiment has been growing in Iraq since the assassination in January 2020"


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    seed = sorted(SEEDS.glob("003_*.txt"))
    if not seed:
        pytest.skip("seed 003 is not present")
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    store = Store(db)
    run([str(SEEDS)], store)
    apply_schema(store.conn)
    rids = [row[0] for row in store.conn.execute("SELECT rid FROM articles ORDER BY rid")]
    with store.transaction() as conn:
        outcome = link_articles(conn, rids)
    yield store, outcome
    store.close()


def occurrences(store: Store, start: str) -> list[tuple[str, str, int]]:
    """``(para_id, canonical_para_id, rid)`` of the tracked paragraphs that begin with ``start``."""
    rows = store.conn.execute(
        "SELECT p.para_id, p.canonical_para_id, p.rid, substr(d.text, p.char_start + 1, ?) FROM paragraphs p"
        " JOIN documents d ON d.doc_id = p.doc_id ORDER BY p.rid, p.idx", (len(start),))
    return [(r[0], r[1], r[2]) for r in rows if r[3] == start]


@pytest.mark.parametrize("start", [VOTE, SENTIMENT])
def test_recurring_background_paragraphs_are_linked_across_articles(linked, start):
    store, _ = linked
    found = occurrences(store, start)
    assert len({rid for _, _, rid in found}) >= 2, found
    first = found[0][0]
    assert all(canonical == first for _, canonical, _ in found)
    assert paragraph_repeats(store.conn, found[-1][0])[0] == first


def test_the_seed_articles_are_not_reposts_of_each_other(linked):
    store, outcome = linked
    assert outcome.paragraph_repeats >= 2
    copies = store.conn.execute("SELECT count(*) FROM article_links WHERE tier = 'copy'").fetchone()[0]
    assert copies == outcome.copies == 0
