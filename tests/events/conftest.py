"""Builders for hand-made documents, articles, toponyms and actor mentions."""

from __future__ import annotations

from marsad.events.detect import Reading, read_sentence
from marsad.events.fatalities import Fatalities, fatalities_in
from marsad.events.lexicon import lexicon
from marsad.models import ActorMention, Article, Claim, DatePrecision, DocKind, Document, EventMention, Evidence, Span, Toponym
from marsad.normalize.arabic import normalize_for_matching


def lang_of(text: str) -> str:
    """"ar" for a text with any Arabic letter, else "en"."""
    return "ar" if any("\u0600" <= char <= "\u06ff" for char in text) else "en"


def reading(text: str, lang: str = "en") -> Reading:
    """The rules' reading (mood, trigger, sub-type) of one sentence."""
    return read_sentence(normalize_for_matching(text), lexicon(lang))


def deaths(text: str, lang: str = "en") -> Fatalities | None:
    """The death count the fatalities rules read in one sentence."""
    return fatalities_in(normalize_for_matching(text), lexicon(lang))


def make_doc(title: str, body: str, published: str = "2022-03-17", doc_id: str = "t1") -> tuple[Document, Article]:
    text = f"{title}\n\n{body}"
    doc = Document(doc_id=doc_id, kind=DocKind.JSONL, origin="test", text=text, content_sha="x", published=published)
    start = len(title) + 2
    article = Article(
        article_id=Article.make_id(doc_id, 0, len(text)), doc_id=doc_id, index=0, char_start=0, char_end=len(text),
        body_start=start, body_end=len(text), evidence=Evidence(doc_id, 0, len(text), "segment", "1"),
        title=title, title_span=Span(0, len(title)), published=published, date_precision=DatePrecision.DAY,
    )
    return doc, article


def extract(title: str, body: str, published: str = "2022-03-17") -> tuple[Document, tuple[EventMention, ...], tuple[Claim, ...]]:
    """The events stage over one hand-made article, without places or actors: (doc, mentions, claims)."""
    from marsad.events import EventExtractor

    doc, article = make_doc(title, body, published=published)
    mentions, claims = EventExtractor().extract(doc, [article], [], [])
    return doc, mentions, claims


def toponym(doc: Document, article: Article, text: str, *, name: str | None = None, country: str = "IQ",
            admin1: str | None = None, feature_class: str = "P", occurrence: int = 0) -> Toponym:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    end = start + len(text)
    return Toponym(
        toponym_id=Toponym.make_id(doc.doc_id, start, end), doc_id=doc.doc_id, article_id=article.article_id,
        text=text, char_start=start, char_end=end, evidence=Evidence(doc.doc_id, start, end, "places", "1"),
        name=name or text, latitude=32.5, longitude=44.4, country=country, admin1=admin1, feature_class=feature_class,
    )


def actor(doc: Document, article: Article, text: str, name: str, category: str, country: str | None = "IQ") -> ActorMention:
    start = doc.text.index(text)
    end = start + len(text)
    return ActorMention(
        mention_id=ActorMention.make_id(doc.doc_id, start, end), doc_id=doc.doc_id, article_id=article.article_id,
        text=text, char_start=start, char_end=end, evidence=Evidence(doc.doc_id, start, end, "actors", "1"),
        actor=name, actor_type=category, country=country,
    )
