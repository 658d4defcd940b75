"""Segmenting small pages written in the style of the seed pages."""

from __future__ import annotations

import pytest

from marsad.models import Article, DatePrecision, DocKind, Document
from marsad.segment import COMPONENT, VERSION, body_text, segment_document

ENGLISH_ONE = "Militia Convoy Ambushed Near Tikrit"
ENGLISH_TWO = "Border Crossing Reopens After Two Years"
ARABIC = "انفجار يستهدف رتلاً للدعم اللوجستي في الديوانية"
UNDATED = "Protesters Gather Outside Provincial Council"

PAGE = f"""{ENGLISH_ONE}

March 3, 2022

{ENGLISH_ONE}

By Staff, Agencies

A convoy of the militia was ambushed on the road north of Tikrit on Wednesday, local officials said.

Two fighters were wounded in the attack, which no group has claimed so far.

Related News

Drone Strike Hits Depot in Deir Ezzor
Water Crisis Deepens in Basra

Related News

{ENGLISH_TWO}

February 27, 2022

Source: Example Wire

Visual search query image

The crossing between the two countries reopened on Sunday after being closed for two years, officials said.

Traders welcomed the decision, saying it would lower the price of goods in the border towns.

{ARABIC}

شباط 25 2022

 سامي خليل

استهدف انفجار رتلاً لنقل المعدات اللوجستية على الطريق السريع جنوب الديوانية صباح اليوم.

وقالت مصادر أمنية إن الرتل كان متجهاً إلى إحدى القواعد العسكرية في المنطقة.

MORE ON THIS TOPIC:

{UNDATED}

Illustrative image.

Hundreds of protesters gathered outside the provincial council building on Monday, demanding jobs.

Police said the protest ended peacefully in the afternoon.

Print Friendly

Disclaimer: The contents of this page are of sole responsibility of the authors.
"""


def page(text: str, **container) -> Document:
    return Document("page-1", DocKind.PAGE, "test", text, "sha", **container)


def end_of(text: str, sentence: str) -> int:
    return text.index(sentence) + len(sentence)


def test_splits_a_page_into_its_articles():
    articles = segment_document(page(PAGE))
    assert [a.title for a in articles] == [ENGLISH_ONE, ENGLISH_TWO, ARABIC, UNDATED]
    titles = (ENGLISH_ONE, ENGLISH_TWO, ARABIC, UNDATED)
    assert [a.char_start for a in articles] == [PAGE.index(title) for title in titles]
    assert [a.char_end for a in articles] == [
        end_of(PAGE, "claimed so far."),
        end_of(PAGE, "in the border towns."),
        end_of(PAGE, "العسكرية في المنطقة."),
        end_of(PAGE, "in the afternoon."),
    ]
    assert articles[0].body_start == PAGE.index("A convoy of the militia")
    assert articles[1].body_start == PAGE.index("The crossing between")


def test_fields_of_each_article():
    first, second, arabic, undated = segment_document(page(PAGE, url="http://example.org/p"))
    assert first.published == "2022-03-03"
    assert (first.date_precision, first.date_source) == (DatePrecision.DAY, "dateline")
    assert first.byline == "By Staff, Agencies"
    assert first.related_titles == ("Drone Strike Hits Depot in Deir Ezzor", "Water Crisis Deepens in Basra")
    assert second.published == "2022-02-27" and second.source == "Example Wire"
    assert (arabic.published, arabic.byline, arabic.lang) == ("2022-02-25", "سامي خليل", "ar")
    assert first.lang == "en" and first.url == "http://example.org/p"


def test_undated_article_takes_the_page_context_at_month_precision():
    undated = segment_document(page(PAGE))[3]
    assert undated.published == "2022-02-25"
    assert undated.date_precision is DatePrecision.MONTH
    assert undated.date_source == "page context"


def test_boilerplate_is_recorded_and_kept_out_of_titles_and_bodies():
    articles = segment_document(page(PAGE))
    dropped = {PAGE[s.start : s.end] for a in articles for s in a.boilerplate}
    assert {"Print Friendly", "Illustrative image.", "Visual search query image", "Related News"} <= dropped
    assert any(text.startswith("Disclaimer:") for text in dropped)
    for article in articles:
        body = body_text(PAGE, article)
        assert "Print Friendly" not in body and "Disclaimer" not in body
        assert "Illustrative image" not in (article.title or "")


def test_ids_and_evidence():
    articles = segment_document(page(PAGE))
    for index, article in enumerate(articles):
        assert article.index == index
        assert article.article_id == Article.make_id("page-1", article.char_start, article.char_end)
        assert article.evidence.component == COMPONENT and article.evidence.version == VERSION
        evidence = article.evidence
        assert (evidence.char_start, evidence.char_end) == (article.char_start, article.char_end)
    assert len({a.article_id for a in articles}) == len(articles)


