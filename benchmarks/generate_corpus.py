"""Deterministic synthetic conflict-news corpus for marsad's benchmarks.

Every page looks like a scraped news page: one to six articles (headline, a
date line in one of several forms, sometimes a byline, body paragraphs),
"Related News"-style blocks of teaser headlines between them, a disclaimer
and site chrome at the end.  Articles are English or Arabic; a share of them
are reposts of earlier articles with a new headline, a footer, a dropped or
swapped paragraph, or a few words changed.

The text is built from the templates and word lists below.  Place names of
Iraq and Syria and the names of armed groups are real; outlets and people are
invented.  The same seed always gives the same bytes.

Library use::

    from generate_corpus import generate_documents
    for doc in generate_documents(100, seed=7):
        doc["id"], doc["text"], doc["lang"]

Command line::

    python benchmarks/generate_corpus.py --out DIR --docs N [--seed S]
        [--format txt|jsonl] [--arabic-share 0.3] [--repost-share 0.15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Sequence, TypeVar

T = TypeVar("T")

FILES_PER_FOLDER = 1000
REPOST_POOL_SIZE = 2000
FIRST_DAY = dt.date(2014, 6, 1)
LAST_DAY = dt.date(2022, 12, 31)

# --------------------------------------------------------------------------
# Word lists.  Tuples only: nothing here is mutated.
# --------------------------------------------------------------------------

# (English name, Arabic name, English province, Arabic province); Iraq first,
# then Syria from SYRIA_FROM on.
PLACES: tuple[tuple[str, str, str, str], ...] = (
    ("Baghdad", "بغداد", "Baghdad", "بغداد"),
    ("Mosul", "الموصل", "Nineveh", "نينوى"),
    ("Tal Afar", "تلعفر", "Nineveh", "نينوى"),
    ("Sinjar", "سنجار", "Nineveh", "نينوى"),
    ("Ramadi", "الرمادي", "Anbar", "الأنبار"),
    ("Fallujah", "الفلوجة", "Anbar", "الأنبار"),
    ("Haditha", "حديثة", "Anbar", "الأنبار"),
    ("Hit", "هيت", "Anbar", "الأنبار"),
    ("Al-Qaim", "القائم", "Anbar", "الأنبار"),
    ("Rutba", "الرطبة", "Anbar", "الأنبار"),
    ("Tikrit", "تكريت", "Salahuddin", "صلاح الدين"),
    ("Samarra", "سامراء", "Salahuddin", "صلاح الدين"),
    ("Beiji", "بيجي", "Salahuddin", "صلاح الدين"),
    ("Balad", "بلد", "Salahuddin", "صلاح الدين"),
    ("Tuz Khurmatu", "طوزخورماتو", "Salahuddin", "صلاح الدين"),
    ("Baqubah", "بعقوبة", "Diyala", "ديالى"),
    ("Muqdadiyah", "المقدادية", "Diyala", "ديالى"),
    ("Kirkuk", "كركوك", "Kirkuk", "كركوك"),
    ("Hawija", "الحويجة", "Kirkuk", "كركوك"),
    ("Erbil", "أربيل", "Erbil", "أربيل"),
    ("Basra", "البصرة", "Basra", "البصرة"),
    ("Nasiriyah", "الناصرية", "Dhi Qar", "ذي قار"),
    ("Diwaniyah", "الديوانية", "Qadisiyah", "القادسية"),
    ("Hillah", "الحلة", "Babil", "بابل"),
    ("Jurf al-Sakhar", "جرف الصخر", "Babil", "بابل"),
    ("Karbala", "كربلاء", "Karbala", "كربلاء"),
    ("Najaf", "النجف", "Najaf", "النجف"),
    ("Kut", "الكوت", "Wasit", "واسط"),
    ("Damascus", "دمشق", "Damascus", "دمشق"),
    ("Douma", "دوما", "Rif Dimashq", "ريف دمشق"),
    ("Aleppo", "حلب", "Aleppo", "حلب"),
    ("Manbij", "منبج", "Aleppo", "حلب"),
    ("Afrin", "عفرين", "Aleppo", "حلب"),
    ("Al-Bab", "الباب", "Aleppo", "حلب"),
    ("Idlib", "إدلب", "Idlib", "إدلب"),
    ("Saraqib", "سراقب", "Idlib", "إدلب"),
    ("Maarat al-Numan", "معرة النعمان", "Idlib", "إدلب"),
    ("Jisr al-Shughur", "جسر الشغور", "Idlib", "إدلب"),
    ("Homs", "حمص", "Homs", "حمص"),
    ("Palmyra", "تدمر", "Homs", "حمص"),
    ("Hama", "حماة", "Hama", "حماة"),
    ("Deir Ezzor", "دير الزور", "Deir Ezzor", "دير الزور"),
    ("Albu Kamal", "البوكمال", "Deir Ezzor", "دير الزور"),
    ("Mayadin", "الميادين", "Deir Ezzor", "دير الزور"),
    ("Raqqa", "الرقة", "Raqqa", "الرقة"),
    ("Tabqa", "الطبقة", "Raqqa", "الرقة"),
    ("Hasakah", "الحسكة", "Hasakah", "الحسكة"),
    ("Qamishli", "القامشلي", "Hasakah", "الحسكة"),
    ("Daraa", "درعا", "Daraa", "درعا"),
    ("Suwayda", "السويداء", "Suwayda", "السويداء"),
    ("Latakia", "اللاذقية", "Latakia", "اللاذقية"),
)
SYRIA_FROM = 28
IRAQ_PLACES = PLACES[:SYRIA_FROM]
SYRIA_PLACES = PLACES[SYRIA_FROM:]

# (English name, Arabic name, where active: I for Iraq, S for Syria) of real
# armed groups and forces.
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("ISIS", "داعش", "IS"),
    ("ISIL", "تنظيم الدولة", "IS"),
    ("Daesh", "داعش", "IS"),
    ("Kata'ib Hezbollah", "كتائب حزب الله", "I"),
    ("Asa'ib Ahl al-Haq", "عصائب أهل الحق", "I"),
    ("Harakat Hezbollah al-Nujaba", "حركة النجباء", "IS"),
    ("the Popular Mobilization Forces", "الحشد الشعبي", "I"),
    ("the Syrian Democratic Forces", "قوات سوريا الديمقراطية", "S"),
    ("Hay'at Tahrir al-Sham", "هيئة تحرير الشام", "S"),
    ("the Syrian Arab Army", "الجيش العربي السوري", "S"),
    ("the Iraqi Security Forces", "القوات الأمنية العراقية", "I"),
    ("the Peshmerga", "البيشمركة", "I"),
    ("the Syrian National Army", "الجيش الوطني السوري", "S"),
    ("the Kurdistan Workers' Party", "حزب العمال الكردستاني", "I"),
    ("the US-led coalition", "التحالف الدولي بقيادة واشنطن", "IS"),
)

AIR_FORCES: tuple[tuple[str, str, str], ...] = (
    ("Russian", "روسية", "S"),
    ("Syrian", "سورية", "S"),
    ("Iraqi", "عراقية", "I"),
    ("Turkish", "تركية", "IS"),
    ("US-led coalition", "التحالف الدولي", "IS"),
)
IRAQ_GROUPS = tuple(g for g in GROUPS if "I" in g[2])
SYRIA_GROUPS = tuple(g for g in GROUPS if "S" in g[2])
IRAQ_AIR = tuple(a for a in AIR_FORCES if "I" in a[2])
SYRIA_AIR = tuple(a for a in AIR_FORCES if "S" in a[2])

# Invented outlets: (English name, Arabic name, domain).
OUTLETS: tuple[tuple[str, str, str], ...] = (
    ("Tigris Ledger", "دفتر دجلة", "tigrisledger.example"),
    ("Orontes Review", "مجلة العاصي", "orontesreview.example"),
    ("Two Rivers Herald", "بشير النهرين", "tworiversherald.example"),
    ("Eastern Desert Bulletin", "نشرة البادية الشرقية", "edbulletin.example"),
    ("Khabour Wire", "برقية الخابور", "khabourwire.example"),
    ("Zagros Notes", "دفاتر زاغروس", "zagrosnotes.example"),
    ("Cedar and Palm News", "أخبار الأرز والنخيل", "cedarpalm.example"),
    ("Sawad Press Agency", "وكالة السواد للأنباء", "sawadpress.example"),
    ("Meridian Crescent", "الهلال الأوسط", "meridiancrescent.example"),
    ("Badia Observer", "راصد البادية", "badiaobserver.example"),
    ("Levant Brief Daily", "الموجز الشامي", "levantbrief.example"),
    ("Shatt Courier", "ساعي الشط", "shattcourier.example"),
)

FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("Ahmed", "أحمد"), ("Karim", "كريم"), ("Samir", "سمير"), ("Haidar", "حيدر"),
    ("Yasin", "ياسين"), ("Mahmoud", "محمود"), ("Nabil", "نبيل"), ("Faris", "فارس"),
    ("Walid", "وليد"), ("Adnan", "عدنان"), ("Jasim", "جاسم"), ("Tariq", "طارق"),
    ("Muhannad", "مهند"), ("Raad", "رعد"), ("Bassam", "بسام"), ("Ziad", "زياد"),
)
FAMILY_NAMES: tuple[tuple[str, str], ...] = (
    ("al-Tamimi", "التميمي"), ("al-Obeidi", "العبيدي"), ("al-Shammari", "الشمري"),
    ("al-Dulaimi", "الدليمي"), ("al-Zubaidi", "الزبيدي"), ("al-Rawi", "الراوي"),
    ("Haddad", "حداد"), ("al-Ani", "العاني"), ("Sabbagh", "الصباغ"),
    ("al-Hamdani", "الحمداني"), ("Khalil", "خليل"), ("al-Saadi", "السعدي"),
)
ROLES: tuple[tuple[str, str], ...] = (
    ("a security source", "مصدر أمني"),
    ("a local official", "مسؤول محلي"),
    ("a military spokesman", "متحدث عسكري"),
    ("a member of the provincial council", "عضو في مجلس المحافظة"),
    ("a police officer", "ضابط في الشرطة"),
    ("a medical source", "مصدر طبي"),
)
WEEKDAYS: tuple[tuple[str, str], ...] = (
    ("Monday", "الاثنين"), ("Tuesday", "الثلاثاء"), ("Wednesday", "الأربعاء"),
    ("Thursday", "الخميس"), ("Friday", "الجمعة"), ("Saturday", "السبت"),
    ("Sunday", "الأحد"),
)
CONVOYS: tuple[tuple[str, str], ...] = (
    ("logistics", "لوجستي"), ("supply", "إمداد"), ("military", "عسكري"),
    ("fuel", "صهاريج وقود"), ("army", "للجيش"),
)
ROADS: tuple[tuple[str, str], ...] = (
    ("Baghdad-Amman", "بغداد - عمّان"),
    ("Baghdad-Kirkuk", "بغداد - كركوك"),
    ("Aleppo-Damascus", "حلب - دمشق"),
    ("desert", "الصحراوي"),
    ("airport", "المطار"),
    ("M4", "إم 4"),
)
TARGETS: tuple[tuple[str, str], ...] = (
    ("a military base", "قاعدة عسكرية"),
    ("an army checkpoint", "حاجز للجيش"),
    ("a police station", "مركز للشرطة"),
    ("an oil facility", "منشأة نفطية"),
    ("a weapons depot", "مستودع أسلحة"),
    ("a power station", "محطة كهرباء"),
)
DEMANDS: tuple[tuple[str, str], ...] = (
    ("jobs and better public services", "توفير فرص العمل وتحسين الخدمات"),
    ("the release of detainees", "الإفراج عن المعتقلين"),
    ("an end to power cuts", "إنهاء انقطاع الكهرباء"),
    ("the withdrawal of foreign troops", "انسحاب القوات الأجنبية"),
    ("action against corruption", "محاسبة الفاسدين"),
)
MINISTRIES: tuple[tuple[str, str], ...] = (
    ("Ministry of Defence", "وزارة الدفاع"),
    ("Ministry of Interior", "وزارة الداخلية"),
    ("Joint Operations Command", "قيادة العمليات المشتركة"),
    ("General Command of the Army", "القيادة العامة للجيش"),
)
NUMBER_WORDS: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve",
)
EN_MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
AR_LEVANT_MONTHS: tuple[str, ...] = (
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
    "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
)
AR_MONTHS: tuple[str, ...] = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

EVENT_KINDS: tuple[str, ...] = ("ied", "airstrike", "clash", "protest", "statement", "drone")

# --------------------------------------------------------------------------
# Templates.  Fields are filled from one per-article context (see _context).
# --------------------------------------------------------------------------

EN_TITLES: dict[str, tuple[str, ...]] = {
    "ied": (
        "{n_cap} Killed as IED Hits {convoy_cap} Convoy near {place}",
        "Roadside Bomb Targets {convoy_cap} Convoy in {province}",
        "{place}: Explosive Device Strikes Convoy on {road_cap} Road",
    ),
    "airstrike": (
        "{air} Airstrikes Pound {group_short} Positions in {province}",
        "Warplanes Strike {place} Countryside, {n_cap} Fighters Reported Dead",
        "Air Raids Hit {group_short} Hideouts near {place}",
    ),
    "clash": (
        "Heavy Clashes Between {group_short} and {group2_short} in {place}",
        "{n_cap} Dead as Fighting Flares in {province}",
        "{group_short} Repels Attack near {place}",
    ),
    "protest": (
        "Protesters Rally in {place} Demanding {demand_short}",
        "Security Forces Disperse Demonstration in {place}",
        "Hundreds March in {province} Over {demand_short}",
    ),
    "statement": (
        "{group_short}: Operations in {province} Will Continue",
        "{ministry} Denies Shelling Civilian Areas of {place}",
        "{person}: \u201cWe Will Not Leave {place}\u201d",
    ),
    "drone": (
        "Drone Strike Kills {n} near {place} Airport",
        "Armed Drone Targets Vehicle in {province}",
        "{n_cap} Killed in Drone Attack on {target_cap} near {place}",
    ),
}

AR_TITLES: dict[str, tuple[str, ...]] = {
    "ied": (
        "مقتل {n} بانفجار عبوة ناسفة استهدفت رتلاً قرب {place}",
        "عبوة ناسفة تستهدف رتلاً {convoy} في {province}",
    ),
    "airstrike": (
        "غارات جوية {air} على مواقع {group} في ريف {place}",
        "طائرات حربية تقصف مواقع {group} في {province}",
    ),
    "clash": (
        "اشتباكات عنيفة بين {group} و{group2} في {place}",
        "سقوط {n} قتلى في مواجهات بمحافظة {province}",
    ),
    "protest": (
        "تظاهرات في {place} للمطالبة ب{demand}",
        "قوات الأمن تفرّق متظاهرين في {place}",
    ),
    "statement": (
        "{group}: العمليات في {province} مستمرة",
        "{ministry} تنفي قصف أحياء سكنية في {place}",
    ),
    "drone": (
        "طائرة مسيّرة تستهدف سيارة قرب مطار {place}",
        "مقتل {n} بغارة لطائرة مسيّرة في {province}",
    ),
}

EN_LEADS: dict[str, tuple[str, ...]] = {
    "ied": (
        "{n_cap} soldiers were killed and {n2} others wounded when an improvised explosive device struck a {convoy} convoy on the {road} road near {place}, in {province} province, on {weekday}.",
        "A roadside bomb hit a {convoy} convoy carrying equipment for {group} near {place} on {weekday}, {role} told {outlet}.",
    ),
    "airstrike": (
        "{air} warplanes carried out {n} airstrikes on {group} positions in the countryside of {place} on {weekday}, killing at least {n2} fighters.",
        "Several air raids targeted hideouts of {group} near {place}, in {province} province, early on {weekday}, according to {role}.",
    ),
    "clash": (
        "Clashes erupted between {group} and {group2} on the outskirts of {place} late on {weekday}, leaving {n} dead on both sides.",
        "Fighters of {group} attacked positions held by {group2} near {place} on {weekday}, and the fighting lasted for several hours.",
    ),
    "protest": (
        "Hundreds of protesters gathered in central {place} on {weekday} to demand {demand}, and security forces fired tear gas to disperse them.",
        "Demonstrators blocked the main road into {place} on {weekday}, demanding {demand}, {role} said.",
    ),
    "statement": (
        "{group} said in a statement on {weekday} that its operations in {province} province would continue until the area was cleared.",
        "The {ministry} denied on {weekday} reports that its forces had shelled residential areas of {place}.",
    ),
    "drone": (
        "A drone struck a vehicle near {place} airport on {weekday}, killing {n} people, {role} told {outlet}.",
        "An armed drone targeted {target} near {place}, in {province} province, on {weekday}, causing material damage but no casualties.",
    ),
}

EN_BODY: tuple[str, ...] = (
    "{person}, a spokesman for {group}, said the operation would continue until the whole area was secured.",
    "In a statement released on {weekday}, {group} claimed responsibility for the attack on {target} near {place2}.",
    "\u201cOur forces are advancing on two axes and the enemy has suffered heavy losses,\u201d {person} told {outlet} on {weekday}.",
    "The {ministry} said {n2} suspects had been arrested in raids on villages around {place2}.",
    "{place} fell to ISIS in {year_old} and was retaken by government forces {n3} years later.",
    "{province} province has seen a rise in attacks in recent months, according to local officials.",
    "Residents of {place2} said they heard several loud explosions before dawn.",
    "Ambulances took the wounded to the main hospital in {place}, {role} said.",
    "No group has so far claimed responsibility for the attack.",
    "The road between {place} and {place2} was closed for several hours after the incident.",
    "{group2} accused {group} of violating the ceasefire agreement reached last month.",
    "The {ministry} did not respond to a request for comment.",
    "Earlier this week, a similar attack targeted {target} in the same area.",
    "Security forces imposed a curfew on {place2} and deployed reinforcements along the {road} road.",
    "{person2}, {role}, said the death toll could rise because several of the wounded were in critical condition.",
    "Local sources reported that {n2} civilians were among the dead.",
    "The attack came days after {group} threatened to escalate its operations in {province}.",
    "Analysts say the group has exploited the security vacuum in the desert between {place} and the border.",
    "{outlet} could not independently verify the reports.",
    "Officials in {province} have repeatedly warned that sleeper cells remain active in the area.",
    "The convoy was travelling from {place2} toward {place} when it was hit, witnesses said.",
    "A second device exploded as rescue teams arrived at the scene, {role} added.",
    "The coalition said in a brief statement that it was aware of the reports and was looking into them.",
    "Protest organisers said they would return to the streets on {weekday} if their demands were not met.",
    "Video footage shared on social media showed thick smoke rising over {place2}.",
    "{group} has carried out dozens of attacks on supply routes in {province} since {year_old}.",
    "Farmers in the countryside of {place2} said they had fled their homes during the fighting.",
    "The governor of {province} called on the central government to send more troops to the area.",
)

AR_LEADS: dict[str, tuple[str, ...]] = {
    "ied": (
        "قُتل {n} جنود وأصيب {n2} آخرون بانفجار عبوة ناسفة استهدفت رتلاً {convoy} على طريق {road} قرب {place} في محافظة {province} يوم {weekday}.",
        "استهدفت عبوة ناسفة رتلاً {convoy} قرب {place} يوم {weekday}، بحسب ما أفاد {role} لـ{outlet}.",
    ),
    "airstrike": (
        "شنّت طائرات حربية {air} {n} غارات على مواقع {group} في ريف {place} يوم {weekday}، ما أدى إلى مقتل {n2} مسلحين على الأقل.",
        "استهدفت غارات جوية مخابئ {group} قرب {place} في محافظة {province} فجر يوم {weekday}، وفق {role}.",
    ),
    "clash": (
        "اندلعت اشتباكات عنيفة بين {group} و{group2} في أطراف {place} مساء {weekday}، أسفرت عن سقوط {n} قتلى من الطرفين.",
        "هاجم مسلحو {group} مواقع {group2} قرب {place} يوم {weekday}، واستمرت المواجهات لساعات.",
    ),
    "protest": (
        "تظاهر المئات وسط {place} يوم {weekday} للمطالبة ب{demand}، فيما أطلقت قوات الأمن الغاز المسيل للدموع لتفريقهم.",
        "قطع محتجون الطريق الرئيسي المؤدي إلى {place} يوم {weekday} مطالبين ب{demand}، بحسب {role}.",
    ),
    "statement": (
        "قال {group} في بيان يوم {weekday} إن عملياته في محافظة {province} ستستمر حتى تطهير المنطقة بالكامل.",
        "نفت {ministry} يوم {weekday} التقارير التي تحدثت عن قصف قواتها أحياء سكنية في {place}.",
    ),
    "drone": (
        "استهدفت طائرة مسيّرة سيارة قرب مطار {place} يوم {weekday}، ما أسفر عن مقتل {n} أشخاص، بحسب {role}.",
        "استهدفت طائرة مسيّرة مسلحة {target} قرب {place} يوم {weekday}، ما ألحق أضراراً مادية دون وقوع إصابات.",
    ),
}

AR_BODY: tuple[str, ...] = (
    "وقال {person}، المتحدث باسم {group}، إن العملية ستستمر حتى تأمين المنطقة بالكامل.",
    "وتبنّى {group} في بيان أصدره يوم {weekday} الهجوم على {target} قرب {place2}.",
    "وقال {person} لـ{outlet}: «قواتنا تتقدم على محورين والعدو تكبّد خسائر فادحة».",
    "وأعلنت {ministry} اعتقال {n2} مشتبهين خلال مداهمات في القرى المحيطة بـ{place2}.",
    "وكانت {place} قد سقطت بيد داعش عام {year_old} قبل أن تستعيدها القوات الحكومية بعد {n3} سنوات.",
    "وتشهد محافظة {province} تصاعداً في الهجمات خلال الأشهر الأخيرة، بحسب مسؤولين محليين.",
    "وأفاد سكان في {place2} بسماع دوي انفجارات عدة قبل الفجر.",
    "ونُقل الجرحى إلى المستشفى الرئيسي في {place}، وفق {role}.",
    "ولم تتبنَّ أي جهة الهجوم حتى الآن.",
    "وأُغلق الطريق بين {place} و{place2} لساعات بعد الحادثة.",
    "واتهمت {group2} {group} بخرق اتفاق وقف إطلاق النار الذي أُبرم الشهر الماضي.",
    "ولم ترد {ministry} على طلب للتعليق.",
    "وفي وقت سابق من الأسبوع، استهدف هجوم مماثل {target} في المنطقة نفسها.",
    "وفرضت القوات الأمنية حظراً للتجوال في {place2} ونشرت تعزيزات على طريق {road}.",
    "وقال {person2}، وهو {role}، إن حصيلة القتلى مرشحة للارتفاع بسبب خطورة إصابات بعض الجرحى.",
    "وذكرت مصادر محلية أن بين القتلى {n2} مدنيين.",
    "ويأتي الهجوم بعد أيام من تهديد {group} بتصعيد عملياته في {province}.",
    "ويرى محللون أن التنظيم يستغل الفراغ الأمني في الصحراء الممتدة بين {place} والحدود.",
    "ولم يتسنَّ لـ{outlet} التحقق من هذه المعلومات بشكل مستقل.",
    "وحذّر مسؤولون في {province} مراراً من أن خلايا نائمة لا تزال تنشط في المنطقة.",
    "وقال شهود إن الرتل كان متجهاً من {place2} نحو {place} عندما استُهدف.",
    "وأضاف {role} أن عبوة ثانية انفجرت لدى وصول فرق الإنقاذ إلى المكان.",
    "وأظهرت مقاطع مصورة على مواقع التواصل الاجتماعي أعمدة دخان كثيف فوق {place2}.",
    "ونفّذ {group} عشرات الهجمات على طرق الإمداد في {province} منذ عام {year_old}.",
    "وقال مزارعون في ريف {place2} إنهم نزحوا من منازلهم خلال المعارك.",
    "ودعا محافظ {province} الحكومة المركزية إلى إرسال مزيد من القوات إلى المنطقة.",
)

EN_TEASERS: tuple[str, ...] = (
    "Convoy attacks on the rise along {road_cap} road",
    "Fighting resumes in {province} countryside",
    "{group_short} fighters ambush patrol near {place2}",
    "Explainer: who controls {place}?",
    "Watch: the aftermath of the strike in {place2}",
    "Residents of {place} return after months of displacement",
)
AR_TEASERS: tuple[str, ...] = (
    "تصاعد الهجمات على الأرتال في {province}",
    "كمين لمسلحي {group} قرب {place2}",
    "من يسيطر على {place}؟",
    "شاهد: آثار القصف في {place2}",
    "عودة الأهالي إلى {place} بعد أشهر من النزوح",
)

EN_RELATED_HEADINGS: tuple[str, ...] = ("Related News", "Related Articles", "Related Videos", "Read also")
AR_RELATED_HEADINGS: tuple[str, ...] = ("فيديوات متعلقة", "مقالات متعلقة", "اقرأ أيضاً")

EN_DISCLAIMERS: tuple[str, ...] = (
    "The views expressed on this page are the sole responsibility of their authors and do not necessarily reflect the editorial line of {outlet}. {outlet} is not responsible for any inaccurate or incorrect statement in these articles.",
    "Republication is welcome provided that the original source is cited with a link. The contents of the articles on this page are the responsibility of their authors alone.",
    "{outlet} contains copyrighted material whose use has not always been authorised by the copyright owner. We make it available for purposes of news reporting and research.",
)
AR_DISCLAIMERS: tuple[str, ...] = (
    "الآراء الواردة في هذه الصفحة تعبّر عن أصحابها ولا تعبّر بالضرورة عن رأي {outlet}، ولا يتحمّل الموقع مسؤولية أي معلومات غير دقيقة.",
    "يُسمح بإعادة النشر شرط ذكر المصدر الأصلي مع الرابط.",
)
EN_CHROME_TOP: tuple[str, ...] = (", , , , , , , , , , , ,", "Advertisements", "Menu", "Skip to content")
EN_CHROME_BOTTOM: tuple[str, ...] = ("Share this:", "Print Friendly", "Leave a Comment", "Subscribe to our newsletter", "Loading...")
AR_CHROME_BOTTOM: tuple[str, ...] = ("شارك هذا المقال", "اترك تعليقاً", "اشترك في النشرة البريدية")

EN_REPOST_FOOTERS: tuple[str, ...] = (
    "This article was originally published by {outlet}.",
    "Source: {outlet}",
    "Republished with permission from {outlet}.",
)
AR_REPOST_FOOTERS: tuple[str, ...] = (
    "نُشر هذا المقال أولاً في {outlet}.",
    "المصدر: {outlet}",
)

# Word swaps used to make "a couple of words changed" reposts.
EN_SWAPS: tuple[tuple[str, str], ...] = (
    (" said", " stated"), (" attack", " assault"), (" near ", " close to "),
    (" killed", " left dead"), (" forces", " troops"), (" several", " a number of"),
    (" on the outskirts of", " on the edge of"), (" reported", " said"),
)
AR_SWAPS: tuple[tuple[str, str], ...] = (
    ("وقال", "وصرّح"), ("الهجوم", "الاعتداء"), ("قرب", "بالقرب من"),
    ("مقتل", "سقوط"), ("القوات", "الوحدات"), ("بحسب", "وفق"),
)


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One synthetic article, before it is laid out on a page."""

    key: str
    lang: str
    kind: str
    title: str
    published: dt.date
    outlet: str
    byline: str | None
    paragraphs: tuple[str, ...]
    footer: str | None = None
    repost_of: str | None = None


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """One synthetic page: its articles and the text they are laid out into.

    ``article_spans`` gives, per article, the (start, end) character offsets
    in ``text`` from its headline to the end of its last body paragraph.
    """

    doc_id: str
    lang: str
    outlet: str
    url: str
    text: str
    articles: tuple[GeneratedArticle, ...]
    article_spans: tuple[tuple[int, int], ...]

    def to_record(self) -> dict[str, str]:
        """The page as a JSON Lines record of marsad's public contract."""
        first = self.articles[0]
        return {
            "id": self.doc_id,
            "text": self.text,
            "title": first.title,
            "published": first.published.isoformat(),
            "url": self.url,
            "source": self.outlet,
            "lang": self.lang,
        }


