"""A sentence that tells one event and looks back on another gives two mentions."""

from __future__ import annotations

import pytest

from marsad.events import EventExtractor
from marsad.events.lookback import clause_end, in_dated_relative, split_lookback
from marsad.events.views import article_views

from .conftest import make_doc


def _mentions(text: str, published: str | None):
    doc, article = make_doc("Report", text, published=published)
    mentions, _ = EventExtractor().extract(doc, [article], [], [])
    return doc, [m for m in mentions if m.char_start >= len("Report\n\n")]


def _body_view(text: str):
    doc, article = make_doc("Report", text)
    return next(v for v in article_views(doc.text, article, None) if not v.is_title)


@pytest.mark.parametrize("published", [None, "2024-05-07"])
def test_the_recalled_strike_is_its_own_background_mention_with_its_own_dead(published):
    text = ("Tuesday's shelling came two years after a missile strike on Kramatorsk railway station "
            "killed more than 50 people waiting to be evacuated.")
    doc, mentions = _mentions(text, published)
    assert len(mentions) == 2
    current = next(m for m in mentions if not m.background)
    recalled = next(m for m in mentions if m.background)
    assert current.sub_event_type == "Shelling/artillery/missile attack"
    assert current.fatalities is None  # the 50 dead are the old strike's
    assert doc.text[recalled.char_start:recalled.char_end].startswith("two years after a missile strike")
    assert recalled.fatalities == 50
    assert recalled.date is None  # the strike's own date is not the article's


def test_a_similar_attack_a_year_before_keeps_its_own_toll():
    doc, mentions = _mentions("Gunmen killed five villagers near Maiduguri on Monday, a year after a similar attack killed 12.",
                              "2024-05-07")
    assert sorted((m.background, m.fatalities) for m in mentions) == [(False, 5), (True, 12)]
    assert next(m for m in mentions if not m.background).date == "2024-05-06"


def test_an_opening_look_back_leaves_the_main_clause_its_event():
    doc, mentions = _mentions("A year after the massacre, gunmen attacked the village again.", None)
    recalled = [doc.text[m.char_start:m.char_end] for m in mentions if m.background]
    assert recalled == ["A year after the massacre"]
    assert any(not m.background and m.sub_event_type == "Attack" for m in mentions)


def test_a_relative_clause_naming_a_year_is_split_from_the_main_event():
    view = _body_view("Russian missiles hit the school in Kharkiv on Friday that Russian troops had shelled in 2022.")
    split = split_lookback(view)
    assert split is not None
    assert split.recalled.text == "that Russian troops had shelled in 2022."
    assert split.main.reading.sub_event_type == "Shelling/artillery/missile attack"
    assert "shelled" not in split.main.text


def test_no_split_without_an_event_outside_the_clause():
    # the relative clause holds the only event: it stays the sentence's one mention
    assert split_lookback(_body_view("Nigeria's army chief visited Chibok, where Boko Haram abducted 276 schoolgirls in 2014, to open a school.")) is None
    # a count is no year: "which killed 2000 people" does not make a look-back clause
    assert split_lookback(_body_view("Gunmen attacked the market, which was crowded with 2000 shoppers, on Monday.")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nigeria's army chief visited Chibok, where Boko Haram abducted 276 schoolgirls in 2014, to open a school.", True),
        ("زار وفد أممي الأحد مدينة الجنينة التي شهدت عمليات قتل جماعي على أساس عرقي في يونيو 2023.", True),
        ("Police said that gunmen killed five people in the village in 2019.", False),  # "that" after "said" is no relative
        ("Gunmen killed five people in the village where they live.", False),  # no year in the clause
    ],
)
def test_an_event_in_a_dated_relative_clause(text, expected):
    assert in_dated_relative(_body_view(text)) is expected


@pytest.mark.parametrize("published", [None, "2024-05-07"])
def test_without_a_publication_date_a_dated_relative_clause_is_history(published):
    text = "Nigeria's army chief visited Chibok, where Boko Haram abducted 276 schoolgirls in 2014, to open a new school building."
    doc, mentions = _mentions(text, published)
    (mention,) = mentions
    assert mention.sub_event_type == "Abduction/forced disappearance"
    assert mention.background and mention.date == "2014-01-01"


def test_a_clause_goes_on_through_a_participle_phrase():
    folded = "since is fighters overran sinjar in 2014, killing and enslaving thousands, many survivors remained."
    assert folded[:clause_end(folded, 0)] == "since is fighters overran sinjar in 2014, killing and enslaving thousands"


@pytest.mark.parametrize(
    ("text", "words", "background"),
    [
        ("Since Islamic State fighters overran Sinjar in 2014, killing and enslaving thousands of Yazidis, many survivors have remained in camps.", "overran", True),
        ("لا يزال آلاف الأيزيديين يعيشون في مخيمات النزوح منذ اجتياح تنظيم داعش لقضاء سنجار عام 2014.", "اجتياح", True),
        # "since" before a time is no look back
        ("Since the start of the week airstrikes have killed 40 people in Idlib.", "airstrikes", False),
        ("منذ صباح اليوم قصفت المدفعية بلدات في ريف إدلب.", "قصفت", False),
        # "since the war began" is a time, not a look back on an event
        ("قُتل مسعف في قصف على حي سكني في الفاشر، وهو المسعف العاشر الذي يُقتل منذ اندلاع الحرب.", "قصف", False),
    ],
)
def test_since_an_event_is_history_since_a_time_is_not(text, words, background):
    doc, mentions = _mentions(text, None)
    at = doc.text.index(words)
    mention = min((m for m in mentions if m.char_start <= at < m.char_end), key=lambda m: m.char_end - m.char_start)
    assert mention.background is background


@pytest.mark.parametrize(
    ("text", "current", "recalled"),
    [
        ("Soldiers defused a bomb near the market in Maiduguri, ten days after a blast there killed nine people.", "defused", "blast"),
        ("فكك الجيش عبوة ناسفة قرب السوق في الموصل، بعد أسبوعين من انفجار في المكان نفسه أودى بحياة خمسة أشخاص.", "فكك", "انفجار"),
    ],
)
def test_days_or_weeks_after_an_event_look_back_on_it(text, current, recalled):
    doc, mentions = _mentions(text, "2024-05-07")
    at_current, at_recalled = doc.text.index(current), doc.text.index(recalled)
    now = min((m for m in mentions if m.char_start <= at_current < m.char_end), key=lambda m: m.char_end - m.char_start)
    then = min((m for m in mentions if m.char_start <= at_recalled < m.char_end), key=lambda m: m.char_end - m.char_start)
    assert (now.background, now.fatalities) == (False, None)
    assert then.background and then.fatalities in (9, 5)


def test_a_body_found_days_after_an_abduction_is_the_current_death():
    doc, mentions = _mentions("عُثر على جثة ناشط مدني في ضواحي درنة، بعد ثلاثة أيام من اختطافه على يد مجهولين.", "2024-05-07")
    current = [m for m in mentions if not m.background]
    assert [(m.sub_event_type, m.fatalities) for m in current] == [("Attack", 1)]
    assert any(m.background and m.sub_event_type == "Abduction/forced disappearance" for m in mentions)
