"""What a sentence asserts: denials that tell an event, vows spent on a past one, plans, fears and
counterfactuals that tell none, and the triggers such sentences name (marsad.events.detect)."""

import pytest

from marsad.events import EventExtractor
from marsad.events.detect import Mood
from marsad.models import Status

from .conftest import actor, lang_of, make_doc, reading


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
    read = reading(sentence, lang_of(sentence))
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
    "sentence",
    [
        # an operation whose own verb of starting is still to come
        "The operation to retake Tal Afar from Islamic State will begin within days, a militia spokesman said.",
        "The offensive to recapture Hodeidah is expected to start after the holiday.",
        "أكد قائد العمليات أن معركة تحرير قضاء الحويجة ستبدأ قريباً بمشاركة طيران التحالف.",
        # "any" right before the trigger, and a warning with its object before "that"
        "Hezbollah's leader warned Israel on Monday that any attack on Lebanon would be met with a response.",
        "ويقول مراقبون إن أي معركة داخل المدينة ستكون مكلفة للغاية على المدنيين.",
        # a cue joined by the conjunction و is still a cue
        "وحذر المحافظ من أن أي هجوم على السد سيتسبب بكارثة.",
        "وهدد التنظيم بقصف مواقع الجيش في المنطقة.",
        "وطالب البيان بوقف القصف على الأحياء السكنية فوراً.",
    ],
)
def test_plans_and_cues_after_a_conjunction_tell_no_event(sentence):
    assert reading(sentence, lang_of(sentence)).mood is Mood.MODAL


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops retook the town and will begin clearing mines next week.",
        "لم تعلن أي جهة مسؤوليتها عن الهجوم على الحاجز.",
        "ولم يسفر القصف عن إصابات في صفوف المدنيين.",
        "لا يزال القصف مستمراً على القرى الحدودية.",
        "Police have not identified any suspects in the attack.",  # "any" names the suspects, not the attack
        "The rebels claimed responsibility for blowing up a gas pipeline; officials were checking whether any blast had occurred.",
        "The army denied any attack had taken place.",  # a denial's "any": the denied account is told
    ],
)
def test_a_negation_or_future_spent_on_another_verb_leaves_the_event(sentence):
    assert reading(sentence, lang_of(sentence)).mood is Mood.EVENT


@pytest.mark.parametrize("sentence", [
    "لم تقع اشتباكات في المدينة.", "ولم تقع اشتباكات في المدينة.", "ولا صحة لأنباء عن اشتباك مع الجيش.",
    "The factions have not claimed that they downed any helicopters.",  # the claim's content is not told
])
def test_a_negation_with_or_without_its_conjunction_negates(sentence):
    assert reading(sentence, lang_of(sentence)).mood is Mood.NEGATED


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


@pytest.mark.parametrize(
    "body",
    [
        # another voice tells another cause
        "Police said a bomb exploded at a bus station in Gombe, wounding two; a fire officer told reporters the blast was caused by a gas leak.",
        "Villagers said a drone struck a car near Kunduz, killing two, but the army said the blast came from a gas cylinder in the car.",
        # or a calm place, set against the account
        "Residents reported an exchange of fire between the two armies at the crossing, while officials on both sides said the area had been calm.",
        # the writer says the accounts differ, or the accused had no record of it
        "Accounts of Saturday's clash at the Kadugli checkpoint differ sharply between the two sides.",
        "Medics said an air strike hit a clinic in Saada, an incident the coalition said it had no record of.",
        "قال شهود إن مسلحين نهبوا مخازن الإغاثة في المدينة، في حين قال مسؤول في المنظمة إن المخازن سليمة.",
        "قال مسؤولون محليون إن قذيفة سقطت على مدرسة في البلدة، غير أن مصدراً عسكرياً قال إن الانفجار ناجم عن مخلفات حرب.",
    ],
)
def test_a_contrary_account_disputes_the_event(body):
    (mention,) = _mentions(body)
    assert mention.status is Status.DISPUTED


def test_calm_after_the_event_disputes_nothing():
    (mention,) = _mentions("Gunmen attacked a checkpoint near Baiji, police said, and the town was calm by evening.")
    assert mention.status is Status.REPORTED


@pytest.mark.parametrize(
    "body",
    [
        "Families marked the anniversary of the 2017 chemical attack on the town, which the government has always denied, on Tuesday.",
        "Survivors of the 2021 massacre in the village, which the army rejected as a fabrication, spoke to the panel on Thursday.",
        "عاد سكان إلى القرية بعد عام على مجزرة قال ناجون إنها أودت بحياة 20 شخصاً، ونفى الجيش وقوعها.",
        "ما زالت عائلات تطالب بالتحقيق في غارة جوية على السوق عام 2022، وهي غارة نفى الجيش وقوعها.",
    ],
)
def test_a_relative_clause_denies_the_event_before_it(body):
    mentions = _mentions(body)
    assert mentions and all(m.status is Status.DENIED for m in mentions)


def test_denying_ones_own_part_leaves_the_event_reported():
    doc, article = make_doc("Report", "Rockets struck open ground near Kiryat Shmona on Tuesday, police said. Hezbollah denied firing them.",
                            published="2024-03-10")
    (mention,) = EventExtractor().extract(doc, [article], [], [])[0]
    assert mention.status is Status.REPORTED


def _claimed(body: str, acts=()):
    doc, article = make_doc("Report", body, published="2024-03-10")
    mentions, claims = EventExtractor().extract(doc, [article], [], [actor(doc, article, *a) for a in acts])
    return mentions, claims


