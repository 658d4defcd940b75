"""Small word lists the recogniser uses to tell places from other capitalised words.

All entries are key forms (see :func:`marsad.places.aliases.name_key`).
"""

from __future__ import annotations

from types import MappingProxyType

# English words that are also names of (usually small) places: accepted only with evidence.
COMMON_WORDS = frozenset("""
a about above across after again against age agency aid air all alliance also am american among an and
angel angels another any april are area arm army around art as ask at august authority autumn away back
bad bank banks base basin battle bay be beach bear beautiful because bed before begin behind being bell
bells below best better between big bill billion bird black block blue board body bond book border both
boulder bowl box boy branch bread breakfast bridge brief bright bring broad brother brown buffalo bush
business but buy by cabinet call camp can canal cape capital captain car card care carry case cash castle
cat cause center central centre chance change chapel charity chase check cherry chief child church circle
city civil clay clear cliff clinic close club coach coal coast cold college colony come commerce common
community concord congress content control cool copper corner cotton council country county court cove
cover crane creek crescent crop cross crown cup current cut dale damage dark data date day de dean
deal death december defence defense del delta deputy desert diamond did do does dollar
dome done door double dove down dr dream drive dry duke during eagle early earth east eastern easy eden
education eight election elm else embassy emerald empire end energy english enterprise equality even
evening ever every evidence exchange export fair faith fall falls family far farm farmer fate father
february federal fee felt few field fields fifth fight final fine fire first fish five flag flat flint
floor flower fly follow food for force forest forests fork fort forth fortune forum forward
four fox free freedom french friday friend friendship from front fruit fuel fund future gain gap
garden gas gate general gentry german gift girl give glen globe go god gold golden good gourd
grace grand grant grass grave great green grove guard guide gulf half hall hand happy harbor
harbour hard harmony harvest has have haven he head health heart heaven her here hero hide high hill
hills him his historic hit home homes honor hood hope horse hospital hot hotel house how however human
hunter i ice ideal if in independence industry inn interior iron is island it its january
jazz jewel job join joy judge july june just justice keep key kill king kings kiss kitchen knight
lake land landing last late law lead league leave left legacy liberal liberty life light like
lily lime line link lion little live lock lodge long lord lost love low loyal luck lucky lunch
made magnet mail main major make mall man manager many maple march marine mark market martin
mary mass master may mayor me meadow medical meet member memorial mercy metro middle midway might mile
mill million mine minister mission mobile model monday money moon more morning most mother mount
mountain move much museum music my name nation national nature navy near needle new news next nice
night nine no noble none normal north northern not nothing notice november now number oak oasis ocean
october of off office oil ok old olive on one only open opportunity or orange order ordinary other our
out over pacific page palace palm paradise park part party pass patience peace peak pearl pen
people pepper pilot pine pioneer plain plains plan plant plaza pleasant plenty plum
point police pond pool poplar port post power prairie premier president price pride prime prince
princess progress promise prospect providence public pump queen quest quiet race rain ranch range
rapid rapids raven reading ready record red reform register relief republic rescue reserve rest
result return rich ridge right ring rio rise river road rock room root rose round royal rural
rush safety saint sale salt same sand santa saturday savage say school sea season second
security see senate september service set seven shadow shell shelter short side silver simple sir
six sky slope small smith snow so social society soldier south southern spring springs square
staff star start state station steel stone story street strong success such summer summit sun
sunday sunrise sunset superior support sure sweet table talent tea team temple ten tent than that
the their them then there these they thing third this those three through thunder thursday tide
time to today together top torch tour tower town trade trail transfer tree trinity truth
tuesday turn twin two under union unity university up upper us valley van very
victoria victory view village vine virgin vista voice volunteer wall war ward washington
watch water wave way we wednesday well wells west western what when where which white who why
wild will win wind window winter with wolf wood woods work world worth year yes yet you young
youth zion hamas she sen jan feb nov dec oct sept aug ten section secretary officer bureau christmas
jesus olympic titan honda parks arab gulf ismaili christian muslim jewish catholic god allah easter
centre research airport region cave jul haq ahl nasr taliban hezbollah daesh isis isil nujaba said
friendly western eastern northern southern sadr manar sari bilad resistance
""".split())

# Two-word names that are almost never the place of that name.
NOT_PLACES = frozenset({"white house", "new year", "red cross", "middle school", "high school", "st patrick",
                        "al manar", "al jazeera", "al arabiya", "al qaeda", "al nusra", "al quds force"})

