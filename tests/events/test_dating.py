"""When an event happened, and whether the sentence tells it as history."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.events import EventExtractor
from marsad.events.dating import sentence_date

from .conftest import make_doc


def _mention_holding(text: str, words: str, published: str | None):
    doc, article = make_doc("Report", text, published=published)
    mentions, _ = EventExtractor().extract(doc, [article], [], [])
    at = doc.text.index(words)
    return min((m for m in mentions if m.char_start <= at < m.char_end), key=lambda m: m.char_end - m.char_start)


@pytest.mark.parametrize("published", [None, "2024-08-20"])
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The UN envoy's visit comes a year after a coalition airstrike on a detention centre in Saada killed dozens of inmates.", "airstrike"),
        ("Protesters gathered in Baghdad to mark the anniversary of the drone strike near the airport.", "drone strike"),
        ("Residents laid flowers in memory of civilians killed during the occupation of the town.", "killed"),
        ("The same militia was blamed for last year's massacre in the village, in which about 160 herders were killed.", "massacre"),
        ("أعادت القوات الكينية انتشارها في مقاطعة لامو، بعد عام على كمين تبنته حركة الشباب وقتل فيه 17 جنديا.", "كمين"),
    ],
)
def test_an_event_the_sentence_looks_back_on_is_background(text, words, published):
    assert _mention_holding(text, words, published).background


def test_a_look_back_in_another_clause_leaves_todays_event_alone():
    mention = _mention_holding(
        "A year after the massacre, gunmen attacked the village again on Tuesday, killing five people.", "attacked", "2024-03-14"
    )
    assert not mention.background and mention.date == "2024-03-12"


def test_without_the_articles_date_a_year_beside_a_weekday_lies_before_it():
    """"demanded compensation on Tuesday" is the time of telling: the 2017 bombing is history."""
    text = "Families of those killed in the 2017 truck bombing demanded compensation at a rally on Tuesday."
    found = sentence_date(text, text.index("bombing"), None, "en")
    assert found is not None and found.background and found.date == "2017-01-01"


def test_without_the_articles_date_a_weekday_nearer_the_trigger_governs():
    """"killed on Tuesday … the deadliest attack since 2019": the killing is not dated 2019."""
    text = "Gunmen killed five people on Tuesday in the deadliest attack on the town since 2019."
    assert sentence_date(text, text.index("killed"), None, "en") is None


def test_the_date_of_the_triggers_own_clause_governs():
    text = "The governor toured Jalalabad prison on Sunday; the jail was stormed by Islamic State fighters in August 2020."
    found = sentence_date(text, text.index("stormed"), dt.date(2024, 6, 4), "en")
    assert found is not None and (found.date, found.background) == ("2020-08-01", True)
    found = sentence_date(text, text.index("toured"), dt.date(2024, 6, 4), "en")
    assert found is not None and (found.date, found.background) == ("2024-06-02", False)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The press union on Monday denounced the detention of two reporters in Mosul.", "detention"),
        ("Amnesty International on Monday condemned the killing of three aid workers in Idlib.", "killing"),
        ("أدانت نقابة الصحفيين يوم الاثنين اعتقال قوات الأمن مراسلين في الموصل.", "اعتقال"),
    ],
)
def test_a_date_before_a_reaction_dates_the_reaction_not_the_event(text, words):
    mention = _mention_holding(text, words, "2024-03-14")  # a Thursday: "Monday" is 11 March
    assert mention.date != "2024-03-11"


def test_a_date_after_a_reaction_still_dates_the_event():
    mention = _mention_holding("Rights groups condemned the arrest on Monday of five activists in Basra.", "arrest", "2024-03-14")
    assert (mention.date, mention.time_precision) == ("2024-03-11", 1)


def test_an_undated_headline_borrows_the_arrest_date_not_the_day_of_the_call():
    doc, article = make_doc(
        "Three reporters arrested for their coverage of the governor",
        "The press union today called on the authorities to release three reporters detained for their coverage.\n\n"
        "On March 2, police in Basra arrested the three reporters at their office.",
        published="2024-03-14",
    )
    mentions, _ = EventExtractor().extract(doc, [article], [], [])
    lead = next(m for m in mentions if m.lead)
    assert (lead.sub_event_type, lead.date) == ("Arrests", "2024-03-02")
