"""ACLED's generic actors filling the roles of an event (marsad.events.roles)."""

import pytest

from marsad.events.roles import Roles, with_generics


def test_state_forces_who_demonstrate_are_protesters():
    retired = Roles("Military Forces of Iraq", "State forces")
    assert with_generics(retired, "Protests", "Peaceful protest", "IQ") == Roles("Protesters (Iraq)", "Protesters")
    assert with_generics(retired, "Riots", "Violent demonstration", "IQ") == Roles("Rioters (Iraq)", "Rioters")


def test_forces_that_act_against_a_protest_keep_their_role():
    police = Roles("Police Forces of Iraq", "State forces", "Protesters (Iraq)", "Protesters")
    assert with_generics(police, "Protests", "Protest with intervention", "IQ") == police


def test_missing_roles_get_the_generic_actor_of_the_event():
    assert with_generics(Roles(), "Violence against civilians", "Attack", "NG") == Roles(
        "Unidentified Armed Group (Nigeria)", "Political militias", "Civilians (Nigeria)", "Civilians")
    assert with_generics(Roles(), "Strategic developments", "Arrests", "IQ").actor1 == "Police Forces of Iraq"


def _roles_of(text: str) -> tuple[str | None, str | None]:
    from marsad.actors import ActorRecognizer
    from marsad.events import EventExtractor

    from .conftest import make_doc

    doc, article = make_doc("تقرير", text)
    actors = ActorRecognizer().mentions(doc, [article], [(0, len(doc.text))])
    mentions, _ = EventExtractor().extract(doc, [article], [], actors)
    (mention,) = [m for m in mentions if m.char_start > len("تقرير")]
    return mention.actor1, mention.actor2



@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # Arabic puts the verb first: the armed body named right after it is the agent
        ("هاجم تنظيم داعش حاجزا للجيش العراقي قرب سنجار أمس.", "Islamic State", "Military Forces of Iraq"),
        ("قصفت القوات التركية قرية قرب عفرين أمس.", "Military Forces of Turkey", None),
        ("قتلت قوات النظام السوري خمسة مدنيين في درعا.", "Military Forces of Syria", "Civilians"),
        ("قتل مسلحون خمسة مدنيين في قرية قرب درعا.", "Unidentified Armed Group", "Civilians"),
        ("هاجم مقاتلو طالبان حاجزا للشرطة في قندوز.", "Taliban", "Police Forces"),  # no places stage here: no country
        # single people after a death word are its victims; a target joined by ل is no agent
        ("قتل جندي عراقي في هجوم شنه مسلحون قرب كركوك.", "Unidentified Armed Group", "Military Forces of Iraq"),
    ],
)
def test_an_arabic_agent_after_its_verb(text, actor1, actor2):
    found1, found2 = _roles_of(text)
    assert found1 is not None and found1.startswith(actor1)
    assert (found2 is None and actor2 is None) or (found2 is not None and actor2 is not None and found2.startswith(actor2))


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # a state's adjective on the weapon names its military, the trigger inside the force's name
        ("Israeli airstrikes killed 12 people in Rafah on Tuesday.", "Military Forces of Israel"),
        ("A Russian strike hit a residential area in Kherson, killing two civilians.", "Military Forces of Russia"),
        ("قتل خمسة أشخاص في غارة إسرائيلية على بلدة في جنوب لبنان.", "Military Forces of Israel"),
        ("استهدفت طائرة مسيرة تركية سيارة في القامشلي.", "Military Forces of Turkey"),
        # no adjective: nobody is named
        ("A drone strike killed two militants in North Waziristan.", "Unidentified Armed Group"),
    ],
)
def test_a_state_adjective_on_the_weapon_names_the_military(text, actor1):
    found1, _ = _roles_of(text)
    assert found1 is not None and found1.startswith(actor1)


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # a vehicle or weapon with a state's adjective is that state's military
        ("An Israeli tank shelled a house in Khan Younis, killing three people.", "Military Forces of Israel", None),
        ("قصفت دبابة إسرائيلية منزلا في خان يونس.", "Military Forces of Israel", None),
        # the object of an attack verb told before the trigger is the target, not the agent
        ("Hezbollah fighters targeted an Israeli tank near the border with a guided missile.", "Hezbollah",
         "Military Forces of Israel"),
        ("Al-Shabaab said it ambushed Kenyan troops with a roadside bomb near Mandera.", "Al Shabaab",
         "Military Forces of Kenya"),
    ],
)
def test_vehicles_name_their_military_and_objects_are_targets(text, actor1, actor2):
    found1, found2 = _roles_of(text)
    assert found1 is not None and found1.startswith(actor1)
    assert actor2 is None or (found2 is not None and found2.startswith(actor2))
