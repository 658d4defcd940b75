"""What a sentence asserts: denials that tell an event, vows spent on a past one, plans, fears and
counterfactuals that tell none, and the triggers such sentences name (marsad.events.detect)."""

import pytest

from marsad.events import EventExtractor
from marsad.events.detect import Mood
from marsad.models import Status

from .conftest import actor, make_doc
from .test_sentences import reading


def _mentions(body: str, acts=()):
    doc, article = make_doc("Report", body, published="2024-03-10")
    mentions, _ = EventExtractor().extract(doc, [article], [], [actor(doc, article, *a) for a in acts])
    return mentions


def test_a_denial_of_an_event_tells_it_denied():
    """The denied account is the only telling of the event: it stands, denied."""
    (mention,) = _mentions("Mali's army denied that any houses had been torched in Boni, calling a rights group's report false.")
    assert (mention.sub_event_type, mention.status) == ("Looting/property destruction", Status.DENIED)


@pytest.mark.parametrize(
    "sentence",
    [
        "The army denied any plan to attack the town before the elections.",
        "The rebels denied any intention to shell the airport.",
        "Kataib Hezbollah denied any role in the attack.",
    ],
)
def test_a_denied_plan_or_role_is_no_event(sentence):
    assert not _mentions(sentence)


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        ("The militia vowed to retaliate for Sunday's drone strike near al-Qaim, which killed two of its fighters.", "Air/drone strike"),
        ("The tribe vowed revenge for the ambush on its elders near Bani Walid.", "Attack"),
        ("توعد المجلس العسكري بالرد بعد هجوم استهدف ثكنة للجيش قرب موبتي.", "Armed clash"),
    ],
)
def test_a_vow_answering_a_past_attack_leaves_the_attack_told(sentence, sub_type):
    read = reading(sentence, "ar" if sentence[0] > "\u0600" else "en")
    assert (read.mood, read.sub_event_type) == (Mood.EVENT, sub_type)


@pytest.mark.parametrize(
    "sentence",
    [
        "The group vowed to retaliate against any attack on its positions.",
        "Al-Shabaab threatened in an audio message to behead the captured soldiers.",
        "The militia vowed on Sunday to attack the base.",
        "The convoy reached the town safely, despite fears of an ambush on the desert road.",
        "Had the missile hit the fuel depot, the whole district could have burned.",
    ],
)
def test_threats_fears_and_counterfactuals_tell_no_event(sentence):
    assert reading(sentence).mood is Mood.MODAL


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        ("Heavy gunfire rang out near the presidential palace late on Wednesday, residents said.", "Armed clash"),
        ("State media said saboteurs had blown up a railway bridge near the border.", "Remote explosive/landmine/IED"),
        ("The rebels said army aircraft had bombed a market in the town.", "Air/drone strike"),
        ("An Israeli strike hit a school sheltering displaced families in Khan Younis.", "Air/drone strike"),
        ("Insurgents overrun a gendarmerie post near the border every rainy season.", "Non-state actor overtakes territory"),
        ("Local sources said the insurgents occupied the district headquarters for two days.", "Non-state actor overtakes territory"),
    ],
)
def test_triggers_of_reported_events(sentence, sub_type):
    assert reading(sentence).sub_event_type == sub_type


def test_a_demonym_strike_names_its_state_as_actor1():
    (mention,) = _mentions("A Russian strike hit a residential area in Kherson on Tuesday.",
                           acts=[("Russian strike", "Military Forces of Russia", "State forces", "RU")])
    assert (mention.sub_event_type, mention.actor1) == ("Air/drone strike", "Military Forces of Russia")
