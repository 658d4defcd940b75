"""The events stage on the real seed pages (skipped when they are absent)."""

from pathlib import Path

import pytest

from marsad.events import EventExtractor
from marsad.models import DocKind, Document
from marsad.segment import segment_document

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


def _run(name: str):
    path = SEEDS / name
    if not path.exists():
        pytest.skip("seed pages absent")
    text = path.read_text(encoding="utf-8")
    doc = Document(doc_id=name, kind=DocKind.PAGE, origin=str(path), text=text, content_sha="x")
    articles = segment_document(doc)
    mentions, claims = EventExtractor().extract(doc, articles, (), ())
    return text, mentions, claims


def _at(text, mentions, prefix):
    start = text.index(prefix)
    return [m for m in mentions if m.char_start <= start < m.char_end]


def test_convoy_attacks_with_claimants_and_dates():
    text, mentions, _ = _run("003_ee85a602ba24a7e5.txt")
    babil = _at(text, mentions, "News sources reported Wednesday morning")
    assert babil and babil[0].claimed_by == "Ashab al-Kahf" and babil[0].time_precision == 1
    yusufiya = _at(text, mentions, "Another US occupation military logistics convoy")
    assert yusufiya and yusufiya[0].claimed_by == "Ashab al-Kahf"
    nile = _at(text, mentions, "Shortly after the news broke")
    assert nile and nile[0].claimed_by == "Qasim Al-Jabarin"
    ied = _at(text, mentions, "The group’s operatives targeted the convoy")
    assert ied and ied[0].sub_event_type == "Remote explosive/landmine/IED"
    assert not _at(text, mentions, "The group has repeatedly claimed responsibility")


def test_january_2020_strike_is_background():
    text, mentions, _ = _run("003_ee85a602ba24a7e5.txt")
    strikes = _at(text, mentions, "They were targeted along with their companions")
    assert strikes and all(m.background and m.date == "2020-01-03" and not m.lead for m in strikes)


def test_helicopter_downing_claim_is_disputed():
    text, mentions, claims = _run("001_553930c58348cdf9.txt")
    claim = _at(text, mentions, "On November 26, the Syrian Kurdish Hawar News Agency")
    assert claim and claim[0].status.value == "disputed"
    assert not _at(text, mentions, "However, no helicopter was downed.")
    start = text.index("However, no helicopter was downed.")
    negation = [c for c in claims if c.char_start <= start < c.char_end]
    assert negation and negation[0].mention_id == claim[0].mention_id


def test_vows_to_expel_are_not_events():
    text, mentions, claims = _run("000_af09a78c8251b2fb.txt")
    assert not _at(text, mentions, "Spokesman of Iraq’s Kata’ib Hezbollah")
    text, mentions, claims = _run("003_ee85a602ba24a7e5.txt")
    assert not _at(text, mentions, "Secretary General of Iraq’s Hezbollah al-Nujaba")
    assert any(c.verb == "said" and c.claimant == "Sheikh Akram al-Kaabi" for c in claims)


def test_one_lead_per_article():
    for name in ("000_af09a78c8251b2fb.txt", "001_553930c58348cdf9.txt", "003_ee85a602ba24a7e5.txt"):
        _, mentions, _ = _run(name)
        per_article = {}
        for m in mentions:
            per_article[m.article_id] = per_article.get(m.article_id, 0) + int(m.lead)
        assert all(count <= 1 for count in per_article.values())
