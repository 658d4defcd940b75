"""Invented news articles for the story tier (no data-set text): English and Arabic versions of
one report, reports of other incidents of the same kind and place, and a roundup.

``PAIRS`` are ``(english, arabic)`` versions of one article; ``DISTINCT`` are
same-topic articles about other incidents (each must stay unlinked from the
pairs); ``ROUNDUP`` lists several of the paired incidents in one article.
An article is ``(title, body, lang, published)``.
"""

from __future__ import annotations

Article = tuple[str, str, str, str]

PAIRS: list[tuple[Article, Article]] = [
    (
        ("Roadside bomb hits logistics convoy near Hillah",
         "A roadside bomb struck a logistics convoy near Hillah in Babil province on March 16, killing 3 drivers "
         "and wounding 11 others, security sources said.\n\n"
         "The group Ashab al-Kahf claimed responsibility for the attack on the convoy, which was carrying supplies "
         "to the Ain al-Asad base, in a statement on Telegram.\n\n"
         "Police closed the highway south of Hillah for 4 hours while investigators examined the site.",
         "en", "2021-03-16"),
        ("عبوة ناسفة تستهدف رتلا للدعم اللوجستي قرب الحلة",
         "استهدفت عبوة ناسفة رتلا للدعم اللوجستي قرب الحلة في محافظة بابل في ١٦ آذار، ما أدى إلى مقتل ٣ سائقين "
         "وإصابة ١١ آخرين، بحسب مصادر أمنية.\n\n"
         "وتبنت جماعة أصحاب الكهف الهجوم على الرتل الذي كان ينقل إمدادات إلى قاعدة عين الأسد، في بيان على تلغرام.\n\n"
         "وأغلقت الشرطة الطريق السريع جنوب الحلة لمدة ٤ ساعات بينما فحص المحققون الموقع.",
         "ar", "2021-03-16"),
    ),
    (
        ("Drone strike kills two militia members near Erbil airport",
         "A drone strike hit a car near Erbil airport on October 4, killing 2 members of an armed faction, the "
         "Kurdistan Region's counter-terrorism service said in a statement.\n\n"
         "The service said the car was carrying weapons and that the strike took place 3 kilometres from the "
         "airport perimeter. Nobody else was hurt.\n\n"
         "It was the 5th drone attack in the area since the start of the year.",
         "en", "2022-10-04"),
        ("غارة بطائرة مسيرة تقتل عنصرين من فصيل مسلح قرب مطار أربيل",
         "استهدفت غارة بطائرة مسيرة سيارة قرب مطار أربيل في ٤ تشرين الأول، ما أسفر عن مقتل ٢ من عناصر فصيل مسلح، "
         "بحسب بيان لجهاز مكافحة الإرهاب في إقليم كردستان.\n\n"
         "وقال الجهاز إن السيارة كانت تنقل أسلحة وإن الضربة وقعت على بعد ٣ كيلومترات من محيط المطار، ولم يصب أحد "
         "غيرهما.\n\n"
         "وهذا الهجوم الخامس بطائرة مسيرة في المنطقة منذ بداية العام.",
         "ar", "2022-10-04"),
    ),
    (
        ("Seven rockets fired at Baghdad's Green Zone, no casualties",
         "Seven Katyusha rockets were fired at the Green Zone in Baghdad late on November 12, the Iraqi military "
         "said, adding that there were no casualties.\n\n"
         "The rockets were launched from a truck parked in the al-Amin district, where security forces later found "
         "2 unused launch tubes. Air defences near the US embassy intercepted 3 of them.\n\n"
         "No group claimed the attack.",
         "en", "2020-11-13"),
        ("إطلاق سبعة صواريخ على المنطقة الخضراء في بغداد دون إصابات",
         "أطلقت سبعة صواريخ كاتيوشا على المنطقة الخضراء في بغداد في وقت متأخر من ليل ١٢ تشرين الثاني، بحسب بيان "
         "للجيش العراقي، الذي أكد عدم وقوع إصابات.\n\n"
         "وانطلقت الصواريخ من شاحنة متوقفة في منطقة الأمين، حيث عثرت القوات الأمنية لاحقا على ٢ من منصات الإطلاق "
         "غير المستخدمة. واعترضت الدفاعات الجوية قرب السفارة الأمريكية ٣ منها.\n\n"
         "ولم تتبن أي جهة الهجوم.",
         "ar", "2020-11-13"),
    ),
    (
        ("Journalist abducted in Basra is freed after three days",
         "Gunmen abducted the journalist Ahmed Jassim outside his home in Basra on August 21, and released him "
         "three days later on a road north of the city, his family said.\n\n"
         "Jassim, 34, had reported on the protests over electricity cuts for a local television channel. He told "
         "colleagues that his captors beat him and questioned him about his sources.\n\n"
         "The Iraqi Journalists Syndicate said it was the 3rd attack on a reporter in Basra this year.",
         "en", "2020-08-24"),
        ("الإفراج عن صحفي اختطف في البصرة بعد ثلاثة أيام",
         "اختطف مسلحون الصحفي أحمد جاسم أمام منزله في البصرة في ٢١ آب، وأطلقوا سراحه بعد ثلاثة أيام على طريق شمال "
         "المدينة، بحسب عائلته.\n\n"
         "وكان جاسم، البالغ من العمر ٣٤ عاما، يغطي الاحتجاجات على انقطاع الكهرباء لصالح قناة تلفزيونية محلية. وأبلغ "
         "زملاءه أن خاطفيه ضربوه واستجوبوه بشأن مصادره.\n\n"
         "وقالت نقابة الصحفيين العراقيين إنه الاعتداء الثالث على صحفي في البصرة هذا العام.",
         "ar", "2020-08-24"),
    ),
    (
        ("Six protesters killed as security forces open fire in Nasiriyah",
         "Security forces opened fire on protesters who had blocked a bridge in Nasiriyah on November 28, killing 6 "
         "people and wounding 45, medical sources in Dhi Qar province said.\n\n"
         "The protesters had been demanding jobs and an end to corruption. The governor announced a curfew and "
         "said an inquiry would be opened.\n\n"
         "Mourners carried the coffins through the city centre the next morning.",
         "en", "2019-11-28"),
        ("مقتل ستة محتجين بعد أن فتحت القوات الأمنية النار في الناصرية",
         "فتحت القوات الأمنية النار على محتجين كانوا يغلقون جسرا في الناصرية في ٢٨ تشرين الثاني، ما أدى إلى مقتل ٦ "
         "أشخاص وإصابة ٤٥، بحسب مصادر طبية في محافظة ذي قار.\n\n"
         "وكان المحتجون يطالبون بفرص عمل وبإنهاء الفساد. وأعلن المحافظ حظرا للتجوال وقال إنه سيفتح تحقيقا.\n\n"
         "وحمل المشيعون النعوش عبر وسط المدينة صباح اليوم التالي.",
         "ar", "2019-11-28"),
    ),
    (
        ("Four soldiers killed in attack on army post in Tarmiyah",
         "Islamic State militants attacked an army post in Tarmiyah, north of Baghdad, on May 9, killing 4 soldiers "
         "and wounding 2, a security source said.\n\n"
         "The attackers used sniper rifles and grenades before withdrawing into the orchards along the Tigris. "
         "Troops and helicopters were searching the area.\n\n"
         "Tarmiyah has seen 8 such attacks since January.",
         "en", "2021-05-09"),
        ("مقتل أربعة جنود في هجوم على نقطة للجيش في الطارمية",
         "هاجم مسلحون من تنظيم الدولة الإسلامية نقطة للجيش في الطارمية شمال بغداد في ٩ أيار، ما أدى إلى مقتل ٤ جنود "
         "وإصابة ٢، بحسب مصدر أمني.\n\n"
         "واستخدم المهاجمون بنادق قنص وقنابل يدوية قبل أن ينسحبوا إلى البساتين على ضفاف دجلة. وتقوم القوات والمروحيات "
         "بتفتيش المنطقة.\n\n"
         "وشهدت الطارمية ٨ هجمات مماثلة منذ كانون الثاني.",
         "ar", "2021-05-09"),
    ),
]