@dataclass(frozen=True, slots=True)
class CorpusOptions:
    """Knobs of the generator."""

    seed: int = 0
    arabic_share: float = 0.3
    repost_share: float = 0.15
    id_prefix: str = "syn"

    def __post_init__(self) -> None:
        for name in ("arabic_share", "repost_share"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be within 0..1, got {value}")


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def _pick(rng: random.Random, seq: Sequence[T]) -> T:
    """``rng.choice`` without its overhead (one float per pick)."""
    return seq[int(rng.random() * len(seq))]


def _number_text(rng: random.Random, value: int) -> str:
    if value < len(NUMBER_WORDS) and rng.random() < 0.6:
        return NUMBER_WORDS[value]
    return str(value)


def _person(rng: random.Random, ar: bool) -> str:
    first = _pick(rng, FIRST_NAMES)
    family = _pick(rng, FAMILY_NAMES)
    return f"{first[1]} {family[1]}" if ar else f"{first[0]} {family[0]}"


def _short_group(name: str) -> str:
    return name[4:] if name.startswith("the ") else name


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def _random_date(rng: random.Random) -> dt.date:
    span = (LAST_DAY - FIRST_DAY).days
    return FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))


def format_date(rng: random.Random, day: dt.date, ar: bool) -> str:
    """A date line in one of the forms news pages use."""
    if ar:
        form = rng.randrange(4)
        if form == 0:
            return f"{AR_LEVANT_MONTHS[day.month - 1]} {day.day} {day.year}"
        if form == 1:
            return f"{day.day} {AR_MONTHS[day.month - 1]} {day.year}"
        if form == 2:
            return f"{day.day} {AR_LEVANT_MONTHS[day.month - 1]} {day.year}".translate(ARABIC_DIGITS)
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    form = rng.randrange(7)
    month = EN_MONTHS[day.month - 1]
    if form == 0:
        return f"{month} {day.day}, {day.year}"
    if form == 1:
        return f"{day.day} {month[:3]} {day.year}"
    if form == 2:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if form == 3:
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if form == 4:
        return f"{month.upper()} {day.day}, {day.year}"
    if form == 5:
        return f" {month} {day.day}, {day.year}"
    return day.isoformat()


