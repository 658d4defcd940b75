"""Arabic names of provinces and conflict towns outside Iraq and Syria, as Arabic news wires write them."""

from __future__ import annotations

import pytest

from .conftest import find, places


CASES = [
    # Nigeria
    ("هاجم مسلحون قرية في ولاية بورنو شمال شرقي نيجيريا", "ولاية بورنو", "NG", "Borno"),
    ("قتل مسلحون عشرات القرويين في ولاية زامفارا شمال غربي نيجيريا", "ولاية زامفارا", "NG", "Zamfara"),
    ("شنت جماعة بوكو حرام هجوما على قاعدة عسكرية في ولاية يوبي", "ولاية يوبي", "NG", "Yobe"),
    ("أعلن الجيش النيجيري مقتل عناصر من بوكو حرام قرب ميدوغوري", "ميدوغوري", "NG", "Borno"),
    ("فر آلاف السكان من بلدة غوزا في ولاية بورنو", "غوزا", "NG", "Borno"),
    # Sahel and Lake Chad
    ("هاجم مسلحون نقطة أمنية في مدينة كيدال شمالي مالي", "كيدال", "ML", "Kidal"),
    ("أعلن الجيش المالي استعادة السيطرة على تمبكتو", "تمبكتو", "ML", "Tombouctou"),
    ("قتل جنود في كمين قرب مدينة جيبو شمالي بوركينا فاسو", "جيبو", "BF", "Sahel"),
    ("قتل جنود في هجوم لمسلحين في منطقة تيلابيري غربي النيجر", "تيلابيري", "NE", "Tillaberi"),
    ("فر لاجئون سودانيون إلى بلدة أدري الحدودية في تشاد", "أدري", "TD", "Ouaddai"),
    ("هاجمت بوكو حرام بلدة كولوفاتا في أقصى شمال الكاميرون", "كولوفاتا", "CM", "Far North"),
    # Sudan, South Sudan, Somalia, Ethiopia
    ("سيطرت قوات الدعم السريع على مدينة زالنجي عاصمة ولاية وسط دارفور", "زالنجي", "SD", "Central Darfur"),
    ("قصفت قوات الدعم السريع مدينة كادقلي في ولاية جنوب كردفان", "كادقلي", "SD", "South Kordofan"),
    ("نزح آلاف المدنيين إلى مدينة بانتيو في جنوب السودان", "بانتيو", "SS", "Unity"),
    ("شنت حركة الشباب هجوما قرب مدينة كيسمايو جنوبي الصومال", "كيسمايو", "SO", "Jubbada Hoose"),
    ("قتل عشرة جنود في تفجير بمدينة بلدوين وسط الصومال", "بلدوين", "SO", "Hiiraan"),
    ("اشتباكات بين الجيش ومتمردين في إقليم تيغراي شمالي إثيوبيا", "إقليم تيغراي", "ET", "Tigrai"),
    ("أطلق مسلحون النار على دورية في إقليم أمهرة", "إقليم أمهرة", "ET", "Amara"),
    # Central and southern Africa
    ("شن متمردو حركة إم 23 هجوما على بلدة روتشورو في إقليم شمال كيفو", "روتشورو", "CD", "Nord-Kivu"),
    ("شن متمردو حركة إم 23 هجوما على بلدة روتشورو في إقليم شمال كيفو", "إقليم شمال كيفو", "CD", "Nord-Kivu"),
    ("هاجم مسلحون بلدة موسيمبوا دا برايا في إقليم كابو ديلغادو شمالي موزمبيق", "موسيمبوا دا برايا", "MZ",
     "Cabo Delgado"),
    # Yemen, Libya
    ("قصفت جماعة الحوثي أحياء في مدينة إب وسط اليمن", "إب", "YE", "Ibb"),
    ("وصل وفد حكومي إلى مدينة سيئون في حضرموت", "سيئون", "YE", "Hadramawt"),
    ("اندلعت اشتباكات في مدينة ترهونة جنوب شرقي طرابلس", "ترهونة", "LY", "Al Marqab"),
    # Afghanistan, Pakistan
    ("سيطرت حركة طالبان على مدينة لشكر كاه عاصمة ولاية هلمند جنوبي أفغانستان", "لشكر كاه", "AF", "Helmand"),
    ("سيطرت حركة طالبان على مدينة لشكر كاه عاصمة ولاية هلمند جنوبي أفغانستان", "ولاية هلمند", "AF", "Helmand"),
    ("قتل عشرة أشخاص في انفجار بولاية ننغرهار شرقي أفغانستان", "ولاية ننغرهار", "AF", "Nangarhar"),
    ("هجوم انتحاري في مدينة كويتا عاصمة إقليم بلوشستان", "كويتا", "PK", "Balochistan"),
    ("قتل خمسة جنود في هجوم على بلدة بانو بإقليم خيبر بختونخوا", "بانو", "PK", "Khyber Pakhtunkhwa"),
    # Lebanon, Gaza
    ("استهدفت غارة إسرائيلية مدينة النبطية جنوبي لبنان", "النبطية", "LB", "An Nabatiyah"),
    ("قصفت المدفعية الإسرائيلية أطراف الخيام جنوبي لبنان", "الخيام", "LB", "An Nabatiyah"),
    ("قصفت المدفعية الإسرائيلية أطراف بلدة عيتا الشعب الحدودية", "عيتا الشعب", "LB", "An Nabatiyah"),
    ("قتل أشخاص في غارة على مخيم المغازي وسط قطاع غزة", "مخيم المغازي", "PS", "Gaza Strip"),
    # Ukraine
    ("شن الجيش الروسي هجوما على مدينة خيرسون جنوبي أوكرانيا", "خيرسون", "UA", "Khersonska oblast"),
    ("أعلنت موسكو السيطرة الكاملة على باخموت في مقاطعة دونيتسك", "باخموت", "UA", "Donetska oblast"),
    ("انسحبت القوات الأوكرانية من أفدييفكا", "أفدييفكا", "UA", "Donetska oblast"),
    # Turkey, Myanmar
    ("استهدفت مسيرة تركية مواقع قرب بلدة جيلان بينار في ولاية شانلي أورفا", "جيلان بينار", "TR", "Sanlıurfa"),
    ("أعلن جيش ميانمار شن غارات على ولاية راخين", "ولاية راخين", "MM", "Rakhine"),
]