TEASERS_AT_END = """Shelling Resumes on the Southern Front

July 3, 2021

Artillery shelling resumed on the southern front on Saturday after a week of calm, a monitor said.

Related News

Ceasefire Talks Stall in the Capital
Aid Convoy Reaches Besieged Town

%d bloggers like this:
"""


def test_teasers_without_a_body_are_not_articles():
    (article,) = segment_document(page(TEASERS_AT_END))
    assert article.title == "Shelling Resumes on the Southern Front"
    assert article.related_titles == (
        "Ceasefire Talks Stall in the Capital",
        "Aid Convoy Reaches Besieged Town",
    )
    assert article.char_end == end_of(TEASERS_AT_END, "a monitor said.")


TEASER_LINES = """Shelling Resumes on the Southern Front

Artillery shelling resumed on the southern front on Saturday after a week of calm, a monitor said.

Aid Convoy Reaches Besieged Town After Months of Waiting

Ceasefire Talks Stall in the Capital

South Front

Talks on a ceasefire stalled on Sunday as the two delegations left the capital without a statement.
"""


def test_a_teaser_line_before_a_full_article_goes_to_the_article_before():
    first, second = segment_document(page(TEASER_LINES))
    assert second.title == "Ceasefire Talks Stall in the Capital"
    assert second.source == "South Front"
    assert first.related_titles == ("Aid Convoy Reaches Besieged Town After Months of Waiting",)
    assert first.published is None and second.published is None


SUBHEADINGS = """Iraq Votes in Early Election

October 10, 2021

Iraqis voted on Sunday in an early parliamentary election called after mass protests in 2019.

Turnout

Turnout was reported to be low in the capital, according to the electoral commission.

Iraq Votes in Early Election

Click to see the full-size map

Results are expected within days, the commission said in a statement on Sunday evening.
"""


def test_subheadings_and_title_captions_stay_inside_the_article():
    (article,) = segment_document(page(SUBHEADINGS))
    assert article.char_end == end_of(SUBHEADINGS, "on Sunday evening.")
    caption = SUBHEADINGS.rindex("Iraq Votes in Early Election")
    assert any(span.start == caption for span in article.boilerplate)



DATED_CREDIT = """Militias Say They Will Not Join the Offensive

By Example News Agency

Global Research, October 08, 2015

Example News Agency 7 October 2015

Commanders of the volunteer forces said on Wednesday that they would not take part in the offensive.

Articles by: Example News Agency

Disclaimer: The contents of this article are of sole responsibility of the author(s).
"""


def test_outlet_and_date_on_one_line_dates_the_article():
    (article,) = segment_document(page(DATED_CREDIT))
    assert (article.published, article.date_source) == ("2015-10-08", "dateline")
    assert article.byline == "By Example News Agency"
    assert article.source == "Example News Agency"
    assert article.char_end == end_of(DATED_CREDIT, "part in the offensive.")


@pytest.mark.parametrize(
    ("first_lines", "outlet"),
    [
        (["Tigris Wire | Iraq Desk"], "Tigris Wire"),
        (["قلم نيوز | الرئيسية | العراق | سوريا | تقارير | اتصل بنا"], "قلم نيوز"),
        (["Levant Dispatch — Iraq notebook"], "Levant Dispatch"),
        (["Levant Dispatch", "Syria | Idlib | Aleppo | Northeast | Opinion"], "Levant Dispatch"),
        (["Rockets hit base | Updated 10:30"], None),  # a headline with a time stamp
        (["Baghdad — Gunmen killed two people on Monday in a crowded market"], None),  # a dateline
        (["Erbil air defences down two drones near airport", "Erbil air defences down two drones"], None),
    ],
)
def test_masthead_names_the_outlet_of_a_page(first_lines, outlet):
    from marsad.segment.fields import masthead_outlet

    assert masthead_outlet(first_lines) == outlet


def test_articles_without_a_source_line_take_the_mastheads_outlet():
    text = ("Tigris Wire | Iraq Desk\n\nRoadside bomb hits convoy near Hillah\n\nMarch 16, 2022\n\n"
            "A roadside bomb struck a logistics convoy north of Hillah on Wednesday, police said.\n\n"
            "Two wounded in Baquba market blast\n\nMarch 16, 2022\n\n"
            "A small bomb wounded two people in a market in Baquba on Wednesday, a medical source said.\n")
    doc = Document(doc_id="m", kind=DocKind.PAGE, origin="m", text=text, content_sha="x")
    articles = segment_document(doc)
    assert len(articles) == 2 and {a.source for a in articles} == {"Tigris Wire"}
