import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import MigrationError
from marsad.ids import content_digest
from marsad.models import Article, DocKind, Document, DocumentResult, Evidence, IngestFailure, Span
from marsad.store import Store
from marsad.store.migrations import LATEST

EN = "Rockets Hit Ain al-Asad\n\nThree rockets landed near the Ain al-Asad air base in Anbar on Wednesday."
AR = "قصف مدفعي على ريف إدلب\n\nقصفت القوات الحكومية بلدات في ريف إدلب الجنوبي فجر اليوم، وفق مصادر محلية."


def document(doc_id: str, text: str, **meta) -> Document:
    return Document(doc_id, DocKind.PAGE, "fixture", text, content_digest(text), **meta)


def result(doc_id: str, text: str, **meta) -> DocumentResult:
    doc = document(doc_id, text, **meta)
    title_end = text.index("\n")
    article = Article(
        Article.make_id(doc_id, 0, len(text)), doc_id, 0, 0, len(text), title_end + 2, len(text),
        Evidence(doc_id, 0, len(text), "test", "1"), title=text[:title_end], title_span=Span(0, title_end),
        lang=meta.get("lang"),
    )
    return DocumentResult(doc, (article,))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "m.db") as s:
        yield s


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "m.db"
    Store(path).close()
    Store(path).close()
    rows = sqlite3.connect(path).execute("SELECT version FROM schema_migrations").fetchall()
    assert [r[0] for r in rows] == list(range(1, LATEST + 1))


def test_database_from_a_newer_marsad_is_refused(tmp_path):
    path = tmp_path / "m.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'future', 'now')", (LATEST + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(MigrationError, match="newer"):
        Store(path)


def test_wal_journal(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_same_batch_twice_adds_nothing(store):
    batch = [result("a", EN, lang="en"), result("b", AR, lang="ar")]
    first = store.write_batch(batch)
    second = store.write_batch(batch)
    assert (first.new, first.articles) == (2, 2)
    assert (second.new, second.unchanged, second.articles) == (0, 2, 0)
    assert store.counts()["documents"] == 2 and store.counts()["articles"] == 2


def test_new_content_under_same_id_replaces_document_and_its_articles(store):
    store.write_batch([result("a", EN)])
    changed = EN.replace("Three", "Four")
    outcome = store.write_batch([result("a", changed)])
    assert outcome.replaced == 1
    (row,) = store.query("SELECT text FROM documents")
    assert row["text"] == changed
    assert store.counts()["articles"] == 1
    assert store.search_articles("three") == [] and len(store.search_articles("four")) == 1


def test_failures_are_kept_once_and_cleared_when_the_document_succeeds(store):
    failure = IngestFailure("a", "fixture", "ingest", "undecodable", "byte 12")
    store.write_batch([], [failure])
    store.write_batch([], [failure])
    assert [e["reason"] for e in store.errors()] == ["undecodable"]
    store.write_batch([result("a", EN)])
    assert store.errors() == []


def test_a_failed_batch_leaves_nothing_behind(store):
    store.write_batch([result("a", EN)])
    broken = result("b", AR)
    duplicate_article = DocumentResult(broken.document, broken.articles * 2)  # violates UNIQUE(article_id)
    with pytest.raises(Exception):
        store.write_batch([duplicate_article])
    assert store.counts()["documents"] == 1


@pytest.mark.parametrize("query,expected", [
    ("ادلب", "b"),          # hamza-less alef finds إدلب
    ("الجنوبى", "b"),       # alef maqsura folded to ya
    ("ASAD", "a"),          # case folded
    ("al-asad", "a"),
])
def test_full_text_search_serves_english_and_arabic(store, query, expected):
    store.write_batch([result("a", EN), result("b", AR)])
    hits = store.search_articles(query)
    assert [h["doc_id"] for h in hits] == [expected]


def test_readonly_store_cannot_write(tmp_path):
    path = tmp_path / "m.db"
    with Store(path) as s:
        s.write_batch([result("a", EN)])
    with Store(path, readonly=True) as ro:
        assert ro.counts()["documents"] == 1
        with pytest.raises(Exception):
            ro.write_batch([result("b", AR)])


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300).map(lambda t: "T\n" + t)
metas = st.fixed_dictionaries({
    "title": st.none() | st.text(max_size=40),
    "published": st.none() | st.dates().map(str),
    "source": st.none() | st.text(max_size=20),
    "lang": st.sampled_from([None, "ar", "en", "mixed"]),
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.dictionaries(st.text(min_size=1, max_size=12), st.tuples(texts, metas), min_size=1, max_size=5))
def test_documents_round_trip(tmp_path_factory, docs):
    path = tmp_path_factory.mktemp("rt") / "m.db"
    with Store(path) as s:
        s.write_batch([result(doc_id, text, **meta) for doc_id, (text, meta) in docs.items()])
        stored = {row["doc_id"]: row for row in s.query("SELECT * FROM documents")}
    assert stored.keys() == docs.keys()
    for doc_id, (text, meta) in docs.items():
        assert stored[doc_id]["text"] == text
        assert stored[doc_id]["content_sha"] == content_digest(text)
        assert {k: stored[doc_id][k] for k in meta} == meta
