from datetime import date

import pytest

from marsad.fuse import fuse_batch
from marsad.fuse.rollup import roll_up_status
from marsad.fuse.rules import MentionView, same_event
from marsad.ids import content_digest
from marsad.models import Article, DocKind, Document, DocumentResult, EventMention, Evidence, Status
from marsad.store import Store

CONVOY = "Remote explosive/landmine/IED"
EXPLOSIONS = "Explosions/Remote violence"


def report(doc_id, outlet, sentence, *, day="2022-03-16", precision=1, admin1="Babil", location="Al Mahawil",
           lat=32.66, lon=44.42, geo=1, duplicate_of=None, status=Status.REPORTED, sub=CONVOY, etype=EXPLOSIONS,
           fatalities=None, claimed_by=None):
    text = f"Headline\n\n{sentence}"
    start = text.index(sentence)
    article = Article(Article.make_id(doc_id, 0, len(text)), doc_id, 0, 0, len(text), start, len(text),
                      Evidence(doc_id, 0, len(text), "test", "1"), title="Headline", source=outlet,
                      duplicate_of=duplicate_of)
    mention = EventMention(
        EventMention.make_id(doc_id, start, len(text), sub), doc_id, article.article_id, start, len(text),
        Evidence(doc_id, start, len(text), "test", "1"), etype, sub, lead=True, date=day, time_precision=precision,
        country="IQ", admin1=admin1, location=location, latitude=lat, longitude=lon, geo_precision=geo,
        actor2="Military Forces of the United States", actor2_type="External/Other forces",
        fatalities=fatalities, fatalities_min=fatalities, fatalities_max=fatalities, status=status,
        claimed_by=claimed_by,
    )
    document = Document(doc_id, DocKind.PAGE, doc_id, text, content_digest(text), source=outlet)
    return DocumentResult(document, (article,), mentions=(mention,))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "f.db") as s:
        yield s


def events(store):
    return list(store.query("SELECT * FROM events ORDER BY event_id"))


def test_three_outlets_and_a_repost_make_one_event(store):
    original = report("tigris", "Tigris Wire", "A roadside bomb hit a supply convoy near al-Mahawil on Wednesday.")
    batch_one = [original, report("qalam", "Qalam News", "استهدفت عبوة ناسفة رتلاً قرب المحاويل.", precision=2, day="2022-03-14")]
    batch_two = [
        report("euphrates", "Euphrates Monitor", "An IED struck a logistics convoy on the Hilla highway.", lat=32.70, lon=44.40, fatalities=0),
        report("crossroads", "Crossroads Digest", "A roadside bomb hit a supply convoy near al-Mahawil on Wednesday.",
               duplicate_of=original.articles[0].article_id),
    ]
    store.write_batch(batch_one, hooks=[fuse_batch])
    (first,) = events(store)
    store.write_batch(batch_two, hooks=[fuse_batch])
    (event,) = events(store)
    assert event["event_id"] == first["event_id"]
    assert (event["n_sources"], event["n_mentions"]) == (3, 4)
    assert (event["event_date"], event["time_precision"]) == ("2022-03-16", 1)
    assert event["source"] == "Euphrates Monitor; Qalam News; Tigris Wire"
    assert (event["country"], event["iso"], event["admin1"]) == ("Iraq", 368, "Babil")
    assert event["disorder_type"] == "Political violence" and event["status"] == "reported"
    assert "3 independent source(s), 4 mention(s)" in event["notes"]


def test_different_place_day_or_type_stay_apart(store):
    store.write_batch([
        report("a", "Tigris Wire", "A convoy was hit near al-Mahawil."),
        report("b", "Qalam News", "A convoy was hit in Nasiriyah.", admin1="Dhi Qar", location="Nasiriyah", lat=31.05, lon=46.26),
        report("c", "Levant Dispatch", "A convoy was hit near al-Mahawil.", day="2022-03-19"),
        report("d", "Euphrates Monitor", "Protesters gathered near al-Mahawil.", sub="Peaceful protest", etype="Protests"),
    ], hooks=[fuse_batch])
    assert len(events(store)) == 4


def test_an_undated_mention_founds_no_event(store):
    store.write_batch([report("a", "Tigris Wire", "A convoy was hit near al-Mahawil.", day=None)], hooks=[fuse_batch])
    assert events(store) == []
    (row,) = store.query("SELECT event_id FROM mentions")
    assert row["event_id"] is None


def test_province_level_mention_joins_the_finer_event(store):
    store.write_batch([
        report("a", "Tigris Wire", "A convoy was hit near al-Mahawil."),
        report("b", "Qalam News", "A convoy was hit in Babil province.", location="Babil", geo=3, lat=32.5, lon=44.4),
    ], hooks=[fuse_batch])
    (event,) = events(store)
    assert (event["n_sources"], event["location"], event["geo_precision"]) == (2, "Al Mahawil", 1)


def test_conservative_fatalities_and_rolled_up_status(store):
    store.write_batch([
        report("a", "Tigris Wire", "Five died.", fatalities=5, status=Status.CLAIMED, claimed_by="Ashab al-Kahf"),
        report("b", "Qalam News", "Seven died.", fatalities=7, status=Status.DISPUTED),
    ], hooks=[fuse_batch])
    (event,) = events(store)
    assert (event["fatalities"], event["fatalities_min"], event["fatalities_max"]) == (5, 5, 7)
    assert event["status"] == "disputed" and event["actor1"] == "Ashab al-Kahf"
    assert "Responsibility claimed by Ashab al-Kahf" in event["notes"]