@pytest.mark.parametrize("text, surface, country, admin1", CASES)
def test_arabic_names_outside_iraq_and_syria_resolve(geoparser, text, surface, country, admin1):
    found = find(geoparser, text, surface)
    assert (found.country, found.admin1) == (country, admin1)


def test_a_town_keeps_town_precision(geoparser):
    found = find(geoparser, "شن الجيش الروسي هجوما على مدينة خيرسون جنوبي أوكرانيا", "خيرسون")
    assert (found.name, found.geo_precision) == ("Kherson", 1)


@pytest.mark.parametrize("text, country", [
    ("فاز الفريق في مباراة دوري أبطال أوروبا", "BF"),  # "league", not Dori
    ("قال المسؤول لا أدري متى تنتهي الحرب", "TD"),  # "I do not know", not Adre
    ("نصب النازحون الخيام في العراء شمال إدلب", "LB"),  # "the tents", not Khiam
    ("قال إن الخلاف بيني وبينه انتهى", "CD"),  # "between me", not Beni
    ("طالبان تسيطر على عاصمة ولاية", "YE"),  # "a capital", not Amanat al-Asimah
])
def test_a_name_that_is_also_a_common_word_needs_evidence(geoparser, text, country):
    assert country not in {p.country for p in geoparser.parse(text) if p.kind == "place"}


@pytest.mark.parametrize("text, surface, country", [
    ("قتل خمسة جنود في هجوم شمال الكاميرون", "الكاميرون", "CM"),
    ("اندلعت اشتباكات في بوركينا فاسو", "بوركينا فاسو", "BF"),
    ("فر آلاف اللاجئين إلى أفريقيا الوسطى", "أفريقيا الوسطى", "CF"),
    ("قتل مدنيون في شرق جمهورية الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية", "CD"),
    ("شن جيش ميانمار غارات جوية", "ميانمار", "MM"),
    ("هاجم مسلحون بلدة في وسط مالي", "مالي", "ML"),
    ("عاد الرئيس الانتقالي إلى مالي", "مالي", "ML"),
    ("نزح آلاف السكان في بوروندي", "بوروندي", "BI"),
])
def test_arabic_country_names_resolve(geoparser, text, surface, country):
    assert find(geoparser, text, surface).country == country


@pytest.mark.parametrize("text, country", [
    ("قدمت الحكومة دعم مالي للمزارعين النازحين", "ML"),  # "financial support", not Mali
    ("افتتحت مدرسة بنين جديدة في الموصل", "BJ"),  # "a boys' school", not Benin
    ("قال البيان إن النظام لا يلتزم بأي تفاهمات في إدلب", "SO"),  # "with any", not Bay region
])
def test_a_country_name_that_is_a_common_word_needs_a_cue(geoparser, text, country):
    assert country not in {p.country for p in geoparser.parse(text) if p.kind == "place"}


@pytest.mark.parametrize("text, surface, country", [
    ("Malian soldiers were killed in an ambush on Tuesday.", "Malian", "ML"),
    ("Burkinabe troops withdrew from the town.", "Burkinabe", "BF"),
    ("قتل جنود بوركينيون في هجوم على قاعدة عسكرية", "بوركينيون", "BF"),
    ("اتهم الجيش الكونغولي حركة إم 23 بقصف المدينة", "الكونغولي", "CD"),
])
def test_sahel_and_great_lakes_demonyms_name_their_country(geoparser, text, surface, country):
    found = [p for p in places(geoparser, text, "demonym") if p.text == surface]
    assert found and found[0].country == country


@pytest.mark.parametrize("text", [
    "سيطرت قوات الدعم السريع على مدينة بارا في شمال كردفان",  # Bara, not ب + ارا (Arrah, India)
    "قتل ثلاثة مدنيين في بارا أمس",
])
def test_no_preposition_is_cut_from_a_name_after_a_preposition_or_place_noun(geoparser, text):
    assert all(place.country != "IN" for place in geoparser.parse(text))


def test_jabal_al_zawiya_is_in_idlib_not_libya(geoparser):
    found = find(geoparser, "طفلان قتيلان بقصف مدفعي على كنصفرة في جبل الزاوية", "جبل الزاوية")
    assert (found.country, found.admin1) == ("SY", "Idlib")


@pytest.mark.parametrize("text, surface", [
    ("اندلعت مواجهات جنوب نابلس بعد صلاة الجمعة.", "نابلس"),
    ("أصيب شبان في بلدة بيتا جنوب نابلس.", "بيتا"),  # a village the gazetteer lacks, placed by the town after it
])
def test_a_direction_word_is_evidence_for_an_arabic_name(geoparser, text, surface):
    found = find(geoparser, text, surface)
    assert (found.country, found.admin1) == ("PS", "West Bank")