def test_an_allegation_is_a_claim_of_the_party_that_makes_it_and_doubt_on_a_neutral_word():
    (party,), _ = _claimed("Militiamen allegedly executed nine captured soldiers near Wad Madani, according to a video shared by army-aligned accounts.")
    assert party.status is Status.CLAIMED
    (neutral,), _ = _claimed("Militiamen allegedly executed nine captured soldiers near Wad Madani, according to residents.")
    assert neutral.status is Status.DISPUTED


@pytest.mark.parametrize(
    ("body", "group"),
    [
        ("Relatives marked the anniversary of the 2019 attack on the Inates camp, claimed by Islamic State, which killed dozens of soldiers.",
         ("Islamic State", "Islamic State", "Rebel groups", "SY")),
        ("JNIM claimed to have seized a gendarmerie post in the Kayes region on Monday.", ("JNIM", "JNIM", "Rebel groups", "ML")),
        ("شددت القوات الإجراءات حول سجن غويران الذي تعرض عام 2022 لهجوم واسع تبناه تنظيم داعش.",
         ("تنظيم داعش", "Islamic State", "Rebel groups", "SY")),
    ],
)
def test_responsibility_told_by_a_passive_a_claim_to_have_or_تبناه(body, group):
    mentions, _ = _claimed(body, acts=[group])
    assert mentions and {m.claimed_by for m in mentions} == {group[1]}


def test_bodies_claimed_by_relatives_name_no_claimant():
    mentions, _ = _claimed("Gunmen killed four farmers near Jos on Sunday; their bodies were claimed by relatives on Monday.")
    assert mentions and all(m.claimed_by is None for m in mentions)


def test_according_to_what_a_radio_claimed_is_no_negation():
    """وفق ما زعمته: "according to what ... claimed", a pro-government radio's claim."""
    (mention,), claims = _claimed("أعدمت حركة الشباب ثلاثة رجال في بلدة جلب، وفق ما زعمته إذاعة موالية للحكومة.")
    assert mention.status is Status.CLAIMED and claims[0].verb == "زعم"


def test_a_speaker_on_its_own_pages_tells_what_another_did():
    """"said on their social media pages that a government drone struck": the speaker is not the actor."""
    (mention,), _ = _claimed("Fano militiamen said on their social media pages that a government drone had struck a wedding in Gojjam.",
                             acts=[("Fano militiamen", "Fano Militia", "Identity militias", "ET")])
    assert mention.actor1 != "Fano Militia" and mention.claimed_by is None


def test_denied_charges_are_no_denied_event():
    """The reporters deny the charges: the protest named after them is not told as an event."""
    assert reading("Two reporters deny charges in a protest trial in Minsk").mood is Mood.NEGATED


def test_months_after_looks_back():
    (mention,) = _mentions("Residents began returning to Kfar Kila on Monday, months after a bombardment levelled much of the village.")
    assert mention.background


def test_denying_having_organised_an_event_tells_no_event():
    assert reading("Two journalists denied on Tuesday organising protests against the government.").mood is Mood.NEGATED


@pytest.mark.parametrize(
    "sentence",
    [
        "Iraqi armed factions denied responsibility for the drone attack on the Khor Mor gas field in Sulaymaniyah.",
        "نفت فصائل عراقية مسلحة مسؤوليتها عن الهجوم بطائرة مسيرة على حقل كورمور للغاز في السليمانية.",
    ],
)
def test_a_denied_part_in_a_told_event_leaves_it_reported(sentence):
    (mention,) = _mentions(sentence)
    assert (mention.sub_event_type, mention.status) == ("Air/drone strike", Status.REPORTED)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("وكانت القوات المسلحة التابعة لحكومة صنعاء قد استهدفت المطار ذاته عدة مرات خلال الأسابيع الماضية.", "ar"),
        ("Rebels have shelled the airport several times since the truce collapsed.", "en"),
    ],
)
def test_an_act_repeated_several_times_is_a_habit(sentence, lang):
    assert reading(sentence, lang).mood is Mood.HABITUAL


def test_the_arabic_pluperfect_is_no_maybe():
    """قد before a perfect verb ("وكانت المديرية قد تعرضت لغارات") is "had", not "may"."""
    told = reading("وكانت المديرية قد تعرضت لغارات مماثلة عام 2018 أسفرت عن سقوط ضحايا.", "ar")
    assert told.mood is Mood.EVENT and told.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(("sentence", "sub_type"), [
    # a headline's present tense and Arabic's verb-subject-object order
    ("Security forces fire on protesters in Omdurman, doctors say", "Excessive force against protesters"),
    ("Troops open fire on anti-coup protesters in Monywa", "Excessive force against protesters"),
    ("أطلقت قوات الأمن النار على المتظاهرين في ساحة الحبوبي", "Excessive force against protesters"),
    # a protest against a shooting is no shooting of protesters
    ("Protesters rally against police shooting of teenager", "Peaceful protest"),
    # a trigger inside another's words ("were shot": the kill trigger's, and "shot" is excessive force's)
    ("Doctors said the two were shot in the chest as marchers tried to cross the bridge.", "Excessive force against protesters"),
    # a stun grenade thrown at a march is an intervention, no grenade attack
    ("Riot police fired tear gas and stun grenades to disperse thousands of protesters in the capital.", "Protest with intervention"),
])
def test_firing_on_protesters(sentence, sub_type):
    assert reading(sentence, lang_of(sentence)).sub_event_type == sub_type


@pytest.mark.parametrize("sentence", [
    "The committee, which is aligned with the protest movement, said the talks would resume.",
    "Protest leaders met the governor on Monday.",
])
def test_protest_as_a_modifier_names_no_protest(sentence):
    assert reading(sentence).mood is Mood.NONE