def test_replacing_a_document_updates_its_event(store):
    store.write_batch([report("a", "Tigris Wire", "A convoy was hit."), report("b", "Qalam News", "A convoy was hit.")], hooks=[fuse_batch])
    text = "Headline\n\nNothing happened today."
    replacement = DocumentResult(Document("b", DocKind.PAGE, "b", text, content_digest(text), source="Qalam News"))
    store.write_batch([replacement], hooks=[fuse_batch])
    (event,) = events(store)
    assert event["n_sources"] == 1


def fused(tmp_path, name, reports, size):
    """Event rows, and the grouping of mentions into events, after writing in batches of ``size``."""
    with Store(tmp_path / name) as s:
        for start in range(0, len(reports), size):
            s.write_batch(reports[start : start + size], hooks=[fuse_batch])
        rows = [tuple(r.values()) for r in s.query("SELECT * FROM events ORDER BY event_id")]
        groups = {}
        for r in s.query("SELECT event_id, mention_id FROM mentions"):
            groups.setdefault(r["event_id"], set()).add(r["mention_id"])
    return rows, sorted(map(sorted, groups.values()))


def test_fusion_is_deterministic_and_groups_alike_across_batch_splits(tmp_path):
    reports = [report(f"d{n}", f"Outlet {n % 3}", f"Convoy report {n}.", lat=32.66 + n * 0.001) for n in range(6)]
    reports += [report("x", "Other", "Convoy hit in Basra.", admin1="Basra", location="Basra", lat=30.5, lon=47.8)]
    whole, again, split = (fused(tmp_path, n, reports, size) for n, size in (("a", 7), ("b", 7), ("c", 2)))
    assert whole == again
    assert whole[1] == split[1] and len(whole[1]) == 2
    assert [r[1:] for r in whole[0]] != [] and len(split[0]) == 2


def view(**overrides):
    base = dict(mention_id="m", article_id="a", event_type=EXPLOSIONS, sub_event_type=CONVOY, day=date(2022, 3, 16),
                time_precision=1, country="IQ", admin1="Babil", location="X", latitude=32.66, longitude=44.42,
                geo_precision=1, actor1=None, actor1_type=None, actor2=None, actor2_type=None, fatalities_min=None,
                fatalities_max=None, status="reported", claimed_by=None, outlet="o", is_repost=False)
    return MentionView(**{**base, **overrides})


@pytest.mark.parametrize("other,expected", [
    (dict(), True),
    (dict(day=date(2022, 3, 17)), False),
    (dict(day=date(2022, 3, 1), time_precision=3), True),      # month-precise joins a day in it
    (dict(location="Y", latitude=32.70, longitude=44.45), True),  # about 5 km
    (dict(location="Y", latitude=33.3, longitude=44.4), False),   # Baghdad, 70 km
    (dict(actor1="Islamic State"), True),                      # one side unnamed
])
def test_same_event_rule_is_symmetric(other, expected):
    a, b = view(), view(mention_id="n", **other)
    assert same_event(a, b) is expected and same_event(b, a) is expected


def test_named_actors_must_agree():
    assert not same_event(view(actor1="Islamic State"), view(mention_id="n", actor1="Kataib Hezbollah"))


@pytest.mark.parametrize("statuses,expected", [
    (["claimed", "claimed"], Status.CLAIMED),
    (["claimed", "reported"], Status.REPORTED),
    (["reported", "disputed"], Status.DISPUTED),
    (["denied"], Status.DENIED),
    (["claimed", "denied"], Status.DISPUTED),
])
def test_status_roll_up(statuses, expected):
    assert roll_up_status(statuses) is expected


def test_one_outlet_spelt_in_two_cases_counts_once(store):
    store.write_batch([
        report("a", "Tigris Wire", "A roadside bomb hit a supply convoy near al-Mahawil on Wednesday."),
        report("b", "TIGRIS WIRE", "A bomb struck a convoy on the road near al-Mahawil on Wednesday."),
    ], hooks=[fuse_batch])
    (event,) = events(store)
    assert (event["n_sources"], event["n_mentions"], event["source"]) == (1, 2, "Tigris Wire")


def test_a_background_paragraph_pasted_by_another_outlet_adds_a_mention_not_a_source(tmp_path):
    """Two outlets tell their own news and paste the same paragraph about an earlier attack: that
    attack is one event, reported once (n_sources 1, n_mentions 2)."""
    import json

    from marsad.pipeline import run

    background = ("On March 14, a roadside bomb struck a logistics convoy of the coalition on the highway near "
                  "al-Mahawil in Babil province, damaging two trucks, according to security sources who spoke "
                  "to reporters at the scene.")
    pages = [
        {"id": "tigris-1", "source": "Tigris Wire", "published": "2022-03-16", "title": "Protest in Nasiriyah",
         "text": "Hundreds of people protested in Nasiriyah on Wednesday over power cuts, witnesses said.\n\n" + background},
        {"id": "qalam-1", "source": "Qalam News", "published": "2022-03-17", "title": "Rockets hit Ain al-Asad",
         "text": "Two rockets struck the Ain al-Asad air base in Anbar on Thursday, officials said, causing no casualties.\n\n" + background},
    ]
    feed = tmp_path / "pages.jsonl"
    feed.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    with Store(tmp_path / "p.db") as store:
        run([str(feed)], store)
        rows = list(store.query("SELECT n_sources, n_mentions FROM events WHERE sub_event_type = 'Remote explosive/landmine/IED'"))
    assert [(r["n_sources"], r["n_mentions"]) for r in rows] == [(1, 2)]


def test_fusion_finds_a_mention_paragraph_through_an_index(store):
    plan = " ".join(r["detail"] for r in store.query(
        "EXPLAIN QUERY PLAN SELECT 1 FROM paragraphs p WHERE p.article_id = ? AND p.char_start <= ?", ("a", 5)))
    assert "paragraphs_article" in plan
