"""The paragraph tier: a repeated background paragraph is stored once and known everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.dedup import link_articles, paragraph_repeats, repeated_spans
from marsad.dedup.edits import read_hrdsattack
from marsad.dedup.memory import add_articles, open_database

TRAIN = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "hrdsattack" / "train.json"


@pytest.fixture(scope="module")
def train():
    if not TRAIN.is_file():
        pytest.skip("HRDsAttack train.json is not present")
    return [a for a in read_hrdsattack(TRAIN) if len(a[1]) >= 5]


def long_paragraph(articles, skip: int = 0) -> str:
    """A paragraph of 40 words or more from the data, without digits."""
    found = [p for a in articles for p in a[1] if len(p.split()) >= 40 and not any(c.isdigit() for c in p)]
    return found[skip]


def link_all(items):
    conn = open_database()
    rids = add_articles(conn, items)
    conn.execute("BEGIN")
    outcome = link_articles(conn, rids)
    conn.execute("COMMIT")
    return conn, rids, outcome


def para_at(conn, rid: int, text: str) -> tuple[str, str, int, int]:
    """``(para_id, canonical, start, end)`` of the paragraph of article ``rid`` that holds ``text``."""
    rows = conn.execute(
        "SELECT p.para_id, p.canonical_para_id, p.char_start, p.char_end, d.text FROM paragraphs p"
        " JOIN documents d ON d.doc_id = p.doc_id WHERE p.rid = ?", (rid,)).fetchall()
    for para_id, canonical, start, end, doc in rows:
        if doc[start:end] == text:
            return para_id, canonical, start, end
    raise AssertionError(f"no paragraph {text[:40]!r} in article {rid}")


def test_a_paragraph_repeated_in_three_articles_points_at_its_first_occurrence(train):
    background = long_paragraph(train[10:])
    edited_background = background.replace(" the ", " this ", 1)
    bodies = [
        [*train[0][1][:3], background, *train[0][1][3:5]],
        [background, *train[1][1][:4]],
        [*train[2][1][:4], edited_background],
    ]
    conn, rids, outcome = link_all([(f"Article {n}", "\n\n".join(b), "en") for n, b in enumerate(bodies)])
    first, first_canonical, _, _ = para_at(conn, rids[0], background)
    assert first_canonical == first
    second, second_canonical, start, end = para_at(conn, rids[1], background)
    third, third_canonical, _, _ = para_at(conn, rids[2], edited_background)
    assert second_canonical == first and third_canonical == first
    assert paragraph_repeats(conn, second) == [first, second, third]
    assert outcome.paragraph_repeats == 2
    second_article = conn.execute("SELECT article_id FROM articles WHERE rid = ?", (rids[1],)).fetchone()[0]
    assert repeated_spans(conn, second_article) == [(start, end, first)]
    doc = conn.execute("SELECT text FROM documents d JOIN articles a ON a.doc_id = d.doc_id WHERE a.rid = ?",
                       (rids[1],)).fetchone()[0]
    assert doc[start:end] == background


def test_unrelated_paragraphs_and_changed_numbers_are_not_repeats(train):
    base = long_paragraph(train[10:], skip=1)
    words = base.split()
    with_number = " ".join([*words[:10], "12", *words[10:]])
    other_number = " ".join([*words[:10], "15", *words[10:]])
    bodies = [[with_number, *train[3][1][:3]], [other_number, *train[4][1][:3]], [*train[5][1][:4]]]
    conn, rids, _ = link_all([(f"Article {n}", "\n\n".join(b), "en") for n, b in enumerate(bodies)])
    first, _, _, _ = para_at(conn, rids[0], with_number)
    second, second_canonical, _, _ = para_at(conn, rids[1], other_number)
    assert second_canonical == second
    assert paragraph_repeats(conn, first) == [first]
    repeats = conn.execute("SELECT count(*) FROM paragraphs WHERE canonical_para_id != para_id").fetchone()[0]
    assert repeats == 0


def test_short_paragraphs_are_not_tracked():
    conn, rids, outcome = link_all([("Short", "One line only.\n\nAnother short line of text.", "en")])
    assert outcome.paragraphs == 0
    assert conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 0