# Lower-case words that may precede a capitalised place without making it part of a longer name.
FUNCTION_WORDS = frozenset("""
a about across after against along amid among around as at before behind below beneath beside between
beyond but by despite during for from in inside into like near of off on onto outside over past since
than the then through throughout to toward towards under until up upon via while with within without
and or nor yet so if when where whereas both either neither also even still only just this that these
those its their his her our your my we they he she it there here said says say say
""".split())

# Capitalised words after which a place name stays a place ("North Baghdad", "Greater Cairo").
DIRECTIONS = frozenset("""
north south east west northern southern eastern western central northeast northwest southeast southwest
northeastern northwestern southeastern southwestern greater upper lower inner outer downtown rural
metropolitan old new
""".split())

# The same in Arabic (folded), with and without the article; and Arabic words for regions and units.
# "northern Aleppo": part of an area; says nothing of its level, but is no reason to read the bare town
AREA_ADJECTIVES = frozenset("northern southern eastern western central northeastern northwestern southeastern southwestern".split())
AR_DIRECTIONS = frozenset("""
شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي الشمالي الجنوبي الشرقي الغربي شماليه جنوبيه شرقيه غربيه
الشماليه الجنوبيه الشرقيه الغربيه الوسطى وسطى
""".split())
AR_UNITS = frozenset("منطقه المنطقه محافظه المحافظه ولايه الولايه اقليم الاقليم قضاء ناحيه".split())

TITLES = frozenset("""
mr mrs ms miss dr prof president presidents sen senator rep representative gov governor gen general lt
col colonel maj major sgt sergeant capt captain adm admiral cmdr commander sheikh shaikh sheik imam
ayatollah mullah sayyid sayed king queen prince princess emir amir sultan minister premier chancellor
judge justice rev reverend father brother sister saint pope lord lady sir dame mayor chief officer
detective deputy sheriff coach abu umm bin ibn ben bint mrs. mister madam
""".split())

_EN_FIRST = """
michael john james robert david william richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank
alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter
kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur
lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy
ralph randy eugene vincent russell elijah louis bobby philip johnny patricia jennifer linda
elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley kimberly emily
donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel
catherine carolyn janet ruth maria heather diane virginia julie joyce olivia kelly christina
lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn
sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla barack hillary joe
"""
# Given names common in Middle East reporting: a lone one is a person unless a cue says otherwise.
AR_FIRST_NAMES = frozenset("""
vladimir recep bashar hafez saddam nouri haider haidar mustafa mohammed muhammad mohammad ahmed ahmad
ali hassan hussein husayn hussain omar umar khalid abdullah abdul abd ibrahim ismail youssef yusuf
yousef mahmoud mahmud qassem qasim jafar jaafar muqtada ammar hadi hamid nouri masoud massoud
jalal nechirvan kamal tariq tarek salim saleh salih faisal fahd nasser nasrallah hasan akram kais
qais falih faleh adel adil ayad iyad mowaffak muwaffaq osama usama abu khalil
""".split())
FIRST_NAMES = frozenset(_EN_FIRST.split()) | AR_FIRST_NAMES
PERSON_LEADS = FIRST_NAMES | TITLES  # words after which capitalised words are a person's name
# Lower-case roles before a person's first and last name ("whistleblower Chelsea Manning").
PERSON_ROLES = frozenset("""
whistleblower whistle-blower activist activists journalist journalists reporter reporters lawyer lawyers
attorney blogger dissident dissidents editor photographer photojournalist columnist poet writer novelist
filmmaker artist singer rapper cartoonist publisher defender campaigner unionist trade-unionist leader
spokesman spokeswoman spokesperson founder co-founder teacher student professor academic scholar
researcher doctor nurse priest pastor bishop cleric preacher farmer businessman businesswoman
opponent critic politician lawmaker candidate prisoner detainee victim suspect wife husband son daughter
brother sister mother father widow director coordinator chairman chairwoman chairperson secretary prosecutor
judge counsel advocate organizer organiser officer president minister commander
""".split())

