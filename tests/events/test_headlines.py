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
        ("Suspected jihadists execute 9 bus passengers near Djibo", "Attack"),
        ("Colombian government and EMC faction sign ceasefire in Bogota", "Agreement"),
        ("A ceasefire between the army and the rebels took effect at midnight on Sunday.", "Agreement"),
        ("أعلن الجيش وقوات الدعم السريع هدنة لمدة 72 ساعة", "Agreement"),
        ("دخل وقف إطلاق النار في جنوب لبنان حيز التنفيذ فجر الأربعاء", "Agreement"),
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
        ("The ministry will execute its plan to rebuild the bridge.", "en"),
        # a ceasefire named, not agreed: talks, calls, violations, an end
        ("Ceasefire talks in Cairo resumed on Monday without a breakthrough.", "en"),
        ("The UN envoy called for a ceasefire in Gaza.", "en"),
        ("Israel announced the end of the truce on Friday.", "en"),
        ("وزيرا الخارجية يبحثان في القاهرة جهود وقف إطلاق النار", "ar"),
        ("حذرت الأمم المتحدة من انهيار الهدنة في اليمن", "ar"),
        ("اتهم الحوثيون التحالف بخرق الهدنة في الحديدة", "ar"),
    ],
)
def test_plans_and_failures_in_the_same_words_are_no_events(headline, lang):
    assert reading(headline, lang).mood is not Mood.EVENT


def test_headline_kill_counts_its_victims():
    assert deaths("Gunmen kill five villagers in Plateau state").fatalities == 5
    assert deaths("Jihadists kill 12 soldiers in northern Burkina Faso").fatalities == 12
    assert deaths("Three die in clashes in Tripoli").fatalities == 3
    assert deaths("Suspected jihadists execute 9 bus passengers near Djibo").fatalities == 9


def test_a_kill_that_was_only_tried_counts_no_one():
    assert deaths("Gunmen tried to kill a local councillor but missed.") is None
    assert deaths("The militia will kill 10 hostages unless paid, it said.") is None