def _context(rng: random.Random, ar: bool, outlet: tuple[str, str, str]) -> dict[str, str]:
    """The slot values shared by every sentence of one article."""
    in_syria = rng.random() < 0.5
    place, place2 = rng.sample(SYRIA_PLACES if in_syria else IRAQ_PLACES, 2)
    group, group2 = rng.sample(SYRIA_GROUPS if in_syria else IRAQ_GROUPS, 2)
    air = _pick(rng, SYRIA_AIR if in_syria else IRAQ_AIR)
    idx = 1 if ar else 0
    n, n2, n3 = rng.randint(2, 12), rng.randint(1, 9), rng.randint(2, 6)
    n_text = str(n) if ar else _number_text(rng, n)
    convoy = _pick(rng, CONVOYS)[idx]
    road = _pick(rng, ROADS)[idx]
    target = _pick(rng, TARGETS)[idx]
    demand = _pick(rng, DEMANDS)[idx]
    return {
        "place": place[idx],
        "place2": place2[idx],
        "province": place[2 + idx],
        "group": group[idx],
        "group2": group2[idx],
        "group_short": _short_group(group[idx]),
        "group2_short": _short_group(group2[idx]),
        "air": air[idx],
        "n": n_text,
        "n_cap": n_text[:1].upper() + n_text[1:],
        "n2": str(n2) if ar else _number_text(rng, n2),
        "n3": str(n3) if ar else _number_text(rng, n3),
        "convoy": convoy,
        "convoy_cap": convoy.capitalize(),
        "road": road,
        "road_cap": _title_case(road),
        "target": target,
        "target_cap": _title_case(target.split(" ", 1)[1]) if not ar else target,
        "demand": demand,
        "demand_short": _title_case(demand.split(" and ")[0].removeprefix("the ").removeprefix("an ")),
        "ministry": _pick(rng, MINISTRIES)[idx],
        "person": _person(rng, ar),
        "person2": _person(rng, ar),
        "role": _pick(rng, ROLES)[idx],
        "weekday": _pick(rng, WEEKDAYS)[idx],
        "outlet": outlet[idx],
        "year_old": str(rng.randint(2014, 2017)),
    }


