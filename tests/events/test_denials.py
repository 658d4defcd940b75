"""What a denial denies, and who tells their own acts (marsad.events.mentions status and selection)."""

import pytest

from marsad.events.detect import Mood
from marsad.models import Status

from .conftest import extract, lang_of, reading


def _status_of(body: str, words: str) -> Status | None:
    doc, mentions, _ = extract("Report", body)
    found = [m for m in mentions if words in doc.text[m.char_start:m.char_end]]
    return found[0].status if found else None


@pytest.mark.parametrize(
    ("body", "words", "expected"),
    [
        # the accusation named after the event is no denial of a role
        ("Russia's defence ministry denied that its forces shelled a maternity hospital in Zaporizhzhia, "
         "calling Ukrainian accusations a staged provocation.", "shelled", Status.DENIED),
        ("The Houthis denied accusations by the Yemeni government that their fighters shelled a camp for "
         "displaced people in Marib, killing three children.", "shelled", Status.DENIED),
        ("نفى الجيش الإسرائيلي أن يكون قد استهدف موقعاً للجيش اللبناني قرب بلدة الناقورة.", "استهدف", Status.DENIED),
        # an event told first, then a denial of one's part in it: the event stands as told
        ("قالت منظمة أطباء بلا حدود إن مستشفى في مدينة الأبيض تعرض لقصف مدفعي أسفر عن مقتل أربعة مرضى، "
         "فيما نفت قوات الدعم السريع مسؤوليتها عن الهجوم.", "لقصف", Status.REPORTED),
        ("Gunmen killed five people at a market in Kirkuk on Monday, but Islamic State denied any role in the attack.",
         "killed", Status.REPORTED),
        # an armed group telling what its own fighters did
        ("The Qassam Brigades, Hamas's armed wing, said its fighters blew up a tunnel shaft as Israeli soldiers entered it in Rafah.",
         "blew up", Status.CLAIMED),
        ("A rights group accused the army of burning homes in three villages in Benue state; the military called the allegation baseless.",
         "burning homes", Status.DISPUTED),
    ],
)
def test_the_status_a_denial_or_an_own_account_gives(body, words, expected):
    assert _status_of(body, words) is expected


def test_a_denial_of_a_role_or_the_charges_tells_no_event():
    assert _status_of("The army denied any role in the attack.", "attack") is None
    assert _status_of("She denied the charges of attacking a policeman.", "attacking") is None


@pytest.mark.parametrize("sentence", ["أعلن المجلس العسكري عزمه شن هجوم واسع على المسلحين في تيلابيري.",
                                      "The army announced plans to attack the rebels in the north."])
def test_an_announced_intention_is_no_event(sentence):
    assert reading(sentence, lang_of(sentence)).mood is not Mood.EVENT
