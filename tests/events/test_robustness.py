"""Odd inputs never break the stage."""

import pytest

from marsad.events import EventExtractor
from marsad.models import Article, DocKind, Document, Evidence

from .conftest import make_doc


@pytest.mark.parametrize(
    "body",
    [
        "",
        "\n\n\n",
        "...!!!???",
        "killed killed killed",
        "On 99/99/9999 an IED exploded.",
        "قتل",
        "\u200f\u200e\ufeff",
        "A" * 5000,
        "“Unclosed quote said he. » « ",
        "Between 10 and 5 people were killed in 2099.",
    ],
)
def test_odd_bodies(body):
    doc, article = make_doc("Title", body)
    mentions, claims = EventExtractor().extract(doc, [article], [], [])
    assert sum(m.lead for m in mentions) <= 1
    for record in (*mentions, *claims):
        assert 0 <= record.char_start <= record.char_end <= len(doc.text)


def test_article_without_title_or_date():
    text = "Gunmen abducted two engineers near Kirkuk."
    doc = Document(doc_id="d", kind=DocKind.PAGE, origin="x", text=text, content_sha="s")
    article = Article(
        article_id="a", doc_id="d", index=0, char_start=0, char_end=len(text), body_start=0, body_end=len(text),
        evidence=Evidence("d", 0, len(text), "segment", "1"),
    )
    mentions, _ = EventExtractor().extract(doc, [article], [], [])
    assert mentions and mentions[0].date is None and mentions[0].time_precision is None
    assert mentions[0].sub_event_type == "Abduction/forced disappearance" and mentions[0].lead


def test_no_articles_no_records():
    doc = Document(doc_id="d", kind=DocKind.PAGE, origin="x", text="Clashes erupted.", content_sha="s")
    assert EventExtractor().extract(doc, [], [], []) == ((), ())
    assert EventExtractor().event_sentences(doc, []) == []