DISTINCT: list[Article] = [
    ("Gunmen attack checkpoint west of Ramadi",
     "Gunmen attacked a checkpoint west of Ramadi in Anbar province on July 2, killing 5 soldiers, "
     "a military spokesman said.\n\n"
     "No group claimed the attack, the 2nd on the checkpoint this year, and 7 suspects were detained "
     "in villages near Ramadi after a search that lasted 9 hours.",
     "en", "2021-07-02"),
    ("Drone attack on Erbil airport causes damage but no casualties",
     "Three explosive-laden drones targeted Erbil airport on April 14, damaging a hangar used by the coalition, "
     "the Kurdistan Region's interior ministry said. Nobody was hurt.\n\n"
     "Officials said 2 of the drones were shot down over the airport, and that the attack was the 4th on the "
     "airport in 12 months.",
     "en", "2022-04-14"),
    ("صواريخ تستهدف مطار بغداد الدولي",
     "سقطت ثلاثة صواريخ على محيط مطار بغداد الدولي في ٣ كانون الثاني، ما أدى إلى إصابة ٢ من عمال الخدمات، "
     "بحسب خلية الإعلام الأمني.\n\n"
     "وقالت الخلية إن الصواريخ أطلقت من منطقة الرضوانية، وإن القوات عثرت على منصة الإطلاق بعد ساعات.",
     "ar", "2021-01-03"),
    ("Protesters wounded in clashes in Nasiriyah",
     "Clashes between protesters and police in Nasiriyah on February 26 wounded 23 people, including 9 members "
     "of the security forces, health officials in Dhi Qar province said.\n\n"
     "The protesters, who were demanding the release of 4 activists, set fire to tyres near the provincial "
     "council building.",
     "en", "2021-02-26"),
    ("مقتل جنديين بهجوم لداعش في الطارمية",
     "قتل جنديان وأصيب ٣ آخرون في هجوم لمسلحي داعش على دورية للجيش في الطارمية شمال بغداد في ١٧ أيلول، "
     "بحسب مصدر أمني.\n\n"
     "وأضاف المصدر أن المهاجمين فجروا عبوة ناسفة قبل أن يطلقوا النار على الدورية.",
     "ar", "2021-09-17"),
]

ROUNDUP: Article = (
    "Iraq security roundup",
    "Here is a summary of the main security incidents reported in Iraq this week.\n\n"
    "Babil: a roadside bomb hit a convoy near Hillah on March 16, killing 3 drivers and wounding 11; Ashab "
    "al-Kahf claimed the attack.\n\n"
    "Baghdad: 4 soldiers were killed in an attack on an army post in Tarmiyah on May 9.\n\n"
    "Basra: the journalist Ahmed Jassim, abducted on August 21, was released after 3 days.\n\n"
    "Erbil: a drone strike killed 2 members of an armed faction near the airport on October 4.",
    "en", "2021-03-17",
)