def _paragraphs(rng: random.Random, ar: bool, kind: str, ctx: dict[str, str]) -> tuple[str, ...]:
    """Body paragraphs: the lead first, then 2-9 paragraphs of 1-4 sentences."""
    leads = (AR_LEADS if ar else EN_LEADS)[kind]
    body = AR_BODY if ar else EN_BODY
    n_paragraphs = _pick(rng, (3, 4, 4, 5, 5, 6, 6, 7, 8, 10))
    sizes = [1] + [_pick(rng, (1, 2, 2, 2, 3, 3, 4)) for _ in range(n_paragraphs - 1)]
    needed = sum(sizes) - 1
    order = rng.sample(body, min(needed, len(body)))
    while len(order) < needed:
        order.append(_pick(rng, body))
    sentences = [_pick(rng, leads)] + order
    out: list[str] = []
    pos = 0
    for size in sizes:
        chunk = sentences[pos : pos + size]
        pos += size
        out.append(" ".join(_sentence_case(s.format_map(ctx)) for s in chunk))
    return tuple(out)


def _byline(rng: random.Random, ar: bool, outlet: tuple[str, str, str]) -> str | None:
    roll = rng.random()
    if roll < 0.45:
        return None
    if ar:
        return _pick(rng, (f"المصدر: {outlet[1]}", f"بقلم {_person(rng, True)}", " " + _person(rng, True)))
    return _pick(rng, 
        (
            "By Staff, Agencies",
            f"By {_person(rng, False)}",
            f"Source: {outlet[0]}",
            f"Written by {_person(rng, False)}",
            f"{outlet[0]} Desk",
        )
    )


