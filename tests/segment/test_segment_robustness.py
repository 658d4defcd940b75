"""segment_document never raises and always returns well-formed articles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.models import DocKind, Document
from marsad.segment import segment_document

# Pieces that make the text look like a page: headlines, dates, markers, widgets.
_PIECES = st.sampled_from(
    [
        "\n", "\n\n", " ", "Related News", "By Staff, Agencies", "July 25, 2021", "18/07/2021",
        "أيلول 4 2021", "Source: Al Mayadeen", "Advertisements", "Visual search query image",
        "Iraq Rejects US Request for Partnership", "U.S.", "?", "؟", "«", "\u200f", "\xa0",
        "The troops withdrew from the town after two days of heavy fighting near the river.",
        "قالت مصادر محلية إن القوات انسحبت من البلدة بعد يومين من القتال العنيف قرب النهر.",
        ", , , ,", "Print Friendly", "(FNA) ~ ", "\r\n", "\u2028", "%d bloggers like this:",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=60).map("".join),
)
_KINDS = st.sampled_from(list(DocKind))


def _document(text: str, kind: DocKind, title: str | None, published: str | None) -> Document:
    return Document("doc-1", kind, "test", text, "sha", title=title, published=published)


def _check(text: str, articles) -> None:
    previous_end = 0
    for index, article in enumerate(articles):
        assert article.index == index
        assert previous_end <= article.char_start <= article.char_end <= len(text)
        assert article.char_start <= article.body_start <= article.body_end <= article.char_end
        if article.title_span is not None:
            span = article.title_span
            assert article.char_start <= span.start <= span.end <= article.char_end
            assert text[span.start : span.end] == article.title
        for span in article.boilerplate:
            assert 0 <= span.start <= span.end <= len(text)
        assert article.evidence.char_start == article.char_start
        assert article.evidence.char_end == article.char_end
        previous_end = article.char_end


@settings(max_examples=300, deadline=None)
@given(
    text=_TEXTS,
    kind=_KINDS,
    title=st.one_of(st.none(), st.text(max_size=20)),
    published=st.one_of(st.none(), st.sampled_from(["2021-07-25", "2021-07", "July 3, 2021", "garbage", ""])),
)
def test_never_raises_and_spans_are_well_formed(text, kind, title, published):
    articles = segment_document(_document(text, kind, title, published))
    _check(text, articles)
    if not text.strip():
        assert articles == ()


@settings(max_examples=100, deadline=None)
@given(text=_TEXTS, kind=_KINDS)
def test_ids_are_deterministic(text, kind):
    first = segment_document(_document(text, kind, None, None))
    second = segment_document(_document(text, kind, None, None))
    assert [a.article_id for a in first] == [a.article_id for a in second]
    assert first == second
    assert len({a.article_id for a in first}) == len(first)
