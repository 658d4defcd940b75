"""Death counts written in more of the ways wire reports write them (marsad.events.fatalities, victims)."""

import pytest

from marsad.events.detect import Mood
from marsad.events.fatalities import fatalities_in
from marsad.events.lexicon import lexicon
from marsad.normalize.arabic import normalize_for_matching

from .conftest import deaths, extract, lang_of, reading


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Eleven displaced people perished when shells struck the camp.", 11),
        ("Two dozen Houthi fighters were killed in clashes over the past 48 hours.", 24),
        ("An armed attack on a bar left 12 people wounded and five dead.", 5),  # the wounded come first
        ("A family of five, including three children, was killed when a shell hit their home.", 5),
        ("A suicide car bomber killed three soldiers at a base on Sunday; the bomber also died, police said.", 4),
        ("A couple and their three young children were shot dead inside their home.", 5),
        ("A glide bomb hit the street, killing a 10-year-old boy and his grandmother.", 2),
        ("Two men on a motorcycle shot dead a vaccination worker in Bajaur.", 1),  # the two are the killers
        ("Two gunmen killed a soldier at a checkpoint in Kirkuk.", 1),
        ("Fatalities are estimated at between 50 and 100 soldiers.", 50),
        ("Clashes killed 12 people, bringing the death toll this year to 300.", 12),
        ("لقي ثلاثة جنود من القوات الحكومية حتفهم في هجوم بطائرة مسيرة.", 3),
        ("قتلت غارة إسرائيلية على بلدة الخيام جنوبي لبنان خمسة مسعفين من الهيئة الصحية.", 5),
        ("قضت عائلة مؤلفة من ستة أفراد في غارة دمرت منزلها.", 6),
        ("قتلت قوات الدعم السريع ستة مدنيين في قرية، كما قُتل اثنان من عناصرها في اشتباك مع الأهالي.", 8),
        ("استشهد ثلاثة فلسطينيين وقُتل جندي إسرائيلي خلال اشتباكات في مخيم جنين.", 4),
        ("أعلنت الشرطة أن حصيلة تفجير المطعم ارتفعت من ١٢ إلى ٢٠ قتيلاً.", 20),
        ("فجّر انتحاري حزامه الناسف في سوق، ما أسفر عن مقتل جنديين ومدني، كما لقي الانتحاري مصرعه.", 4),
    ],
)
def test_counts_of_families_dozens_sums_and_tolls(sentence, value):
    found = deaths(sentence, lang_of(sentence))
    assert found is not None and found.fatalities == value


def test_a_count_of_many_events_is_not_the_events_own():
    found = deaths("Two soldiers were killed in an attack on Monguno, bringing to 57 the number of troops "
                   "killed in northern Borno since January.")
    assert found is not None and found.fatalities == 2
    assert deaths("The court ruled that five defendants be jailed.") is None
    assert deaths("قضت المحكمة بسجن خمسة متهمين.", "ar") is None  # قضت: the court ruled, nobody died


@pytest.mark.parametrize(
    "sentence",
    [
        "A senior Al-Shabaab commander, Abdirahman Farah, died in an airstrike near Jilib.",
        "فارق جندي في الجيش السوداني الحياة متأثراً بجروح أصيب بها.",
        "أعدم مسلحون يشتبه في انتمائهم إلى تنظيم الدولة في الساحل زعيماً قبلياً في ميناكا.",
    ],
)
def test_one_victim_told_without_a_number(sentence):
    lang = lang_of(sentence)
    assert fatalities_in(normalize_for_matching(sentence), lexicon(lang), sentence, lone=True).fatalities == 1


def test_at_least_and_up_to_in_arabic_are_no_negation():
    sentence = "استشهد ما لا يقل عن ١٥ فلسطينياً، وربما ما يصل إلى ٢٠، في قصف إسرائيلي على مدرسة."
    assert reading(sentence, "ar").mood is Mood.EVENT
    negation = lexicon("ar").negation
    assert negation.search(normalize_for_matching("ما يصل إلى ٢٠")) is None
    assert negation.search(normalize_for_matching("ما يريد الجيش")) is not None  # ما + an imperfect is still a negation


def test_an_event_placed_in_a_series_is_still_told():
    told = "A labourer was shot dead by militants in Shopian on Thursday, police said, the second attack on migrant workers in 10 days."
    assert reading(told).mood is Mood.EVENT
    assert reading("It was the third attack on the town this month.").mood is not Mood.EVENT