def _fresh_article(
    rng: random.Random, key: str, ar: bool, outlet: tuple[str, str, str], day: dt.date
) -> GeneratedArticle:
    kind = _pick(rng, EVENT_KINDS)
    ctx = _context(rng, ar, outlet)
    title = _pick(rng, (AR_TITLES if ar else EN_TITLES)[kind]).format_map(ctx)
    return GeneratedArticle(
        key=key,
        lang="ar" if ar else "en",
        kind=kind,
        title=title,
        published=day,
        outlet=outlet[1] if ar else outlet[0],
        byline=_byline(rng, ar, outlet),
        paragraphs=_paragraphs(rng, ar, kind, ctx),
    )


def _swap_words(rng: random.Random, paragraphs: list[str], ar: bool) -> bool:
    """Change a couple of words in one paragraph; False if none could change."""
    swaps = AR_SWAPS if ar else EN_SWAPS
    order = list(range(len(paragraphs)))
    rng.shuffle(order)
    for i in order:
        text = paragraphs[i]
        hits = [pair for pair in swaps if pair[0] in text]
        if hits:
            for old, new in rng.sample(hits, min(2, len(hits))):
                text = text.replace(old, new, 1)
            paragraphs[i] = text
            return True
    return False


def _repost(
    rng: random.Random,
    key: str,
    original: GeneratedArticle,
    outlet: tuple[str, str, str],
) -> GeneratedArticle:
    """A copy of ``original`` with one or two edits, credited to ``outlet``."""
    ar = original.lang == "ar"
    paragraphs = list(original.paragraphs)
    title = original.title
    footer: str | None = None
    edits = rng.sample(("headline", "footer", "drop", "swap", "words"), _pick(rng, (1, 1, 2)))
    for edit in edits:
        if edit == "headline":
            ctx = {"t": original.title}
            title = _pick(rng, 
                ("عاجل: {t}", "{t} (فيديو)", "بالتفاصيل.. {t}") if ar
                else ("BREAKING: {t}", "{t} - Report", "Update: {t}", "{t} (Video)")
            ).format_map(ctx)
        elif edit == "footer":
            source = original.outlet
            footer = _pick(rng, AR_REPOST_FOOTERS if ar else EN_REPOST_FOOTERS).format(outlet=source)
        elif edit == "drop" and len(paragraphs) > 3:
            del paragraphs[rng.randrange(1, len(paragraphs))]
        elif edit == "swap" and len(paragraphs) > 2:
            i = rng.randrange(1, len(paragraphs) - 1)
            paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        else:
            _swap_words(rng, paragraphs, ar)
    day = original.published + dt.timedelta(days=_pick(rng, (0, 0, 1, 1, 2, 5)))
    return GeneratedArticle(
        key=key,
        lang=original.lang,
        kind=original.kind,
        title=title,
        published=min(day, LAST_DAY),
        outlet=outlet[1] if ar else outlet[0],
        byline=_byline(rng, ar, outlet),
        paragraphs=tuple(paragraphs),
        footer=footer,
        repost_of=original.key,
    )


