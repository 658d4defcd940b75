"""A small marsad database for the API and dashboard tests.

Three documents (English, Arabic, and a hostile one whose text holds HTML
that must never run), their articles, toponyms, actor mentions, event
mentions and claims go in through ``Store.write_batch``; four events go
straight into the events table.
"""

from __future__ import annotations

from pathlib import Path

from marsad.ids import content_digest
from marsad.models import (
    ActorMention, Article, Claim, DocKind, Document, DocumentResult, Event, EventMention, Evidence, Span,
    Status, Toponym,
)
from marsad.store import Store
from marsad.store.rows import EVENT_COLUMNS, event_row

HOSTILE_SCRIPT = "<script>window.__pwned = 1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'

EN_TITLE = "Airstrike hits Mosul market"
EN_TEXT = (
    f"{EN_TITLE}\n\n"
    "An airstrike hit a market in Mosul on Saturday, killing 5 civilians, local officials said.\n\n"
    "Separately, the Islamic State claimed an attack near Kirkuk on Friday.\n"
)
AR_TITLE = "غارة جوية على سوق في الموصل"
AR_TEXT = (
    f"{AR_TITLE}\n\n"
    "قصفت طائرة حربية سوقا شعبيا في مدينة الموصل يوم السبت، ما أسفر عن مقتل خمسة مدنيين.\n"
)
HOSTILE_TITLE = f"Protest in Damascus {HOSTILE_SCRIPT}"
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\n"
    f"Hundreds protested in Damascus on Tuesday. {HOSTILE_IMG} Police dispersed the crowd.\n\n"
    "The interior ministry denied that anyone was arrested.\n"
)

E_MOSUL, E_KIRKUK, E_DAMASCUS, E_ALEPPO = "evt_mosul", "evt_kirkuk", "evt_damascus", "evt_aleppo"


def _ev(doc_id: str, start: int, end: int, component: str = "tests") -> Evidence:
    return Evidence(doc_id, start, end, component, "0")


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _document(doc_id: str, text: str, title: str, source: str, url: str, published: str, lang: str) -> Document:
    return Document(doc_id=doc_id, kind=DocKind.JSONL, origin="fixture.jsonl", text=text,
                    content_sha=content_digest(text), title=title, published=published, url=url,
                    source=source, lang=lang)


def _article(doc: Document, title: str) -> Article:
    title_start, title_end = _span(doc.text, title)
    body_start = title_end + 2
    article_id = Article.make_id(doc.doc_id, 0, len(doc.text))
    return Article(
        article_id=article_id, doc_id=doc.doc_id, index=0, char_start=0, char_end=len(doc.text),
        body_start=body_start, body_end=len(doc.text), evidence=_ev(doc.doc_id, 0, len(doc.text)),
        title=title, title_span=Span(title_start, title_end), published=doc.published, source=doc.source,
        url=doc.url, lang=doc.lang,
    )


def _mention(doc: Document, article: Article, needle: str, event_id: str, event_type: str, sub: str,
             **extra) -> EventMention:
    start, end = _span(doc.text, needle)
    return EventMention(
        mention_id=EventMention.make_id(doc.doc_id, start, end, sub), doc_id=doc.doc_id,
        article_id=article.article_id, char_start=start, char_end=end, evidence=_ev(doc.doc_id, start, end),
        event_type=event_type, sub_event_type=sub, event_id=event_id, **extra,
    )


def _toponym(doc: Document, article: Article, needle: str, **extra) -> Toponym:
    start, end = _span(doc.text, needle)
    return Toponym(toponym_id=Toponym.make_id(doc.doc_id, start, end), doc_id=doc.doc_id,
                   article_id=article.article_id, text=needle, char_start=start, char_end=end,
                   evidence=_ev(doc.doc_id, start, end), **extra)


def _actor(doc: Document, article: Article, needle: str, **extra) -> ActorMention:
    start, end = _span(doc.text, needle)
    return ActorMention(mention_id=ActorMention.make_id(doc.doc_id, start, end), doc_id=doc.doc_id,
                        article_id=article.article_id, text=needle, char_start=start, char_end=end,
                        evidence=_ev(doc.doc_id, start, end), **extra)


def _claim(doc: Document, article: Article, needle: str, **extra) -> Claim:
    start, end = _span(doc.text, needle)
    return Claim(claim_id=Claim.make_id(doc.doc_id, start, end), doc_id=doc.doc_id,
                 article_id=article.article_id, char_start=start, char_end=end,
                 evidence=_ev(doc.doc_id, start, end), **extra)


MOSUL = dict(geonameid=99072, name="Mosul", latitude=36.335, longitude=43.119, country="IQ", admin1="Nineveh",
             feature_class="P", score=0.9)


