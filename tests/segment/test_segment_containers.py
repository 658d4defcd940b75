"""Container kinds, untitled texts, container dates and day/month order."""

from __future__ import annotations

import pytest

from marsad.models import DatePrecision, DocKind, Document
from marsad.segment import segment_document

SINGLE = """Officials said on Tuesday that the bridge over the river would reopen next month after repairs.

Background

The bridge was damaged in 2017 during the fighting for the city and has been closed to heavy traffic since.

Related Articles

Power Cuts Spread Across the South
"""


def doc(text: str, kind: DocKind = DocKind.PAGE, **container) -> Document:
    return Document("d", kind, "test", text, "sha", **container)


def fields(article, *names):
    return tuple(getattr(article, name) for name in names)


@pytest.mark.parametrize("kind", [DocKind.HTML, DocKind.WARC, DocKind.FEED, DocKind.JSONL])
def test_single_article_page_of_a_container_kind(kind):
    container = {"title": "Bridge to Reopen", "published": "2021-05-04T08:00:00Z"}
    (article,) = segment_document(doc(SINGLE, kind, **container))
    assert article.title == "Bridge to Reopen" and article.title_span is None
    assert fields(article, "published", "date_source", "date_precision") == (
        "2021-05-04",
        "container",
        DatePrecision.DAY,
    )
    assert article.char_start == 0
    assert article.char_end == SINGLE.index(" since.") + len(" since.")
    assert article.related_titles == ("Power Cuts Spread Across the South",)


BLOG = """Rocket Attack Targets Airbase

July 7, 2021

Posted by Editor

Several rockets landed inside the airbase on Wednesday, causing minor damage, a security source said.

Convoy Hit by Roadside Bomb

July 6, 2021

Posted by Editor

A roadside bomb struck a supply convoy on the highway south of the capital on Tuesday, police said.
"""


def test_blog_page_in_a_container_yields_every_post():
    first, second = segment_document(doc(BLOG, DocKind.HTML, title="Blog", published="2021-07-08"))
    assert fields(first, "title", "published", "date_source") == (
        "Rocket Attack Targets Airbase",
        "2021-07-08",
        "container",
    )
    assert fields(second, "title", "published", "date_source") == (
        "Convoy Hit by Roadside Bomb",
        "2021-07-06",
        "dateline",
    )
    assert first.byline == "Posted by Editor"


CONTEXT_PAGE = """Clashes in the North

Fighting broke out in the northern villages overnight, residents said.

Related News

Aid Arrives in the South

Aid trucks arrived in the southern towns on Friday, the agency said.
"""


def test_page_with_container_date_dates_first_and_passes_it_on():
    first, second = segment_document(doc(CONTEXT_PAGE, published="2020-03-14"))
    assert fields(first, "published", "date_source") == ("2020-03-14", "container")
    assert fields(second, "published", "date_source", "date_precision") == (
        "2020-03-14",
        "page context",
        DatePrecision.MONTH,
    )


def test_no_context_means_no_date():
    (article,) = segment_document(doc(SINGLE))
    assert fields(article, "published", "date_source", "title") == (None, None, None)


def test_numeric_dates_follow_the_page_order():
    text = (
        "Attack on Checkpoint\n\n18/07/2021\n\n"
        "Gunmen attacked a checkpoint near the city on Sunday, police said.\n\n"
        "Related News\n\nStrike on Depot\n\n10/7/2021\n\n"
        "A drone struck an arms depot near the border, a monitor said.\n"
    )
    first, second = segment_document(doc(text))
    assert (first.published, second.published) == ("2021-07-18", "2021-07-10")


def test_full_date_as_a_segment_of_the_title():
    text = (
        "WAR REPORT – MARCH 2, 2022: ARMY ADVANCES NEAR THE RIVER\n\nSouth Front\n\n"
        "The army advanced along the river bank on Tuesday and took two villages, sources said.\n"
    )
    (article,) = segment_document(doc(text))
    assert fields(article, "published", "date_precision", "source") == (
        "2022-03-02",
        DatePrecision.DAY,
        "South Front",
    )


def test_text_without_title_or_body_is_one_article():
    text = "Short note\nAnother short line\n"
    (article,) = segment_document(doc(text))
    assert (article.char_start, article.char_end) == (0, len(text.rstrip()))
    assert article.title == "Short note"


def test_empty_text_has_no_articles():
    assert segment_document(doc("")) == ()
    assert segment_document(doc(" \n\u200f\n", DocKind.HTML, title="x")) == ()


def test_single_line_text_is_one_article_titled_by_the_container():
    (article,) = segment_document(doc("Just one line", DocKind.FEED, title="Item"))
    assert fields(article, "title", "char_start", "char_end") == ("Item", 0, 13)


def test_line_separated_text_is_read_line_by_line():
    text = (
        "Rocket Attack Targets Airbase\nJuly 7, 2021\nBy Ali Hassan\n"
        "Several rockets landed inside the airbase on Wednesday, causing minor damage, a source said.\n"
        "Officials said the base had been targeted three times this month.\n"
    )
    (article,) = segment_document(doc(text))
    assert fields(article, "title", "published", "byline") == (
        "Rocket Attack Targets Airbase",
        "2021-07-07",
        "By Ali Hassan",
    )


DATE_ABOVE = """Home | World | Middle East

July 3, 2021

Dam Level Falls to Record Low

Posted on July 3, 2021 by admin

The water level behind the dam fell to a record low this week, the ministry said in a statement.

Farmers Protest Water Cuts

Published: July 2, 2021

Farmers protested on Friday against cuts to their water quota, blocking a road for two hours.
"""


def test_date_above_the_title_and_dated_credit_lines():
    first, second = segment_document(doc(DATE_ABOVE))
    assert fields(first, "title", "published", "byline") == (
        "Dam Level Falls to Record Low",
        "2021-07-03",
        "Posted on July 3, 2021 by admin",
    )
    assert fields(second, "title", "published", "byline") == (
        "Farmers Protest Water Cuts",
        "2021-07-02",
        None,
    )
    assert first.related_titles == ()
    assert first.boilerplate[0].start == DATE_ABOVE.index("Home |")


class _NoDates:
    """A date helper that finds nothing: dates come only from the container."""

    @staticmethod
    def parse_date(text, *, order=None):
        return None

    @staticmethod
    def looks_like_date_line(text, *, order=None):
        return None

    @staticmethod
    def infer_order(texts):
        return None


def test_the_date_helper_can_be_supplied():
    articles = segment_document(doc(BLOG, published="2021-07-09"), dates=_NoDates())
    assert [a.published for a in articles] == ["2021-07-09", "2021-07-09"]
    assert [a.date_source for a in articles] == ["container", "page context"]


def test_container_author_and_site_fill_in_for_the_first_article():
    container = {"title": "Bridge to Reopen", "author": "A. Writer", "sitename": "Example Wire"}
    (article,) = segment_document(doc(SINGLE, DocKind.HTML, **container))
    assert (article.byline, article.source) == ("A. Writer", "Example Wire")


def test_container_title_wins_over_a_stray_first_line():
    text = "Iraq pages\n\n" + SINGLE
    (article,) = segment_document(doc(text, DocKind.JSONL, title="Bridge to Reopen"))
    assert (article.title, article.title_span, article.char_start) == ("Bridge to Reopen", None, 0)
    titled = "Bridge to reopen\n\n" + SINGLE
    (article,) = segment_document(doc(titled, DocKind.JSONL, title="Bridge to Reopen"))
    assert (article.title, article.title_span.start) == ("Bridge to reopen", 0)