def _teasers(rng: random.Random, ar: bool, outlet: tuple[str, str, str]) -> list[str]:
    ctx = _context(rng, ar, outlet)
    pool = AR_TEASERS if ar else EN_TEASERS
    return [t.format_map(ctx) for t in rng.sample(pool, rng.randint(1, 3))]


def _slug(rng: random.Random, article: GeneratedArticle) -> str:
    if article.lang == "ar":
        return f"{article.kind}-{rng.randrange(10**6):06d}"
    words = "".join(c if c.isalnum() else " " for c in article.title.lower()).split()
    return "-".join(words[:8]) or article.kind


# --------------------------------------------------------------------------
# Page layout
# --------------------------------------------------------------------------


class _PageWriter:
    """Accumulates blocks of a page and remembers where articles start and end."""

    __slots__ = ("parts", "length")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def block(self, text: str, sep: str = "\n\n") -> int:
        """Append ``text`` after ``sep``; return the offset where ``text`` starts."""
        if self.parts:
            self.parts.append(sep)
            self.length += len(sep)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def text(self) -> str:
        return "".join(self.parts) + "\n"


def _layout_article(rng: random.Random, page: _PageWriter, art: GeneratedArticle) -> tuple[int, int]:
    ar = art.lang == "ar"
    start = page.block(art.title)
    page.block(format_date(rng, art.published, ar))
    if rng.random() < 0.25:
        page.block(art.title)  # many sites repeat the headline under the date
    if art.byline:
        page.block(art.byline)
    for para in art.paragraphs:
        page.block(para)
    end = page.length
    if art.footer:
        page.block(art.footer)
    return start, end


