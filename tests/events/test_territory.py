"""Who took a place (marsad.events.territory): ACLED codes a change of hands by who gains."""

import pytest

from marsad.events.territory import GOVERNMENT, NON_STATE, UNOPPOSED, first_taker

from .conftest import lang_of, reading


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a group retaking a place is still a non-state actor overtaking it
        ("Al Shabaab fighters recaptured the village of Bacaadweyn from the SNA after heavy fighting.", NON_STATE),
        ("The Taliban retook the district centre after clashes with the army.", NON_STATE),
        # an "overran" subject is the taker, not the base it overran
        ("JNIM militants overran an army post near Djibo and occupied the town.", NON_STATE),
        ("The Arakan Army captured a border guard outpost in Rathedaung township.", NON_STATE),
        # an actor in a prepositional phrase is not the taker
        ("After two days of fighting with PDF forces, the Myanmar military regained control of Kawlin.", GOVERNMENT),
        ("FARDC troops backed by local militiamen recaptured Kilolirwe from M23 rebels.", GOVERNMENT),
        ("Iraqi forces expelled ISIS from western Mosul and declared the old city liberated.", GOVERNMENT),
        # the agent of a passive
        ("The town of Tal Abyad was recaptured by the SDF on Sunday.", NON_STATE),
        ("Marea was liberated by government troops after a week of fighting.", GOVERNMENT),
        ("Kobani was liberated by YPG fighters in January.", NON_STATE),
        ("The villages fell to IS fighters overnight.", NON_STATE),
        # the taker of "fell to" is the one it names, not an army in the clause after it
        ("The provincial capital fell to IS last month after the army pulled back.", NON_STATE),
        ("The town fell to government forces on Sunday after a week of fighting with rebels.", GOVERNMENT),
        # a reported clause names its own subject: the police deny; the rebels took the town hall
        ("Colombian police denied a radio report that ELN rebels had taken over the town hall in Saravena.", NON_STATE),
        ("The army said that it had recaptured the district headquarters.", GOVERNMENT),
        # a place named, then said to be a town
        ("M23 rebels said they had captured Kanyabayonga, a town on the main road north, on Tuesday.", NON_STATE),
        ("The army seized Tal Tamr, the main town on the highway, at dawn.", GOVERNMENT),
        # Arabic names the subject after the verb, inside the trigger
        ("سيطرت هيئة تحرير الشام على بلدة جنديرس بعد اشتباكات مع فصائل من الجيش الوطني.", NON_STATE),
        ("طردت القوات الحكومية مسلحي الحوثي من مواقع في حيس واستعادت السيطرة عليها.", GOVERNMENT),
        ("سيطرت قوات الحوثيين دون قتال على مناطق في مديرية الدريهمي.", UNOPPOSED),
    ],
)
def test_the_taker_decides_the_sub_type(sentence, expected):
    lang = lang_of(sentence)
    assert reading(sentence, lang).sub_event_type == expected


def test_a_pro_government_militia_is_on_the_state_side():
    assert first_taker("pro-government militias ") == "state"
    assert first_taker("tribal militias ") == "non-state"
    assert first_taker("on saturday, ") is None


def test_units_of_the_army_are_the_taker_in_arabic():
    """A partitive من ("وحدات من الجيش", units of the army) is no oblique phrase."""
    told = reading("أحكمت وحدات من الجيش العربي السوري أمس سيطرتها الكاملة على بلدة كفرنبودة في ريف حماة", "ar")
    assert told.sub_event_type == "Government regains territory"
    assert reading("سيطر مسلحون على البلدة بعد طرد عناصر من الجيش", "ar").sub_event_type == "Non-state actor overtakes territory"


def test_a_place_taken_after_days_of_fighting_is_no_peaceful_handover():
    told = reading("Taliban fighters captured the centre of Kishim district on Saturday after government forces withdrew "
                   "following two days of fighting.")
    assert told.sub_event_type == NON_STATE
    assert reading("Rebels took control of the town after government forces withdrew.").sub_event_type == UNOPPOSED