# Context after a name that shows a person ("He Qian alleged", "Li Wei was arrested", "Li Wei's lawyer").
PERSON_VERBS = frozenset("""
said says told tells alleged alleges accused accuses testified testifies wrote writes recalled recalls added
explained insisted insists admitted admits denied denies sued pleaded complained recounted tweeted argued
claimed urged
""".split())
PERSON_PASSIVES = frozenset("""
arrested detained sentenced jailed imprisoned charged convicted acquitted released freed kidnapped abducted
summoned interrogated questioned tortured assaulted harassed beaten born married fired dismissed elected
appointed quoted groped raped murdered stabbed shot
""".split())
# Words allowed between a name and its verb ("Li Wei has also said", "Li Wei was later released").
PERSON_AUXILIARIES = frozenset("was is were has had have been also later previously reportedly allegedly".split())
# Nouns after a name's possessive that belong to persons, not places ("Li Wei's lawyer").
PERSON_NOUNS = frozenset("""
lawyer lawyers attorney attorneys wife husband son daughter mother father brother sister parents widow
girlfriend boyfriend fiance fiancee accuser accusers allegations allegation accusations testimony lawsuit
memoir
""".split())
# Capitalised words that open a sentence or a date, not a name ("Later Tehran said", "On Monday Baghdad said").
NAME_OPENERS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december later meanwhile yesterday today tonight earlier instead however
now then still also thus finally recently separately
""".split())

# Capitalised words after a place or demonym that make the phrase an organisation.
ORG_WORDS = frozenset("""
army forces force police guard guards government ministry council party front brigade brigades battalion
battalions division corps militia militias movement units unit mobilization mobilisation command
authority company corporation corp inc ltd group bank university college school hospital times post
news tribune herald journal gazette daily press network agency airlines airways railway railways
league association federation committee commission institute foundation society union club team fc
church mosque center centre cooperative board department office court parliament assembly senate
congress embassy consulate red crescent cross telecom petroleum oil energy media tv radio channel
democratic revolutionary national islamic resistance liberation defense defence security intelligence
""".split())

# Capitalised words after a place that keep it a place (facility or area named after it).
PLACE_TAILS = frozenset("""
governor governorate's mayor residents officials authorities
province governorate district county city town village region area valley plain plains basin desert
dam bridge airport airbase base camp crossing border frontier outskirts suburbs countryside road highway
mountains mountain hills lake river front sector
""".split())

ADMIN_TAILS = frozenset("province governorate state region".split())
ADMIN2_TAILS = frozenset("district county parish subdistrict qada nahiya".split())
# Words that may stand beside a unit's name inside an ACLED note's parentheses ("Djugu territory", "Kauru LGA").
UNIT_WORDS = ADMIN_TAILS | ADMIN2_TAILS | frozenset("""
territory prefecture subprefecture sub-prefecture department commune cercle lga municipality oblast raion rayon
township zone woreda division emirate chiefdom locality town village city area
""".split())

# Nouns after which an acronym ("FAMa post", "FARDC soldiers", "ENDF convoy") names an armed force, not a place.
MILITARY_NOUNS = frozenset("""
soldier soldiers troop troops post posts outpost outposts base bases position positions camp camps convoy convoys
patrol patrols checkpoint checkpoints barracks personnel unit units forces officer officers commander commanders
vehicle vehicles garrison detachment
""".split())

# "<cue> of X" and "<cue> X" phrases (English), with the kind of evidence they give.
EN_CUES_OF = MappingProxyType({
    "province": "admin", "governorate": "admin", "state": "admin", "region": "admin",
    "district": "admin2", "county": "admin2", "subdistrict": "admin2",
    "city": "settlement", "town": "settlement", "village": "settlement", "villages": "settlement",
    "towns": "settlement", "area": "near", "outskirts": "near", "vicinity": "near", "suburbs": "near",
    "north": "near", "south": "near", "east": "near", "west": "near", "northeast": "near",
    "northwest": "near", "southeast": "near", "southwest": "near", "countryside": "near",
    "neighbourhood": "settlement", "neighborhood": "settlement", "capital": "settlement",
})
EN_CUES_BEFORE = MappingProxyType({"near": "near", "outside": "near", "around": "near", "in": "in", "at": "in",
                  "from": "in", "into": "in", "across": "in", "toward": "in", "towards": "in"})
AR_CUES_BEFORE = MappingProxyType({
    "محافظه": "admin", "ولايه": "admin", "اقليم": "admin", "قضاء": "admin2", "ناحيه": "admin2",
    "مدينه": "settlement", "قريه": "settlement", "بلده": "settlement", "مخيم": "settlement", "حي": "settlement",
    "منطقه": "near", "ريف": "near", "شمال": "near", "جنوب": "near", "شرق": "near", "غرب": "near",
    "شمالي": "near", "جنوبي": "near", "شرقي": "near", "غربي": "near", "قرب": "near", "اطراف": "near",
    "قاعده": "in", "معبر": "in", "مطار": "in", "في": "in", "من": "in", "الى": "in", "نحو": "in",
})
NEAR_CUES = frozenset({"near"})

# Arabic words that are names of some small place somewhere but, alone, almost always mean something else.
AR_COMMON = frozenset("""
البلاد الدوله المدينه العاصمه الحدود الجيش الشرق الغرب الشمال الجنوب الوسط المنطقه الاقليم الحكومه
السلام الامن النصر الحريه العمل الخير الامل النور الحق الوطن الشعب الناس الارض السماء البحر النهر
الجبل الوادي القريه البلده الحي السوق المركز الساحه الطريق الجسر المطار القاعده المعبر الدوله
الاسلام الاسلاميه الاسلامي الدين الحرب القتال الهجوم القصف العمليه العمليات القوات الامم المتحده
الغربيه الشرقيه الشماليه الجنوبيه الوسطى الغربي الشرقي الشمالي الجنوبي كان جديد جديده دوله عبور ميدان
عاصمه مدينه بلده قريه منطقه امل وان ان اراك بشار قابل بيان وادي تحالف التحالف طراز نوع خلال اجل دون جهه جراء جانب عدد
شرقيه غربيه شماليه جنوبيه وسطى سوق السوق بساتين البساتين البو ابو ام تل عين دير بئر خان كفر بيت جبل الجديده الرئيس الوزير اليوم امس غدا بعد قبل عند بين حول ضد فوق تحت قرب بالقرب في على من الى عن مع لدى الذي التي الذين هذا هذه ذلك تلك
""".split())

# Arabic names of countries and regions that are common words too ("مالي" financial, "بنين" sons, "بأي"
# with any -- Bay, Somalia): a place only after a place cue or one of the words of AR_PLACE_BEFORE ("رئيس
# مالي", "إلى مالي"; keys are folded: رييس, الي).
AR_COMMON_UNCUED = frozenset("مالي بنين باي".split())
AR_PLACE_BEFORE = frozenset("""
في الي من عبر داخل خارج وسط شمال جنوب شرق غرب شمالي جنوبي شرقي غربي جمهوريه دوله حكومه جيش رييس عاصمه
""".split())

# Transliterated Arabic generic terms that begin many place names ("Wadi al-Tharthar", "Jabal Sinjar",
# "Ain Issa"): alone they name no place, whatever town somewhere shares the spelling.
AR_GENERIC = frozenset("""
wadi jabal jebel jabel tal tel tell tall ain ayn bir deir dayr khan jurf hawr nahr ras qasr kafr beit bayt umm
abu sayyid shatt bab souq suq qalat qalaat hay hayy mazraa mazraat khirbat khirbet tallat sheikh shaykh
""".split())

# Frequent surnames that are also place names: a lone one needs evidence.
SURNAMES = frozenset("""
smith johnson williams brown jones miller davis garcia rodriguez wilson martinez anderson taylor thomas
hernandez moore jackson thompson white lopez gonzalez harris clark lewis robinson walker perez hall
young allen sanchez wright king scott green baker adams nelson hill ramirez campbell mitchell roberts
carter phillips evans turner torres parker collins edwards stewart flores morris nguyen murphy rivera
cook rogers morgan peterson cooper reed bailey bell gomez kelly howard ward cox diaz richardson wood
watson brooks bennett gray james reyes cruz hughes price myers long foster sanders ross morales powell
sullivan russell ortiz jenkins gutierrez perry butler barnes fisher henderson coleman simmons patterson
jordan reynolds hamilton graham kim gonzales alexander ramos wallace griffin west cole hayes chavez
gibson bryant ellis stevens murray ford marshall owens mcdonald harrison ruiz kennedy wells alvarez
woods mendoza castillo olson webb washington tucker freeman burns henry vasquez snyder simpson crawford
jimenez porter mason shaw gordon wagner hunter romero hicks dixon hunt palmer robertson black holmes
stone meyer boyd mills warren fox rose rice moreno schmidt patel ferguson nichols herrera medina ryan
fernandez weaver daniels stephens gardner payne kelley dunn pierce arnold tran spencer peters hawkins
grant hansen castro hoffman hart elliott cunningham knight bradley lane dodge obama clinton bush
lincoln harding wilkinson underwood dyer sanford hardeman ripley trapani samra pack chamber
""".split())

# Surnames that after a place name are a building or business ("Arlington Chamber", "Ozark Dodge").
FACILITY_SURNAMES = frozenset("hall chamber chambers dodge ford church park bell king mills stone wood woods".split())

# Names of armed groups and parties that collide with place names ("Hamas" is also a name of Hamm).
ORG_NAMES = frozenset("""
hamas hezbollah hizbollah hizballah taliban daesh isis isil nujaba fatah qaeda houthis houthi ansarallah
peshmerga hashd pkk ypg sdf hts nusra
""".split())
