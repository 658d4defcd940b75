"""Headline forms: the present tense of news titles and feed items, in English and Arabic."""

import pytest

from marsad.events.detect import Mood

from .conftest import deaths, lang_of, reading


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Israeli strike kills three in southern Lebanon", "Air/drone strike"),
        ("Coalition airstrike hits wedding party in Hajjah", "Air/drone strike"),
        ("Taliban seize provincial capital", "Non-state actor overtakes territory"),
        ("Rebels captured a junta outpost near Kalay on Sunday.", "Non-state actor overtakes territory"),
        ("Army retakes Palmyra from Islamic State", "Government regains territory"),
        ("إيران تعتقل فرنسيين اثنين", "Arrests"),
        ("مسلحون يخطفون 30 طالبا في كادونا", "Abduction/forced disappearance"),
        ("آلاف يتظاهرون في تبليسي ضد قانون جديد", "Peaceful protest"),
        ("طالبان تسيطر على عاصمة ولاية", "Non-state actor overtakes territory"),
        ("الجيش يستعيد السيطرة على مدينة تدمر", "Government regains territory"),
        ("طائرة مسيرة تقصف سيارة قرب مأرب", "Air/drone strike"),
        ("Rebels hand over control of the town to the army after talks", "Non-violent transfer of territory"),
        ("الجيش ينسحب من بلدة حدودية ويسلمها للشرطة", "Non-violent transfer of territory"),
        ("UN mission opens forward base near Bunia", "Headquarters or base established"),
        ("Niger deploys 500 troops to the Tillaberi border region", "Change to group/activity"),
        ("Drones dropped chloropicrin on trenches near Bakhmut", "Chemical weapon"),
    ],
)
def test_present_tense_headlines_are_events(headline, expected):
    lang = lang_of(headline)
    found = reading(headline, lang)
    assert found.mood is Mood.EVENT and found.sub_event_type == expected


@pytest.mark.parametrize(
    ("headline", "lang"),
    [
        ("الحكومة ستعتقل المتورطين في الهجوم", "ar"),  # the future prefix: a plan
        ("The army failed to capture the town.", "en"),
        ("Police chief promises crackdown on kidnappers along the highway", "en"),  # kidnappers: no abduction told
    ],
)
def test_plans_and_failures_in_the_same_words_are_no_events(headline, lang):
    assert reading(headline, lang).mood is not Mood.EVENT


def test_headline_kill_counts_its_victims():
    assert deaths("Gunmen kill five villagers in Plateau state").fatalities == 5
    assert deaths("Jihadists kill 12 soldiers in northern Burkina Faso").fatalities == 12
    assert deaths("Three die in clashes in Tripoli").fatalities == 3


def test_a_kill_that_was_only_tried_counts_no_one():
    assert deaths("Gunmen tried to kill a local councillor but missed.") is None
    assert deaths("The militia will kill 10 hostages unless paid, it said.") is None
