"""The ``segment`` stage: split a document's text into articles, drop boilerplate.

A page dump may hold one article or a run of them (title, date line, repeated
title, byline or outlet, caption, body paragraphs), interleaved with teaser
lists under "Related News", share widgets, disclaimers and image captions.
:func:`segment_document` returns the articles in order, each with its span
in ``Document.text``, its title, date (and where the date came from), byline,
outlet, the teaser headlines that followed it and the spans of the dropped
text around and inside it.

The work is line based (:mod:`.lines`, :mod:`.classify`); article starts are
found in :mod:`.boundaries`, fields read in :mod:`.fields` and
:mod:`.dating`, and put together in :mod:`.assemble`.
"""

from __future__ import annotations

from typing import Any

from marsad.models import Article, DocKind, Document, Evidence
from marsad.segment.assemble import Draft, draft_of, fallback_skeleton, language_of
from marsad.segment.boundaries import Layout, build_skeletons
from marsad.segment.classify import build_units
from marsad.segment.fields import masthead_outlet
from marsad.segment.dating import DateTools, Dating, date_articles
from marsad.segment.lines import Line, split_lines, uses_blank_lines

COMPONENT = "segment"
VERSION = "1"

__all__ = ["COMPONENT", "VERSION", "body_text", "segment_document"]


def segment_document(doc: Document, *, dates: Any | None = None) -> tuple[Article, ...]:
    """The articles of ``doc`` in order (none for an empty text).

    ``dates`` may supply the date helper: any object with ``parse_date``,
    ``looks_like_date_line`` and ``infer_order`` (by default
    :mod:`marsad.normalize.dates`).
    """
    text = doc.text or ""
    lines = split_lines(text)
    if not lines:
        return ()
    tools = DateTools.from_module(dates)
    units = build_units(lines, text, tools.looks_like_date_line, tools.parse_date)
    layout = _layout(doc, lines)
    skeletons = build_skeletons(units, layout) or (fallback_skeleton(units),)
    container_first = layout is Layout.CONTAINER
    datings = date_articles(skeletons, doc.published, tools, container_first=container_first)
    container_title = container_first and len(skeletons) == 1
    masthead = masthead_outlet([line.text for line in lines[:2]]) if doc.kind == DocKind.PAGE else None
    drafts = (
        draft_of(skeleton, doc, first=index == 0, container_title=container_title, default_source=masthead)
        for index, skeleton in enumerate(skeletons)
    )
    return tuple(
        _article(doc, index, draft, dating) for index, (draft, dating) in enumerate(zip(drafts, datings))
    )


def _layout(doc: Document, lines: tuple[Line, ...]) -> Layout:
    if doc.kind != DocKind.PAGE:
        return Layout.CONTAINER
    return Layout.BLOCKS if uses_blank_lines(lines) else Layout.LINES


def _article(doc: Document, index: int, draft: Draft, dating: Dating) -> Article:
    return Article(
        article_id=Article.make_id(doc.doc_id, draft.char_start, draft.char_end),
        doc_id=doc.doc_id,
        index=index,
        char_start=draft.char_start,
        char_end=draft.char_end,
        body_start=draft.body_start,
        body_end=draft.body_end,
        evidence=Evidence(doc.doc_id, draft.char_start, draft.char_end, COMPONENT, VERSION),
        title=draft.title,
        title_span=draft.title_span,
        published=dating.published,
        date_precision=dating.precision,
        date_source=dating.source,
        byline=draft.byline,
        source=draft.source,
        url=doc.url,
        lang=language_of(doc.text, draft),
        related_titles=draft.related_titles,
        boilerplate=draft.boilerplate,
    )


def body_text(doc_text: str, article: Article) -> str:
    """The article's body with its boilerplate spans blanked out (offsets kept)."""
    start, end = article.body_start, article.body_end
    chars = list(doc_text[start:end])
    for span in article.boilerplate:
        for position in range(max(span.start, start), min(span.end, end)):
            if chars[position - start] not in "\r\n":
                chars[position - start] = " "
    return "".join(chars)