def test_the_dead_told_of_the_attack_in_the_next_sentence_join_a_claimed_account():
    _, mentions, _ = extract("Convoy", "Militants ambushed a military convoy in Mir Ali on Tuesday, the military's media wing said. "
                             "Eight soldiers lost their lives in the attack.")
    lead = next(m for m in mentions if m.lead)
    assert lead.fatalities == 8


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Israeli forces killed three gunmen in a raid on Nur Shams camp, and an Israeli soldier was killed in the exchange of fire.", 4),
        ("A Houthi drone struck a house in Taiz, killing two women; a child wounded in the attack died the following day.", 3),
        ("Gunmen killed four soldiers, and one of the attackers was also killed.", 5),  # one more, counted once
        ("A car bomb killed five people in Mogadishu, and a man was arrested.", 5),
        ("استشهد أب وأم وأطفالهما الثلاثة في غارة على منزلهم في خان يونس.", 5),
        ("استشهد زوجان في قصف على رفح.", 2),
        ("انتشلت طواقم الدفاع المدني جثمان مواطن من تحت أنقاض منزل دمرته غارة في حي الشجاعية.", 1),
        ("استشهاد عسكريين اثنين جراء عدوان بالصواريخ على محيط الكسوة.", 2),  # the noun, then "two"
        ("شهيدان وجريح بغارات على مديرية رازح بصعدة", 2),  # the dual
        ("استشهد مواطنان وأصيب ثالث بجروح في غارتين على مديرية رازح.", 2),
    ],
)
def test_one_more_dead_a_couple_and_a_recovered_body(sentence, value):
    found = deaths(sentence, lang_of(sentence))
    assert found is not None and found.fatalities == value


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("An IED struck an army patrol in Kirkuk province, killing an officer and two soldiers. "
         "A civilian bystander later died of his wounds in hospital.", 4),
        ("انفجرت عبوة ناسفة بدورية للجيش في كركوك ما أدى إلى مقتل جنديين. وتوفي مدني متأثراً بجراحه في المستشفى.", 3),
    ],
)
def test_one_more_death_told_in_the_next_sentence_joins_the_event(body, value):
    _, mentions, _ = extract("Patrol hit", body)
    assert mentions and mentions[0].fatalities == value


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        ("استشهد مواطنان وأصيب ثالث بجروح مساء أمس في غارتين لطيران العدوان على مديرية رازح.", "Air/drone strike"),
        ("استشهد ثلاثة مدنيين في قصف مدفعي على بلدة في ريف درعا الغربي.", "Shelling/artillery/missile attack"),
    ],
)
def test_a_martyr_verb_and_a_dual_of_air_strikes_name_an_event(sentence, sub_type):
    read = reading(sentence, "ar")
    assert read.mood is Mood.EVENT and read.sub_event_type == sub_type


def test_a_later_sentence_about_another_year_gives_no_dead_to_the_event():
    body = ("ضبطت قوة من قيادة شرطة البصرة اليوم أكداساً من الأسلحة والأعتدة في بستان مهجور ضمن قضاء الزبير. "
            "وتأتي الحملة بعد النزاعات العشائرية التي شهدتها مناطق شمال البصرة عام 2021 وأودت بحياة عدد من المواطنين.")
    _, mentions, _ = extract("ضبط أسلحة", body)
    lead = next(m for m in mentions if m.lead)
    assert lead.sub_event_type == "Disrupted weapons use" and not lead.fatalities


@pytest.mark.parametrize(
    ("title", "body", "toll"),
    [
        # the risen toll skips an aside between it and the event it updates
        ("Security forces fire on marchers in Omdurman",
         "Security forces opened fire on Sunday on people marching in Omdurman, killing at least two protesters, doctors said.\n\n"
         "The committee, which is aligned with the protest movement, said the two were shot in the chest near the junction.\n\n"
         "Late in the evening the committee said the toll had risen to three after a young man died in hospital.", 3),
        # a "general hospital" (مستشفى … العام) is no year's toll; the update has no event of its own
        ("مقتل ستة مدنيين بقصف على حي سكني في تعز",
         "قتل ستة مدنيين مساء أمس جراء قصف بقذائف الهاون على حي الروضة وسط مدينة تعز.\n\n"
         "وقالت المصادر إن القذائف سقطت على سوق شعبي مكتظ.\n\n"
         "وأفاد مكتب الصحة بأن عدد القتلى ارتفع إلى ثمانية بعد وفاة اثنين من المصابين في مستشفى الثورة العام.", 8),
    ],
)
def test_a_risen_toll_updates_the_event_it_follows(title, body, toll):
    _, mentions, _ = extract(title, body, published="2021-12-19")
    counted = [m for m in mentions if m.fatalities]
    assert [m.fatalities for m in counted] == [toll]


def test_a_toll_risen_over_a_war_updates_no_event():
    _, mentions, _ = extract("Shelling kills four in Marib",
                             "Shelling killed four civilians in Marib city on Sunday, medics said. "
                             "The toll of the war has risen to more than 150,000, according to monitors.")
    assert [m.fatalities for m in mentions if m.fatalities] == [4]