def results() -> list[DocumentResult]:
    en = _document("en-1", EN_TEXT, EN_TITLE, "Example Wire", "https://example.org/mosul", "2024-03-02", "en")
    ar = _document("ar-1", AR_TEXT, AR_TITLE, "وكالة الأنباء", "https://example.org/ar/mosul", "2024-03-02", "ar")
    bad = _document("hostile-1", HOSTILE_TEXT, HOSTILE_TITLE, f"Hostile {HOSTILE_IMG} Outlet",
                    "javascript:window.__pwned=3", "2024-03-05", "en")
    en_a, ar_a, bad_a = _article(en, EN_TITLE), _article(ar, AR_TITLE), _article(bad, HOSTILE_TITLE)
    en_result = DocumentResult(
        document=en, articles=(en_a,),
        toponyms=(_toponym(en, en_a, "Mosul", **MOSUL), _toponym(en, en_a, "Kirkuk", geonameid=94787, name="Kirkuk",
                  latitude=35.468, longitude=44.392, country="IQ", admin1="Kirkuk", feature_class="P", score=0.8)),
        actors=(_actor(en, en_a, "Islamic State", actor="Islamic State (Iraq)", actor_type="Rebel groups", country="IQ"),),
        mentions=(
            _mention(en, en_a, "An airstrike hit a market in Mosul on Saturday, killing 5 civilians", E_MOSUL,
                     "Explosions/Remote violence", "Air/drone strike", lead=True, date="2024-03-02", country="IQ",
                     admin1="Nineveh", location="Mosul", latitude=36.335, longitude=43.119, fatalities=5),
            _mention(en, en_a, "the Islamic State claimed an attack near Kirkuk on Friday", E_KIRKUK, "Battles",
                     "Armed clash", date="2024-03-01", country="IQ", admin1="Kirkuk", location="Kirkuk",
                     actor1="Islamic State (Iraq)", claimed_by="Islamic State (Iraq)", status=Status.CLAIMED),
        ),
        claims=(_claim(en, en_a, "the Islamic State claimed an attack near Kirkuk", claimant="Islamic State",
                       verb="claimed", content="an attack near Kirkuk", status=Status.CLAIMED, event_id=E_KIRKUK),),
    )
    ar_result = DocumentResult(
        document=ar, articles=(ar_a,),
        toponyms=(_toponym(ar, ar_a, "الموصل", **MOSUL),),
        mentions=(_mention(ar, ar_a, "قصفت طائرة حربية سوقا شعبيا في مدينة الموصل", E_MOSUL,
                           "Explosions/Remote violence", "Air/drone strike", lead=True, date="2024-03-02",
                           country="IQ", admin1="Nineveh", location="الموصل", fatalities=5),),
    )
    bad_result = DocumentResult(
        document=bad, articles=(bad_a,),
        toponyms=(_toponym(bad, bad_a, "Damascus", geonameid=170654, name="Damascus", latitude=33.51,
                           longitude=36.29, country="SY", admin1="Dimashq", feature_class="P", score=0.9),),
        mentions=(_mention(bad, bad_a, f"Hundreds protested in Damascus on Tuesday. {HOSTILE_IMG}", E_DAMASCUS,
                           "Protests", "Peaceful protest", lead=True, date="2024-03-05", country="SY",
                           admin1="Dimashq", location="Damascus", status=Status.DISPUTED),),
        claims=(_claim(bad, bad_a, "The interior ministry denied that anyone was arrested", claimant="interior ministry",
                       verb="denied", content="that anyone was arrested", status=Status.DENIED, event_id=E_DAMASCUS),),
    )
    return [en_result, ar_result, bad_result]


def events() -> list[Event]:
    return [
        Event(E_MOSUL, "2024-03-02", 1, "Explosions/Remote violence", "Air/drone strike", 2, 2, Status.REPORTED,
              disorder_type="Political violence", actor1="Unidentified Military Forces", actor2="Civilians (Iraq)",
              iso=368, country="Iraq", admin1="Nineveh", location="Mosul", latitude=36.335, longitude=43.119,
              geo_precision=1, source="Example Wire; وكالة الأنباء", fatalities=5),
        Event(E_KIRKUK, "2024-03-01", 1, "Battles", "Armed clash", 1, 1, Status.CLAIMED,
              actor1="Islamic State (Iraq)", assoc_actor_1="Tribal Militia; Local Guards",
              actor2="Military Forces of Iraq", iso=368, country="Iraq", admin1="Kirkuk", location="Kirkuk",
              latitude=35.468, longitude=44.392, geo_precision=2, source="Example Wire"),
        Event(E_DAMASCUS, "2024-03-05", 1, "Protests", "Peaceful protest", 1, 1, Status.DISPUTED,
              actor1="Protesters (Syria)", iso=760, country="Syria", admin1="Dimashq", location="Damascus",
              latitude=33.51, longitude=36.29, geo_precision=1, source=f"Hostile {HOSTILE_IMG} Outlet",
              notes=f"Crowd dispersed {HOSTILE_SCRIPT} {HOSTILE_IMG}"),
        Event(E_ALEPPO, "2024-03-10", 1, "Violence against civilians", "Attack", 0, 3, Status.DENIED,
              actor1="Unidentified Armed Group (Syria)", actor2="Civilians (Syria)", iso=760, country="Syria",
              admin1="Aleppo", location="Aleppo", latitude=36.2, longitude=37.16, geo_precision=1, fatalities=2),
    ]


def build_fixture_db(path: Path) -> Path:
    """Write the fixture database at ``path`` (migrations applied by opening a Store)."""
    with Store(path) as store:
        store.write_batch(results())
        marks = ", ".join("?" * len(EVENT_COLUMNS))
        with store.transaction() as conn:
            conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({marks})",
                             [event_row(e) for e in events()])
    return path