def _layout_related(rng: random.Random, page: _PageWriter, ar: bool, outlet: tuple[str, str, str]) -> None:
    headings = AR_RELATED_HEADINGS if ar else EN_RELATED_HEADINGS
    page.block(_pick(rng, headings))
    if rng.random() < 0.7:
        sep = "\n" if rng.random() < 0.5 else "\n\n"
        page.block(sep.join(_teasers(rng, ar, outlet)))
    if rng.random() < 0.5:
        page.block(_pick(rng, headings))


def _layout_page(
    rng: random.Random, articles: Sequence[GeneratedArticle], ar: bool, outlet: tuple[str, str, str]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    page = _PageWriter()
    if not ar and rng.random() < 0.2:
        page.block(_pick(rng, EN_CHROME_TOP))
    spans: list[tuple[int, int]] = []
    for i, art in enumerate(articles):
        spans.append(_layout_article(rng, page, art))
        if i < len(articles) - 1 or rng.random() < 0.5:
            _layout_related(rng, page, art.lang == "ar", outlet)
    ctx = {"outlet": outlet[1] if ar else outlet[0]}
    page.block(_pick(rng, AR_DISCLAIMERS if ar else EN_DISCLAIMERS).format_map(ctx))
    if rng.random() < 0.6:
        page.block(_pick(rng, AR_CHROME_BOTTOM if ar else EN_CHROME_BOTTOM))
    return page.text(), tuple(spans)


# --------------------------------------------------------------------------
# Public generator
# --------------------------------------------------------------------------


def _language_plan(arabic_share: float) -> tuple[float, float]:
    """(chance a page is mainly Arabic, chance an article differs from its page).

    Chosen so that the expected share of Arabic articles equals ``arabic_share``
    while some pages still mix the two languages, as real pages do.
    """
    flip = 0.2 * min(arabic_share, 1.0 - arabic_share)
    page_arabic = (arabic_share - flip) / (1.0 - 2.0 * flip)
    return page_arabic, flip


def generate_pages(n: int, options: CorpusOptions | None = None) -> Iterator[GeneratedPage]:
    """Yield ``n`` synthetic pages, deterministically for ``options.seed``."""
    opts = options or CorpusOptions()
    rng = random.Random(opts.seed)
    page_arabic, flip = _language_plan(opts.arabic_share)
    pools: dict[bool, deque[GeneratedArticle]] = {
        False: deque(maxlen=REPOST_POOL_SIZE),
        True: deque(maxlen=REPOST_POOL_SIZE),
    }
    width = max(7, len(str(n)))
    for i in range(n):
        doc_id = f"{opts.id_prefix}-{opts.seed}-{i:0{width}d}"
        page_ar = rng.random() < page_arabic
        outlet = _pick(rng, OUTLETS)
        n_articles = _pick(rng, (1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6))
        day = _random_date(rng)
        articles: list[GeneratedArticle] = []
        for j in range(n_articles):
            ar = page_ar != (rng.random() < flip)
            key = f"{doc_id}/a{j}"
            pool = pools[ar]
            if pool and rng.random() < opts.repost_share:
                art = _repost(rng, key, _pick(rng, pool), outlet)
            else:
                art_day = day - dt.timedelta(days=_pick(rng, (0, 0, 0, 1, 2, 3, 7, 20)) * j)
                art = _fresh_article(rng, key, ar, outlet, max(art_day, FIRST_DAY))
                pool.append(art)
            articles.append(art)
        text, spans = _layout_page(rng, articles, page_ar, outlet)
        slug = _slug(rng, articles[0])
        first_day = articles[0].published
        url = f"https://{outlet[2]}/{first_day.year}/{first_day.month:02d}/{slug}/"
        yield GeneratedPage(
            doc_id=doc_id,
            lang="ar" if page_ar else "en",
            outlet=outlet[1] if page_ar else outlet[0],
            url=url,
            text=text,
            articles=tuple(articles),
            article_spans=spans,
        )


def generate_documents(
    n: int,
    seed: int = 0,
    arabic_share: float = 0.3,
    repost_share: float = 0.15,
    id_prefix: str = "syn",
) -> Iterator[dict[str, str]]:
    """Yield ``n`` JSON Lines records (``id``, ``text``, ``title``, ``published``,
    ``url``, ``source``, ``lang``), deterministically for ``seed``."""
    options = CorpusOptions(
        seed=seed, arabic_share=arabic_share, repost_share=repost_share, id_prefix=id_prefix
    )
    for page in generate_pages(n, options):
        yield page.to_record()


def page_relpath(index: int) -> Path:
    """Where page ``index`` goes in a txt corpus: at most 1000 files a folder."""
    return Path(f"{index // FILES_PER_FOLDER:04d}") / f"{index:07d}.txt"


def write_corpus(out: Path, n: int, options: CorpusOptions, fmt: str = "txt") -> int:
    """Write ``n`` pages under ``out``; return the number of bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    pages = generate_pages(n, options)
    if fmt == "jsonl":
        with open(out / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as fh:
            for page in pages:
                line = json.dumps(page.to_record(), ensure_ascii=False) + "\n"
                fh.write(line)
                total += len(line.encode("utf-8"))
        return total
    if fmt != "txt":
        raise ValueError(f"unknown format {fmt!r}")
    made: set[Path] = set()
    for i, page in enumerate(pages):
        rel = page_relpath(i)
        folder = out / rel.parent
        if folder not in made:
            folder.mkdir(exist_ok=True)
            made.add(folder)
        data = page.text.encode("utf-8")
        (out / rel).write_bytes(data)
        total += len(data)
    return total


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Write a synthetic conflict-news corpus.")
    parser.add_argument("--out", required=True, type=Path, help="output folder")
    parser.add_argument("--docs", required=True, type=int, help="number of documents (pages)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--arabic-share", type=float, default=0.3, help="expected share of Arabic articles")
    parser.add_argument("--repost-share", type=float, default=0.15, help="share of articles that repost an earlier one")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    if args.docs < 0:
        print("--docs must be >= 0", file=sys.stderr)
        return 2
    try:
        options = CorpusOptions(seed=args.seed, arabic_share=args.arabic_share, repost_share=args.repost_share)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    size = write_corpus(args.out, args.docs, options, args.format)
    print(f"wrote {args.docs} documents, {size / 1e6:.1f} MB, to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
